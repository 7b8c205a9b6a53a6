/**
 * Loads what the scoring engine needs for a date range with one query per kind of record, so
 * scoring a year of a busy county costs a handful of queries whatever the number of units.
 */
import type { AdoptionKind, Level, SeriesScoreRule } from '../scoring/rules';
import type { AdoptionRec, CommissionRec, DeductionRec, InstructionRec, ScoreData, SubmissionCount, TargetRec, UnitInfo } from '../scoring/compute';
import { localDate, type Ctx } from './context';
import { loadRules } from './scoring-rules';
import { printedSeriesName } from '../store/printed-series';

/** `2026年第12期`, `2026年增刊第1期`: how an adoption by our own series names the issue. */
export function ownIssueRef(r: { year: number; number: number | null; supplement: number }): string {
  return r.number === null ? '' : `${r.year}年${r.supplement ? '增刊' : ''}第${r.number}期`;
}

/**
 * Own-series adoptions: the items printed in a signed issue that has not been voided. Each
 * scores under the rule its issue was signed under (the series' rule then), or as a 简讯 when
 * marked so in that issue.
 */
export const OWN_ADOPTIONS_SQL = `
  SELECT ia.article_id AS articleId, coalesce(json_extract(ia.snapshot, '$.title'), a.title) AS title,
         i.id AS issueId, i.date, ${printedSeriesName('i', 's')} AS publication, i.year, i.number, i.supplement,
         CASE WHEN ia.brief = 1 THEN 'brief' ELSE i.score_rule END AS kind
  FROM issue_articles ia
  JOIN issues i ON i.id = ia.issue_id
  JOIN series s ON s.id = i.series_id
  JOIN articles a ON a.id = ia.article_id
  WHERE ia.live = 1 AND i.status = 'signed'`;

export interface OwnAdoptionRow {
  articleId: number;
  title: string;
  issueId: number;
  date: string;
  publication: string;
  year: number;
  number: number | null;
  supplement: number;
  kind: SeriesScoreRule;
}

/** Each item's units, its own first: from articles.unit_id and the combined-item rows. */
export function articleUnitMap(ctx: Ctx, articleIds: Iterable<number>): Map<number, number[]> {
  const ids = [...new Set(articleIds)];
  const map = new Map<number, number[]>();
  if (!ids.length) return map;
  const rows = ctx.db
    .prepare(
      `SELECT id AS articleId, unit_id AS unitId, 0 AS extra FROM articles WHERE unit_id IS NOT NULL AND id IN (SELECT value FROM json_each(?))
       UNION ALL
       SELECT article_id, unit_id, 1 FROM article_units WHERE article_id IN (SELECT value FROM json_each(?))
       ORDER BY 1, 3, 2`,
    )
    .all(JSON.stringify(ids), JSON.stringify(ids)) as { articleId: number; unitId: number }[];
  for (const r of rows) {
    const list = map.get(r.articleId) ?? [];
    if (!list.includes(r.unitId)) list.push(r.unitId);
    map.set(r.articleId, list);
  }
  return map;
}

export function loadScoreData(ctx: Ctx, from: string, to: string): ScoreData {
  const db = ctx.db;
  const units = (db.prepare('SELECT id, name, active FROM units ORDER BY id').all() as { id: number; name: string; active: number }[]).map(
    (u): UnitInfo => ({ id: u.id, name: u.name, active: u.active === 1 }),
  );
  // Drafts sent: those in the intake register, and items typed in directly (no draft behind
  // them), on the day they were entered. An item made from a draft counts once. Drafts and items
  // without a unit count too, as 未填单位 (unitId null), so the rows add up to the total.
  const submissions = db
    .prepare(
      `SELECT unitId, date, sum(n) AS count FROM (
         SELECT unit_id AS unitId, received_date AS date, count(*) AS n FROM submissions
         WHERE received_date BETWEEN @from AND @to GROUP BY unit_id, received_date
         UNION ALL
         SELECT a.unit_id, date(a.created_at, 'localtime'), count(*) FROM articles a
         WHERE date(a.created_at, 'localtime') BETWEEN @from AND @to
           AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.article_id = a.id)
         GROUP BY a.unit_id, date(a.created_at, 'localtime'))
       GROUP BY unitId, date`,
    )
    .all({ from, to }) as SubmissionCount[];

  const own = (db.prepare(`${OWN_ADOPTIONS_SQL} AND i.date BETWEEN ? AND ? ORDER BY ia.issue_id, ia.article_id`).all(from, to) as OwnAdoptionRow[]).map(
    (r): AdoptionRec => ({
      id: null,
      articleId: r.articleId,
      title: r.title,
      date: r.date,
      publication: r.publication,
      level: 'county',
      kind: r.kind,
      issueRef: ownIssueRef(r),
      source: 'issue',
    }),
  );
  const manual = (
    db
      .prepare(
        `SELECT ad.id, ad.article_id AS articleId, a.title, ad.date, ad.publication, ad.level, ad.kind, ad.issue_ref AS issueRef
         FROM adoptions ad JOIN articles a ON a.id = ad.article_id WHERE ad.date BETWEEN ? AND ?`,
      )
      .all(from, to) as (Omit<AdoptionRec, 'source' | 'level' | 'kind'> & { level: Level; kind: AdoptionKind })[]
  ).map((r): AdoptionRec => ({ ...r, source: 'manual' }));
  const adoptions = [...own, ...manual];

  const instructions = db
    .prepare(
      `SELECT ins.id, ins.article_id AS articleId, a.title, ins.date, ins.level, ins.leader
       FROM instructions ins JOIN articles a ON a.id = ins.article_id WHERE ins.date BETWEEN ? AND ?`,
    )
    .all(from, to) as InstructionRec[];

  const commissionRows = db
    .prepare(
      `SELECT c.id, c.topic, c.deadline, cu.unit_id AS unitId, cu.answered_date AS answeredDate
       FROM commissions c JOIN commission_units cu ON cu.commission_id = c.id
       WHERE c.deadline BETWEEN ? AND ? ORDER BY c.id, cu.unit_id`,
    )
    .all(from, to) as { id: number; topic: string; deadline: string; unitId: number; answeredDate: string | null }[];
  const commissions = new Map<number, CommissionRec>();
  for (const r of commissionRows) {
    let c = commissions.get(r.id);
    if (!c) commissions.set(r.id, (c = { id: r.id, topic: r.topic, deadline: r.deadline, units: [] }));
    c.units.push({ unitId: r.unitId, answeredDate: r.answeredDate });
  }

  const deductions = db
    .prepare(
      `SELECT d.id, d.unit_id AS unitId, d.points, d.reason, d.date, e.id IS NOT NULL AS urgent
         FROM deductions d LEFT JOIN urgent_events e ON e.deduction_id = d.id WHERE d.date BETWEEN ? AND ?`,
    )
    .all(from, to)
    .map((d) => ({ ...(d as DeductionRec), urgent: (d as { urgent: number }).urgent === 1 })) as DeductionRec[];
  const targets = db.prepare('SELECT unit_id AS unitId, valid_from AS validFrom, monthly FROM unit_targets').all() as TargetRec[];

  return {
    units,
    rules: loadRules(ctx),
    submissions,
    adoptions,
    instructions,
    articleUnits: articleUnitMap(ctx, [...adoptions.map((a) => a.articleId), ...instructions.map((i) => i.articleId)]),
    commissions: [...commissions.values()],
    deductions,
    targets,
    today: localDate(ctx.now()),
  };
}
