/**
 * Full-text search. A query's words become FTS5 phrases of bigrams (two or more characters) or
 * single-character lookups; filters become terms on the `meta` column, so the index does all
 * the narrowing. When the rarest word is in so many documents that ranking would mean little
 * (and bm25 over tens of thousands of matches costs more than the budget), the newest come
 * first, which FTS5 answers by walking its index backwards and stopping at the page size.
 */
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { SearchHit, SearchKind, SearchResult } from '../api/ops/search';
import { parseQuery } from '../search/tokenize';
import { findMarks, makeSnippet } from '../search/snippet';
import { estimate, matchingRowids } from './search-plan';
import type { Ctx } from './context';
import { META_PREFIX } from '../store/search-index';
import { findSeriesRow } from './series';
import { findUnitRow } from './units';
import { printedSeriesName } from '../store/printed-series';
import { stmt } from '../store/statements';
// issue 16's records in search (branch search16)
import { RECORD_LOADERS, type RecordLoaded } from './search-records';

/** Above this many candidate documents, order by newest instead of by bm25 (see bench). */
export const RANK_LIMIT = 3000;

function metaFilter(ctx: Ctx, args: OpArgs<'search'>): string[] {
  const token = (t: string) => `"${META_PREFIX}${t}"`;
  const m: string[] = [];
  if (args.kinds?.length) m.push(`(${args.kinds.map((k) => token(`kind${k}`)).join(' OR ')})`);
  if (args.series !== undefined) m.push(token(`series${findSeriesRow(ctx, args.series).id}`));
  if (args.unit !== undefined) m.push(token(`unit${findUnitRow(ctx, args.unit).id}`));
  if (args.year !== undefined) m.push(token(`year${args.year}`));
  if (args.category) m.push(token(`cat${args.category}`));
  if (args.state) m.push(token(`state${args.state}`));
  return m;
}

/** What a hit shows, read for each kind: the same shape as the follow-up records' (search-records.ts). */
type Loaded = RecordLoaded;

const paragraphsText = (json: string) => (JSON.parse(json) as { text: string }[]).map((p) => p.text).join('\n');
const issueName = (series: string, year: number, number: number | null, supplement: number) =>
  number === null ? `《${series}》草稿` : `《${series}》${year}年${supplement ? '增刊' : ''}第${number}期`;

interface ArticleRow {
  id: number;
  title: string;
  paragraphs: string;
  created_at: string;
  unit: string | null;
  status: string | null;
  year: number;
  number: number | null;
  supplement: number;
  series: string;
}

/**
 * The hits' items in one statement (a page of 50 read row by row cost more than the index
 * lookup itself; see the bench's search section).
 */
