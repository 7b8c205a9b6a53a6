/**
 * 上报: packets for the city office. Who sends them (本单位, editable here), 生成上报包, the
 * register of every export, 校验上报包 for a zip on this PC or a USB drive, and (at the city)
 * 导出采用通报 for the units whose packets were received.
 */
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconFileExport, IconFileZip, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { SenderSettings } from '../../src-main/api/ops/packets';
import { useApi } from '../api/context';
import { EmptyHint } from '../components/common/EmptyHint';
import { NoticeExportDialog } from '../components/packets/NoticeExportDialog';
import { PacketExportDialog } from '../components/packets/PacketExportDialog';
import { PacketRegister } from '../components/packets/PacketRegister';
import { PacketVerifyDialog } from '../components/packets/PacketVerifyDialog';
import { PageHeader } from '../components/common/PageHeader';
import { ListExportButton } from '../components/table/ListExportButton';
import { SenderDialog } from '../components/packets/SenderDialog';
import { useLoad } from '../hooks/useLoad';

function senderComplete(s: SenderSettings): boolean {
  return Boolean(s.office && s.contactPerson && s.phone);
}

function SenderCard({ sender, onEdit }: { sender: SenderSettings; onEdit: () => void }) {
  const complete = senderComplete(sender);
  if (!complete) {
    return (
      <Alert color="yellow" title="请先填写本单位" data-testid="sender-missing">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">上报包必须写明本单位、联系人和联系电话，市政府办公室据此联系。填写后才能生成上报包。</Text>
          <Button size="xs" onClick={onEdit} data-testid="sender-edit">
            填写
          </Button>
        </Group>
      </Alert>
    );
  }
  return (
    <Paper withBorder p="sm" data-testid="sender-card">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            本单位：{sender.office}
            {sender.shortName && sender.shortName !== sender.office && (
              <Text span size="sm" c="dimmed" fw={400}>
                （简称：{sender.shortName}）
              </Text>
            )}
          </Text>
          <Text size="sm" c="dimmed">
            {`联系人：${sender.contactPerson}　电话：${sender.phone}`}
          </Text>
        </Stack>
        <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={onEdit} data-testid="sender-edit">
          修改
        </Button>
      </Group>
    </Paper>
  );
}

export function PacketsPage() {
  const api = useApi();
  const settings = useLoad(() => api.call('settingsGet', {}), [api]);
  const register = useLoad(() => api.call('packetList', {}).then((p) => p.rows), [api]);
  const [editing, setEditing] = useState<SenderSettings | null>(null);
  const [exporting, setExporting] = useState(false);
  const [verifyPath, setVerifyPath] = useState<string | null>(null);
  const [noticeOpen, setNoticeOpen] = useState(false);

  const sender = settings.data?.sender;
  const ready = sender !== undefined && senderComplete(sender);
  const packets = register.data ?? [];
  return (
    <>
      <PageHeader title="上报" hint="向市政府办公室信息科报送的上报包：生成、登记、校验">
        <Button variant="default" leftSection={<IconShieldCheck size={16} />} onClick={() => setVerifyPath('')} data-testid="packet-verify-open">
          校验上报包
        </Button>
        <Button leftSection={<IconFileZip size={16} />} onClick={() => setExporting(true)} disabled={!ready} data-testid="packet-export-open">
          生成上报包
        </Button>
        <ListExportButton request={() => ({ list: 'packets' })} testId="packets-export" />
        {/* issue 17: adoption notices back to the units whose packets were received */}
        <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => setNoticeOpen(true)} data-testid="notice-export-open">
          导出采用通报
        </Button>
      </PageHeader>
      <Stack gap="md">
        {settings.error && (
          <Alert color="red" title="设置没有载入">
            {settings.error}
          </Alert>
        )}
        {sender && <SenderCard sender={sender} onEdit={() => setEditing(sender)} />}
        <div>
          <Title order={5} mb={6}>
            上报登记簿
          </Title>
          {register.error && (
            <Alert color="red" title="登记簿没有载入">
              {register.error}
            </Alert>
          )}
          {register.loading && !register.data && <Loader m="md" />}
          {register.data && packets.length === 0 && (
            <EmptyHint title="还没有上报过">选择已签发的期次或单条信息，生成上报包，拷到 U 盘后从联网电脑报送。每次导出都会登记在这里。</EmptyHint>
          )}
          {packets.length > 0 && <PacketRegister packets={packets} onVerify={setVerifyPath} />}
        </div>
      </Stack>
      <SenderDialog
        sender={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          settings.reload();
        }}
      />
      <PacketExportDialog
        opened={exporting}
        onClose={() => setExporting(false)}
        onExported={() => register.reload()}
        onVerify={(path) => {
          setExporting(false);
          setVerifyPath(path);
        }}
      />
      <PacketVerifyDialog initialPath={verifyPath} onClose={() => setVerifyPath(null)} />
      <NoticeExportDialog opened={noticeOpen} onClose={() => setNoticeOpen(false)} />
    </>
  );
}
