/** 校验上报包: the path of a zip (on this PC or a USB drive) and the report on it. */
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { PacketVerifyResult } from '../../src-main/api/ops/packets';
import { useApi } from '../api/context';
import { errorMessage } from '../api/notify';
import { PacketReport } from './PacketReport';

export interface PacketVerifyDialogProps {
  /** null: closed; a string: open, with this path filled in (may be empty). */
  initialPath: string | null;
  onClose: () => void;
}

export function PacketVerifyDialog({ initialPath, onClose }: PacketVerifyDialogProps) {
  return (
    <Modal opened={initialPath !== null} onClose={onClose} title="校验上报包" size="xl" centered>
      {initialPath !== null && <VerifyForm initialPath={initialPath} onClose={onClose} />}
    </Modal>
  );
}

function VerifyForm({ initialPath, onClose }: { initialPath: string; onClose: () => void }) {
  const api = useApi();
  const [file, setFile] = useState(initialPath);
  const [report, setReport] = useState<PacketVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await api.call('packetVerify', { path: file.trim() }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label="上报包文件"
          description="拷到 U 盘之前、或收到上报包之后，核对它是否完整、未被改动"
          placeholder="例如 E:\上报\城关县政府办_政务信息_2026第12期_20261121.zip"
          value={file}
          onChange={(e) => setFile(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && file.trim()) void verify();
          }}
          data-autofocus
          data-testid="packet-verify-path"
        />
        <Button leftSection={<IconShieldCheck size={16} />} onClick={() => void verify()} loading={busy} disabled={!file.trim()} data-testid="packet-verify-run">
          校验
        </Button>
      </Group>
      {error && (
        <Alert color="red" title="未能校验">
          {error}
        </Alert>
      )}
      {report && <PacketReport report={report} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          关闭
        </Button>
      </Group>
    </Stack>
  );
}
