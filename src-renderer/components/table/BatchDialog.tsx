/**
 * One dialog for every batch action of the tables (issue 15): it says how many rows it is for,
 * asks the one thing the action needs (a unit, a category, an issue, a reason), and keeps the
 * API's refusal in view — a refused batch changed nothing, so the user can untick the row the
 * refusal names and try again.
 */
import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Unit } from '../../../src-main/api/types';
import { errorMessage } from '../../api/notify';
import { DialogFooter } from '../common/DialogFooter';
import { unitSearchProps } from '../common/unitSearch';

export interface BatchChoice {
  /** What is asked: a unit, a choice from a list, or nothing. */
  pick?: { kind: 'unit'; units: Unit[] } | { kind: 'choice'; label: string; options: { value: string; label: string }[] };
  /** A reason field; required when `reasonRequired`. */
  reason?: { label: string; required: boolean; hint?: string };
}

export interface BatchAction extends BatchChoice {
  title: string;
  confirm: string;
  danger?: boolean;
  run: (v: { pick: string | null; reason: string }) => Promise<void>;
}

export function BatchDialog({ action, count, onClose }: { action: BatchAction | null; count: number; onClose: () => void }) {
  const [pick, setPick] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setPick(null);
    setReason('');
    setError(null);
  }, [action]);
  if (!action) return null;
  const missing = (action.pick && pick === null) || (action.reason?.required && reason.trim() === '');
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await action.run({ pick, reason: reason.trim() });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const p = action.pick;
  return (
    <Modal opened onClose={onClose} title={action.title} data-testid="batch-dialog">
      <Stack gap="sm">
        <Text size="sm">已选 {count} 条，整批一次完成；有一条不能改则整批不做，不会只改一部分。</Text>
        {p?.kind === 'unit' && (
          <Select
            label="来稿单位"
            data={p.units.filter((u) => u.active).map((u) => ({ value: String(u.id), label: u.name + (u.shortName ? ` ${u.shortName}` : '') }))}
            value={pick}
            onChange={setPick}
            searchable
            {...unitSearchProps(p.units)}
            data-testid="batch-unit"
          />
        )}
        {p?.kind === 'choice' && <Select label={p.label} data={p.options} value={pick} onChange={setPick} searchable data-testid="batch-choice" />}
        {action.reason && (
          <TextInput
            label={action.reason.label}
            description={action.reason.hint}
            withAsterisk={action.reason.required}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="batch-reason"
          />
        )}
        <DialogFooter
          error={error}
          errorTitle="整批未执行，没有任何改动"
          errorTestId="batch-error"
          onCancel={onClose}
          confirm={{ label: action.confirm, onClick: () => void confirm(), busy, disabled: !!missing, color: action.danger ? 'red' : undefined, testId: 'batch-confirm' }}
        />
      </Stack>
    </Modal>
  );
}
