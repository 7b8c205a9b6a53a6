/** `bulletin search`: one query over items, drafts, issues and the follow-up records; `search reindex` rebuilds the index. */
import { dispatch } from '../../wiring/dispatch';
import type { Reindexed, SearchHit, SearchResult } from '../../api/ops/search';
import { loggerFor } from '../../log/logger';
import { createCtx, type Ctx } from '../../services/context';
import { openDatabase } from '../../store/db';
import { filterBy } from '../options';
import type { CommandSpec } from '../spec';

const KIND_LABEL: Record<SearchHit['kind'], string> = {
  article: '信息',
  submission: '来稿',
  issue: '期',
  // issue 16's records (branch search16)
  commission: '约稿',
  instruction: '批示',
  liaison: '信息员',
  urgent: '紧急信息',
};

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

/** `[########------------]  40%  40000/100000  约 30 秒`: a bar for a terminal. */
export function progressBar(done: number, total: number, secondsLeft: number | null, width = 24): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.floor(fraction * width);
  const left = secondsLeft === null ? '' : `  还需约 ${secondsLeft} 秒`;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${done}/${total}${left}`;
}

/** Redraws the bar in place on a terminal while the rebuild runs; nothing when output goes to a file or a program. */
function reindexProgress(ctx: Ctx): () => void {
  if (!process.stderr.isTTY) return () => {};
  const timer = setInterval(() => {
    void dispatch(ctx, 'searchReindexStatus', {}).then((s) => {
      if (s.running) process.stderr.write(`\r正在重建检索索引 ${progressBar(s.running.done, s.running.total, s.running.secondsLeft)}`);
    });
  }, 250);
  return () => {
    clearInterval(timer);
    process.stderr.write('\r\x1b[K');
  };
}

export const searchCommands: readonly CommandSpec[] = [
  {
    path: ['search', 'reindex'],
    zh: '重建全文检索索引（升级后或检索结果不对时）；分批进行，显示进度，期间编印台可继续使用',
    en: 'Rebuild the whole search index (after an upgrade, or to repair); in slices, with a progress bar',
    run: async (input, c) => {
      const ctx = createCtx(openDatabase(c.dbPath));
      ctx.logger = loggerFor(c.dbPath);
      ctx.operator = c.operator;
      const stop = c.json ? () => {} : reindexProgress(ctx);
      try {
        return await dispatch(ctx, 'searchReindex', input);
      } finally {
        stop();
        ctx.db.close();
      }
    },
    print: (r: Reindexed) => `已重建检索索引：${r.documents} 条（信息、来稿、期次、约稿、批示、信息员和紧急信息），用时 ${r.seconds} 秒。`,
    examples: ['bulletin search reindex'],
  },
  {
    path: ['search'],
    op: 'search',
    zh: '全文检索信息、来稿、期次、约稿、批示、信息员和紧急信息；一两个字的词也能查，多个词用空格分开',
    en: 'Full-text search over items, drafts, issues, commissions, instructions, liaison officers and urgent events; one- and two-character words work; words separated by spaces',
    positionals: [{ name: 'QUERY', key: 'query', type: 'string' }],
    options: [
      { flag: 'limit', key: 'limit', type: 'int', value: 'N', zh: '最多列出几条（默认50）', en: 'at most N hits (default 50)' },
      { flag: 'kind', key: 'kinds', type: 'string', multiple: true, value: 'K', zh: '只查某类：article 信息 / submission 来稿 / issue 期 / commission 约稿 / instruction 批示 / liaison 信息员 / urgent 紧急信息（可重复）', en: 'only this kind (repeatable)' },
      filterBy.series,
      filterBy.year,
      filterBy.unit,
      filterBy.category,
      { flag: 'state', key: 'state', type: 'string', value: 'S', zh: '按状态筛选（如 used 已刊用 / unused 未用 / signed 已签发 / done 批示已办结 / pending 紧急信息未上报）', en: 'filter by state' },
    ],
    print: printResult,
    json: (r: SearchResult) => r.hits,
    examples: ['bulletin search 改造', 'bulletin search "老旧小区 城关" --limit 10', 'bulletin search 安全生产 --kind commission', 'bulletin --json search 镇'],
  },
];
