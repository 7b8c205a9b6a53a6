/**
 * 作废: a signed issue is withdrawn, with a reason that stays in the register. The number is
 * kept and never used again, so the user states the reason and confirms they understand.
 */
import { Alert, Checkbox, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { Issue } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { notifyOk } from '../../api/notify';
import { issueLabel, issueShortLabel } from '../../format';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';

export interface VoidDialogProps {
  issue: Issue;
  opened: boolean;
  onClose: () => void;
  onVoided: (issue: Issue) => void;
}

export function VoidDialog({ issue, opened, onClose, onVoided }: VoidDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`作废《${issue.series}》${issueLabel(issue)}`} size="lg" centered>
      {opened && <VoidForm issue={issue} onClose={onClose} onVoided={onVoided} />}
    </Modal>
  );
}

function VoidForm({ issue, onClose, onVoided }: Omit<VoidDialogProps, 'opened'>) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [reasonMissing, setReasonMissing] = useState(false);
  const { busy, error, submit } = useSubmit();

  const confirm = async () => {
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    await submit(async () => {
      const voided = await api.call('issueVoid', { id: issue.id, reason });
      notifyOk(`作废原因：${voided.voidReason ?? reason}`, `已作废：${issueShortLabel(voided)}`);
      onVoided(voided);
    });
  };

  return (
    <Stack gap="md">
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title="作废后期号保留、不再使用">
        作废不会删除本期：存档原件和期号都留在登记簿里，并注明作废原因；{issueShortLabel(issue)}这个期号以后不会再给任何一期。本期所含信息会释放出来，可编入新的一期。此操作不能撤销。
      </Alert>
      <Textarea
        label="作废原因"
        withAsterisk
        placeholder="例如：第二条数据有误，已在下一期更正"
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setReasonMissing(false);
        }}
        error={reasonMissing ? '请填写作废原因' : undefined}
        data-autofocus
        data-testid="void-reason"
      />
      <Checkbox
        checked={understood}
        onChange={(e) => setUnderstood(e.currentTarget.checked)}
        label={<Text size="sm">我已确认：作废后{issueShortLabel(issue)}的期号保留、不再使用，且不能恢复。</Text>}
        data-testid="void-understood"
      />
      <DialogFooter
        error={error}
        errorTitle="未能作废"
        errorTestId="void-error"
        onCancel={onClose}
        confirm={{ label: '确认作废', onClick: () => void confirm(), busy, disabled: !understood, color: 'red', testId: 'void-confirm' }}
      />
    </Stack>
  );
}
