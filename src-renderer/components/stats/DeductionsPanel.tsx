/**
 * 扣分与月度任务: deductions entered by hand (the amounts the rules suggest are offered as
 * presets) and each unit's monthly submission target, which applies from a month on.
 */
import { Button, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { LEVELS, LEVEL_LABELS, type ScoreRules } from '../../../src-main/api/ops/scoring';
import { useApi } from '../../api/context';
import { attempt, notifyOk } from '../../api/notify';
import { formatDate, todayIso } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { DeleteRecordButton } from '../common/DeleteRecordButton';
import { DateField } from '../common/DateField';

/** Reasons the published rules name, with the points they deduct. */
function presets(r: ScoreRules): { value: string; label: string; points: number }[] {
  const d = r.deductions;
  return [
    { value: 'false', label: `报送虚假信息（${d.falseInfo.min}–${d.falseInfo.max}分）`, points: d.falseInfo.min },
    ...LEVELS.map((l) => ({ value: `late-${l}`, label: `紧急信息迟报（${LEVEL_LABELS[l]}通报）`, points: d.urgentLate[l] })),
    ...LEVELS.map((l) => ({ value: `concealed-${l}`, label: `紧急信息瞒报、漏报（${LEVEL_LABELS[l]}通报）`, points: d.urgentConcealed[l] })),
    { value: 'criticism', label: '被通报批评', points: d.criticism },
  ];
}

export function DeductionsPanel({ range, onChanged }: { range: { from: string; to: string }; onChanged: () => void }) {
  return (
    <SimpleGrid cols={2} spacing="md">
      <Deductions range={range} onChanged={onChanged} />
      <Targets onChanged={onChanged} />
    </SimpleGrid>
  );
}

function Deductions({ range, onChanged }: { range: { from: string; to: string }; onChanged: () => void }) {
  const api = useApi();
  const units = useLoad(() => api.call('unitList', {}), [api]);
  const rules = useLoad(() => api.call('rulesGet', {}), [api]);
  const list = useLoad(() => api.call('deductionList', range), [api, range.from, range.to]);
  const [unit, setUnit] = useState<string | null>(null);
  const [preset, setPreset] = useState<string | null>(null);
  const [points, setPoints] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const options = rules.data ? presets(rules.data.rules) : [];

  const choose = (v: string | null) => {
    setPreset(v);
    const p = options.find((o) => o.value === v);
    if (p) {
      setPoints(p.points);
      setReason(p.label.replace(/（\d+–\d+分）$/, ''));
    }
  };
  const add = async () => {
    const d = await attempt(
      () => api.call('deductionAdd', { unit: Number(unit), points: typeof points === 'number' ? points : Number(points), reason, date }),
      '未能登记扣分',
    );
    if (!d) return;
    notifyOk(`已登记：${d.unit} 扣${d.points}分`);
    setPreset(null);
    setPoints('');
    setReason('');
    list.reload();
    onChanged();
  };
  const removed = () => {
    list.reload();
    onChanged();
  };

  return (
    <Paper withBorder p="sm" data-testid="deductions-panel">
      <Title order={6} mb="xs">
        扣分
      </Title>
      <Stack gap="xs">
        <Group gap="xs" grow>
          <Select label="单位" data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))} value={unit} onChange={setUnit} searchable data-testid="deduction-unit" />
          <Select label="扣分事项" placeholder="按规则选择，或直接填写" data={options} value={preset} onChange={choose} clearable data-testid="deduction-preset" />
        </Group>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <NumberInput label="扣分" value={points} onChange={setPoints} min={1} allowDecimal={false} allowNegative={false} w={90} data-testid="deduction-points" />
          <TextInput label="原因" value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: 1 }} data-testid="deduction-reason" />
          <DateField label="日期" value={date} onChange={(v) => setDate(v)} w={160} data-testid="deduction-date" />
          <Button leftSection={<IconPlus size={16} />} onClick={() => void add()} data-testid="deduction-add">
            登记
          </Button>
        </Group>
      </Stack>
      {list.loading && !list.data && <Loader size="sm" mt="sm" />}
      <Table mt="sm" verticalSpacing={2} data-testid="deduction-table">
        <Table.Tbody>
          {(list.data ?? []).map((d) => (
            <Table.Tr key={d.id} data-testid="deduction-row">
              <Table.Td w={110}>{formatDate(d.date)}</Table.Td>
              <Table.Td w={120}>{d.unit}</Table.Td>
              <Table.Td>{d.reason}</Table.Td>
              <Table.Td w={60} ta="right" c="red">
                −{d.points}
              </Table.Td>
              <Table.Td w={40}>
                <DeleteRecordButton title="删除扣分记录" what={`${d.unit} ${d.reason}`} remove={() => api.call('deductionDelete', { id: d.id })} onDeleted={removed} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && list.data.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          这个期间没有手工扣分。约稿迟报、未报和月度任务未完成的扣分由系统按规则计算，不在此登记。
        </Text>
      )}
    </Paper>
  );
}

