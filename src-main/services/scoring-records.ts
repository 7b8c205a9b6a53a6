/**
 * What happened to an item after it was written: adoptions by publications (ours are read from
 * the signed issues; the others are entered here), leader instructions, and the further units
 * of a combined item.
 */
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { AdoptionEntry, ArticleUnits, InstructionEntry } from '../api/ops/scoring';
import type { AdoptionKind, Level } from '../scoring/rules';
import { writeTx } from '../store/db';
import { printedSeriesName } from '../store/printed-series';
import { reindex } from '../store/search-index';
import { Where } from '../store/where';
import { orderBy, pageParams, type OrderSpec } from '../store/order';
import type { Page } from '../api/paging';
import { localDate, stampNow, type Ctx } from './context';
import { ownIssueRef } from './scoring-load';
import { findUnitRow } from './units';

interface ArticleRow {
  id: number;
  title: string;
  unit_id: number | null;
}

export function findArticle(ctx: Ctx, id: number): ArticleRow {
  const row = ctx.db.prepare('SELECT id, title, unit_id FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `没有编号为 ${id} 的信息。`);
  return row;
}

/** Events are recorded after they happen: a date after today is a typing mistake. */
export function assertNotFuture(ctx: Ctx, date: string, what: string): void {
  const today = localDate(ctx.now());
  if (date > today) throw new ApiError('INVALID_INPUT', `${what}（${date}）晚于今天（${today}），请核对日期。`);
}

/** Unit names of each item, its own unit first, for lists. */
export function unitNamesOf(ctx: Ctx, articleIds: readonly number[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  if (!articleIds.length) return map;
  const ids = JSON.stringify([...new Set(articleIds)]);
  const rows = ctx.db
    .prepare(
      `SELECT a.id AS articleId, u.name, 0 AS extra, u.id AS unitId FROM articles a JOIN units u ON u.id = a.unit_id
       WHERE a.id IN (SELECT value FROM json_each(?))
       UNION ALL
       SELECT au.article_id, u.name, 1, u.id FROM article_units au JOIN units u ON u.id = au.unit_id
       WHERE au.article_id IN (SELECT value FROM json_each(?))
       ORDER BY 1, 3, 4`,
    )
    .all(ids, ids) as { articleId: number; name: string }[];
  for (const r of rows) map.set(r.articleId, [...(map.get(r.articleId) ?? []), r.name]);
  return map;
}

// ---- the units of a combined item -----------------------------------------------------------

export function getArticleUnits(ctx: Ctx, args: OpArgs<'articleUnitsGet'>): ArticleUnits {
  const a = findArticle(ctx, args.id);
  const own = a.unit_id === null ? null : findUnitRow(ctx, a.unit_id);
  const extra = ctx.db
    .prepare('SELECT u.id, u.name FROM article_units au JOIN units u ON u.id = au.unit_id WHERE au.article_id = ? ORDER BY u.id')
    .all(a.id) as { id: number; name: string }[];
  return { id: a.id, title: a.title, unitId: own?.id ?? null, unit: own?.name ?? null, extra };
}

export function setArticleUnits(ctx: Ctx, args: OpArgs<'articleSetUnits'>): ArticleUnits {
  return writeTx(ctx.db, () => {
    const a = findArticle(ctx, args.id);
    assertUnitsNotFrozen(ctx, a);
    const ids: number[] = [];
    for (const ref of args.unitIds) {
      const u = findUnitRow(ctx, ref);
      if (u.id === a.unit_id) throw new ApiError('INVALID_INPUT', `“${u.name}”已是本条信息的来稿单位，不必再列为合报单位。`);
      if (ids.includes(u.id)) throw new ApiError('INVALID_INPUT', `合报单位“${u.name}”重复出现。`);
      ids.push(u.id);
    }
    ctx.db.prepare('DELETE FROM article_units WHERE article_id = ?').run(a.id);
    const insert = ctx.db.prepare('INSERT INTO article_units (article_id, unit_id) VALUES (?, ?)');
    for (const id of ids) insert.run(a.id, id);
    reindex(ctx.db, { articles: [a.id] });
    return getArticleUnits(ctx, { id: a.id });
  });
}

/**
 * The units of an item printed in a signed issue are what its points were counted for: they stay
 * (migration 11 holds the same line in the schema). A correction goes through voiding the issue
 * or a correction issue.
 */
function assertUnitsNotFrozen(ctx: Ctx, a: ArticleRow): void {
  const signed = ctx.db
    .prepare(
      `SELECT i.year, i.number, i.supplement, ${printedSeriesName('i', 's')} AS series FROM issue_articles ia
       JOIN issues i ON i.id = ia.issue_id JOIN series s ON s.id = i.series_id
       WHERE ia.article_id = ? AND i.status = 'signed'`,
    )
    .get(a.id) as { year: number; number: number; supplement: number; series: string } | undefined;
  if (!signed) return;
  throw new ApiError(
    'FROZEN',
    `信息 ${a.id}“${a.title}”已刊于《${signed.series}》${ownIssueRef(signed)}（已签发），来稿单位和合报单位不能再改：` +
      '积分已按它们计入。如需更正，请作废该期，或在新的一期中刊发更正。',
  );
}

// ---- adoptions ------------------------------------------------------------------------------

interface AdoptionRow {
  id: number;
  article_id: number;
  title: string;
  publication: string;
  level: Level;
  kind: AdoptionKind;
  date: string;
  issue_ref: string;
  created_at: string;
}

const ADOPTION_SELECT = 'SELECT ad.*, a.title FROM adoptions ad JOIN articles a ON a.id = ad.article_id';

function manualEntry(r: AdoptionRow, units: Map<number, string[]>): AdoptionEntry {
  return {
    id: r.id,
    source: 'manual',
    articleId: r.article_id,
    title: r.title,
    units: units.get(r.article_id) ?? [],
    publication: r.publication,
    level: r.level,
    kind: r.kind,
    date: r.date,
    issueRef: r.issue_ref,
    issueId: null,
    createdAt: r.created_at,
  };
}

export function addAdoption(ctx: Ctx, args: OpArgs<'adoptionAdd'>): AdoptionEntry {
  return writeTx(ctx.db, () => {
    const a = findArticle(ctx, args.articleId);
    const date = args.date ?? localDate(ctx.now());
    assertNotFuture(ctx, date, '采用日期');
    // People write the name with or without 《》; it is kept without.
    const publication = args.publication.replace(/^《|》$/g, '').trim();
    if (!publication) throw new ApiError('INVALID_INPUT', '刊物名称不能为空。');
    if (ctx.db.prepare('SELECT 1 FROM series WHERE name = ?').get(publication)) {
      throw new ApiError(
        'CONFLICT',
        `《${publication}》是本系统编印的刊物，它的采用在该期签发时自动计入，不必手工登记（否则会重复计分）。`,
      );
    }
    const issueRef = args.issueRef ?? '';
    const dup = ctx.db
      .prepare('SELECT id FROM adoptions WHERE article_id = ? AND publication = ? AND kind = ? AND issue_ref = ?')
      .get(a.id, publication, args.kind, issueRef);
    if (dup) throw new ApiError('CONFLICT', `信息 ${a.id} 被《${publication}》${issueRef}采用已经登记过了。`);
    const info = ctx.db
      .prepare('INSERT INTO adoptions (article_id, publication, level, kind, date, issue_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(a.id, publication, args.level, args.kind, date, issueRef, stampNow(ctx));
    const row = ctx.db.prepare(`${ADOPTION_SELECT} WHERE ad.id = ?`).get(Number(info.lastInsertRowid)) as AdoptionRow;
    return manualEntry(row, unitNamesOf(ctx, [a.id]));
  });
}

/** Articles of a unit, its own or as a further unit of a combined item (SQL fragment on alias `x`). */
const OF_UNIT = '(x.unit_id = ? OR EXISTS (SELECT 1 FROM article_units au WHERE au.article_id = x.id AND au.unit_id = ?))';

/**
 * Adoptions by our own series (every item of a signed issue) and those entered by hand, as one
 * list sorted and paged in SQL: a UNION ALL whose arms each walk an index in date order
 * (issues_status_date, adoptions_date), merged, so the first page reads only its rows.
 */
const OWN_ARM = `
  SELECT 'issue' AS source, NULL AS id, ia.article_id AS articleId, coalesce(json_extract(ia.snapshot, '$.title'), a.title) AS title,
         ${printedSeriesName('i', 's')} AS publication, 'county' AS level,
         CASE WHEN ia.brief = 1 THEN 'brief' ELSE i.score_rule END AS kind, i.date AS date, '' AS issueRef,
         i.id AS issueId, i.year AS year, i.number AS number, i.supplement AS supplement, NULL AS createdAt
  FROM issues i CROSS JOIN issue_articles ia ON ia.issue_id = i.id JOIN series s ON s.id = i.series_id JOIN articles a ON a.id = ia.article_id
  WHERE ia.live = 1 AND i.status = 'signed'`;
const MANUAL_ARM = `
  SELECT 'manual', ad.id, ad.article_id, a.title, ad.publication, ad.level, ad.kind, ad.date, ad.issue_ref,
         NULL, NULL, NULL, NULL, ad.created_at
  FROM adoptions ad CROSS JOIN articles a ON a.id = ad.article_id WHERE 1`;

const ADOPTION_ORDER: OrderSpec = {
  columns: { date: 'date', title: 'title', publication: 'publication', kind: 'kind' },
  fallback: 'date DESC, articleId, source, id',
  tiebreak: ['articleId', 'source', 'id'],
};

interface UnionRow {
  source: 'issue' | 'manual';
  id: number | null;
  articleId: number;
  title: string;
  publication: string;
  level: Level;
  kind: AdoptionKind;
  date: string;
  issueRef: string;
  issueId: number | null;
  year: number | null;
  number: number | null;
  supplement: number | null;
  createdAt: string | null;
}

export function listAdoptions(ctx: Ctx, args: OpArgs<'adoptionList'>): Page<AdoptionEntry> {
  const unitId = args.unit === undefined ? undefined : findUnitRow(ctx, args.unit).id;
  if (args.articleId !== undefined) findArticle(ctx, args.articleId);
  const filter = (dateCol: string, articleCol: string) =>
    new Where()
      .when(args.articleId, `${articleCol} = ?`)
      .when(args.from, `${dateCol} >= ?`)
      .when(args.to, `${dateCol} <= ?`)
      .when(unitId, `${articleCol} IN (SELECT x.id FROM articles x WHERE ${OF_UNIT})`, unitId ?? null);
  const and = (w: Where) => w.toString().replace(/^WHERE/, 'AND');
  const wOwn = filter('i.date', 'ia.article_id');
  const wMan = filter('ad.date', 'ad.article_id');
  const total =
    (ctx.db.prepare(`SELECT count(*) AS n FROM issues i JOIN issue_articles ia ON ia.issue_id = i.id WHERE ia.live = 1 AND i.status = 'signed' ${and(wOwn)}`).get(...wOwn.params) as { n: number }).n +
    (ctx.db.prepare(`SELECT count(*) AS n FROM adoptions ad ${wMan}`).get(...wMan.params) as { n: number }).n;
  const sql = `${OWN_ARM} ${and(wOwn)} UNION ALL ${MANUAL_ARM} ${and(wMan)} ${orderBy(ADOPTION_ORDER, args.sort, args.dir)} LIMIT ? OFFSET ?`;
  const rows = ctx.db.prepare(sql).all(...wOwn.params, ...wMan.params, ...pageParams(args)) as UnionRow[];
  const units = unitNamesOf(ctx, rows.map((r) => r.articleId));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      source: r.source,
      articleId: r.articleId,
      title: r.title,
      units: units.get(r.articleId) ?? [],
      publication: r.publication,
      level: r.level,
      kind: r.kind,
      date: r.date,
      issueRef: r.source === 'issue' ? ownIssueRef({ year: r.year!, number: r.number!, supplement: r.supplement! }) : r.issueRef,
      issueId: r.issueId,
      createdAt: r.createdAt,
    })),
    total,
  };
}

