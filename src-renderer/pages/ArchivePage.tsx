/**
 * 归档: every signed and voided issue, read-only, in the lists' table (issue 15): filtered by
 * series and year, sorted by any header, paged, the total shown, exported to Excel as shown.
 * Exporting an issue gives the file stored at sign-off, byte for byte, so an issue from years
 * ago reprints exactly as it was.
 */
import { Button, Group, Select } from '@mantine/core';
import { IconFileWord, IconFolderDown } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { OpInput } from '../../src-main/api/contract';
import type { IssueSummary } from '../../src-main/api/types';
import { useApi } from '../api/context';
import { YearExportDialog } from '../components/archive/YearExportDialog';
import { EmptyHint } from '../components/common/EmptyHint';
import { issueColumns } from '../components/issues/issueColumns';
import { IssueWorkspace } from '../components/issues/IssueWorkspace';
import { PageHeader } from '../components/common/PageHeader';
import { DataTable, type DataColumn } from '../components/table/DataTable';
import { ListExportButton } from '../components/table/ListExportButton';
import { useExportIssue } from '../hooks/useExportIssue';
import type { PageRequest } from '../hooks/usePagedRows';
import { useLoad } from '../hooks/useLoad';
import { useNav } from '../nav';

export function ArchivePage() {
  const api = useApi();
  const { route, go } = useNav();
  const { exportIssue, exporting } = useExportIssue();
  const seriesList = useLoad(() => api.call('seriesList', {}), [api]);
  // The newest archived issue: whether there is any, and the year 导出全年 starts on.
  const newest = useLoad(() => api.call('issueList', { archived: true, limit: 1 }).then((p) => p.rows[0] ?? null), [api]);
  const [seriesId, setSeriesId] = useState<number | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [yearExport, setYearExport] = useState(false);
  const openId = route.page === 'archive' ? route.issueId : undefined;

  const filter = useMemo(() => ({ ...(seriesId !== null ? { series: seriesId } : {}), ...(year !== null ? { year } : {}) }), [seriesId, year]);
  const shownSort = useRef<Pick<OpInput<'issueList'>, 'sort' | 'dir'>>({});
  const fetchPage = useCallback(
    (q: PageRequest) => {
      shownSort.current = { ...(q.sort ? { sort: q.sort as OpInput<'issueList'>['sort'] } : {}), ...(q.dir ? { dir: q.dir } : {}) };
      return api.call('issueList', { archived: true, ...filter, ...(q as Pick<OpInput<'issueList'>, 'sort'>) });
    },
    [api, filter],
  );
  const exportColumn: DataColumn<IssueSummary> = {
    id: 'export',
    header: '',
    width: 124,
    hideable: false,
    cell: (i) => (
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconFileWord size={14} />}
        loading={exporting === i.id}
        onClick={(e) => {
          e.stopPropagation();
          void exportIssue(i);
        }}
        title="导出签发时存档的 Word 原件"
        data-testid="archive-export"
      >
        导出原件
      </Button>
    ),
  };
  // exporting changes the button's spinner, so the columns follow it
  const columns = useMemo(() => issueColumns({ series: true, after: [exportColumn] }), [exporting]);

  if (openId !== undefined) {
    return (
      <IssueWorkspace
        key={openId}
        issueId={openId}
        archive
        backLabel="返回归档"
        onBack={() => go({ page: 'archive' })}
        onChanged={() => {
          newest.reload();
          setVersion((v) => v + 1);
        }}
      />
    );
  }

  const thisYear = new Date().getFullYear();
  const firstYear = Math.min(thisYear, newest.data?.year ?? thisYear) - 9;
  const years = Array.from({ length: thisYear - firstYear + 1 }, (_, i) => thisYear - i);
  return (
    <>
      <PageHeader title="归档" hint="已签发和已作废的各期，永久保存；导出的是签发时存档的原件">
        <Button leftSection={<IconFolderDown size={16} />} variant="light" onClick={() => setYearExport(true)} data-testid="archive-export-year">
          导出全年
        </Button>
      </PageHeader>
      <YearExportDialog
        opened={yearExport}
        onClose={() => setYearExport(false)}
        initial={newest.data ? { seriesId: newest.data.seriesId, year: newest.data.year } : undefined}
      />
      {newest.data === null ? (
        <EmptyHint title="归档中还没有内容">一期签发后会自动存档到这里。请先在“期刊”中编排一期并签发。</EmptyHint>
      ) : (
        <>
          <Group gap="sm">
            <Select
              aria-label="刊物"
              placeholder="全部刊物"
              clearable
              data={(seriesList.data ?? []).map((s) => ({ value: String(s.id), label: `《${s.name}》` }))}
              value={seriesId === null ? null : String(seriesId)}
              onChange={(v) => setSeriesId(v === null ? null : Number(v))}
              w={240}
              data-testid="archive-filter-series"
            />
            <Select
              aria-label="年份"
              placeholder="全部年份"
              clearable
              data={years.map((y) => ({ value: String(y), label: `${y}年` }))}
              value={year === null ? null : String(year)}
              onChange={(v) => setYear(v === null ? null : Number(v))}
              w={120}
              data-testid="archive-filter-year"
            />
          </Group>
          <div style={{ marginTop: 12 }}>
            <DataTable
              columns={columns}
              fetchPage={fetchPage}
              deps={[fetchPage, version]}
              rowKey={(i) => i.id}
              storageKey="archive"
              testId="archive-table"
              rowTestId="archive-row"
              rowAttrs={(i) => ({ 'data-status': i.status })}
              onOpen={(i) => go({ page: 'archive', issueId: i.id })}
              toolbar={<ListExportButton request={() => ({ list: 'archive', query: { ...filter, ...shownSort.current } })} testId="archive-list-export" />}
            />
          </div>
        </>
      )}
    </>
  );
}
