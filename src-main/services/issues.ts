import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { IssueStatus } from '../api/schemas';
import type { Paragraph } from '../api/text';
import type { Article, Issue, IssueArticle, IssueSummary } from '../api/types';
import { writeTx } from '../store/db';
import { Where } from '../store/where';
import { orderBy, pageParams, type OrderSpec } from '../store/order';
import type { Page } from '../api/paging';
import { reindex } from '../store/search-index';
import type { ArticleColumns } from './articles';
import { localDate, stampNow, type Ctx } from './context';
import { assertWithinSeriesLevel } from './classification';
import { findSeriesRow } from './series';
import { printedSeriesName } from '../store/printed-series';

export interface IssueRow {
  id: number;
  series_id: number;
  series: string;
  status: IssueStatus;
  supplement: number;
  date: string;
  year: number;
  number: number | null;
  total_number: number | null;
  signed_by: string | null;
  signed_at: string | null;
  void_reason: string | null;
  voided_at: string | null;
  submitted_by: string | null;
  submitted_at: string | null;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
  sign_operator: string | null;
  voided_by: string | null;
  created_at: string;
  updated_at: string;
  article_count: number;
}

/** The article as it was printed: stored at signing so the archive never changes with later edits. */
export type ArticleSnapshot = Pick<Article, 'title' | 'paragraphs' | 'unitId' | 'unit' | 'category' | 'classification'>;

const SELECT = `
  SELECT i.*, ${printedSeriesName('i', 's')} AS series, (SELECT count(*) FROM issue_articles ia WHERE ia.issue_id = i.id) AS article_count
  FROM issues i JOIN series s ON s.id = i.series_id`;

export function findIssueRow(ctx: Ctx, id: number): IssueRow {
  const row = ctx.db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as IssueRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `没有编号为 ${id} 的期次。`);
  return row;
}

export function issueLabel(r: Pick<IssueRow, 'series' | 'year' | 'number' | 'supplement' | 'id'>): string {
  if (r.number === null) return `《${r.series}》草稿（编号 ${r.id}）`;
  return `《${r.series}》${r.year}年${r.supplement ? '增刊' : ''}第${r.number}期`;
}

function toSummary(r: IssueRow): IssueSummary {
  return {
    id: r.id,
    seriesId: r.series_id,
    series: r.series,
    status: r.status,
    supplement: r.supplement === 1,
    year: r.year,
    number: r.number,
    totalNumber: r.total_number,
    date: r.date,
    signedBy: r.signed_by,
    signedAt: r.signed_at,
    voidReason: r.void_reason,
    voidedAt: r.voided_at,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    withdrawnBy: r.withdrawn_by,
    withdrawnAt: r.withdrawn_at,
    signOperator: r.sign_operator,
    voidedBy: r.voided_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    articleCount: r.article_count,
  };
}

/** The articles of an issue in order: as printed (snapshot) once signed, as they are now before. */
export function issueArticles(ctx: Ctx, issueId: number): (IssueArticle & { paragraphs: Paragraph[] })[] {
  const rows = ctx.db
    .prepare(
      `SELECT ia.article_id AS id, ia.position, ia.brief, ia.snapshot, a.title, a.paragraphs, a.unit_id, u.name AS unit,
              a.category, a.classification
       FROM issue_articles ia JOIN articles a ON a.id = ia.article_id LEFT JOIN units u ON u.id = a.unit_id
       WHERE ia.issue_id = ? ORDER BY ia.position`,
    )
    .all(issueId) as (ArticleColumns & { position: number; brief: number; snapshot: string | null })[];
  return rows.map((r) => {
    const snap: ArticleSnapshot = r.snapshot
      ? (JSON.parse(r.snapshot) as ArticleSnapshot)
      : {
          title: r.title,
          paragraphs: JSON.parse(r.paragraphs) as Paragraph[],
          unitId: r.unit_id,
          unit: r.unit,
          category: r.category,
          classification: r.classification,
        };
    return { id: r.id, position: r.position, ...snap, brief: r.brief === 1 };
  });
}

export function toIssue(ctx: Ctx, r: IssueRow): Issue {
  const { articleCount: _count, ...summary } = toSummary(r);
  const articles = issueArticles(ctx, r.id).map(({ paragraphs: _p, ...a }) => a);
  return { ...summary, articles };
}

export function getIssue(ctx: Ctx, args: OpArgs<'issueGet'>): Issue {
  return toIssue(ctx, findIssueRow(ctx, args.id));
}

/**
 * The default order — drafts first, then the newest numbers — is the one the issues_order and
 * issues_order_all indexes (migration 12) hold, so a page is read off the index, never sorted.
 */
const ISSUE_ORDER: OrderSpec = {
  columns: {
    date: 'i.date',
    number: ['i.year', 'i.supplement', 'i.number'],
    totalNumber: 'i.total_number',
    status: 'i.status',
    articles: 'article_count',
    signedBy: 'i.signed_by',
    updatedAt: 'i.updated_at',
  },
  fallback: 'i.year DESC, (i.number IS NOT NULL), i.supplement, i.number DESC, i.id DESC',
  tiebreak: 'i.id',
};

