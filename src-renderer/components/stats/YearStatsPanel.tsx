/**
 * 年度统计 on the 统计 page: a year (or two dates), the figures as sentences ready to paste into
 * the 工作总结, the headline numbers, the series and levels, month-by-month charts, and 导出 of
 * the Word report and the Excel workbook. Every figure comes from the statsYear entry.
 */
import { BarChart, LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Alert, Button, CopyButton, Group, Loader, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCopy, IconFileExport } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import type { YearStats } from '../../../src-main/api/ops/stats';
import { useApi } from '../../api/context';
import { todayIso } from '../../format';
import { useExportYearStats, type YearStatsQuery } from '../../hooks/useExportYearStats';
import { useLoad } from '../../hooks/useLoad';
import { DateField } from '../common/DateField';

const LEVEL_NAMES = { county: '县级', city: '市级', province: '省级' } as const;
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1).replace(/\.0$/, '')}%`);

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text fw={600} size="sm" mb="xs">
        {title}
      </Text>
      {children}
    </Paper>
  );
}

function Figure({ label, value, testid }: { label: string; value: string; testid: string }) {
  return (
    <Paper withBorder p="xs" data-testid={testid}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

function YearCharts({ s }: { s: YearStats }) {
  const months = s.months.map((m) => ({
    month: `${Number(m.month.slice(5, 7))}月`,
    编发期数: m.issues,
    刊发信息: m.items,
    收到来稿: m.sent,
    上报: m.sentUpward,
    采用: m.adoptions,
    批示: m.instructions,
  }));
  return (
    <SimpleGrid cols={2} spacing="md" data-testid="year-charts">
      <Card title="逐月编发（期）与刊发信息（条）">
        <BarChart
          h={220}
          data={months}
          dataKey="month"
          withLegend
          series={[
            { name: '编发期数', color: 'indigo.6' },
            { name: '刊发信息', color: 'teal.6' },
          ]}
          data-testid="chart-year-issues"
        />
      </Card>
      <Card title="逐月收到来稿、上报、采用与批示">
        <LineChart
          h={220}
          data={months}
          dataKey="month"
          withLegend
          curveType="linear"
          series={[
            { name: '收到来稿', color: 'gray.6' },
            { name: '上报', color: 'blue.6' },
            { name: '采用', color: 'orange.6' },
            { name: '批示', color: 'red.6' },
          ]}
          data-testid="chart-year-flow"
        />
      </Card>
    </SimpleGrid>
  );
}

export function YearStatsPanel() {
  const api = useApi();
  const now = new Date();
  const [mode, setMode] = useState<'year' | 'custom'>('year');
  const [year, setYear] = useState(now.getFullYear());
  const [from, setFrom] = useState(`${now.getFullYear()}-01-01`);
  const [to, setTo] = useState(todayIso(now));
  const query: YearStatsQuery = useMemo(() => (mode === 'year' ? { year } : { from, to }), [mode, year, from, to]);
  const key = JSON.stringify(query);
  const loaded = useLoad(() => api.call('statsYear', query), [api, key]);
  const { exportYearStats, exporting } = useExportYearStats();
  const s = loaded.data;

  return (
    <Stack gap="md" data-testid="year-stats">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'year' | 'custom')}
            data={[
              { value: 'year', label: '全年' },
              { value: 'custom', label: '自定义期间' },
            ]}
            data-testid="year-mode"
          />
          {mode === 'year' ? (
            <NumberInput
              label="年份"
              value={year}
              min={1949}
              max={2199}
              w={110}
              allowDecimal={false}
              onChange={(v) => typeof v === 'number' && v >= 1949 && v <= 2199 && setYear(v)}
              data-testid="year-input"
            />
          ) : (
            <>
              <DateField label="起始日期" value={from} onChange={(v) => v && setFrom(v)} w={160} data-testid="year-from" />
              <DateField label="截止日期" value={to} onChange={(v) => v && setTo(v)} w={160} data-testid="year-to" />
            </>
          )}
        </Group>
        <Button
          leftSection={<IconFileExport size={16} />}
          onClick={() => s && void exportYearStats(query, s.title)}
          loading={exporting}
          disabled={!s}
          data-testid="export-year-stats"
        >
          导出年度统计（Word 和 Excel）
        </Button>
      </Group>
      {loaded.error && (
        <Alert color="red" title="没有算出年度统计">
          {loaded.error}
        </Alert>
      )}
      {loaded.loading && !s && <Loader m="xl" />}
      {s && (
        <>
          <Text fw={700} size="lg" data-testid="year-title">
            {s.title}
          </Text>
          <SimpleGrid cols={6} spacing="sm" data-testid="year-figures">
            <Figure label="编发刊物" value={`${s.issues.signed} 期`} testid="year-fig-issues" />
            <Figure label="刊发信息" value={`${s.issues.items} 条`} testid="year-fig-items" />
            <Figure label="收到来稿" value={`${s.received} 篇`} testid="year-fig-received" />
            <Figure label="上报信息" value={`${s.upward.items} 条`} testid="year-fig-upward" />
            <Figure label="领导批示" value={`${s.instructions.total} 次`} testid="year-fig-instructions" />
            <Figure label="批示率" value={pct(s.instructions.rate)} testid="year-fig-rate" />
          </SimpleGrid>
          <Card title="工作总结用语（可直接复制）">
            <Stack gap={4} data-testid="year-sentences">
              {s.sentences.map((line) => (
                <Text key={line} size="sm" data-testid="year-sentence">
                  {line}
                </Text>
              ))}
            </Stack>
            <CopyButton value={s.sentences.join('\n')}>
              {({ copied, copy }) => (
                <Button variant="light" size="xs" mt="xs" leftSection={<IconCopy size={14} />} onClick={copy} data-testid="year-copy">
                  {copied ? '已复制' : '复制全部语句'}
                </Button>
              )}
            </CopyButton>
          </Card>
          <SimpleGrid cols={2} spacing="md">
            <Card title="刊物编发">
              <Table striped data-testid="year-series">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>刊物</Table.Th>
                    <Table.Th>编发</Table.Th>
                    <Table.Th>增刊</Table.Th>
                    <Table.Th>作废</Table.Th>
                    <Table.Th>信息</Table.Th>
                    <Table.Th>字数</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.series.map((x) => (
                    <Table.Tr key={x.seriesId} data-testid="year-series-row">
                      <Table.Td>《{x.series}》</Table.Td>
                      <Table.Td>{x.signed}</Table.Td>
                      <Table.Td>{x.supplements}</Table.Td>
                      <Table.Td>{x.voided}</Table.Td>
                      <Table.Td>{x.items}</Table.Td>
                      <Table.Td>{x.chars}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card title="上报采用与领导批示">
              <Table striped data-testid="year-levels">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>级别</Table.Th>
                    <Table.Th>采用（篇次）</Table.Th>
                    <Table.Th>批示（次）</Table.Th>
                    <Table.Th>批示率</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.levels.map((l) => (
                    <Table.Tr key={l.level}>
                      <Table.Td>{LEVEL_NAMES[l.level]}</Table.Td>
                      <Table.Td>{l.adoptions}</Table.Td>
                      <Table.Td>{l.instructions}</Table.Td>
                      <Table.Td>{pct(l.instructionRate)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed" mt={4}>
                批示率 = 获领导批示的信息条数 ÷ 同期上报信息条数。约稿 {s.commissions.commissions} 次：按时 {s.commissions.onTime}、迟报 {s.commissions.late}、未报{' '}
                {s.commissions.missing}；扣分合计 {s.deductions.points} 分。
              </Text>
            </Card>
          </SimpleGrid>
          <YearCharts s={s} />
        </>
      )}
    </Stack>
  );
}
