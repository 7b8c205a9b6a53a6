/** 标记未采用 (a reason is required and kept) or 标记已上报 (where it went, optional). */
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Submission, SubmissionSummary } from '../../src-main/api/ops/submissions';
import { useApi } from '../api/context';
import { errorMessage } from '../api/notify';

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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (unused && !reason.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('submissionSetState', { id: action.submission.id, state: action.state, reason }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
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
      {error && (
        <Alert color="red" title="未能修改状态" data-testid="state-error">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          取消
        </Button>
        <Button onClick={() => void save()} loading={busy} color={unused ? 'gray' : 'violet'} data-testid="state-confirm">
          {unused ? '标记未采用' : '标记已上报'}
        </Button>
      </Group>
    </Stack>
  );
}
