/**
 * The issue lists' columns for the TanStack table (issue 15): 期刊 and 归档 alike. The sortable
 * ones are issueList's sort keys (api/paging.ts); the series column is for the archive, which
 * lists every series at once.
 */
import { Text } from '@mantine/core';
import type { IssueSummary } from '../../../src-main/api/types';
import { formatDate, formatTimestamp, issueLabel } from '../../format';
import { StatusBadge } from '../common/Badges';
import type { DataColumn } from '../table/DataTable';

export function issueColumns(opts: { series?: boolean; after?: DataColumn<IssueSummary>[] } = {}): DataColumn<IssueSummary>[] {
  const cols: DataColumn<IssueSummary>[] = [
    {
      id: 'number',
      header: '期号',
      width: opts.series ? 210 : 240,
      sortable: true,
      hideable: false,
      cell: (i) => (
        // A draft has no number yet, so its label is lighter; a voided one is struck through.
        <Text size="sm" fw={i.number === null ? 400 : 600} className={i.status === 'voided' ? 'bd-voided' : undefined} truncate>
          {issueLabel(i)}
        </Text>
      ),
    },
    { id: 'date', header: '日期', width: 140, sortable: true, cell: (i) => <Text size="sm">{formatDate(i.date)}</Text> },
    { id: 'status', header: '状态', width: 90, sortable: true, cell: (i) => <StatusBadge status={i.status} /> },
    { id: 'articles', header: '条数', width: 70, sortable: true, align: 'right', cell: (i) => <Text size="sm">{i.articleCount}</Text> },
    {
      id: 'signedBy',
      header: '签发人',
      width: 100,
      sortable: true,
      cell: (i) => (
        <Text size="sm" truncate>
          {i.signedBy ?? '—'}
        </Text>
      ),
    },
    {
      id: 'signedAt',
      header: '签发时间 / 作废原因',
      // the archive's row also holds its export button: all of it fits 1366 px
      width: opts.series ? 200 : 260,
      cell: (i) => (
        <Text size="sm" c={i.status === 'voided' ? 'red' : 'dimmed'} truncate title={i.voidReason ?? undefined}>
          {i.status === 'voided' ? `作废：${i.voidReason ?? ''}` : formatTimestamp(i.signedAt) || '—'}
        </Text>
      ),
    },
  ];
  if (opts.series) {
    cols.unshift({
      id: 'series',
      header: '刊物',
      width: 170,
      cell: (i) => (
        <Text size="sm" truncate title={i.series}>
          《{i.series}》
        </Text>
      ),
    });
  }
  return [...cols, ...(opts.after ?? [])];
}
