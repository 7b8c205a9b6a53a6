/** 新建一期: a draft of a series on a date. It gets no number until it is signed. */
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Issue, Series } from '../../src-main/api/types';
import { useApi } from '../api/context';
import { errorMessage } from '../api/notify';
import { todayIso } from '../format';

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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.call('issueCreate', { series: seriesId, date, ...(supplement ? { supplement: true } : {}) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

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
      <TextInput label="日期" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} data-testid="new-issue-date" />
      <Checkbox label="增刊（单独编号：增刊第N期）" checked={supplement} onChange={(e) => setSupplement(e.currentTarget.checked)} />
      <Text size="xs" c="dimmed">
        新建的是草稿，没有期号；签发时才按签发日期给出下一个期号。
      </Text>
      {error && (
        <Alert color="red" title="未能新建">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          取消
        </Button>
        <Button onClick={() => void create()} loading={busy} data-testid="new-issue-confirm">
          新建草稿
        </Button>
      </Group>
    </Stack>
  );
}