function Targets({ onChanged }: { onChanged: () => void }) {
  const api = useApi();
  const units = useLoad(() => api.call('unitList', {}), [api]);
  const targets = useLoad(() => api.call('targetList', {}), [api]);
  const [from, setFrom] = useState(`${todayIso().slice(0, 7)}-01`);
  const [draft, setDraft] = useState<Record<number, number | string>>({});

  const current = new Map((targets.data ?? []).filter((t) => t.current).map((t) => [t.unitId, t]));
  const save = async (unitId: number, unit: string) => {
    const monthly = draft[unitId];
    if (monthly === undefined || monthly === '') return;
    const t = await attempt(() => api.call('targetSet', { unit: unitId, monthly: Number(monthly), from }), '未能设置');
    if (!t) return;
    notifyOk(`${unit}：自${t.validFrom.slice(0, 4)}年${Number(t.validFrom.slice(5, 7))}月起每月报送${t.monthly}篇`);
    setDraft(({ [unitId]: _, ...rest }) => rest);
    targets.reload();
    onChanged();
  };

  return (
    <Paper withBorder p="sm" data-testid="targets-panel">
      <Group justify="space-between" mb="xs">
        <Title order={6}>月度报送任务</Title>
        <DateField size="xs" label="自该日期所在月份起" value={from} onChange={(v) => setFrom(v)} w={170} data-testid="target-from" />
      </Group>
      <Table verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>单位</Table.Th>
            <Table.Th w={150}>现行任务</Table.Th>
            <Table.Th w={150}>新任务（篇/月）</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(units.data ?? []).map((u) => {
            const t = current.get(u.id);
            return (
              <Table.Tr key={u.id} data-testid="target-row" data-unit={u.name}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>
                  {/* two short lines rather than "（自2026-" broken before "12）" in a narrow column */}
                  <Text size="sm" c={t && t.monthly ? undefined : 'dimmed'}>
                    {t && t.monthly ? `每月${t.monthly}篇` : '未设'}
                  </Text>
                  {t && t.monthly ? (
                    <Text size="xs" c="dimmed">
                      自{t.validFrom.slice(0, 4)}年{Number(t.validFrom.slice(5, 7))}月起
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    value={draft[u.id] ?? ''}
                    onChange={(v) => setDraft((d) => ({ ...d, [u.id]: v }))}
                    onBlur={() => void save(u.id, u.name)}
                    onKeyDown={(e) => e.key === 'Enter' && void save(u.id, u.name)}
                    min={0}
                    allowDecimal={false}
                    allowNegative={false}
                    placeholder="输入后回车"
                    data-testid="target-input"
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        0 表示不设任务。一个月结束后才判定是否完成；改任务只影响所选月份及以后。
      </Text>
    </Paper>
  );
}
