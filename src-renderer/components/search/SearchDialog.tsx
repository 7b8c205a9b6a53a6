/**
 * Ctrl+K: full-text search over items, drafts and issues of every year, and the follow-up
 * records (约稿, 批示, 信息员, 紧急信息), answering as the user types, matched words
 * highlighted. Arrow keys choose, Enter opens: a page for the first three, the record's dialog
 * (RecordDialog) for the others.
 */
import { Badge, Group, Kbd, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconFileText, IconNews, IconSearch, IconUser } from '@tabler/icons-react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { SearchHit, SearchResult } from '../../../src-main/api/ops/search';
import { useApi } from '../../api/context';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import type { Route } from '../../nav';
import { Highlighted } from './Highlighted';
import { RECORD_KINDS, type RecordKind, type RecordRef } from './RecordDialog';
import { NO_SEARCH_FILTERS, SearchFilters, searchFilterInput, type SearchFilterValues } from './SearchFilters';

/** Where a hit leads: a page, or a follow-up record's dialog. */
export type SearchTarget = { route: Route } | { record: RecordRef };

export function SearchDialog({ opened, onClose, onOpen }: { opened: boolean; onClose: () => void; onOpen: (t: SearchTarget) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} withCloseButton={false} size="xl" yOffset="12vh" padding="sm">
      {opened && <SearchBody onOpen={(t) => { onClose(); onOpen(t); }} />}
    </Modal>
  );
}

const KIND_BADGE: Record<SearchHit['kind'], { label: string; color: string }> = {
  article: { label: '信息', color: 'indigo' },
  submission: { label: '来稿', color: 'teal' },
  issue: { label: '期', color: 'gray' },
  // issue 16's records (branch search16)
  commission: { label: '约稿', color: 'grape' },
  instruction: { label: '批示', color: 'red' },
  liaison: { label: '信息员', color: 'cyan' },
  urgent: { label: '紧急信息', color: 'orange' },
};

/** What a follow-up record's date is (an item's, a draft's and an issue's need no word). */
const DATE_LABEL: Partial<Record<SearchHit['kind'], string>> = { commission: '截止 ', instruction: '批示于 ', liaison: '任职自 ', urgent: '事发 ' };

const isRecord = (k: SearchHit['kind']): k is RecordKind => (RECORD_KINDS as readonly string[]).includes(k);

function targetOf(h: SearchHit): SearchTarget {
  return isRecord(h.kind) ? { record: { kind: h.kind, id: h.id } } : { route: routeOf(h) };
}

function routeOf(h: SearchHit): Route {
  if (h.kind === 'issue') return ['signed', 'voided'].includes(h.state) ? { page: 'archive', issueId: h.id } : { page: 'issues', issueId: h.id };
  if (h.kind === 'article') return { page: 'articles', articleId: h.id };
  return { page: 'intake', submissionId: h.id };
}

function SearchBody({ onOpen }: { onOpen: (t: SearchTarget) => void }) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // answers as the user types: a short pause, not every keystroke, goes to the index
  const [q] = useDebouncedValue(query.trim(), 150);
  const [filters, setFilters] = useState<SearchFilterValues>(NO_SEARCH_FILTERS);
  const units = useLoad(() => api.call('unitList', { includeInactive: true }), [api]);
  const filterKey = JSON.stringify(filters);
  const asked = `${q}\u0000${filterKey}`;
  const loaded = useLoad(
    async () => ({
      asked,
      found: q ? await api.call('search', { query: q, limit: 20, ...searchFilterInput(filters) }) : (null as SearchResult | null),
    }),
    [api, q, filterKey],
  );
  // The last answer stays loaded while the next is fetched: shown for the words now typed, it
  // listed the previous words' hits, and Enter opened one of them. Only the answer to what is
  // asked now is shown.
  const result = { ...loaded, data: loaded.data?.asked === asked ? loaded.data.found : null };
  const hits = q ? (result.data?.hits ?? []) : [];

  useEffect(() => setActive(0), [q, filterKey]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && hits[active] && q === query.trim()) {
      // (not while the words just typed wait for their answer: the hits shown are the last words')
      e.preventDefault();
      onOpen(targetOf(hits[active]));
    }
  };

  return (
    <Stack gap="xs">
      <TextInput
        size="md"
        placeholder="查找信息、来稿、期次、约稿、批示、信息员、紧急信息：一两个字也行，多个词用空格分开"
        leftSection={<IconSearch size={18} />}
        rightSection={<Kbd size="xs">Esc</Kbd>}
        rightSectionWidth={44}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        data-autofocus
        data-testid="search-input"
      />
      <SearchFilters value={filters} onChange={setFilters} units={units.data ?? []} />
      {!q && (
        <Text size="sm" c="dimmed" px="xs">
          按 ↑ ↓ 选择，回车打开。查找全部年份的信息正文、来稿和期次（如“第12期”），以及约稿、领导批示、信息员和紧急信息。
        </Text>
      )}
      {q && result.error && (
        <Text size="sm" c="red" px="xs">
          {result.error}
        </Text>
      )}
      {q && hits.length === 0 && !result.loading && !result.error && (
        <Text size="sm" c="dimmed" px="xs">
          没有找到含“{q}”的{filters.kind === 'all' && filters.year === null && filters.unit === null ? '信息、来稿、期次或其他记录' : '记录（已按上方条件筛选，可放宽）'}。
        </Text>
      )}
      {q && result.data && hits.length > 0 && (
        <Text size="xs" c="dimmed" px="xs" data-testid="search-summary">
          约 {result.data.estimate} 处，{result.data.order === 'rank' ? '按相关度排列' : '匹配很多，按时间由新到旧'}
        </Text>
      )}
      <ScrollArea.Autosize mah="58vh" type="auto">
        <Stack gap={2} data-testid="search-results">
          {hits.map((h, i) => (
            <UnstyledButton
              key={`${h.kind}${h.id}`}
              onClick={() => onOpen(targetOf(h))}
              onMouseEnter={() => setActive(i)}
              p="xs"
              style={{ borderRadius: 4, background: i === active ? 'var(--mantine-color-indigo-0)' : undefined }}
              data-testid="search-result"
              data-kind={h.kind}
              data-id={h.id}
            >
              <Group gap="sm" wrap="nowrap" align="flex-start">
                {h.kind === 'issue' ? <IconNews size={18} /> : h.kind === 'liaison' ? <IconUser size={18} /> : h.kind === 'urgent' ? <IconAlertTriangle size={18} /> : <IconFileText size={18} />}
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>
                    <Highlighted text={h.title} marks={h.titleMarks} />
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    <Highlighted text={h.snippet} marks={h.marks} />
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[`${DATE_LABEL[h.kind] ?? ''}${formatDate(h.date)}`, h.unit, h.kind !== 'issue' ? h.issueLabel : null].filter(Boolean).join(' · ')}
                  </Text>
                </div>
                {h.kind === 'issue' && h.state === 'voided' && (
                  <Badge variant="filled" color="red" data-testid="search-voided">
                    作废
                  </Badge>
                )}
                <Badge variant="light" color={KIND_BADGE[h.kind].color}>
                  {KIND_BADGE[h.kind].label}
                </Badge>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
