/** 新建刊物: a series and where its numbering starts (e.g. a paper series now at 第433期). */
import { Modal, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Series } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { notifyOk } from '../../api/notify';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';

export function SeriesAddDialog({ opened, onClose, onAdded }: { opened: boolean; onClose: () => void; onAdded: (s: Series) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="新建刊物" size="lg" centered>
      {opened && <SeriesAddForm onClose={onClose} onAdded={onAdded} />}
    </Modal>
  );
}

function SeriesAddForm({ onClose, onAdded }: { onClose: () => void; onAdded: (s: Series) => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const [firstNumber, setFirstNumber] = useState<number | string>(1);
  const [firstTotal, setFirstTotal] = useState<number | string>(1);
  const [continuous, setContinuous] = useState(false);
  const { busy, error, submit } = useSubmit();

  const add = () =>
    submit(async () => {
      const s = await api.call('seriesAdd', {
        name,
        org,
        firstNumber: Number(firstNumber),
        firstTotal: Number(firstTotal),
        continuous,
      });
      notifyOk(`已新建刊物《${s.name}》`);
      onAdded(s);
    });

  return (
    <Stack gap="sm">
      <TextInput label="刊物名称" withAsterisk placeholder="例如：城关县政务信息" value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus data-testid="series-name" />
      <TextInput label="编印单位" placeholder="例如：城关县人民政府办公室" value={org} onChange={(e) => setOrg(e.currentTarget.value)} data-testid="series-org" />
      <SimpleGrid cols={2}>
        <NumberInput label="起始期号" description="本年第一期签发时的期号" min={1} value={firstNumber} onChange={setFirstNumber} data-testid="series-first-number" />
        <NumberInput label="起始总期号" description="第一期签发时的总期号" min={1} value={firstTotal} onChange={setFirstTotal} data-testid="series-first-total" />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        纸质刊物已出过若干期的，请填写下一期应有的期号，例如今年已出到第432期、总第2044期，就填 433 和 2045。一期签发后这两个数不能再改。
      </Text>
      <Switch label="跨年连续编号（关闭时每年1月1日起从第1期重新编号）" checked={continuous} onChange={(e) => setContinuous(e.currentTarget.checked)} />
      <DialogFooter error={error} errorTitle="未能新建" onCancel={onClose} confirm={{ label: '新建刊物', onClick: () => void add(), busy, testId: 'series-add-confirm' }} />
    </Stack>
  );
}
