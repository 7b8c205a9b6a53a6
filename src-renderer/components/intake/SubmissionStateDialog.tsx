/** 标记未采用 (a reason is required and kept) or 标记已上报 (where it went, optional). */
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Submission, SubmissionSummary } from '../../../src-main/api/ops/submissions';
import { useApi } from '../../api/context';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';

export type StateAction = { submission: SubmissionSummary; state: 'unused' | 'forwarded' };

export function SubmissionStateDialog({ action, onClose, onDone }: { action: StateAction | null; onClose: () => void; onDone: (s: Submission) => void }) {
  const title = action?.state === 'unused' ? '标记为未采用' : '标记为已上报';
  return (
    <Modal opened={action !== null} onClose={onClose} title={title} centered>
      {action && <StateForm action={action} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function StateForm({ action, onClose, onDone }: { action: StateAction; onClose: () => void; onDone: (s: Submission) => void }) {
  const api = useApi();
  const unused = action.state === 'unused';
  const [reason, setReason] = useState(unused ? '' : '报市政府办公室');
  const [missing, setMissing] = useState(false);
  const { busy, error, submit } = useSubmit();

  const save = async () => {
    if (unused && !reason.trim()) {
      setMissing(true);
      return;
    }
    await submit(async () => onDone(await api.call('submissionSetState', { id: action.submission.id, state: action.state, reason })));
  };

  return (
    <Stack gap="sm">
      <Text size="sm">
        #{action.submission.id}《{action.submission.title}》（{action.submission.unit ?? '未填单位'}）
      </Text>
      <Textarea
        label={unused ? '未采用的原因' : '去向（可不填）'}
        withAsterisk={unused}
        placeholder={unused ? '例如：内容与第40期重复；时效已过' : '例如：报市政府办公室'}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setMissing(false);
        }}
        error={missing ? '请写明未采用的原因' : undefined}
        data-autofocus
        data-testid="state-reason"
      />
      <DialogFooter
        error={error}
        errorTitle="未能修改状态"
        errorTestId="state-error"
        onCancel={onClose}
        confirm={{ label: unused ? '标记未采用' : '标记已上报', onClick: () => void save(), busy, color: unused ? 'gray' : 'violet', testId: 'state-confirm' }}
      />
    </Stack>
  );
}
