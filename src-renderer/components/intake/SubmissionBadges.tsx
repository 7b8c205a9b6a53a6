/** The intake register's small labels: a draft's state, where it came from, and a repeat. */
import { Badge, Tooltip } from '@mantine/core';
import {
  ORIGINAL_FORMAT_LABELS,
  SUBMISSION_STATE_LABELS,
  type OriginalFormat,
  type SubmissionState,
  type SubmissionSummary,
} from '../../../src-main/api/ops/submissions';

const STATE_COLORS: Record<SubmissionState, string> = { received: 'blue', editing: 'orange', used: 'green', forwarded: 'violet', unused: 'gray' };
const FORMAT_COLORS: Record<OriginalFormat, string> = { docx: 'indigo', txt: 'teal', typed: 'gray' };

export function SubmissionStateBadge({ state, reason }: { state: SubmissionState; reason?: string | null }) {
  const badge = (
    <Badge variant="light" color={STATE_COLORS[state]} radius="sm" style={{ flexShrink: 0 }} data-testid="submission-state" data-state={state}>
      {SUBMISSION_STATE_LABELS[state]}
    </Badge>
  );
  return reason ? (
    <Tooltip label={reason} multiline maw={320} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

export function FormatBadge({ format, encoding }: { format: OriginalFormat; encoding?: string | null }) {
  return (
    <Badge variant="outline" size="sm" color={FORMAT_COLORS[format]} radius="sm" tt="none" title={encoding ? `编码：${encoding}` : undefined}>
      {ORIGINAL_FORMAT_LABELS[format]}
    </Badge>
  );
}

export function DuplicateBadge({ of }: { of: SubmissionSummary['duplicateOf'] }) {
  if (!of) return null;
  return (
    <Tooltip label={`与 #${of.id}《${of.title}》（${of.unit ?? '未填单位'}，${of.receivedDate} 收到）重复`} multiline maw={360} withArrow>
      <Badge variant="filled" color="yellow" c="dark" radius="sm" size="sm" style={{ flexShrink: 0 }} data-testid="duplicate-flag">
        重复
      </Badge>
    </Tooltip>
  );
}
