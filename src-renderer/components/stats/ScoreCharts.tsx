/** 最终得分 by unit (bars) and the county's month-by-month figures (lines) for the period. */
import { BarChart, LineChart, type LineChartSeries } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ScoreReport } from '../../../src-main/api/ops/scoring';

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text fw={600} size="sm" mb="xs">
        {title}
      </Text>
      {children}
    </Paper>
  );
}

export function ScoreCharts({ report }: { report: ScoreReport }) {
  const bars = report.rows.map((r) => ({ unit: r.unit, 最终得分: r.net }));
  const months = report.months.map((m) => ({
    month: `${Number(m.month.slice(5, 7))}月`,
    得分: m.points,
    扣分: m.deductions,
    最终得分: m.net,
    报送: m.sent,
    采用: m.adoptions,
  }));
  const monthly = (h: number, series: LineChartSeries[], testid: string) => (
    <LineChart h={h} data={months} dataKey="month" withLegend curveType="linear" series={series} data-testid={testid} />
  );
  // One bar per unit, laid sideways so sixty names stay readable.
  const barHeight = Math.max(180, bars.length * 22 + 40);
  return (
    <SimpleGrid cols={2} spacing="md" data-testid="score-charts">
      <ChartCard title="各单位最终得分">
        <BarChart
          h={barHeight}
          data={bars}
          dataKey="unit"
          orientation="vertical"
          yAxisProps={{ width: 110, interval: 0 }}
          series={[{ name: '最终得分', color: 'indigo.6' }]}
          getBarColor={(v) => (v < 0 ? 'red.6' : 'indigo.6')}
          gridAxis="x"
          withBarValueLabel
          data-testid="chart-net"
        />
      </ChartCard>
      <Stack gap="md">
        <ChartCard title="逐月得分与扣分（全县）">
          {monthly(
            200,
            [
              { name: '得分', color: 'indigo.6' },
              { name: '扣分', color: 'red.6' },
              { name: '最终得分', color: 'teal.7' },
            ],
            'chart-trend',
          )}
        </ChartCard>
        <ChartCard title="逐月报送与采用（篇）">
          {monthly(
            160,
            [
              { name: '报送', color: 'gray.6' },
              { name: '采用', color: 'orange.6' },
            ],
            'chart-counts',
          )}
          <Text size="xs" c="dimmed" mt={4}>
            月度任务在一个月全部结束后才计入得分或扣分。
          </Text>
        </ChartCard>
      </Stack>
    </SimpleGrid>
  );
}
