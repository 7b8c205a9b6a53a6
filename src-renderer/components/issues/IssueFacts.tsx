/** A numbered or submitted issue, read-only: its register entry and its items in print order. */
import { Alert, Paper, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Issue } from '../../../src-main/api/types';
import { formatDate, formatTimestamp, issueLabel } from '../../format';
import { ClassificationBadge } from '../common/Badges';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

/** 李四 · 2026年11月21日 09:30: who did a step (操作人), and when. */
function who(by: string | null, at: string | null): string {
  return by ? `${by}${at ? ` · ${formatTimestamp(at)}` : ''}` : '';
}

export function IssueFacts({ issue, listHeight }: { issue: Issue; listHeight?: string }) {
  return (
    <Stack gap="sm" data-testid="issue-facts">
      {issue.status === 'voided' && (
        <Alert color="red" title="本期已作废" data-testid="void-reason-text">
          作废原因：{issue.voidReason}
          {issue.voidedAt && (
            <Text size="xs" c="dimmed" mt={4}>
              作废时间 {formatTimestamp(issue.voidedAt)}。期号保留、不再使用。
            </Text>
          )}
        </Alert>
      )}
      <Paper withBorder p="sm">
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          <Fact label="期号">{issueLabel(issue)}</Fact>
          <Fact label="日期">{formatDate(issue.date)}</Fact>
          <Fact label="签发人">{issue.signedBy}</Fact>
          <Fact label="签发时间">{formatTimestamp(issue.signedAt)}</Fact>
          <Fact label="信息条数">{`${issue.articles.length} 条`}</Fact>
          <Fact label="建立时间">{formatTimestamp(issue.createdAt)}</Fact>
          <Fact label="提交审核">{who(issue.submittedBy, issue.submittedAt)}</Fact>
          <Fact label="签发登记人">{issue.signOperator}</Fact>
          {issue.withdrawnBy && <Fact label="最近退回修改">{who(issue.withdrawnBy, issue.withdrawnAt)}</Fact>}
          {issue.status === 'voided' && <Fact label="作废经办人">{issue.voidedBy}</Fact>}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="xs">
        <Title order={6} mb={6}>
          本期信息
        </Title>
        <ScrollArea.Autosize mah={listHeight ?? 'calc(100vh - 400px)'} offsetScrollbars>
          <Stack gap={4}>
            {issue.articles.length === 0 && (
              <Text size="sm" c="dimmed">
                本期没有信息。
              </Text>
            )}
            {issue.articles.map((a) => (
              <Stack key={a.id} gap={0} py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid="issue-item" data-id={a.id}>
                <Text size="sm">
                  {a.position}. {a.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {a.unit ?? '无单位'} {a.classification !== 'public' && <ClassificationBadge classification={a.classification} />}
                </Text>
              </Stack>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Paper>
    </Stack>
  );
}