export function listIssues(ctx: Ctx, args: OpArgs<'issueList'>): Page<IssueSummary> {
  const w = new Where()
    .when(args.series === undefined ? undefined : findSeriesRow(ctx, args.series).id, 'i.series_id = ?')
    .when(args.year, 'i.year = ?')
    .when(args.status, 'i.status = ?');
  // Unary + keeps the planner off issues_status_date: nearly every issue of an archive is
  // signed, so walking the order index and skipping the odd draft reads the fewest rows.
  if (args.archived === true) w.add("+i.status IN ('signed', 'voided')");
  if (args.archived === false) w.add("i.status IN ('draft', 'review')");
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM issues i ${w}`).get(...w.params) as { n: number }).n;
  // CROSS JOIN keeps issues the outer loop, so the ORDER BY can walk an index of issues.
  const from = SELECT.replace('FROM issues i JOIN series s', 'FROM issues i CROSS JOIN series s');
  const sql = `${from} ${w} ${orderBy(ISSUE_ORDER, args.sort, args.dir)} LIMIT ? OFFSET ?`;
  const rows = (ctx.db.prepare(sql).all(...w.params, ...pageParams(args)) as IssueRow[]).map(toSummary);
  return { rows, total };
}

export function assertStatus(r: IssueRow, allowed: IssueStatus[], action: string): void {
  if (allowed.includes(r.status)) return;
  const label = issueLabel(r);
  if (r.status === 'signed' || r.status === 'voided') {
    throw new ApiError(
      'FROZEN',
      `${label}${r.status === 'signed' ? '已签发' : '已作废'}，不能${action}。已签发的期次永久保存、不可修改；如需更正，请作废该期或在新的一期中刊发更正。`,
    );
  }
  if (r.status === 'review') {
    throw new ApiError('INVALID_STATE', `${label}已提交审核，不能${action}。如需修改，请先“退回修改”。`);
  }
  throw new ApiError('INVALID_STATE', `${label}还在编辑中，不能${action}。请先提交审核。`);
}

export function createIssue(ctx: Ctx, args: OpArgs<'issueCreate'>): Issue {
  return writeTx(ctx.db, () => {
    const series = findSeriesRow(ctx, args.series);
    const now = stampNow(ctx);
    const info = ctx.db
      .prepare('INSERT INTO issues (series_id, supplement, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(series.id, args.supplement ? 1 : 0, args.date ?? localDate(ctx.now()), now, now);
    const id = Number(info.lastInsertRowid);
    reindex(ctx.db, { issues: [id] });
    return toIssue(ctx, findIssueRow(ctx, id));
  });
}

function touch(ctx: Ctx, id: number): void {
  ctx.db.prepare('UPDATE issues SET updated_at = ? WHERE id = ?').run(stampNow(ctx), id);
}

function writePositions(ctx: Ctx, issueId: number, articleIds: readonly number[]): void {
  // The rows are rewritten (positions are unique per issue); an item's 简讯 mark goes with it.
  const briefs = new Set(
    (ctx.db.prepare('SELECT article_id FROM issue_articles WHERE issue_id = ? AND brief = 1').all(issueId) as { article_id: number }[]).map(
      (r) => r.article_id,
    ),
  );
  ctx.db.prepare('DELETE FROM issue_articles WHERE issue_id = ?').run(issueId);
  const insert = ctx.db.prepare('INSERT INTO issue_articles (issue_id, article_id, position, brief) VALUES (?, ?, ?, ?)');
  articleIds.forEach((articleId, i) => insert.run(issueId, articleId, i + 1, briefs.has(articleId) ? 1 : 0));
}

function currentIds(ctx: Ctx, issueId: number): number[] {
  return (
    ctx.db.prepare('SELECT article_id FROM issue_articles WHERE issue_id = ? ORDER BY position').all(issueId) as { article_id: number }[]
  ).map((r) => r.article_id);
}

function assertNoRepeats(ids: readonly number[]): void {
  const seen = new Set<number>();
  for (const id of ids) {
    if (seen.has(id)) throw new ApiError('INVALID_INPUT', `信息 ${id} 重复出现，每条信息在一期中只能出现一次。`);
    seen.add(id);
  }
}

export function addArticlesToIssue(ctx: Ctx, args: OpArgs<'issueAddArticles'>): Issue {
  return writeTx(ctx.db, () => {
    const issue = findIssueRow(ctx, args.id);
    assertStatus(issue, ['draft'], '加入信息');
    assertNoRepeats(args.articleIds);
    const existing = currentIds(ctx, issue.id);
    const adding: { id: number; title: string; classification: Article['classification'] }[] = [];
    for (const articleId of args.articleIds) {
      const article = ctx.db.prepare('SELECT id, title, classification FROM articles WHERE id = ?').get(articleId) as (typeof adding)[number] | undefined;
      if (!article) throw new ApiError('NOT_FOUND', `没有编号为 ${articleId} 的信息。`);
      adding.push(article);
      if (existing.includes(articleId)) throw new ApiError('CONFLICT', `信息 ${articleId} 已在本期中。`);
      const other = ctx.db
        .prepare(`${SELECT} WHERE i.id = (SELECT issue_id FROM issue_articles WHERE article_id = ? AND live = 1)`)
        .get(articleId) as IssueRow | undefined;
      if (other) throw new ApiError('CONFLICT', `信息 ${articleId} 已编入${issueLabel(other)}，一条信息只能编入一期。`);
    }
    if (existing.length + args.articleIds.length > 200) throw new ApiError('INVALID_INPUT', '一期最多编入 200 条信息。');
    assertWithinSeriesLevel(findSeriesRow(ctx, issue.series_id), adding, `编入${issueLabel(issue)}`);
    writePositions(ctx, issue.id, [...existing, ...args.articleIds]);
    touch(ctx, issue.id);
    reindex(ctx.db, { issues: [issue.id] });
    return toIssue(ctx, findIssueRow(ctx, issue.id));
  });
}

export function removeArticleFromIssue(ctx: Ctx, args: OpArgs<'issueRemoveArticle'>): Issue {
  return writeTx(ctx.db, () => {
    const issue = findIssueRow(ctx, args.id);
    assertStatus(issue, ['draft'], '移出信息');
    const ids = currentIds(ctx, issue.id);
    if (!ids.includes(args.articleId)) throw new ApiError('NOT_FOUND', `信息 ${args.articleId} 不在本期中。`);
    writePositions(ctx, issue.id, ids.filter((x) => x !== args.articleId));
    touch(ctx, issue.id);
    reindex(ctx.db, { issues: [issue.id], articles: [args.articleId] });
    return toIssue(ctx, findIssueRow(ctx, issue.id));
  });
}

export function reorderIssue(ctx: Ctx, args: OpArgs<'issueReorder'>): Issue {
  return writeTx(ctx.db, () => {
    const issue = findIssueRow(ctx, args.id);
    assertStatus(issue, ['draft'], '调整顺序');
    assertNoRepeats(args.articleIds);
    const ids = currentIds(ctx, issue.id);
    const same = ids.length === args.articleIds.length && ids.every((x) => args.articleIds.includes(x));
    if (!same) throw new ApiError('INVALID_INPUT', '新的顺序必须正好包含本期现有的全部信息。请刷新后重试。');
    writePositions(ctx, issue.id, args.articleIds);
    touch(ctx, issue.id);
    reindex(ctx.db, { issues: [issue.id] });
    return toIssue(ctx, findIssueRow(ctx, issue.id));
  });
}

/** Marks an item of an unsigned issue as a 简讯 (or not): it then scores under the brief rule. */
export function markBrief(ctx: Ctx, args: OpArgs<'issueMarkBrief'>): Issue {
  return writeTx(ctx.db, () => {
    const issue = findIssueRow(ctx, args.id);
    assertStatus(issue, ['draft', 'review'], '标注简讯');
    const brief = args.brief === false ? 0 : 1;
    const changed = ctx.db.prepare('UPDATE issue_articles SET brief = ? WHERE issue_id = ? AND article_id = ?').run(brief, issue.id, args.articleId);
    if (changed.changes === 0) throw new ApiError('NOT_FOUND', `信息 ${args.articleId} 不在${issueLabel(issue)}中。`);
    touch(ctx, issue.id);
    return toIssue(ctx, findIssueRow(ctx, issue.id));
  });
}

export function setIssueDate(ctx: Ctx, args: OpArgs<'issueSetDate'>): Issue {
  return writeTx(ctx.db, () => {
    const issue = findIssueRow(ctx, args.id);
    assertStatus(issue, ['draft', 'review'], '修改日期');
    ctx.db.prepare('UPDATE issues SET date = ?, updated_at = ? WHERE id = ?').run(args.date, stampNow(ctx), issue.id);
    reindex(ctx.db, { issues: [issue.id] });
    return toIssue(ctx, findIssueRow(ctx, issue.id));
  });
}

export function deleteIssue(ctx: Ctx, args: OpArgs<'issueDelete'>): { id: number } {
  return writeTx(ctx.db, () => {
    const issue = findIssueRow(ctx, args.id);
    if (issue.status === 'signed' || issue.status === 'voided') {
      throw new ApiError('FROZEN', `${issueLabel(issue)}已${issue.status === 'signed' ? '签发' : '作废'}，永久保存，不能删除。`);
    }
    const freed = currentIds(ctx, issue.id);
    ctx.db.prepare('DELETE FROM issues WHERE id = ?').run(issue.id);
    reindex(ctx.db, { issues: [issue.id], articles: freed });
    return { id: issue.id };
  });
}