function loadArticles(ctx: Ctx, ids: readonly number[]): Map<number, Loaded> {
  const rows = stmt(
    ctx.db,
    `SELECT a.id, a.title, a.paragraphs, a.created_at, u.name AS unit, i.status, i.year, i.number, i.supplement, ${printedSeriesName('i', 's')} AS series
       FROM articles a LEFT JOIN units u ON u.id = a.unit_id
       LEFT JOIN issue_articles ia ON ia.article_id = a.id AND ia.live = 1
       LEFT JOIN issues i ON i.id = ia.issue_id LEFT JOIN series s ON s.id = i.series_id
       WHERE a.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as ArticleRow[];
  const out = new Map<number, Loaded>();
  for (const r of rows) {
    out.set(r.id, {
      title: r.title,
      text: paragraphsText(r.paragraphs),
      date: r.created_at.slice(0, 10),
      unit: r.unit,
      issueLabel: r.status ? issueName(r.series, r.year, r.number, r.supplement) : null,
      state: r.status === 'signed' ? 'used' : r.status ? 'inissue' : 'unused',
    });
  }
  return out;
}

function loadSubmission(ctx: Ctx, id: number): Loaded | null {
  const r = stmt(ctx.db, 
      `SELECT s.title, s.paragraphs, s.received_date, u.name AS unit, st.state, i.year, i.number, i.supplement, ${printedSeriesName('i', 'se')} AS series
       FROM submissions s JOIN submission_states st ON st.id = s.id LEFT JOIN units u ON u.id = s.unit_id
       LEFT JOIN issues i ON i.id = st.issue_id LEFT JOIN series se ON se.id = i.series_id WHERE s.id = ?`,
    )
    .get(id) as
    | { title: string; paragraphs: string; received_date: string; unit: string | null; state: string; year: number; number: number | null; supplement: number; series: string | null }
    | undefined;
  if (!r) return null;
  return {
    title: r.title,
    text: paragraphsText(r.paragraphs),
    date: r.received_date,
    unit: r.unit,
    issueLabel: r.series ? issueName(r.series, r.year, r.number, r.supplement) : null,
    state: r.state,
  };
}

function loadIssue(ctx: Ctx, id: number): Loaded | null {
  const r = stmt(ctx.db, 
      `SELECT i.date, i.year, i.number, i.total_number, i.supplement, i.status, ${printedSeriesName('i', 's')} AS series FROM issues i
       JOIN series s ON s.id = i.series_id WHERE i.id = ?`,
    )
    .get(id) as { date: string; year: number; number: number | null; total_number: number | null; supplement: number; status: string; series: string } | undefined;
  if (!r) return null;
  const titles = stmt(ctx.db, 
      `SELECT coalesce(json_extract(ia.snapshot, '$.title'), a.title) AS title FROM issue_articles ia
       JOIN articles a ON a.id = ia.article_id WHERE ia.issue_id = ? ORDER BY ia.position`,
    )
    .all(id) as { title: string }[];
  const label = issueName(r.series, r.year, r.number, r.supplement) + (r.total_number ? `（总第${r.total_number}期）` : '');
  return { title: label, text: titles.map((t) => t.title).join('；'), date: r.date, unit: null, issueLabel: label, state: r.status };
}

const LOADERS: Record<Exclude<SearchKind, 'article'>, (ctx: Ctx, id: number) => Loaded | null> = {
  submission: loadSubmission,
  issue: loadIssue,
  ...RECORD_LOADERS,
};

/**
 * The hits' rows, snippets and marks, in the order given: the part of a search after the index
 * (the bench's LIKE baseline builds its page of hits through it too, so both answer the same).
 */
export function searchHits(ctx: Ctx, docs: readonly { kind: SearchKind; ref_id: number }[], needles: readonly string[]): SearchHit[] {
  const articles = loadArticles(
    ctx,
    docs.filter((d) => d.kind === 'article').map((d) => d.ref_id),
  );
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    const loaded = doc.kind === 'article' ? (articles.get(doc.ref_id) ?? null) : LOADERS[doc.kind](ctx, doc.ref_id);
    if (!loaded) continue;
    const { snippet, marks } = makeSnippet(loaded.text, needles);
    hits.push({
      kind: doc.kind,
      id: doc.ref_id,
      title: loaded.title,
      snippet,
      marks,
      titleMarks: findMarks(loaded.title, needles),
      date: loaded.date,
      unit: loaded.unit,
      issueLabel: loaded.issueLabel,
      state: loaded.state,
    });
  }
  return hits;
}

export function search(ctx: Ctx, args: OpArgs<'search'>): SearchResult {
  const terms = parseQuery(args.query).slice(0, 8);
  if (terms.length === 0) throw new ApiError('INVALID_INPUT', '请输入要查找的字词（汉字、字母或数字）。');
  const limit = args.limit ?? 50;
  const est = estimate(ctx.db, terms);
  const order = args.order && args.order !== 'auto' ? args.order : est > RANK_LIMIT ? 'newest' : 'rank';
  // Filters are resolved first: a series or unit that does not exist is refused even when no
  // document holds the words (a mistyped --unit must not look like "nothing found").
  const meta = metaFilter(ctx, args);
  const result: SearchResult = { query: args.query, order, estimate: est, hits: [] };
  if (est === 0) return result;

  const rowids = matchingRowids(ctx.db, terms, meta, order, limit, args.offset ?? 0, est <= RANK_LIMIT);
  const docs = new Map(
    (stmt(ctx.db, 'SELECT id, kind, ref_id FROM search_docs WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(rowids)) as { id: number; kind: SearchKind; ref_id: number }[]).map(
      (d) => [d.id, d],
    ),
  );
  const ordered = rowids.map((rowid) => docs.get(rowid)).filter((d): d is { id: number; kind: SearchKind; ref_id: number } => d !== undefined);
  result.hits = searchHits(ctx, ordered, terms.map((t) => t.text));
  return result;
}
