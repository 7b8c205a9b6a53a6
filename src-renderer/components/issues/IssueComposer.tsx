/**
 * Composing a draft issue: unused items on the left with 加入 buttons, the issue's items on the
 * right in print order. Order changes by dragging or with 上移/下移 (for the keyboard), and
 * every change goes through the API; what it answers is what is shown.
 */
import { Badge, Button, Group, Paper, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Issue } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { notifyError } from '../../api/notify';
import { useLoad } from '../../hooks/useLoad';
import { CategoryBadge, ClassificationBadge } from '../common/Badges';
import { IssueItemList } from './IssueItemList';

export interface IssueComposerProps {
  issue: Issue;
  onIssueChange: (issue: Issue) => void;
}

export function IssueComposer({ issue, onIssueChange }: IssueComposerProps) {
  const api = useApi();
  const [filter, setFilter] = useState('');
  const [text] = useDebouncedValue(filter.trim(), 250);
  const [busy, setBusy] = useState(false);
  const unused = useLoad(
    // Listed for this issue's series: the API says which items its 密级 keeps out, and why.
    () => api.call('articleList', { used: false, limit: 300, forSeries: issue.seriesId, ...(text ? { text } : {}) }).then((p) => p.rows),
    [api, text, issue.articles.length, issue.seriesId],
  );

  const run = async (action: () => Promise<Issue>) => {
    setBusy(true);
    try {
      onIssueChange(await action());
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  const reorder = (articleIds: number[]) => run(() => api.call('issueReorder', { id: issue.id, articleIds }));

  const candidates = unused.data ?? [];
  return (
    <Group align="stretch" gap="sm" wrap="nowrap" data-testid="issue-composer">
      <Paper withBorder p="xs" style={{ flex: '1 1 0', minWidth: 0 }}>
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap">
            <Title order={6}>可用稿件</Title>
            <Text size="xs" c="dimmed">
              未编入任何一期的稿件
            </Text>
          </Group>
          <TextInput
            size="xs"
            placeholder="按标题筛选"
            leftSection={<IconSearch size={12} />}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            data-testid="composer-filter"
          />
          <ScrollArea h="calc(100vh - 290px)" mih={200} offsetScrollbars>
            <Stack gap={4}>
              {unused.data && candidates.length === 0 && (
                <Text size="sm" c="dimmed" p="xs">
                  {text ? '没有标题含这个词的未用稿件。' : '没有未使用的稿件。请先到“稿件”中录入或导入。'}
                </Text>
              )}
              {candidates.map((a) => (
                <Group
                  key={a.id}
                  gap={6}
                  wrap="nowrap"
                  p={4}
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', opacity: a.blocked ? 0.75 : 1 }}
                  data-testid="composer-candidate"
                  data-id={a.id}
                  data-locked={a.blocked ? 'true' : 'false'}
                >
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" lineClamp={2} title={a.title}>
                      {a.title}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      <Text size="xs" c="dimmed" truncate>
                        {a.unit ?? '无单位'} · {a.chars}字
                      </Text>
                      <CategoryBadge category={a.category} />
                      {a.classification !== 'public' && <ClassificationBadge classification={a.classification} />}
                    </Group>
                    {a.blocked && (
                      <Text size="xs" c="red.7" data-testid="lock-reason">
                        {a.blocked}
                      </Text>
                    )}
                  </Stack>
                  <Button
                    size="compact-xs"
                    variant="light"
                    disabled={busy || Boolean(a.blocked)}
                    title={a.blocked ?? undefined}
                    onClick={() => void run(() => api.call('issueAddArticles', { id: issue.id, articleIds: [a.id] }))}
                    data-testid="composer-add"
                    data-id={a.id}
                  >
                    加入
                  </Button>
                </Group>
              ))}
            </Stack>
          </ScrollArea>
        </Stack>
      </Paper>

      <Paper withBorder p="xs" style={{ flex: '1.15 1 0', minWidth: 0 }}>
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap">
            <Title order={6}>本期信息（按刊登顺序）</Title>
            <Badge variant="light" color="gray">
              {issue.articles.length} 条
            </Badge>
          </Group>
          <ScrollArea h="calc(100vh - 256px)" mih={200} offsetScrollbars>
            {issue.articles.length === 0 ? (
              <Text size="sm" c="dimmed" p="xs">
                还没有信息。点左侧稿件的“加入”把它编入本期；加入后可拖动或用 ↑ ↓ 调整顺序。
              </Text>
            ) : (
              <IssueItemList
                items={issue.articles}
                busy={busy}
                onReorder={reorder}
                onRemove={(articleId) => void run(() => api.call('issueRemoveArticle', { id: issue.id, articleId }))}
                onBrief={(articleId, brief) => void run(() => api.call('issueMarkBrief', { id: issue.id, articleId, brief }))}
              />
            )}
          </ScrollArea>
        </Stack>
      </Paper>
    </Group>
  );
}
