/** Where an item is used: 未使用, or a link to the issue that holds it (draft, in review, signed). */
import { Anchor, Text } from '@mantine/core';
import type { ArticleIssueRef } from '../../../src-main/api/types';
import { useNav } from '../../nav';

export function issueRefText(ref: ArticleIssueRef): string {
  if (ref.number !== null) return `已编入 ${ref.year}年第${ref.number}期`;
  return ref.status === 'review' ? `草稿 #${ref.issueId}（审核中）` : `草稿 #${ref.issueId}`;
}

export function IssueRefLink({ issueRef }: { issueRef: ArticleIssueRef | null }) {
  const { go } = useNav();
  if (!issueRef) {
    return (
      <Text size="sm" c="dimmed">
        未使用
      </Text>
    );
  }
  return (
    <Anchor
      size="sm"
      component="button"
      type="button"
      title={`《${issueRef.series}》`}
      onClick={(e) => {
        e.stopPropagation();
        go({ page: 'issues', issueId: issueRef.issueId });
      }}
    >
      {issueRefText(issueRef)}
    </Anchor>
  );
}
