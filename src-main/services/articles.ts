import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { Category, Classification, IssueStatus } from '../api/schemas';
import { countChars, parseBody, type Paragraph } from '../api/text';
import type { Article, ArticleIssueRef, ArticleSummary, SubmittedMark } from '../api/types';
import { writeTx } from '../store/db';
import { Where } from '../store/where';
import { orderBy, pageParams, type OrderSpec } from '../store/order';
import type { Page } from '../api/paging';
import { reindex } from '../store/search-index';
import { localDate, stampNow, type Ctx } from './context';
import { submittedMarks } from './submitted-marks';
import { charCounts } from './article-chars';
import { findUnitRow } from './units';
import { printedSeriesName } from '../store/printed-series';
import { classificationBlock } from './classification';
import { findSeriesRow } from './series';
import { assertPicturesPlaceable } from './draft-pictures';

/** An article's own columns, with its unit's name. */
export interface ArticleColumns {
  id: number;
  title: string;
  paragraphs: string;
  unit_id: number | null;
  unit: string | null;
  category: Category;
  classification: Classification;
}

interface ArticleRow extends ArticleColumns {
  created_at: string;
  updated_at: string;
  issue_id: number | null;
  series_id: number | null;
  series: string | null;
  status: IssueStatus | null;
  year: number | null;
  number: number | null;
  date: string | null;
}

/** What every read of an item joins: its unit, and the live issue it is in. */
const JOINED = `u.name AS unit, i.id AS issue_id, i.series_id, ${printedSeriesName('i', 's')} AS series, i.status, i.year, i.number, i.date
  FROM articles a
  LEFT JOIN units u ON u.id = a.unit_id
  LEFT JOIN issue_articles ia ON ia.article_id = a.id AND ia.live = 1
  LEFT JOIN issues i ON i.id = ia.issue_id
  LEFT JOIN series s ON s.id = i.series_id`;
const SELECT = `SELECT a.*, ${JOINED}`;
/** A list page's rows: every column but the text (its 字数 comes from article-chars.ts). */
const LIST_SELECT = `SELECT a.id, a.title, a.unit_id, a.category, a.classification, a.created_at, a.updated_at, ${JOINED}`;

function issueRef(r: ArticleRow): ArticleIssueRef | null {
  if (r.issue_id === null) return null;
  return { issueId: r.issue_id, seriesId: r.series_id!, series: r.series!, status: r.status!, year: r.year!, number: r.number, date: r.date! };
}

function toArticle(ctx: Ctx, r: ArticleRow): Article {
  const paragraphs = JSON.parse(r.paragraphs) as Paragraph[];
  return { ...toSummary(r, countChars(paragraphs), submittedMarks(ctx.db, [r.id]).get(r.id) ?? null), paragraphs };
}

function toSummary(r: ArticleRow, chars: number, submitted: SubmittedMark | null): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    unitId: r.unit_id,
    unit: r.unit,
    category: r.category,
    classification: r.classification,
    chars,
    issue: issueRef(r),
    frozen: r.status === 'signed',
    submitted,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function findRow(ctx: Ctx, id: number): ArticleRow {
  const row = ctx.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as ArticleRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `没有编号为 ${id} 的信息。`);
  return row;
}

export function getArticle(ctx: Ctx, args: OpArgs<'articleGet'>): Article {
  return toArticle(ctx, findRow(ctx, args.id));
}

function resolveBody(args: { paragraphs?: Paragraph[]; body?: string }): Paragraph[] | undefined {
  if (args.paragraphs !== undefined) return args.paragraphs;
  if (args.body === undefined) return undefined;
  const ps = parseBody(args.body);
  if (ps.length === 0) throw new ApiError('INVALID_INPUT', '正文不能为空。');
  return ps;
}

function resolveUnit(ctx: Ctx, unit: number | string | null | undefined): number | null | undefined {
  if (unit === undefined) return undefined;
  if (unit === null) return null;
  return findUnitRow(ctx, unit).id;
}

export function addArticle(ctx: Ctx, args: OpArgs<'articleAdd'>): Article {
  return writeTx(ctx.db, () => {
    const paragraphs = resolveBody(args)!;
    assertPicturesPlaceable(ctx, null, paragraphs);
    const unitId = resolveUnit(ctx, args.unit) ?? null;
    const now = stampNow(ctx);
    const info = ctx.db
      .prepare(
        `INSERT INTO articles (title, paragraphs, unit_id, category, classification, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(args.title, JSON.stringify(paragraphs), unitId, args.category ?? 'news', args.classification ?? 'public', now, now);
    const id = Number(info.lastInsertRowid);
    reindex(ctx.db, { articles: [id] });
    return toArticle(ctx, findRow(ctx, id));
  });
}

export function assertArticleEditable(row: Pick<ArticleRow, 'id' | 'status' | 'series' | 'year' | 'number' | 'issue_id'>): void {
  if (row.status === 'review') {
    // What the director reviewed is what gets signed: changes go through 退回修改.
    throw new ApiError('INVALID_STATE', `信息 ${row.id} 所在的《${row.series}》草稿（编号 ${row.issue_id}）已提交审核，不能修改。如需修改，请先将该期退回修改。`);
  }
  if (row.status === 'signed') {
    throw new ApiError(
      'FROZEN',
      `信息 ${row.id} 已刊登在已签发的《${row.series}》${row.year}年第${row.number}期，不能修改。如需更正，请在新的一期中刊发更正。`,
    );
  }
}

/**
 * A unit set on an item made from a draft registered without one reaches the register too, in
 * the caller's transaction, so the draft is no longer counted as 未填单位. A draft that names a
 * unit is changed only by a correction (更正登记信息, with a reason).
 */
function fillDraftUnit(ctx: Ctx, articleId: number, unitId: number): void {
  const draft = ctx.db.prepare('SELECT id FROM submissions WHERE article_id = ? AND unit_id IS NULL').get(articleId) as { id: number } | undefined;
  if (!draft) return;
  ctx.db.prepare('UPDATE submissions SET unit_id = ?, updated_at = ? WHERE id = ?').run(unitId, stampNow(ctx), draft.id);
  reindex(ctx.db, { submissions: [draft.id] });
}

export function editArticle(ctx: Ctx, args: OpArgs<'articleEdit'>): Article {
  return writeTx(ctx.db, () => {
    const row = findRow(ctx, args.id);
    assertArticleEditable(row);
    const paragraphs = resolveBody(args);
    if (paragraphs) assertPicturesPlaceable(ctx, row.id, paragraphs);
    const unitId = resolveUnit(ctx, args.unit);
    ctx.db
      .prepare(
        `UPDATE articles SET title = ?, paragraphs = ?, unit_id = ?, category = ?, classification = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        args.title ?? row.title,
        paragraphs ? JSON.stringify(paragraphs) : row.paragraphs,
        unitId === undefined ? row.unit_id : unitId,
        args.category ?? row.category,
        args.classification ?? row.classification,
        stampNow(ctx),
        row.id,
      );
    reindex(ctx.db, { articles: [row.id] });
    if (unitId !== undefined && unitId !== null) fillDraftUnit(ctx, row.id, unitId);
    return toArticle(ctx, findRow(ctx, row.id));
  });
}

