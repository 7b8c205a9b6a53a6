/** 新建一期: a draft of a series on a date. It gets no number until it is signed. */
import { Checkbox, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Issue, Series } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { todayIso } from '../../format';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';
import { DateField } from '../common/DateField';

export interface NewIssueDialogProps {
  opened: boolean;
  series: Series[];
  defaultSeries: number;
  onClose: () => void;
  onCreated: (issue: Issue) => void;
}

export function NewIssueDialog({ opened, series, defaultSeries, onClose, onCreated }: NewIssueDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="新建一期" centered>
      {opened && <NewIssueForm series={series} defaultSeries={defaultSeries} onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function NewIssueForm({ series, defaultSeries, onClose, onCreated }: Omit<NewIssueDialogProps, 'opened'>) {
  const api = useApi();
  const [seriesId, setSeriesId] = useState<number>(defaultSeries);
  const [date, setDate] = useState(todayIso());
  const [supplement, setSupplement] = useState(false);
  const { busy, error, submit, fieldError, clearField } = useSubmit(['date']);

  const create = () => submit(async () => onCreated(await api.call('issueCreate', { series: seriesId, date, ...(supplement ? { supplement: true } : {}) })));

  return (
    <Stack gap="sm">
      <Select
        label="刊物"
        data={series.map((s) => ({ value: s.id, label: `《${s.name}》` }))}
        value={seriesId}
        onChange={(v) => v !== null && setSeriesId(v)}
        allowDeselect={false}
        data-testid="new-issue-series"
      />
      <DateField label="日期" value={date} onChange={(v) => { setDate(v); clearField('date'); }} error={fieldError('date')} data-testid="new-issue-date" />
      <Checkbox label="增刊（单独编号：增刊第N期）" checked={supplement} onChange={(e) => setSupplement(e.currentTarget.checked)} />
      <Text size="xs" c="dimmed">
        新建的是草稿，没有期号；签发时才按签发日期给出下一个期号。
      </Text>
      <DialogFooter error={error} errorTitle="未能新建" onCancel={onClose} confirm={{ label: '新建草稿', onClick: () => void create(), busy, testId: 'new-issue-confirm' }} />
    </Stack>
  );
}
