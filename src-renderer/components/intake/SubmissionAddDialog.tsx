/** 登记来稿: a draft that came on paper, by phone or in an e-mail body, typed into the register. */
import { Checkbox, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Submission } from '../../../src-main/api/ops/submissions';
import type { Unit } from '../../../src-main/api/types';
import { ApiCallError } from '../../api/client';
import { useApi } from '../../api/context';
import { todayIso } from '../../format';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';
import { DateField } from '../common/DateField';
import { unitSearchProps } from '../common/unitSearch';

export interface SubmissionAddDialogProps {
  opened: boolean;
  units: Unit[];
  onClose: () => void;
  onAdded: (s: Submission) => void;
}

export function SubmissionAddDialog({ opened, units, onClose, onAdded }: SubmissionAddDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="登记来稿（手工录入）" size="lg" centered>
      {opened && <AddForm units={units} onClose={onClose} onAdded={onAdded} />}
    </Modal>
  );
}

const SHOWN = ['title', 'body', 'unit', 'receivedDate', 'liaisonName', 'liaisonPhone'] as const;

function AddForm({ units, onClose, onAdded }: Omit<SubmissionAddDialogProps, 'opened'>) {
  const api = useApi();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [unit, setUnit] = useState<number | null>(null);
  const [liaisonName, setLiaisonName] = useState('');
  const [liaisonPhone, setLiaisonPhone] = useState('');
  const [receivedDate, setReceivedDate] = useState(todayIso());
  // A refusal's messages go under the fields they concern, one each, and clear as each is fixed.
  const { busy, error, submit, fieldError, clearField } = useSubmit(SHOWN);
  // Shown only after the register has said this draft repeats another.
  const [repeat, setRepeat] = useState(false);
  const [allowDuplicate, setAllowDuplicate] = useState(false);

  const add = () =>
    submit(
      async () => onAdded(await api.call('submissionAdd', { title, body, unit, liaisonName, liaisonPhone, receivedDate, allowDuplicate })),
      (e) => {
        if (e instanceof ApiCallError && e.code === 'CONFLICT') setRepeat(true);
      },
    );

  return (
    <Stack gap="sm">
      <TextInput label="标题" withAsterisk value={title} onChange={(e) => { setTitle(e.currentTarget.value); clearField('title'); }} error={fieldError('title')} data-autofocus data-testid="add-title" />
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label="来稿单位"
          placeholder="选择单位"
          data={units.map((u) => ({ value: u.id, label: u.name }))}
          value={unit}
          onChange={(v) => { setUnit(v); clearField('unit'); }}
          error={fieldError('unit')}
          searchable
          clearable
          {...unitSearchProps<number>(units)}
          data-testid="add-unit"
        />
        <DateField label="收稿日期" value={receivedDate} onChange={(v) => { setReceivedDate(v); clearField('receivedDate'); }} error={fieldError('receivedDate')} data-testid="add-date" />
        <TextInput label="信息员" value={liaisonName} onChange={(e) => { setLiaisonName(e.currentTarget.value); clearField('liaisonName'); }} error={fieldError('liaisonName')} data-testid="add-liaison" />
        <TextInput label="联系电话" value={liaisonPhone} onChange={(e) => { setLiaisonPhone(e.currentTarget.value); clearField('liaisonPhone'); }} error={fieldError('liaisonPhone')} data-testid="add-phone" />
      </SimpleGrid>
      <Textarea
        label="正文"
        withAsterisk
        description="每行一段；以“一、”“（一）”“1.”“（1）”开头的行是各级标题"
        autosize
        minRows={6}
        maxRows={14}
        value={body}
        onChange={(e) => { setBody(e.currentTarget.value); clearField('body'); }}
        error={fieldError('body')}
        data-testid="add-body"
      />
      <DialogFooter
        error={error}
        errorTitle={repeat ? '可能重复' : '未能登记'}
        errorColor={repeat ? 'yellow' : 'red'}
        errorTestId="add-error"
        onCancel={onClose}
        confirm={{ label: '登记', onClick: () => void add(), busy, testId: 'add-confirm' }}
      >
        {repeat && (
          <Checkbox label="我已核对，重复也登记（标明重复）" checked={allowDuplicate} onChange={(e) => setAllowDuplicate(e.currentTarget.checked)} data-testid="add-allow-duplicate" />
        )}
      </DialogFooter>
    </Stack>
  );
}
