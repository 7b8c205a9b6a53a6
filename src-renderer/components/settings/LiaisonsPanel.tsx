/**
 * 信息员 on the units settings page: each unit's officers with phone and dates in office. A
 * change is made by ending the one and adding the next; past terms stay listed, so a draft
 * keeps the person who wrote it.
 */
import { Badge, Button, Group, Paper, Select, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useApi } from '../../api/context';
import { attempt, notifyOk } from '../../api/notify';
import { formatDate, todayIso } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { DateField } from '../common/DateField';

export function LiaisonsPanel() {
  const api = useApi();
  const units = useLoad(() => api.call('unitList', {}), [api]);
  const [all, setAll] = useState(false);
  const list = useLoad(() => api.call('liaisonList', { all }), [api, all]);
  const [unit, setUnit] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [from, setFrom] = useState(todayIso());
  const [endOn, setEndOn] = useState<Record<number, string>>({});

  const add = async () => {
    const l = await attempt(() => api.call('liaisonAdd', { unit: Number(unit), name, phone, from }), '未能添加信息员');
    if (!l) return;
    notifyOk(`已添加：${l.unit} 信息员 ${l.name}`);
    setName('');
    setPhone('');
    list.reload();
  };
  const end = async (id: number) => {
    const l = await attempt(() => api.call('liaisonEnd', { id, to: endOn[id] ?? todayIso() }), '未能结束任职');
    if (!l) return;
    notifyOk(`${l.name} 的任职至 ${formatDate(l.validTo!)} 结束`);
    list.reload();
  };

  return (
    <Paper withBorder p="sm" mt="md" data-testid="liaisons-panel">
      <Group justify="space-between" mb="xs">
        <Title order={6}>信息员</Title>
        <Switch label="含已离任" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} data-testid="liaison-all" />
      </Group>
      <Group gap="xs" align="flex-end" mb="sm">
        <Select label="单位" data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))} value={unit} onChange={setUnit} searchable w={200} data-testid="liaison-unit" />
        <TextInput label="姓名" value={name} onChange={(e) => setName(e.currentTarget.value)} w={120} data-testid="liaison-name" />
        <TextInput label="联系电话" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} w={150} data-testid="liaison-phone" />
        <DateField label="任职起始" value={from} onChange={(v) => setFrom(v)} w={160} data-testid="liaison-from" />
        <Button leftSection={<IconPlus size={16} />} onClick={() => void add()} disabled={!unit || !name.trim()} data-testid="liaison-add">
          添加
        </Button>
      </Group>
      <Table verticalSpacing={2} data-testid="liaison-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>单位</Table.Th>
            <Table.Th>信息员</Table.Th>
            <Table.Th>联系电话</Table.Th>
            <Table.Th>任职时间</Table.Th>
            <Table.Th>来稿</Table.Th>
            <Table.Th w={280}>结束任职</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((l) => (
            <Table.Tr key={l.id} data-testid="liaison-row" data-name={l.name}>
              <Table.Td>{l.unit}</Table.Td>
              <Table.Td>
                {l.name} {l.current && <Badge size="xs" variant="light">在任</Badge>}
              </Table.Td>
              <Table.Td>{l.phone}</Table.Td>
              <Table.Td>
                {formatDate(l.validFrom)} 至 {l.validTo ? formatDate(l.validTo) : '今'}
              </Table.Td>
              <Table.Td>{l.drafts} 篇</Table.Td>
              <Table.Td>
                {l.validTo === null && (
                  <Group gap={4} wrap="nowrap">
                    <DateField size="xs" value={endOn[l.id] ?? todayIso()} onChange={(v) => setEndOn((m) => ({ ...m, [l.id]: v }))} w={150} aria-label="任职截止日期" />
                    <Button size="xs" variant="default" onClick={() => void end(l.id)} data-testid="liaison-end">
                      结束任职
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && list.data.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          还没有信息员。更换信息员时先结束原任，再添加新任；原任的记录和名下来稿的积分都保留。
        </Text>
      )}
    </Paper>
  );
}
