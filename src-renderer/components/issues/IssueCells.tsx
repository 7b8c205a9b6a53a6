/** The columns every issue table starts with: number, date, status, item count and signer. */
import { Table, Text } from '@mantine/core';
import type { IssueSummary } from '../../../src-main/api/types';
import { formatDate, issueLabel } from '../../format';
import { StatusBadge } from '../common/Badges';

/** compact: the archive's tables sit inside an accordion panel, so their columns are a little narrower. */
export function IssueHeadCells({ compact = false }: { compact?: boolean }) {
  return (
    <>
      <Table.Th>期号</Table.Th>
      <Table.Th w={compact ? 140 : 150}>日期</Table.Th>
      <Table.Th w={90}>状态</Table.Th>
      <Table.Th w={compact ? 60 : 70} ta="right">
        条数
      </Table.Th>
      <Table.Th w={compact ? 100 : 110}>签发人</Table.Th>
    </>
  );
}

export function IssueCells({ issue }: { issue: IssueSummary }) {
  return (
    <>
      <Table.Td>
        {/* A draft has no number yet, so its label is lighter. */}
        <Text size="sm" fw={issue.number === null ? 400 : 600} className={issue.status === 'voided' ? 'bd-voided' : undefined} truncate>
          {issueLabel(issue)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDate(issue.date)}</Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={issue.status} />
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{issue.articleCount}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate>
          {issue.signedBy ?? '—'}
        </Text>
      </Table.Td>
    </>
  );
}
