/**
 * 接收上报包 (the city side of the loop, issue 17): a county's or department's packet, chosen
 * (uploaded in browser mode) or its path typed, is first verified (packetVerify, the report as
 * the 上报 page shows it), then received (packetImport), which checks everything again and
 * registers its items as drafts. A sender not in the unit list is refused by the API; the
 * dialog then offers to create it (县/区 or 部门) or to name an existing unit, and asks again.
 */
import { Alert, Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { IconInbox, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { PacketImportResult } from '../../../src-main/api/ops/packet-loop';
import type { PacketVerifyResult } from '../../../src-main/api/ops/packets';
import type { Unit } from '../../../src-main/api/types';
import { ApiCallError } from '../../api/client';
import { useApi } from '../../api/context';
import { formatTimestamp } from '../../format';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';
import { unitSearchProps } from '../common/unitSearch';
import { NO_SOURCE, ZipSourceField, hasSource, sourceArgs, type ZipSource } from '../common/ZipSourceField';
import { PacketReport } from '../packets/PacketReport';

export interface PacketReceiveDialogProps {
  opened: boolean;
  units: Unit[];
  onClose: () => void;
  /** Drafts were registered (or a unit created): the register reloads. */
  onReceived: () => void;
}

export function PacketReceiveDialog({ opened, units, onClose, onReceived }: PacketReceiveDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="接收上报包" size="xl" centered closeOnClickOutside={false} data-testid="packet-receive-dialog">
      {opened && <ReceiveFlow units={units} onClose={onClose} onReceived={onReceived} />}
    </Modal>
  );
}

/** How an unknown sender is to be registered: created with a kind, or an existing unit. */
type SenderChoice = 'county' | 'department' | 'existing';

function ReceiveFlow({ units, onClose, onReceived }: Omit<PacketReceiveDialogProps, 'opened'>) {
  const api = useApi();
  const [source, setSource] = useState<ZipSource>(NO_SOURCE);
  const [report, setReport] = useState<PacketVerifyResult | null>(null);
  const [result, setResult] = useState<PacketImportResult | null>(null);
  // Set once the API refused the sender as unknown: the choice below is then asked for.
  const [unknownSender, setUnknownSender] = useState(false);
  const [choice, setChoice] = useState<SenderChoice>('county');
  const [unitId, setUnitId] = useState<string | null>(null);
  const { busy, error, setError, submit } = useSubmit();

  const change = (s: ZipSource) => {
    setSource(s);
    setReport(null);
    setUnknownSender(false);
    setError(null);
  };

  const verify = () =>
    submit(async () => {
      setReport(null);
      setReport(await api.call('packetVerify', await sourceArgs(source)));
    });

  const receive = () =>
    submit(
      async () => {
        const sender = !unknownSender ? {} : choice === 'existing' ? (unitId ? { unit: Number(unitId) } : {}) : { newUnitKind: choice };
        const r = await api.call('packetImport', { ...(await sourceArgs(source)), ...sender });
        setResult(r);
        if (r.status === 'imported') onReceived();
      },
      // No unit was named, so "not found" is the sender: offer to create it or to pick a unit.
      (e) => {
        if (e instanceof ApiCallError && e.code === 'NOT_FOUND' && !unknownSender) setUnknownSender(true);
      },
    );

  if (result) return <ReceiveResult result={result} onClose={onClose} />;

  const senderReady = !unknownSender || choice !== 'existing' || unitId !== null;
  return (
    <Stack gap="sm">
      <ZipSourceField
        label="上报包文件"
        placeholder="例如 E:\城关县政府办_政务信息_2026第12期_20261121.zip"
        value={source}
        onChange={change}
        testId="packet-receive"
        disabled={busy}
      />
      {!report && (
        <Group justify="flex-end">
          <Button leftSection={<IconShieldCheck size={16} />} onClick={() => void verify()} loading={busy} disabled={!hasSource(source)} data-testid="packet-receive-verify">
            校验
          </Button>
        </Group>
      )}
      {report && <PacketReport report={report} />}
      {report && !report.ok && (
        <Alert color="red" title="上报包未通过校验，不能接收" data-testid="packet-receive-refused">
          请报送单位重新生成上报包，或重新从 U 盘复制后再接收。没有登记任何来稿。
        </Alert>
      )}
      {unknownSender && (
        <Stack gap="xs" data-testid="packet-receive-sender">
          <Radio.Group label="报送单位不在单位名单中，请选择如何登记" value={choice} onChange={(v) => setChoice(v as SenderChoice)}>
            <Group mt={4}>
              <Radio value="county" label="新建为单位，类别：县/区" data-testid="packet-receive-new-county" />
              <Radio value="department" label="新建为单位，类别：部门" data-testid="packet-receive-new-department" />
              <Radio value="existing" label="登记在已有单位名下" data-testid="packet-receive-existing" />
            </Group>
          </Radio.Group>
          {choice === 'existing' && (
            <Select
              placeholder="选择单位"
              data={units.map((u) => ({ value: String(u.id), label: u.name }))}
              value={unitId}
              onChange={setUnitId}
              {...unitSearchProps(units)}
              data-testid="packet-receive-unit"
            />
          )}
        </Stack>
      )}
      <DialogFooter
        error={error}
        errorTitle={unknownSender ? '报送单位需要确认' : '上报包未接收'}
        errorColor={unknownSender ? 'orange' : 'red'}
        errorTestId="packet-receive-error"
        onCancel={onClose}
        confirm={
          report?.ok
            ? { label: <><IconInbox size={16} style={{ marginRight: 6 }} />接收并登记为来稿</>, onClick: () => void receive(), busy, disabled: !senderReady, testId: 'packet-receive-confirm' }
            : undefined
        }
      />
    </Stack>
  );
}

function ReceiveResult({ result, onClose }: { result: PacketImportResult; onClose: () => void }) {
  const p = result.packet;
  const drafts = p.submissionIds.map((i) => `#${i}`).join('、');
  return (
    <Stack gap="sm" data-testid="packet-receive-result" data-status={result.status}>
      {result.status === 'already' ? (
        <Alert color="yellow" title="这个上报包已经接收过">
          <Text size="sm">
            已于 {formatTimestamp(p.importedAt)} 接收（第 {p.id} 号接收记录，{p.fileName}，来稿 {drafts}），这次没有登记任何新来稿。
          </Text>
        </Alert>
      ) : (
        <Alert color="teal" title="上报包已接收">
          <Stack gap={4}>
            <Text size="sm">
              {p.fileName}（第 {p.id} 号接收记录）
            </Text>
            <Text size="sm">
              报送单位：{p.senderOffice}，登记在单位“{p.unit}”名下
            </Text>
            <Text size="sm" data-testid="packet-receive-count">
              登记来稿 {result.imported} 条：{drafts}
            </Text>
            {result.duplicates > 0 && (
              <Text size="sm" c="orange.8" data-testid="packet-receive-duplicates">
                其中 {result.duplicates} 条此前已随其他上报包收到，已标为重复。
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="packet-receive-done">
          完成
        </Button>
      </Group>
    </Stack>
  );
}
