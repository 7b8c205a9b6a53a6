/** 期刊: the issues of one series in one year, newest first; opening one shows its workspace. */
import { Alert, Button, Loader, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OpInput } from '../../src-main/api/contract';
import type { IssueSummary } from '../../src-main/api/types';
import { useApi } from '../api/context';
import { EmptyHint } from '../components/common/EmptyHint';
import { issueColumns } from '../components/issues/issueColumns';
import { DataTable } from '../components/table/DataTable';
import type { PageRequest } from '../hooks/usePagedRows';
import { IssueWorkspace } from '../components/issues/IssueWorkspace';
import { NewIssueDialog } from '../components/issues/NewIssueDialog';
import { PageHeader } from '../components/common/PageHeader';
import { useLoad } from '../hooks/useLoad';
import { useNav } from '../nav';
import { ListExportButton } from '../components/table/ListExportButton';

const SERIES_KEY = 'bulletin.issues.series';

export function IssuesPage() {
  const api = useApi();
  const { route, go } = useNav();
  const seriesList = useLoad(() => api.call('seriesList', {}), [api]);
  const [seriesId, setSeriesId] = useState<number | null>(() => Number(sessionStorage.getItem(SERIES_KEY)) || null);
  const [year, setYear] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const openId = route.page === 'issues' ? route.issueId : undefined;

  const series = seriesList.data ?? [];
  const current = series.find((s) => s.id === seriesId) ?? series[0];

  useEffect(() => {
    if (current) sessionStorage.setItem(SERIES_KEY, String(current.id));
  }, [current]);

  // All years of the series at once: the year list comes from the same answer.
  const issues = useLoad(
    () => (current ? api.call('issueList', { series: current.id, limit: 1000 }).then((p) => p.rows) : Promise.resolve([] as IssueSummary[])),
    [api, current?.id],
  );
  const years = useMemo(() => {
    const set = new Set((issues.data ?? []).map((i) => i.year));
    set.add(new Date().getFullYear());
    return [...set].sort((a, b) => b - a);
  }, [issues.data]);
  const shownYear = year !== null && years.includes(year) ? year : (issues.data?.[0]?.year ?? new Date().getFullYear());
  const rows = (issues.data ?? []).filter((i) => i.year === shownYear);
  // The table reads its rows page by page, sorted by its headers; the sort is kept for 导出 Excel.
  const [version, setVersion] = useState(0);
  const shownSort = useRef<Pick<OpInput<'issueList'>, 'sort' | 'dir'>>({});
  const columns = useMemo(() => issueColumns(), []);
  const currentId = current?.id;
  const fetchPage = useCallback(
    (q: PageRequest) => {
      shownSort.current = { ...(q.sort ? { sort: q.sort as OpInput<'issueList'>['sort'] } : {}), ...(q.dir ? { dir: q.dir } : {}) };
      return api.call('issueList', { series: currentId, year: shownYear, ...(q as Pick<OpInput<'issueList'>, 'sort'>) });
    },
    [api, currentId, shownYear],
  );

  if (openId !== undefined) {
    return (
      <IssueWorkspace
        key={openId}
        issueId={openId}
        onBack={() => {
          issues.reload();
          setVersion((v) => v + 1);
          go({ page: 'issues' });
        }}
        onChanged={(i) => {
          issues.reload();
          setVersion((v) => v + 1);
          if (i) {
            setSeriesId(i.seriesId);
            setYear(i.year);
          }
        }}
      />
    );
  }

  if (seriesList.data && series.length === 0) {
    return (
      <>
        <PageHeader title="期刊" />
        <EmptyHint
          title="还没有刊物"
          action={
            <Button onClick={() => go({ page: 'settings' })} data-testid="goto-settings">
              去设置
            </Button>
          }
        >
          请先到“设置”中新建一种刊物，如《XX县政务信息》。
        </EmptyHint>
      </>
    );
  }

  return (
    <>
      <PageHeader title="期刊" hint="草稿编排、送审、签发和导出">
        <Select
          aria-label="刊物"
          data={series.map((s) => ({ value: s.id, label: `《${s.name}》` }))}
          value={current?.id ?? null}
          onChange={(v) => v !== null && setSeriesId(v)}
          allowDeselect={false}
          w={220}
          data-testid="issues-series"
        />
        <Select
          aria-label="年份"
          data={years.map((y) => ({ value: y, label: `${y}年` }))}
          value={shownYear}
          onChange={(v) => v !== null && setYear(v)}
          allowDeselect={false}
          w={100}
          data-testid="issues-year"
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} disabled={!current} data-testid="new-issue">
          新建一期
        </Button>
      </PageHeader>

      {(seriesList.error || issues.error) && (
        <Alert color="red" title="期刊列表没有载入">
          {seriesList.error ?? issues.error}
        </Alert>
      )}
      {(seriesList.loading || issues.loading) && !issues.data && <Loader m="xl" />}
      {issues.data && rows.length === 0 && (
        <EmptyHint title={`${shownYear}年还没有${current ? `《${current.name}》的` : ''}期次`}>
          点“新建一期”建立草稿，把稿件编入后提交审核；签发时才给期号。
        </EmptyHint>
      )}
      {rows.length > 0 && current && (
        <div style={{ marginTop: 12 }}>
          <DataTable
            columns={columns}
            fetchPage={fetchPage}
            deps={[fetchPage, version]}
            rowKey={(i) => i.id}
            storageKey="issues"
            testId="issue-table"
            rowTestId="issue-row"
            rowAttrs={(i) => ({ 'data-status': i.status })}
            onOpen={(i) => go({ page: 'issues', issueId: i.id })}
            toolbar={<ListExportButton request={() => ({ list: 'issues', query: { series: current.id, year: shownYear, ...shownSort.current } })} testId="issues-export" />}
          />
        </div>
      )}

      {current && (
        <NewIssueDialog
          opened={creating}
          series={series}
          defaultSeries={current.id}
          onClose={() => setCreating(false)}
          onCreated={(issue) => {
            setCreating(false);
            setSeriesId(issue.seriesId);
            setYear(issue.year);
            go({ page: 'issues', issueId: issue.id });
          }}
        />
      )}
    </>
  );
}
