/** The columns of the 来稿 register's table; the sortable ones are submissionList's sort keys. */
import { ProofCountBadge } from '../proof/ProofCountBadge';
import { Group, Text } from '@mantine/core';
import type { SubmissionSummary } from '../../../src-main/api/ops/submissions';
import { CATEGORY_LABELS } from '../../../src-main/api/schemas';
import { formatDate } from '../../format';
import { IssueRefLink } from '../common/IssueRefLink';
import { ReceivedPacketCell } from './ReceivedPacketText';
import { SubmissionActions } from './SubmissionActions';
import { DuplicateBadge, FormatBadge, SubmissionStateBadge } from './SubmissionBadges';
import type { StateAction } from './SubmissionStateDialog';
import type { DataColumn } from '../table/DataTable';

/** The state, and beside it where it went: the issue, or why it was set aside. */
function StateCell({ s }: { s: SubmissionSummary }) {
  return (
    <Group gap={6} wrap="nowrap">
      <SubmissionStateBadge state={s.state} reason={s.stateReason} />
      {s.issue ? (
        <IssueRefLink issueRef={s.issue} />
      ) : (
        s.stateReason && (
          <Text size="xs" c="dimmed" truncate title={s.stateReason}>
            {s.stateReason}
          </Text>
        )
      )}
    </Group>
  );
}

export function intakeColumns(actions: {
  onChanged: () => void;
  onStateAction: (a: StateAction) => void;
  onCorrect: (s: SubmissionSummary) => void;
}): DataColumn<SubmissionSummary>[] {
  return [
    {
      id: 'receivedDate',
      header: '收稿日期',
      width: 112,
      sortable: true,
      cell: (s) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={formatDate(s.receivedDate)}>
          {s.receivedDate}
        </Text>
      ),
    },
    {
      id: 'unit',
      header: '来稿单位',
      width: 160,
      sortable: true,
      cell: (s) => (
        <Text size="sm" truncate title={s.unit ?? ''} c={s.unit ? undefined : 'dimmed'}>
          {s.unit ?? '未填单位'}
        </Text>
      ),
    },
    {
      id: 'title',
      header: '标题',
      width: 360,
      sortable: true,
      hideable: false,
      cell: (s) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" truncate title={s.title}>
            {s.title}
          </Text>
          <DuplicateBadge of={s.duplicateOf} />
        </Group>
      ),
    },
    {
      id: 'category',
      header: '分类',
      width: 96,
      sortable: true,
      cell: (s) => (
        <Text size="sm" c={s.category ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
          {s.category ? CATEGORY_LABELS[s.category] : '未定'}
        </Text>
      ),
    },
    {
      id: 'liaisonName',
      header: '信息员',
      width: 90,
      sortable: true,
      cell: (s) => (
        <Text size="sm" truncate>
          {s.liaisonName}
        </Text>
      ),
    },
    { id: 'format', header: '来源', width: 76, cell: (s) => <FormatBadge format={s.originalFormat} encoding={s.originalEncoding} /> },
    // issue 17: the packet a draft from a county or department came in (the city side)
    { id: 'packet', header: '上报包', width: 140, cell: (s) => <ReceivedPacketCell packet={s.receivedPacket} /> },
    // Each draft's count of proofreading findings, so the editor sees which need most work.
    { id: 'proof', header: '校对', width: 76, cell: (s) => <ProofCountBadge proof={s.proof} /> },
    { id: 'state', header: '状态', width: 180, sortable: true, cell: (s) => <StateCell s={s} /> },
    {
      id: 'actions',
      header: '操作',
      width: 150,
      align: 'right',
      hideable: false,
      cell: (s) => (
        <div onClick={(e) => e.stopPropagation()}>
          <SubmissionActions submission={s} onChanged={actions.onChanged} onStateAction={actions.onStateAction} onCorrect={actions.onCorrect} />
        </div>
      ),
    },
  ];
}