export function deleteAdoption(ctx: Ctx, args: OpArgs<'adoptionDelete'>): { id: number } {
  return writeTx(ctx.db, () => {
    const row = ctx.db.prepare('SELECT id FROM adoptions WHERE id = ?').get(args.id);
    if (!row) {
      throw new ApiError(
        'NOT_FOUND',
        `没有编号为 ${args.id} 的手工采用记录。本系统刊物的采用随签发自动计入，只能通过作废该期撤销。`,
      );
    }
    ctx.db.prepare('DELETE FROM adoptions WHERE id = ?').run(args.id);
    return { id: args.id };
  });
}

// ---- leader instructions --------------------------------------------------------------------

export interface InstructionRow {
  id: number;
  article_id: number;
  title: string;
  level: Level;
  leader: string;
  date: string;
  text: string;
  created_at: string;
}

const INSTRUCTION_SELECT = 'SELECT ins.*, x.title FROM instructions ins CROSS JOIN articles x ON x.id = ins.article_id';

export function instructionEntry(r: InstructionRow, units: Map<number, string[]>): InstructionEntry {
  return {
    id: r.id,
    articleId: r.article_id,
    title: r.title,
    units: units.get(r.article_id) ?? [],
    level: r.level,
    leader: r.leader,
    date: r.date,
    text: r.text,
    createdAt: r.created_at,
  };
}

