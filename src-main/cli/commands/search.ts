/** `bulletin search`: one query over items, drafts and issues. */
import type { SearchHit, SearchResult } from '../../api/ops/search';
import { filterBy } from '../options';
import type { CommandSpec } from '../spec';

const KIND_LABEL: Record<SearchHit['kind'], string> = { article: '信息', submission: '来稿', issue: '期' };

/** Marks as 【】 for a terminal, which has no highlighting of its own. */
function bracket(text: string, marks: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [a, b] of marks) {
    out += `${text.slice(at, a)}【${text.slice(a, b)}】`;
    at = b;
  }
  return out + text.slice(at);
}

function printResult(r: SearchResult): string {
  if (r.hits.length === 0) return `没有找到“${r.query}”。`;
  const head = `“${r.query}”：约 ${r.estimate} 处${r.order === 'newest' ? '（匹配很多，按时间由新到旧）' : '（按相关度）'}`;
  const lines = r.hits.map(
    (h, i) =>
      `${String(i + 1).padStart(2)}. [${KIND_LABEL[h.kind]} #${h.id}] ${bracket(h.title, h.titleMarks)}  ${h.date}${h.unit ? `  ${h.unit}` : ''}${h.issueLabel && h.kind !== 'issue' ? `  ${h.issueLabel}` : ''}\n    ${bracket(h.snippet, h.marks)}`,
  );
  return [head, ...lines].join('\n');
}

export const searchCommands: readonly CommandSpec[] = [
  {
    path: ['search'],
    op: 'search',
    zh: '全文检索信息、来稿和期次；一两个字的词也能查，多个词用空格分开',
    en: 'Full-text search over items, drafts and issues; one- and two-character words work; words separated by spaces',
    positionals: [{ name: 'QUERY', key: 'query', type: 'string' }],
    options: [
      { flag: 'limit', key: 'limit', type: 'int', value: 'N', zh: '最多列出几条（默认50）', en: 'at most N hits (default 50)' },
      { flag: 'kind', key: 'kinds', type: 'string', multiple: true, value: 'K', zh: '只查某类：article 信息 / submission 来稿 / issue 期（可重复）', en: 'only this kind (repeatable)' },
      filterBy.series,
      filterBy.year,
      filterBy.unit,
      filterBy.category,
      { flag: 'state', key: 'state', type: 'string', value: 'S', zh: '按状态筛选（如 used 已刊用 / unused 未用 / signed 已签发）', en: 'filter by state' },
    ],
    print: printResult,
    json: (r: SearchResult) => r.hits,
    examples: ['bulletin search 改造', 'bulletin search "老旧小区 城关" --limit 10', 'bulletin --json search 镇'],
  },
];
