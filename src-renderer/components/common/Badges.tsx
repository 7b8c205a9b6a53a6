/** Small labels used across lists: category, sensitivity, issue status, 已上报. */
import { Badge, Tooltip } from '@mantine/core';
import type { SubmittedMark } from '../../../src-main/api/types';
import { formatShortTimestamp, formatTimestamp } from '../../format';
import { CATEGORY_LABELS, CLASSIFICATION_LABELS, ISSUE_STATUS_LABELS, type Category, type Classification, type IssueStatus } from '../../../src-main/api/schemas';

const CATEGORY_COLORS: Record<Category, string> = { news: 'blue', practice: 'green', problem: 'orange', research: 'violet', followup: 'cyan' };
const CLASSIFICATION_COLORS: Record<Classification, string> = { public: 'gray', internal: 'orange', classified: 'red' };
const STATUS_COLORS: Record<IssueStatus, string> = { draft: 'gray', review: 'orange', signed: 'green', voided: 'red' };

export function CategoryBadge({ category }: { category: Category }) {
  return (
    <Badge variant="light" color={CATEGORY_COLORS[category]} radius="sm">
      {CATEGORY_LABELS[category]}
    </Badge>
  );
}

export function ClassificationBadge({ classification }: { classification: Classification }) {
  return (
    <Badge variant={classification === 'public' ? 'outline' : 'filled'} color={CLASSIFICATION_COLORS[classification]} radius="sm">
      {CLASSIFICATION_LABELS[classification]}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: IssueStatus }) {
  return (
    <Badge
      variant="light"
      color={STATUS_COLORS[status]}
      radius="sm"
      className={status === 'voided' ? 'bd-voided' : undefined}
      data-testid="issue-status"
      data-status={status}
    >
      {ISSUE_STATUS_LABELS[status]}
    </Badge>
  );
}

/** 已上报 with the last date; the tooltip gives the first and how many times. */
export function SubmittedBadge({ mark }: { mark: SubmittedMark | null }) {
  if (!mark) return null;
  // Short (11-25, or 2025-11-25 in another year) so it fits a table cell; the tooltip says all.
  const day = formatShortTimestamp(mark.lastAt).split(' ')[0];
  return (
    <Tooltip label={`首次上报：${formatTimestamp(mark.firstAt)}；共上报 ${mark.count} 次`} withArrow>
      <Badge size="sm" color="teal" variant="light" radius="sm" data-testid="submitted-badge">
        已上报 {day}
        {mark.count > 1 ? ` ×${mark.count}` : ''}
      </Badge>
    </Tooltip>
  );
}
