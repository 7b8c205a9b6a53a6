/**
 * Ctrl+K: jump to an item by a word of its title, or to an issue by its number. Arrow keys
 * choose, Enter opens. Items are searched by the API; issues are matched here by their label.
 */
import { Badge, Group, Kbd, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText, IconNews, IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary, IssueSummary } from '../../src-main/api/types';
import { useApi } from '../api/context';
import { formatDate, issueLabel } from '../format';
import { useLoad } from '../hooks/useLoad';
import type { Route } from '../nav';
import { StatusBadge } from './Badges';

interface Hit {
  key: string;
  route: Route;
  title: string;
  detail: string;
  kind: 'article' | 'issue';
  issue?: IssueSummary;
}

export function SearchDialog({ opened, onClose, onOpen }: { opened: boolean; onClose: () => void; onOpen: (r: Route) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} withCloseButton={false} size="lg" yOffset="12vh" padding="sm">
      {opened && <SearchBody onOpen={(r) => { onClose(); onOpen(r); }} />}
    </Modal>
  );
}

function SearchBody({ onOpen }: { onOpen: (r: Route) => void }) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [q] = useDebouncedValue(query.trim(), 200);
  const issues = useLoad(() => api.call('issueList', {}), [api]);
  const articles = useLoad(
    () => (q ? api.call('articleList', { text: q, limit: 8 }) : Promise.resolve([] as ArticleSummary[])),
    [api, q],
  );

  const issueHits: Hit[] = q
    ? (issues.data ?? [])
        .filter((i) => `《${i.series}》${issueLabel(i)} ${i.series}${issueLabel(i)}`.includes(q))
        .slice(0, 6)
        .map((i) => ({
          key: `i${i.id}`,
          route: { page: 'issues', issueId: i.id },
          title: `《${i.series}》${issueLabel(i)}`,
          detail: `${formatDate(i.date)} · ${i.articleCount}条`,
          kind: 'issue',
          issue: i,
        }))
    : [];
  const articleHits: Hit[] = (q ? (articles.data ?? []) : []).map((a) => ({
    key: `a${a.id}`,
    route: { page: 'articles', articleId: a.id },
    title: a.title,
    detail: `${a.unit ?? '无单位'} · ${a.chars}字`,
    kind: 'article',
  }));
  const hits = [...issueHits, ...articleHits];

  useEffect(() => setActive(0), [q]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      onOpen(hits[active].route);
    }
  };

  return (
    <Stack gap="xs">
      <TextInput
        size="md"
        placeholder="输入标题中的词，或期号如“第12期”"
        leftSection={<IconSearch size={18} />}
        rightSection={<Kbd size="xs">Esc</Kbd>}
        rightSectionWidth={44}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        data-autofocus
        data-testid="search-input"
      />
      {!q && (
        <Text size="sm" c="dimmed" px="xs">
          按 ↑ ↓ 选择，回车打开。稿件按标题查找，期刊按期号查找。
        </Text>
      )}
      {q && hits.length === 0 && !articles.loading && (
        <Text size="sm" c="dimmed" px="xs">
          没有找到含“{q}”的稿件或期次。
        </Text>
      )}
      <Stack gap={2} data-testid="search-results">
        {hits.map((h, i) => (
          <UnstyledButton
            key={h.key}
            onClick={() => onOpen(h.route)}
            onMouseEnter={() => setActive(i)}
            p="xs"
            style={{ borderRadius: 4, background: i === active ? 'var(--mantine-color-indigo-0)' : undefined }}
            data-testid="search-result"
          >
            <Group gap="sm" wrap="nowrap">
              {h.kind === 'issue' ? <IconNews size={18} /> : <IconFileText size={18} />}
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" truncate>
                  {h.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {h.detail}
                </Text>
              </div>
              {h.issue ? <StatusBadge status={h.issue.status} /> : <Badge variant="outline" color="gray">稿件</Badge>}
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Stack>
  );
}
