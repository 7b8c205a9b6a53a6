/** 本单位: who sends packets upward, printed on every packet so the city office can call back. */
import { Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SenderSettings } from '../../../src-main/api/ops/packets';
import { useApi } from '../../api/context';
import { notifyOk } from '../../api/notify';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';

export interface SenderDialogProps {
  sender: SenderSettings | null;
  onClose: () => void;
  onSaved: (sender: SenderSettings) => void;
}

export function SenderDialog({ sender, onClose, onSaved }: SenderDialogProps) {
  return (
    <Modal opened={sender !== null} onClose={onClose} title="本单位和联系人" centered>
      {sender && <SenderForm sender={sender} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function SenderForm({ sender, onClose, onSaved }: { sender: SenderSettings; onClose: () => void; onSaved: (s: SenderSettings) => void }) {
  const api = useApi();
  const [form, setForm] = useState<SenderSettings>(sender);
  const { busy, error, submit } = useSubmit();
  const field = (key: keyof SenderSettings) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });

  const save = () =>
    submit(async () => {
      const saved = await api.call('settingsSet', { sender: form });
      notifyOk('以后生成的上报包都会写明这些信息。', '已保存本单位');
      onSaved(saved.sender);
    });

  return (
    <Stack gap="sm">
      <TextInput label="本单位全称" withAsterisk placeholder="城关县人民政府办公室" {...field('office')} data-autofocus data-testid="sender-office" />
      <TextInput
        label="简称"
        description="用在上报包文件名的开头，如 城关县政府办_政务信息_2026第12期_20261121.zip；不填则用全称"
        placeholder="城关县政府办"
        {...field('shortName')}
        data-testid="sender-short-name"
      />
      <Group grow>
        <TextInput label="联系人" withAsterisk placeholder="王某某" {...field('contactPerson')} data-testid="sender-contact" />
        <TextInput label="联系电话" withAsterisk placeholder="0000-1234567" {...field('phone')} data-testid="sender-phone" />
      </Group>
      <Text size="xs" c="dimmed">
        这些信息写入每个上报包的清单（manifest.json）、报送清单和每条信息的页脚。
      </Text>
      <DialogFooter
        error={error}
        errorTitle="未能保存"
        errorTestId="sender-error"
        onCancel={onClose}
        confirm={{ label: '保存', onClick: () => void save(), busy, testId: 'sender-save' }}
      />
    </Stack>
  );
}
