/**
 * 紧急信息: register an event (what, where, when, when the unit reported), record our reports
 * upward and follow-ups, see the lateness against the rules' time limits, and apply the
 * deduction the rules propose with one click — never applied without it.
 */
import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { UrgentEntry } from '../../../src-main/api/ops/urgent';
import { LEVEL_LABELS } from '../../../src-main/api/ops/scoring';
import { useApi } from '../../api/context';
import { attempt, notifyOk } from '../../api/notify';
import { useLoad } from '../../hooks/useLoad';

const shown = (t: string | null) => (t === null ? '—' : t.replace('T', ' '));
const nowText = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

export function UrgentPanel({ range, onChanged }: { range: { from: string; to: string }; onChanged: () => void }) {
  const api = useApi();
  const units = useLoad(() => api.call('unitList', {}), [api]);
  const list = useLoad(() => api.call('urgentList', range), [api, range.from, range.to]);
  const [unit, setUnit] = useState<string | null>(null);
  const [what, setWhat] = useState('');
  const [place, setPlace] = useState('');
  const [eventTime, setEventTime] = useState(nowText());
  const [reported, setReported] = useState('');

  const add = async () => {
    const e = await attempt(
      () => api.call('urgentAdd', { unit: Number(unit), what, place, eventTime, ...(reported.trim() ? { unitReportedAt: reported } : {}) }),
      '未能登记紧急信息',
    );
    if (!e) return;
    notifyOk(`已登记紧急信息：${e.what}`);
    setWhat('');
    setPlace('');
    setReported('');
    list.reload();
  };

  return (
    <Stack gap="md" data-testid="urgent-panel">
      <Paper withBorder p="sm">
        <Title order={6} mb="xs">
          登记紧急信息
        </Title>
        <Group gap="xs" align="flex-end">
          <Select label="单位" data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))} value={unit} onChange={setUnit} searchable w={180} data-testid="urgent-unit" />
          <TextInput label="发生了什么" value={what} onChange={(e) => setWhat(e.currentTarget.value)} style={{ flex: 1 }} miw={200} data-testid="urgent-what" />
          <TextInput label="地点" value={place} onChange={(e) => setPlace(e.currentTarget.value)} w={160} data-testid="urgent-place" />
          <TextInput label="事发时间" value={eventTime} onChange={(e) => setEventTime(e.currentTarget.value)} w={160} placeholder="2026-08-12 09:30" data-testid="urgent-time" />
          <TextInput label="单位报告时间" value={reported} onChange={(e) => setReported(e.currentTarget.value)} w={160} placeholder="未报告则空着" data-testid="urgent-reported" />
          <Button leftSection={<IconPlus size={16} />} onClick={() => void add()} disabled={!unit || !what.trim()} data-testid="urgent-add">
            登记
          </Button>
        </Group>
      </Paper>
      {list.error && <Alert color="red">{list.error}</Alert>}
      {(list.data ?? []).map((e) => (
        <UrgentCard key={e.id} e={e} onChanged={() => { list.reload(); onChanged(); }} />
      ))}
      {list.data && list.data.length === 0 && (
        <Text size="sm" c="dimmed">
          这个期间没有登记紧急信息。
        </Text>
      )}
    </Stack>
  );
}

/** One event with its reports, checks and proposal; also the record a search hit opens (UrgentEventDialog). */
export function UrgentCard({ e, onChanged }: { e: UrgentEntry; onChanged: () => void }) {
  const api = useApi();
  const [kind, setKind] = useState<string>('city');
  const [at, setAt] = useState(nowText());
  const report = async () => {
    const input = kind === 'followup' ? { id: e.id, kind: 'followup' as const, at } : { id: e.id, level: kind as 'city' | 'province', at };
    if (await attempt(() => api.call('urgentReport', input), '未能登记报送')) onChanged();
  };
  const apply = async () => {
    const r = await attempt(() => api.call('urgentApply', { id: e.id }), '未能登记扣分');
    if (!r) return;
    notifyOk(`已登记扣分：${r.unit} 扣${r.proposal!.points}分`);
    onChanged();
  };
  return (
    <Paper withBorder p="sm" data-testid="urgent-row" data-what={e.what}>
      <Group justify="space-between" mb={4}>
        <Text fw={600}>
          {shown(e.eventTime)} {e.unit}：{e.what}
          {e.place ? `（${e.place}）` : ''}
        </Text>
        {e.withoutUpward && <Badge color="orange" variant="light">尚未向上报送</Badge>}
      </Group>
      <Table verticalSpacing={1} withRowBorders={false}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td w={120} c="dimmed">单位报告</Table.Td>
            <Table.Td>{e.unitReportedAt === null ? '未报告（瞒报漏报）' : shown(e.unitReportedAt)}{e.liaison ? `　信息员 ${e.liaison}` : ''}</Table.Td>
          </Table.Tr>
          {e.reports.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td c="dimmed">{r.kind === 'upward' ? `向${LEVEL_LABELS[r.level!]}报送` : '续报'}</Table.Td>
              <Table.Td>{shown(r.reportedAt)} {r.note}</Table.Td>
            </Table.Tr>
          ))}
          {e.checks.map((c) => (
            <Table.Tr key={c.level}>
              <Table.Td c="dimmed">{LEVEL_LABELS[c.level]}时限</Table.Td>
              <Table.Td>
                {c.limitMinutes} 分钟（至 {shown(c.deadline)}）：
                {c.unitLateMinutes === null ? '单位未报告' : c.unitLateMinutes > 0 ? <Text span c="red">单位迟报 {c.unitLateMinutes} 分钟</Text> : '单位按时'}
                {c.upwardLateMinutes ? `；我办报送超时 ${c.upwardLateMinutes} 分钟` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="xs">
        <Group gap="xs">
          <Select size="xs" w={120} data={[{ value: 'city', label: '向市级报送' }, { value: 'province', label: '向省级报送' }, { value: 'followup', label: '续报' }]} value={kind} onChange={(v) => setKind(v ?? 'city')} allowDeselect={false} data-testid="urgent-report-kind" />
          <TextInput size="xs" w={150} value={at} onChange={(ev) => setAt(ev.currentTarget.value)} aria-label="报送时间" data-testid="urgent-report-at" />
          <Button size="xs" variant="default" onClick={() => void report()} data-testid="urgent-report">
            登记报送
          </Button>
        </Group>
        {e.proposal === null ? (
          <Text size="sm" c="teal">按时报送，不扣分</Text>
        ) : e.deductionId !== null ? (
          <Text size="sm" data-testid="urgent-applied">已扣 {e.proposal.points} 分（{e.proposal.reason}）</Text>
        ) : (
          <Group gap="xs">
            <Text size="sm" c="red" data-testid="urgent-proposal">建议扣 {e.proposal.points} 分：{e.proposal.reason}</Text>
            <Button size="xs" color="red" variant="light" onClick={() => void apply()} data-testid="urgent-apply">
              按建议扣分
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
