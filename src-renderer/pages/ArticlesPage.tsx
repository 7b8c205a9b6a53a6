/** 稿件: every item with its filters; opening one (or 新建稿件) shows the editor in its place. */
import { Button, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useRef, useState } from 'react';
import type { OpInput } from '../../src-main/api/contract';
import { useApi } from '../api/context';
import { ArticleEditor } from '../components/articles/ArticleEditor';
import { ArticleFilters, NO_FILTERS, hasFilters, type ArticleFilterValues } from '../components/articles/ArticleFilters';
import { CategoryBadge, ClassificationBadge, SubmittedBadge } from '../components/common/Badges';
import { EmptyHint } from '../components/common/EmptyHint';
import { IssueRefLink } from '../components/common/IssueRefLink';
import { PageHeader } from '../components/common/PageHeader';
import { formatShortTimestamp, formatTimestamp, isCompleteDate } from '../format';
import type { PageRequest } from '../hooks/usePagedRows';
import { DataTable, type DataColumn } from '../components/table/DataTable';
import type { ArticleSummary } from '../../src-main/api/types';
import { useLoad } from '../hooks/useLoad';
import { useNav } from '../nav';
import { BatchMenu } from '../components/table/BatchMenu';
import { ListExportButton } from '../components/table/ListExportButton';
import { articleBatchActions } from '../components/articles/articleBatchActions';

function toQuery(f: ArticleFilterValues): OpInput<'articleList'> {
  const q: OpInput<'articleList'> = {};
  if (f.text.trim()) q.text = f.text.trim();
  if (f.unit !== null) q.unit = f.unit;
  if (f.category) q.category = f.category;
  if (f.classification) q.classification = f.classification;
  if (isCompleteDate(f.from)) q.from = f.from;
  if (isCompleteDate(f.to)) q.to = f.to;
  if (f.used !== 'all') q.used = f.used === 'used';
  return q;
}

/** The sortable columns are articleList's sort keys (api/paging.ts). */
const ARTICLE_COLUMNS: DataColumn<ArticleSummary>[] = [
  {
    id: 'title',
    header: '标题',
    // with the check-boxes every column fits the office laptop's 1366 px
    width: 340,
    sortable: true,
    hideable: false,
    cell: (a) => (
      <Text size="sm" truncate title={a.title}>
        {a.title}
      </Text>
    ),
  },
  {
    id: 'unit',
    header: '来稿单位',
    width: 130,
    sortable: true,
    cell: (a) => (
      <Text size="sm" truncate title={a.unit ?? ''}>
        {a.unit ?? '—'}
      </Text>
    ),
  },
  { id: 'category', header: '分类', width: 96, sortable: true, cell: (a) => <CategoryBadge category={a.category} /> },
  { id: 'classification', header: '密级', width: 80, sortable: true, cell: (a) => <ClassificationBadge classification={a.classification} /> },
  { id: 'chars', header: '字数', width: 64, align: 'right', cell: (a) => <Text size="sm">{a.chars}</Text> },
  {
    id: 'issue',
    header: '使用情况',
    width: 170,
    cell: (a) => (
      <Group gap={4} wrap="nowrap">
        <IssueRefLink issueRef={a.issue} />
        <SubmittedBadge mark={a.submitted} />
      </Group>
    ),
  },
  {
    id: 'updatedAt',
    header: '修改时间',
    width: 120,
    sortable: true,
    cell: (a) => (
      <Text size="sm" c="dimmed" title={formatTimestamp(a.updatedAt)}>
        {formatShortTimestamp(a.updatedAt)}
      </Text>
    ),
  },
  {
    id: 'createdAt',
    header: '录入时间',
    width: 120,
    sortable: true,
    cell: (a) => (
      <Text size="sm" c="dimmed" title={formatTimestamp(a.createdAt)}>
        {formatShortTimestamp(a.createdAt)}
      </Text>
    ),
  },
];

export function ArticlesPage() {
  const api = useApi();
  const { route, go, seq } = useNav();
  const [filters, setFilters] = useState<ArticleFilterValues>(NO_FILTERS);
  const [debounced] = useDebouncedValue(filters, 250);
  const units = useLoad(() => api.call('unitList', { includeInactive: true }), [api]);
  const [version, setVersion] = useState(0);
  // The sort of the headers, kept for 导出 Excel: the file is the list as shown.
  const shownSort = useRef<Pick<OpInput<'articleList'>, 'sort' | 'dir'>>({});
  const fetchPage = useCallback(
    (q: PageRequest) => {
      shownSort.current = { ...(q.sort ? { sort: q.sort as OpInput<'articleList'>['sort'] } : {}), ...(q.dir ? { dir: q.dir } : {}) };
      return api.call('articleList', { ...toQuery(debounced), ...(q as Pick<OpInput<'articleList'>, 'sort'>) });
    },
    [api, debounced],
  );
  const [selected, setSelected] = useState<Set<number>>(new Set());
  // Draft issues, for 编入一期: read again after each change.
  const drafts = useLoad(() => api.call('issueList', { status: 'draft', limit: 200 }).then((p) => p.rows), [api, version]);
  const reload = () => setVersion((v) => v + 1);

  const openId = route.page === 'articles' ? route.articleId : undefined;
  if (openId !== undefined) {
    return (
      <ArticleEditor
        key={seq}
        articleId={openId}
        recover={route.page === 'articles' && route.recover === true}
        onClose={() => {
          reload();
          go({ page: 'articles' });
        }}
        onSaved={() => reload()}
        onDeleted={() => {
          reload();
          go({ page: 'articles' });
        }}
      />
    );
  }

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
      <ArticleFilters
        value={filters}
        onChange={(f) => {
          setFilters(f);
          setSelected(new Set());
        }}
        units={units.data ?? []}
      />

      <div style={{ marginTop: 12 }}>
        <DataTable
          columns={ARTICLE_COLUMNS}
          fetchPage={fetchPage}
          deps={[fetchPage, version]}
          rowKey={(a) => a.id}
          storageKey="articles"
          testId="article-table"
          rowTestId="article-row"
          onOpen={(a) => go({ page: 'articles', articleId: a.id })}
          selection={{ ids: selected, onChange: setSelected }}
          toolbar={
            <>
              <BatchMenu
                count={selected.size}
                onClear={() => setSelected(new Set())}
                actions={articleBatchActions(api, () => [...selected], units.data ?? [], drafts.data ?? [], () => {
                  setSelected(new Set());
                  reload();
                })}
              />
              <ListExportButton request={() => ({ list: 'articles', query: { ...toQuery(debounced), ...shownSort.current } })} testId="articles-export" />
            </>
          }
          empty={
            hasFilters(filters) ? (
              <Text c="dimmed">没有符合筛选条件的稿件，请放宽条件。</Text>
            ) : (
              <EmptyHint title="还没有稿件" action={firstAction}>
                点击“新建稿件”（或按 Ctrl+N）录入第一条信息。来稿单位列表请先到“设置 → 来稿单位”中添加。
              </EmptyHint>
            )
          }
        />
      </div>
    </>
  );
}
