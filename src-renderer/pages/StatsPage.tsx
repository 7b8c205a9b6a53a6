/**
 * 统计: the units' assessment for a period — the ranked table, points by unit and the monthly
 * trend, commissions, deductions and targets, the rules, 年度统计 (the year's figures and report) —
 * and 导出通报 (Word and Excel); 导入/导出采用通报, the adoption notices with the city office (issue 17).
 */
import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconFileExport, IconFileImport, IconTableImport } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useApi } from '../api/context';
import { PageHeader } from '../components/common/PageHeader';
import { AdoptionSheetDialog } from '../components/stats/AdoptionSheetDialog';
import { NoticeExportDialog } from '../components/packets/NoticeExportDialog';
import { NoticeImportDialog } from '../components/stats/NoticeImportDialog';
import { CommissionsPanel } from '../components/stats/CommissionsPanel';
import { DeductionsPanel } from '../components/stats/DeductionsPanel';
import { defaultChoice, PeriodPicker, toQuery, type PeriodChoice } from '../components/stats/PeriodPicker';
import { RulesEditor } from '../components/stats/RulesEditor';
import { ScoreCharts } from '../components/stats/ScoreCharts';
import { ScoreTable } from '../components/stats/ScoreTable';
import { YearStatsPanel } from '../components/stats/YearStatsPanel';
import { PersonScorePanel } from '../components/stats/PersonScorePanel';
import { UrgentPanel } from '../components/stats/UrgentPanel';
import { formatDate } from '../format';
import { useExportCircular } from '../hooks/useExportCircular';
import { useLoad } from '../hooks/useLoad';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1).replace(/\.0$/, '')}%`);

export function StatsPage() {
  const api = useApi();
  const [choice, setChoice] = useState<PeriodChoice>(() => defaultChoice());
  const query = useMemo(() => toQuery(choice), [choice]);
  const key = JSON.stringify(query);
  const report = useLoad(() => api.call('scoreReport', query), [api, key]);
  const { exportCircular, exporting } = useExportCircular();
  const [sheetOpen, setSheetOpen] = useState(false);
  const [noticeImportOpen, setNoticeImportOpen] = useState(false);
  const [noticeExportOpen, setNoticeExportOpen] = useState(false);
  const r = report.data;
  const range = r ? { from: r.from, to: r.to } : null;

  return (
    <>
      <PageHeader title="统计" hint="考核积分、采用、批示与通报">
        <Button variant="default" leftSection={<IconTableImport size={16} />} onClick={() => setSheetOpen(true)} data-testid="adoption-sheet-open">
          导入采用情况表
        </Button>
        {/* issue 17: adoption notices with the city office, both ends */}
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setNoticeImportOpen(true)} data-testid="notice-import-open">
          导入采用通报
        </Button>
        <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => setNoticeExportOpen(true)} data-testid="notice-export-open">
          导出采用通报
        </Button>
        <Button
          leftSection={<IconFileExport size={16} />}
          onClick={() => r && void exportCircular(query, r.title)}
          loading={exporting}
          disabled={!r}
          data-testid="export-circular"
        >
          导出通报
        </Button>
      </PageHeader>
      <AdoptionSheetDialog opened={sheetOpen} onClose={() => setSheetOpen(false)} onRecorded={report.reload} />
      <NoticeImportDialog opened={noticeImportOpen} onClose={() => setNoticeImportOpen(false)} onImported={report.reload} />
      <NoticeExportDialog opened={noticeExportOpen} onClose={() => setNoticeExportOpen(false)} {...(range ? { period: `${range.from}..${range.to}` } : {})} />
      <Group justify="space-between" align="flex-end" mb="sm">
        <PeriodPicker value={choice} onChange={setChoice} />
        {r && (
          <Text size="sm" c="dimmed" data-testid="period-label">
            {r.label}：{formatDate(r.from)}至{formatDate(r.to < r.today ? r.to : r.today)}{r.to > r.today ? '（截至今天）' : ''}，按自{r.rulesFrom === '1900-01-01' ? '启用' : formatDate(r.rulesFrom)}起的规则计分
          </Text>
        )}
      </Group>
      {report.error && (
        <Alert color="red" title="没有算出积分" mb="sm">
          {report.error}
        </Alert>
      )}
      {report.loading && !r && <Loader m="xl" />}
      {r && range && (
        <Tabs defaultValue="scores" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="scores" data-testid="stats-tab-scores">
              积分排名
            </Tabs.Tab>
            <Tabs.Tab value="commissions" data-testid="stats-tab-commissions">
              约稿
            </Tabs.Tab>
            <Tabs.Tab value="deductions" data-testid="stats-tab-deductions">
              扣分与月度任务
            </Tabs.Tab>
            <Tabs.Tab value="rules" data-testid="stats-tab-rules">
              计分规则
            </Tabs.Tab>
            <Tabs.Tab value="year" data-testid="stats-tab-year">
              年度统计
            </Tabs.Tab>
            {/* issue 16 parts 4–5: liaison officers and urgent events */}
            <Tabs.Tab value="persons" data-testid="stats-tab-persons">
              信息员
            </Tabs.Tab>
            <Tabs.Tab value="urgent" data-testid="stats-tab-urgent">
              紧急信息
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="scores">
            <Stack gap="md">
              <SimpleGrid cols={5} spacing="sm" data-testid="score-summary">
                <Figure label="报送" value={`${r.totals.sent} 篇`} />
                <Figure label="被采用" value={`${r.totals.adoptedItems} 篇 / ${r.totals.adoptions} 篇次`} />
                <Figure label="采用率" value={pct(r.totals.adoptionRate)} />
                <Figure label="领导批示" value={`${r.totals.instructions} 次`} />
                <Figure label="未报送单位" value={`${r.silentUnits.length} 个`} hint={r.silentUnits.join('、')} />
              </SimpleGrid>
              {r.criticised.length + r.notAdvanced.length > 0 && (
                <Alert color="orange" py="xs" data-testid="score-flags">
                  {r.criticised.length > 0 && `本年度累计扣分达到通报批评线：${r.criticised.join('、')}。`}
                  {r.notAdvanced.filter((u) => !r.criticised.includes(u)).length > 0 &&
                    `取消评先资格：${r.notAdvanced.filter((u) => !r.criticised.includes(u)).join('、')}。`}
                </Alert>
              )}
              <ScoreTable report={r} query={query} />
              <ScoreCharts report={r} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="commissions">
            <CommissionsPanel range={range} onChanged={report.reload} />
          </Tabs.Panel>
          <Tabs.Panel value="deductions">
            <DeductionsPanel range={range} onChanged={report.reload} />
          </Tabs.Panel>
          <Tabs.Panel value="rules">
            <RulesEditor onSaved={report.reload} />
          </Tabs.Panel>
          <Tabs.Panel value="year">
            <YearStatsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="persons">
            <PersonScorePanel query={query} />
          </Tabs.Panel>
          <Tabs.Panel value="urgent">
            <UrgentPanel range={range} onChanged={report.reload} />
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" truncate title={hint}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
