/** 校验上报包: the path of a zip (on this PC or a USB drive) and the report on it. */
import { Button, Modal, Stack } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { PacketVerifyResult } from '../../../src-main/api/ops/packets';
import { useApi } from '../../api/context';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';
import { PacketReport } from './PacketReport';
import { PathField } from '../common/PathField';

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
  const { busy, error, submit } = useSubmit();

  const verify = () =>
    submit(async () => {
      setReport(null);
      setReport(await api.call('packetVerify', { path: file.trim() }));
    });

  // Opened on a packet just made or picked in the register: check it straight away (once, for
  // the path it opened with).
  useEffect(() => {
    if (initialPath.trim()) void verify();
  }, []);

  return (
    <Stack gap="sm">
      <PathField
        label="上报包文件"
        description="拷到 U 盘之前、或收到上报包之后，核对它是否完整、未被改动"
        placeholder="例如 E:\上报\城关县政府办_政务信息_2026第12期_20261121.zip"
        value={file}
        onChange={setFile}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && file.trim()) void verify();
        }}
        data-autofocus
        data-testid="packet-verify-path"
      >
        <Button leftSection={<IconShieldCheck size={16} />} onClick={() => void verify()} loading={busy} disabled={!file.trim()} data-testid="packet-verify-run">
          校验
        </Button>
      </PathField>
      <DialogFooter error={error} errorTitle="未能校验" onCancel={onClose} cancelLabel="关闭">
        {report && <PacketReport report={report} />}
      </DialogFooter>
    </Stack>
  );
}