export function addInstruction(ctx: Ctx, args: OpArgs<'instructionAdd'>): InstructionEntry {
  return writeTx(ctx.db, () => {
    const a = findArticle(ctx, args.articleId);
    const date = args.date ?? localDate(ctx.now());
    assertNotFuture(ctx, date, '批示日期');
    const info = ctx.db
      .prepare('INSERT INTO instructions (article_id, level, leader, date, text, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(a.id, args.level, args.leader, date, args.text ?? '', stampNow(ctx));
    const row = ctx.db.prepare(`${INSTRUCTION_SELECT} WHERE ins.id = ?`).get(Number(info.lastInsertRowid)) as InstructionRow;
    return instructionEntry(row, unitNamesOf(ctx, [a.id]));
  });
}

/** Newest first, read off instructions_date (migration 5). */
const INSTRUCTION_ORDER: OrderSpec = {
  columns: { date: 'ins.date', title: 'x.title', leader: 'ins.leader', level: 'ins.level' },
  fallback: 'ins.date DESC, ins.id DESC',
  tiebreak: 'ins.id',
};

export function listInstructions(ctx: Ctx, args: OpArgs<'instructionList'>): Page<InstructionEntry> {
  const unitId = args.unit === undefined ? undefined : findUnitRow(ctx, args.unit).id;
  if (args.articleId !== undefined) findArticle(ctx, args.articleId);
  const w = new Where()
    .when(args.articleId, 'ins.article_id = ?')
    .when(args.from, 'ins.date >= ?')
    .when(args.to, 'ins.date <= ?')
    .when(unitId, OF_UNIT, unitId ?? null);
  // Every instruction has its item (a foreign key, ON DELETE RESTRICT): the count joins the items
  // only to filter by unit. Joined always, it read 5,000 items' rows at 100,000 items (25 ms).
  const join = unitId === undefined ? '' : 'JOIN articles x ON x.id = ins.article_id';
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM instructions ins ${join} ${w}`).get(...w.params) as { n: number }).n;
  const sql = `${INSTRUCTION_SELECT} ${w} ${orderBy(INSTRUCTION_ORDER, args.sort, args.dir)} LIMIT ? OFFSET ?`;
  const rows = ctx.db.prepare(sql).all(...w.params, ...pageParams(args)) as InstructionRow[];
  const units = unitNamesOf(ctx, rows.map((r) => r.article_id));
  return { rows: rows.map((r) => instructionEntry(r, units)), total };
}

export function deleteInstruction(ctx: Ctx, args: OpArgs<'instructionDelete'>): { id: number } {
  return writeTx(ctx.db, () => {
    if (!ctx.db.prepare('SELECT id FROM instructions WHERE id = ?').get(args.id)) {
      throw new ApiError('NOT_FOUND', `没有编号为 ${args.id} 的批示记录。`);
    }
    ctx.db.prepare('DELETE FROM instructions WHERE id = ?').run(args.id);
    return { id: args.id };
  });
}
