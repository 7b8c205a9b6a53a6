/** 稿件: every item with its filters; opening one (or 新建稿件) shows the editor in its place. */
import { Button, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { OpInput } from '../../src-main/api/contract';
import { useApi } from '../api/context';
import { ArticleEditor } from '../components/ArticleEditor';
import { ArticleFilters, NO_FILTERS, hasFilters, type ArticleFilterValues } from '../components/ArticleFilters';
import { CategoryBadge, ClassificationBadge, SubmittedBadge } from '../components/Badges';
import { EmptyHint } from '../components/EmptyHint';
import { IssueRefLink } from '../components/IssueRefLink';
import { ListMore, ListStates } from '../components/ListStates';
import { PageHeader } from '../components/PageHeader';
import { formatShortTimestamp, formatTimestamp, isCompleteDate } from '../format';
import { useListLimit } from '../hooks/useListLimit';
import { useLoad } from '../hooks/useLoad';
import { useNav } from '../nav';

function toQuery(f: ArticleFilterValues, limit: number): OpInput<'articleList'> {
  const q: OpInput<'articleList'> = { limit };
  if (f.text.trim()) q.text = f.text.trim();
  if (f.unit !== null) q.unit = f.unit;
  if (f.category) q.category = f.category;
  if (f.classification) q.classification = f.classification;
  if (isCompleteDate(f.from)) q.from = f.from;
  if (isCompleteDate(f.to)) q.to = f.to;
  if (f.used !== 'all') q.used = f.used === 'used';
  return q;
}

export function ArticlesPage() {
  const api = useApi();
  const { route, go, seq } = useNav();
  const [filters, setFilters] = useState<ArticleFilterValues>(NO_FILTERS);
  const paging = useListLimit();
  const { limit } = paging;
  const [debounced] = useDebouncedValue(filters, 250);
  const units = useLoad(() => api.call('unitList', { includeInactive: true }), [api]);
  const list = useLoad(() => api.call('articleList', toQuery(debounced, limit)).then((p) => p.rows), [api, debounced, limit]);

  const openId = route.page === 'articles' ? route.articleId : undefined;
  if (openId !== undefined) {
    return (
      <ArticleEditor
        key={seq}
        articleId={openId}
        onClose={() => {
          list.reload();
          go({ page: 'articles' });
        }}
        onSaved={() => list.reload()}
        onDeleted={() => {
          list.reload();
          go({ page: 'articles' });
        }}
      />
    );
  }

  const rows = list.data ?? [];
  const firstAction = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => go({ page: 'articles', articleId: 'new' })}>
      新建稿件
    </Button>
  );
  return (
    <>
      <PageHeader title="稿件" hint="各单位报送的信息稿件，按最近修改排列">
        <Button leftSection={<IconPlus size={16} />} onClick={() => go({ page: 'articles', articleId: 'new' })} title="Ctrl+N" data-testid="new-article">
          新建稿件
        </Button>
      </PageHeader>
      <ArticleFilters value={filters} onChange={(f) => { setFilters(f); paging.reset(); }} units={units.data ?? []} />

      <ListStates list={list} rows={rows.length} errorTitle="稿件列表没有载入" filtered={hasFilters(filters)} noun="稿件">
        <EmptyHint title="还没有稿件" action={firstAction}>
          点击“新建稿件”（或按 Ctrl+N）录入第一条信息。报送单位列表请先到“设置 → 报送单位”中添加。
        </EmptyHint>
      </ListStates>
      {rows.length > 0 && (
        <Table highlightOnHover layout="fixed" mt="md" verticalSpacing={6} data-testid="article-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>标题</Table.Th>
              <Table.Th w={130}>报送单位</Table.Th>
              <Table.Th w={96}>分类</Table.Th>
              <Table.Th w={70}>密级</Table.Th>
              <Table.Th w={64} ta="right">
                字数
              </Table.Th>
              <Table.Th w={190}>使用情况</Table.Th>
              <Table.Th w={110}>修改时间</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr
                key={a.id}
                style={{ cursor: 'pointer' }}
                onClick={() => go({ page: 'articles', articleId: a.id })}
                data-testid="article-row"
                data-id={a.id}
              >
                <Table.Td>
                  <Text size="sm" truncate title={a.title}>
                    {a.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate title={a.unit ?? ''}>
                    {a.unit ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <CategoryBadge category={a.category} />
                </Table.Td>
                <Table.Td>
                  <ClassificationBadge classification={a.classification} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{a.chars}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <IssueRefLink issueRef={a.issue} />
                    <SubmittedBadge mark={a.submitted} />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" title={formatTimestamp(a.updatedAt)}>
                    {formatShortTimestamp(a.updatedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ListMore rows={rows.length} paging={paging} counter="条" />
    </>
  );
}
