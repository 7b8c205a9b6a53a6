/**
 * 导出采用通报 (the city side of the loop, issue 17), on the 上报 and 统计 pages: for one unit that
 * sent packets and a period, noticeExport writes the adoption notice zip into a folder (the USB
 * drive). Which items were adopted, and whether there are any, is the API's to say; its refusal
 * is shown as it is. Then, as after other exports, the file can be opened or shown in its folder.
 */
import { Alert, Button, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconFileExport, IconFolderOpen } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { NoticeExportResult } from '../../../src-main/api/ops/packet-loop';
import { useApi } from '../../api/context';
import { notifyError } from '../../api/notify';
import { todayIso } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';
import { fileSize } from './PacketRegister';
import { rememberFolder, rememberedFolder } from '../../hooks/rememberedFolder';

const FOLDER_KEY = 'bulletin.noticeFolder';

export interface NoticeExportDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The period to start from: the 统计 page passes the one it shows; otherwise this month. */
  period?: string;
}

export function NoticeExportDialog({ opened, onClose, period }: NoticeExportDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="导出采用通报" size="lg" centered closeOnClickOutside={false} data-testid="notice-export-dialog">
      {opened && <ExportForm onClose={onClose} period={period ?? todayIso().slice(0, 7)} />}
    </Modal>
  );
}

function ExportForm({ onClose, period: initialPeriod }: { onClose: () => void; period: string }) {
  const api = useApi();
  // The units that sent packets: a notice goes only to them.
  const received = useLoad(() => api.call('receivedPacketList', {}), [api]);
  const senders = useMemo(() => [...new Set((received.data ?? []).map((p) => p.unit))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [received.data]);
  const [unit, setUnit] = useState<string | null>(null);
  const [period, setPeriod] = useState(initialPeriod);
  const [out, setOut] = useState(() => rememberedFolder(FOLDER_KEY));
  const [result, setResult] = useState<NoticeExportResult | null>(null);
  const { busy, error, submit } = useSubmit();

  const run = () =>
    submit(async () => {
      const r = await api.call('noticeExport', { unit: unit!, period: period.trim(), out: out.trim() });
      rememberFolder(FOLDER_KEY, out.trim());
      setResult(r);
    });

  const pickFolder = async () => {
    const chosen = await api.pickFolder?.();
    if (chosen) setOut(chosen);
  };

  if (result) {
    return (
      <Stack gap="sm" data-testid="notice-export-result">
        <Alert color="teal" title="采用情况通报已生成">
          <Stack gap={4}>
            <Text size="sm" data-testid="notice-export-path">
              {result.path}
            </Text>
            <Text size="sm">
              发给：{result.unit}，采用 {result.adoptions} 条；{fileSize(result.size)}
            </Text>
            <Text size="xs">
              SHA-256：<Code>{result.sha256}</Code>
            </Text>
            <Text size="xs" c="dimmed">
              把这个 zip 文件拷给对方，由对方在编印台“统计”页“导入采用通报”中导入。
            </Text>
          </Stack>
        </Alert>
        <Group justify="flex-end">
          {api.openFile && (
            <Button variant="light" onClick={() => void api.openFile?.(result.path).catch(notifyError)}>
              打开文件
            </Button>
          )}
          {api.mode === 'desktop' && (
            <Button variant="light" onClick={() => void api.showInFolder(result.path).catch(notifyError)}>
              在文件夹中显示
            </Button>
          )}
          <Button onClick={onClose} data-testid="notice-export-done">
            完成
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      {received.error && <Alert color="red">{received.error}</Alert>}
      {received.data && senders.length === 0 && (
        <Alert color="yellow" title="还没有接收过上报包" data-testid="notice-export-none">
          采用通报发给经上报包报送信息的单位。请先在“来稿”页用“接收上报包”接收各县区、部门的上报包。
        </Alert>
      )}
      <Select
        label="发给哪个单位"
        withAsterisk
        placeholder="选择报送过上报包的单位"
        data={senders}
        value={unit}
        onChange={setUnit}
        searchable
        data-testid="notice-export-unit"
      />
      <TextInput
        label="期间"
        withAsterisk
        description="2026-11（一个月）、2026（全年）或 2026-11-01..2026-11-30；通报列出期间内签发的刊物采用的该单位信息"
        value={period}
        onChange={(e) => setPeriod(e.currentTarget.value)}
        data-testid="notice-export-period"
      />
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label="保存到文件夹"
          withAsterisk
          description="如 U 盘上的文件夹；文件名自动生成，不会覆盖已有文件"
          placeholder="例如 E:\采用通报"
          value={out}
          onChange={(e) => setOut(e.currentTarget.value)}
          data-testid="notice-export-out"
        />
        {api.pickFolder && (
          <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => void pickFolder()}>
            选择…
          </Button>
        )}
      </Group>
      <DialogFooter
        error={error}
        errorTitle="未生成通报"
        errorTestId="notice-export-error"
        onCancel={onClose}
        confirm={{
          label: (
            <>
              <IconFileExport size={16} style={{ marginRight: 6 }} />
              生成采用通报
            </>
          ),
          onClick: () => void run(),
          busy,
          disabled: !unit || !period.trim() || !out.trim(),
          testId: 'notice-export-confirm',
        }}
      />
    </Stack>
  );
}