export function deleteArticle(ctx: Ctx, args: OpArgs<'articleDelete'>): { id: number } {
  return writeTx(ctx.db, () => {
    findRow(ctx, args.id);
    const uses = ctx.db
      .prepare(
        `SELECT i.id, i.status, i.year, i.number, ${printedSeriesName('i', 's')} AS series FROM issue_articles ia
         JOIN issues i ON i.id = ia.issue_id JOIN series s ON s.id = i.series_id WHERE ia.article_id = ?`,
      )
      .all(args.id) as { id: number; status: IssueStatus; year: number; number: number | null; series: string }[];
    if (uses.length > 0) {
      const u = uses[0]!;
      const where = u.number === null ? `《${u.series}》的草稿（期编号 ${u.id}）` : `《${u.series}》${u.year}年第${u.number}期`;
      throw new ApiError('INVALID_STATE', `信息 ${args.id} 已编入${where}，不能删除。${u.number === null ? '请先从该期移出。' : '已刊发的信息永久保留。'}`);
    }
    const sent = submittedMarks(ctx.db, [args.id]).get(args.id);
    if (sent) {
      throw new ApiError(
        'FROZEN',
        `信息 ${args.id} 已于 ${localDate(new Date(sent.firstAt))} 上报市政府办（见“上报”登记），不能删除：上报过的内容须永久保留，以备核对。`,
      );
    }
    ctx.db.prepare('DELETE FROM articles WHERE id = ?').run(args.id);
    reindex(ctx.db, { articles: [args.id] });
    return { id: args.id };
  });
}

/** Last changed first, read off articles_updated (migration 12). */
const ARTICLE_ORDER: OrderSpec = {
  columns: {
    updatedAt: 'a.updated_at',
    createdAt: 'a.created_at',
    title: 'a.title',
    unit: 'u.name',
    category: 'a.category',
    classification: 'a.classification',
  },
  fallback: 'a.updated_at DESC, a.id DESC',
  tiebreak: 'a.id',
};

export function listArticles(ctx: Ctx, args: OpArgs<'articleList'>): Page<ArticleSummary> {
  const w = new Where()
    .when(args.unit === undefined ? undefined : findUnitRow(ctx, args.unit).id, 'a.unit_id = ?')
    .when(args.category, 'a.category = ?')
    .when(args.classification, 'a.classification = ?')
    // created_at is UTC; the filter's dates are local calendar days, so compare on local time.
    .when(args.from, "date(a.created_at, 'localtime') >= ?")
    .when(args.to, "date(a.created_at, 'localtime') <= ?")
    .when(args.text || undefined, 'instr(a.title, ?) > 0');
  if (args.used === true) w.add('EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id AND ia.live = 1)');
  // Not yet used: the short table kept by triggers (migration 20), not a walk of the archive.
  const from = args.used === false ? 'FROM unplaced_articles x CROSS JOIN articles a ON a.id = x.article_id' : 'FROM articles a';
  const total = (ctx.db.prepare(`SELECT count(*) AS n ${from} ${w}`).get(...w.params) as { n: number }).n;
  // The page's ids first, on the indexes alone; then the rows of those ids. In one statement
  // SQLite read each scanned item's whole row (its text) before filtering: 570 ms at 100,000.
  const unitJoin = args.sort === 'unit' ? 'LEFT JOIN units u ON u.id = a.unit_id' : '';
  const ids = ctx.db
    .prepare(`SELECT a.id ${from} ${unitJoin} ${w} ${orderBy(ARTICLE_ORDER, args.sort, args.dir)} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...w.params, ...pageParams(args)) as number[];
  const byId = new Map(
    (ctx.db.prepare(`${LIST_SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ArticleRow[]).map((r) => [r.id, r]),
  );
  const chars = charCounts(ctx.db, ids);
  const rows = ids.map((id) => byId.get(id)!);
  const marks = submittedMarks(ctx.db, rows.map((r) => r.id));
  const series = args.forSeries === undefined ? null : findSeriesRow(ctx, args.forSeries);
  return {
    rows: rows.map((r) => {
      const summary: ArticleSummary = toSummary(r, chars.get(r.id) ?? 0, marks.get(r.id) ?? null);
      return series ? { ...summary, blocked: classificationBlock(series, r.classification) } : summary;
    }),
    total,
  };
}
