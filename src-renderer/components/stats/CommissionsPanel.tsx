/**
 * 约稿: commissions with their deadlines and, per unit, on time / late / missing / still open.
 * A unit's answer is recorded once (the date decides on time or late) and never rewritten.
 */
import { ActionIcon, Badge, Button, Group, Loader, MultiSelect, Paper, Popover, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { COMMISSION_STATUS_LABELS, type CommissionEntry, type CommissionStatus } from '../../../src-main/api/ops/scoring';
import { useApi } from '../../api/context';
import { attempt, notifyOk } from '../../api/notify';
import { formatDate, todayIso } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { EmptyHint } from '../common/EmptyHint';
import { DateField } from '../common/DateField';
import { CommissionNoticeDialog } from './CommissionNoticeDialog';

const STATUS_COLORS: Record<CommissionStatus, string> = { onTime: 'teal', late: 'orange', missing: 'red', pending: 'gray' };

export function CommissionsPanel({ range, onChanged }: { range: { from: string; to: string }; onChanged: () => void }) {
  const api = useApi();
  const units = useLoad(() => api.call('unitList', {}), [api]);
  const list = useLoad(() => api.call('commissionList', range), [api, range.from, range.to]);
  const [topic, setTopic] = useState('');
  const [deadline, setDeadline] = useState(todayIso());
  const [asked, setAsked] = useState<string[]>([]);

  const add = async () => {
    const c = await attempt(() => api.call('commissionAdd', { topic, deadline, units: asked.map(Number) }), '未能发起约稿');
    if (!c) return;
    notifyOk(`已发起约稿“${c.topic}”，截止${formatDate(c.deadline)}，共${c.units.length}个单位`);
    setTopic('');
    setAsked([]);
    list.reload();
    onChanged();
  };

  const changed = () => {
    list.reload();
    onChanged();
  };

  return (
    <Stack gap="md" data-testid="commissions-panel">
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput label="约稿主题" placeholder="例如：防汛救灾工作进展" value={topic} onChange={(e) => setTopic(e.currentTarget.value)} style={{ flex: 1 }} data-testid="commission-topic" />
          <DateField label="截止日期" value={deadline} onChange={(v) => setDeadline(v)} w={160} data-testid="commission-deadline" />
          <MultiSelect
            label="约稿单位"
            placeholder={asked.length ? '' : '选择单位'}
            data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
            value={asked}
            onChange={setAsked}
            searchable
            w={360}
            data-testid="commission-units"
          />
          <Button leftSection={<IconPlus size={16} />} onClick={() => void add()} data-testid="commission-add">
            发起约稿
          </Button>
        </Group>
      </Paper>
      {list.loading && !list.data && <Loader />}
      {list.data && list.data.length === 0 && <EmptyHint title="这个期间没有约稿">约稿按截止日期归入期间。在上面填写主题、截止日期和单位后点“发起约稿”。</EmptyHint>}
      {(list.data ?? []).map((c) => (
        <CommissionCard key={c.id} c={c} onChanged={changed} />
      ))}
    </Stack>
  );
}

function CommissionCard({ c, onChanged }: { c: CommissionEntry; onChanged: () => void }) {
  const counts = (s: CommissionStatus) => c.units.filter((u) => u.status === s).length;
  const [noticeOpen, setNoticeOpen] = useState(false);
  return (
    <Paper withBorder p="sm" data-testid="commission-card" data-id={c.id}>
      {noticeOpen && <CommissionNoticeDialog id={c.id} onClose={() => setNoticeOpen(false)} onChanged={onChanged} />}
      <Group justify="space-between" mb={6}>
        <Text fw={600}>
          约稿“{c.topic}” <Text span c="dimmed" size="sm">截止 {formatDate(c.deadline)}</Text>
        </Text>
        <Group gap={4}>
          {/* the notice: requirements, deadline, drafts, 导出约稿通知 (issue 16) */}
          <Button size="compact-xs" variant="light" onClick={() => setNoticeOpen(true)} data-testid="commission-notice">
            约稿通知
          </Button>
          {(['onTime', 'late', 'missing', 'pending'] as const).map((s) =>
            counts(s) ? (
              <Badge key={s} color={STATUS_COLORS[s]} variant="light">
                {COMMISSION_STATUS_LABELS[s]} {counts(s)}
              </Badge>
            ) : null,
          )}
        </Group>
      </Group>
      <Table verticalSpacing={2}>
        <Table.Tbody>
          {c.units.map((u) => (
            <Table.Tr key={u.unitId} data-testid="commission-unit" data-status={u.status}>
              <Table.Td w={220}>{u.unit}</Table.Td>
              <Table.Td w={110}>
                <Badge color={STATUS_COLORS[u.status]} variant={u.status === 'onTime' ? 'light' : 'filled'}>
                  {COMMISSION_STATUS_LABELS[u.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {u.answeredDate ? `${formatDate(u.answeredDate)}报送${u.articleId ? `（稿件 #${u.articleId}）` : ''}` : ''}
                </Text>
              </Table.Td>
              <Table.Td w={60} ta="right">
                {!u.answeredDate && <AnswerButton commissionId={c.id} unitId={u.unitId} unit={u.unit} onDone={onChanged} />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function AnswerButton({ commissionId, unitId, unit, onDone }: { commissionId: number; unitId: number; unit: string; onDone: () => void }) {
  const api = useApi();
  const [opened, setOpened] = useState(false);
  const [date, setDate] = useState(todayIso());
  const [article, setArticle] = useState('');
  const save = async () => {
    const articleId = article.trim() ? Number(article.trim()) : undefined;
    const r = await attempt(() => api.call('commissionAnswer', { id: commissionId, unit: unitId, date, ...(articleId ? { articleId } : {}) }), '未能登记');
    if (!r) return;
    setOpened(false);
    notifyOk(`已登记${unit}的报送`);
    onDone();
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="left" withArrow trapFocus>
      <Popover.Target>
        <Tooltip label="登记报送">
          <ActionIcon variant="light" onClick={() => setOpened((o) => !o)} aria-label={`登记${unit}的报送`} data-testid="commission-answer">
            <IconCheck size={16} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={220}>
          <Text size="sm" fw={600}>
            {unit} 报送约稿
          </Text>
          <DateField label="报送日期" value={date} onChange={(v) => setDate(v)} data-testid="answer-date" />
          <TextInput label="稿件编号（可不填）" value={article} onChange={(e) => setArticle(e.currentTarget.value.replace(/\D/g, ''))} data-testid="answer-article" />
          <Button size="xs" onClick={() => void save()} data-testid="answer-save">
            登记
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
