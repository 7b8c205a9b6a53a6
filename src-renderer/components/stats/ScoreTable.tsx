/**
 * The period's ranked table, as the circular prints it plus the adoption rate and the flags.
 * Clicking a unit opens its ledger: where every point came from, with the rules version used.
 */
import { Badge, Drawer, Group, Loader, ScrollArea, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ScoreReport, UnitScore } from '../../../src-main/api/ops/scoring';
import { ListExportButton } from '../table/ListExportButton';
import { useApi } from '../../api/context';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import type { PeriodQuery } from './PeriodPicker';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1).replace(/\.0$/, '')}%`);

export function ScoreTable({ report, query }: { report: ScoreReport; query: PeriodQuery }) {
  const [open, setOpen] = useState<UnitScore | null>(null);
  // The totals row adds up the rows, as the circular's table does (a combined item counts for each of its units).
  const sum = (f: (r: UnitScore) => number) => report.rows.reduce((n, r) => n + f(r), 0);
  const t = {
    sent: sum((r) => r.sent),
    adoptedCounty: sum((r) => r.adoptedCounty),
    adoptedCity: sum((r) => r.adoptedCity),
    adoptedProvince: sum((r) => r.adoptedProvince),
    instructions: sum((r) => r.instructionsCounty + r.instructionsCity + r.instructionsProvince),
    points: sum((r) => r.points),
    deductions: sum((r) => r.deductions),
    net: sum((r) => r.net),
    reward: sum((r) => r.reward),
  };
  const num = (n: number) => <Table.Td ta="right">{n}</Table.Td>;
  return (
    <>
      <ScrollArea>
        <Table striped highlightOnHover withTableBorder verticalSpacing={4} miw={900} data-testid="score-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>排名</Table.Th>
              <Table.Th>单位</Table.Th>
              <Table.Th ta="right">报送</Table.Th>
              <Table.Th ta="right">县级采用</Table.Th>
              <Table.Th ta="right">市级采用</Table.Th>
              <Table.Th ta="right">省级采用</Table.Th>
              <Table.Th ta="right">批示</Table.Th>
              <Table.Th ta="right">得分</Table.Th>
              <Table.Th ta="right">扣分</Table.Th>
              <Table.Th ta="right">最终得分</Table.Th>
              <Table.Th ta="right">奖励（元）</Table.Th>
              <Table.Th ta="right">采用率</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((r) => (
              <Table.Tr key={r.unitId} onClick={() => setOpen(r)} style={{ cursor: 'pointer' }} data-testid="score-row" data-unit={r.unit} data-no-unit={r.noUnit || undefined}>
                <Table.Td>{r.rank ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} c={r.noUnit ? 'orange' : undefined} title={r.noUnit ? '登记时没有填写单位的来稿和信息，请在登记簿中补填单位' : undefined}>
                    {r.unit}
                  </Text>
                </Table.Td>
                {num(r.sent)}
                {num(r.adoptedCounty)}
                {num(r.adoptedCity)}
                {num(r.adoptedProvince)}
                {num(r.instructionsCounty + r.instructionsCity + r.instructionsProvince)}
                {num(r.points)}
                <Table.Td ta="right" c={r.deductions ? 'red' : undefined}>
                  {r.deductions}
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {r.net}
                </Table.Td>
                {num(r.reward)}
                <Table.Td ta="right">{pct(r.adoptionRate)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {r.silent && (
                      <Badge size="xs" color="gray" variant="light">
                        未报送
                      </Badge>
                    )}
                    {r.criticised ? (
                      <Badge size="xs" color="red" title={`本年累计扣${r.yearDeductions}分`}>
                        通报批评
                      </Badge>
                    ) : (
                      r.cannotBeAdvanced && (
                        <Badge size="xs" color="orange" title={`本年累计扣${r.yearDeductions}分`}>
                          取消评先
                        </Badge>
                      )
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="score-totals">
              <Table.Th colSpan={2}>合计（{report.totals.units}个单位{report.rows.some((r) => r.noUnit) ? '及未填单位' : ''}）</Table.Th>
              <Table.Th ta="right">{t.sent}</Table.Th>
              <Table.Th ta="right">{t.adoptedCounty}</Table.Th>
              <Table.Th ta="right">{t.adoptedCity}</Table.Th>
              <Table.Th ta="right">{t.adoptedProvince}</Table.Th>
              <Table.Th ta="right">{t.instructions}</Table.Th>
              <Table.Th ta="right">{t.points}</Table.Th>
              <Table.Th ta="right">{t.deductions}</Table.Th>
              <Table.Th ta="right">{t.net}</Table.Th>
              <Table.Th ta="right">{t.reward}</Table.Th>
              <Table.Th ta="right">{pct(report.totals.adoptionRate)}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea>
      <Text size="xs" c="dimmed" mt={4}>
        采用按篇次计（同一条被几种刊物采用各计一次）；合计行是各行之和，综合信息每个合报单位各计一次，所以可能多于上方的全县数。没有填写单位的来稿和信息计入“未填单位”一行（不排名）。点一行查看该单位的积分明细。
      </Text>
      <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" size="lg" title={open ? `${open.unit} · ${report.label}积分明细` : ''}>
        {open && <Ledger unit={open} query={query} />}
      </Drawer>
    </>
  );
}

function Ledger({ unit, query }: { unit: UnitScore; query: PeriodQuery }) {
  const api = useApi();
  // The 未填单位 row is asked for by its name: it has no id in the register.
  const ref = unit.noUnit ? unit.unit : unit.unitId;
  const ledger = useLoad(() => api.call('scoreLedger', { ...query, unit: ref }), [api, ref, JSON.stringify(query)]);
  if (ledger.loading && !ledger.data) return <Loader />;
  if (ledger.error) return <Text c="red">{ledger.error}</Text>;
  const events = ledger.data ?? [];
  if (!events.length) return <Text c="dimmed">这个期间没有得分或扣分。</Text>;
  return (
    <>
      <ListExportButton request={() => ({ list: 'scores', query: { ...query, unit: ref } })} testId="ledger-export" />
      <Table verticalSpacing={4} data-testid="score-ledger">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>日期</Table.Th>
            <Table.Th>事项</Table.Th>
            <Table.Th ta="right" w={70}>
              分
            </Table.Th>
            <Table.Th ta="right" w={70}>
              元
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td>{formatDate(e.date)}</Table.Td>
              <Table.Td>
                <Text size="sm">{e.label}</Text>
                {e.rule && (
                  <Text size="xs" c="dimmed" data-testid="ledger-rule">
                    按“{e.rule}”计分{e.rulesFrom && e.rulesFrom !== '1900-01-01' ? `（${formatDate(e.rulesFrom)}起的规则）` : ''}
                  </Text>
                )}
                {e.title && (
                  <Text size="xs" c="dimmed">
                    “{e.title}”
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" c={e.deducted ? 'red' : 'teal'}>
                {e.deducted ? `−${e.deducted}` : `+${e.points}`}
              </Table.Td>
              <Table.Td ta="right">{e.reward || ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
