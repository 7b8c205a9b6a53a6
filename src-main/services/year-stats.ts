/**
 * 年度统计: the year's figures. Everything the circular (通报) also shows — drafts per unit,
 * adoptions, instructions, points, deductions, the ranking and the months — is taken from the
 * scoring service's own report for the same period (buildReport), so the two never disagree;
 * what the circular does not show (issues per series, items and characters printed, what went
 * upward, the instruction rate, commissions answered on time) is counted here in SQL, one
 * grouped query per kind of record.
 */
import path from 'node:path';
import type { OpArgs } from '../api/contract';
import type {
  CommissionFigures,
  DeductionFigures,
  LevelFigures,
  MonthYearFigures,
  SeriesYearFigures,
  YearStats,
  YearStatsFile,
  YearStatsPaths,
  YearStatsSection,
} from '../api/ops/stats';
import { LEVELS, type Level } from '../scoring/rules';
import { customPeriod, periodOf, type Period } from '../scoring/periods';
import { yearSentences } from '../export/year-stats-text';
import { renderYearStatsXlsx } from '../export/year-stats-xlsx';
import { safeFileName } from '../export/file-names';
import type { Ctx } from './context';
import { existingFolder, writeAtomically } from './output-files';
import { buildReport } from './scoring';
import { readSender } from './settings';
// 批示督办 figures (issue 16, branch dash)
import { instructionFollowupSection } from './instruction-followup-year';
import { liaisonRankingSection, urgentSection } from './year-stats-liaison';

/**
 * Further blocks of the year report, each computed from the period and the figures above.
 * The lead adds at merge, in this order: the liaison officers' ranking (信息员排名, branch
 * `liaison`), urgent events and their reporting times (紧急信息, branch `liaison`), the
 * instruction follow-up (批示督办, branch `dash`). A source returns null when it has nothing
 * for the period; its sentences join the report's text, its table gets a Word table and a sheet.
 */
import type { YearStatsSectionSource } from './year-stats-section';
export type { YearStatsSectionSource };
export const YEAR_STATS_SECTIONS: YearStatsSectionSource[] = [
  // 批示督办 (issue 16, branch dash)
  instructionFollowupSection,
  // issue 16 parts 4–5 (branch liaison): the officers' ranking, urgent events
  liaisonRankingSection,
  urgentSection,
];

/** The year's period, or the dates given; a whole calendar year is named 2026年. */
export function statsPeriod(args: { year?: number; from?: string; to?: string }): Period & { year: number | null } {
  if (args.year !== undefined) return { ...periodOf('year', args.year), label: `${args.year}年`, year: args.year };
  const p = customPeriod(args.from!, args.to!);
  const whole = p.from.slice(5) === '01-01' && p.to.slice(5) === '12-31' && p.from.slice(0, 4) === p.to.slice(0, 4);
  return whole ? { ...p, label: `${p.from.slice(0, 4)}年`, year: Number(p.from.slice(0, 4)) } : { ...p, year: null };
}

/** The office (the sender's, else the first series' compiling office), and 清源县 from 清源县人民政府办公室. */
function office(ctx: Ctx): { org: string; county: string } {
  const sender = readSender(ctx).office;
  const org = (ctx.db.prepare("SELECT org FROM series WHERE org <> '' ORDER BY id LIMIT 1").get() as { org: string } | undefined)?.org ?? '';
  for (const name of [sender, org]) {
    const m = /^(.{1,20}?(?:自治县|县|市|区|旗))/.exec(name);
    if (m) return { org: sender || org, county: m[1]! };
  }
  return { org: sender || org, county: '' };
}

/** Characters of a paragraph list as countChars counts them (whitespace and 全角空格 left out). */
const CHARS_OF = (paragraphs: string) => `(SELECT coalesce(sum(length(
  replace(replace(replace(replace(replace(replace(coalesce(json_extract(p.value, '$.text'), ''),
    ' ', ''), char(12288), ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''))), 0)
  FROM json_each(${paragraphs}) p)`;

/** Items printed in signed issues of the period, by series and month: the item and its characters as printed. */
const PRINTED_SQL = `
  SELECT i.series_id AS seriesId, substr(i.date, 1, 7) AS month, count(*) AS items,
         sum(${CHARS_OF("coalesce(json_extract(ia.snapshot, '$.paragraphs'), a.paragraphs)")}) AS chars
  FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id JOIN articles a ON a.id = ia.article_id
  WHERE ia.live = 1 AND i.status = 'signed' AND i.date BETWEEN @from AND @to
  GROUP BY i.series_id, month`;

const ISSUES_SQL = `
  SELECT s.id AS seriesId, s.name AS series, substr(i.date, 1, 7) AS month,
         sum(i.status = 'signed' AND i.supplement = 0) AS signed,
         sum(i.status = 'signed' AND i.supplement = 1) AS supplements,
         sum(i.status = 'voided') AS voided,
         min(CASE WHEN i.status = 'signed' AND i.supplement = 0 THEN i.number END) AS firstNumber,
         max(CASE WHEN i.status = 'signed' AND i.supplement = 0 THEN i.number END) AS lastNumber
  FROM issues i JOIN series s ON s.id = i.series_id
  WHERE i.status IN ('signed', 'voided') AND i.date BETWEEN @from AND @to
  GROUP BY s.id, month ORDER BY s.id, month`;

/** Items that went upward in a packet of the period, alone or inside a packed issue, with the day of their first packet. */
const UPWARD_SQL = `
  SELECT articleId, min(day) AS day FROM (
    SELECT pi.ref_id AS articleId, date(p.created_at, 'localtime') AS day
    FROM packet_items pi JOIN packets p ON p.id = pi.packet_id
    WHERE pi.kind = 'article' AND date(p.created_at, 'localtime') BETWEEN @from AND @to
    UNION ALL
    SELECT ia.article_id, date(p.created_at, 'localtime')
    FROM packet_items pi JOIN packets p ON p.id = pi.packet_id JOIN issue_articles ia ON ia.issue_id = pi.ref_id
    WHERE pi.kind = 'issue' AND date(p.created_at, 'localtime') BETWEEN @from AND @to)
  GROUP BY articleId`;

interface IssueRow {
  seriesId: number;
  series: string;
  month: string;
  signed: number;
  supplements: number;
  voided: number;
  firstNumber: number | null;
  lastNumber: number | null;
}

function seriesFigures(ctx: Ctx, period: Period): { series: SeriesYearFigures[]; issueRows: IssueRow[]; printed: { seriesId: number; month: string; items: number; chars: number }[] } {
  const issueRows = ctx.db.prepare(ISSUES_SQL).all(period) as IssueRow[];
  const printed = ctx.db.prepare(PRINTED_SQL).all(period) as { seriesId: number; month: string; items: number; chars: number }[];
  const bySeries = new Map<number, SeriesYearFigures>();
  for (const r of issueRows) {
    const f = bySeries.get(r.seriesId) ?? { seriesId: r.seriesId, series: r.series, signed: 0, supplements: 0, voided: 0, firstNumber: null, lastNumber: null, items: 0, chars: 0 };
    f.signed += r.signed;
    f.supplements += r.supplements;
    f.voided += r.voided;
    if (r.firstNumber !== null) f.firstNumber = f.firstNumber === null ? r.firstNumber : Math.min(f.firstNumber, r.firstNumber);
    if (r.lastNumber !== null) f.lastNumber = f.lastNumber === null ? r.lastNumber : Math.max(f.lastNumber, r.lastNumber);
    bySeries.set(r.seriesId, f);
  }
  for (const p of printed) {
    const f = bySeries.get(p.seriesId);
    if (!f) continue;
    f.items += p.items;
    f.chars += p.chars;
  }
  return { series: [...bySeries.values()], issueRows, printed };
}

function commissionFigures(ctx: Ctx, period: Period, today: string): CommissionFigures {
  // The same judgement as the score (scoring/compute.ts): late after the deadline, missing once it has passed.
  const r = ctx.db
    .prepare(
      `SELECT count(DISTINCT c.id) AS commissions, count(cu.unit_id) AS asked,
              coalesce(sum(cu.answered_date IS NOT NULL AND cu.answered_date <= c.deadline), 0) AS onTime,
              coalesce(sum(cu.answered_date IS NOT NULL AND cu.answered_date > c.deadline), 0) AS late,
              coalesce(sum(cu.answered_date IS NULL AND @today > c.deadline), 0) AS missing,
              coalesce(sum(cu.answered_date IS NULL AND @today <= c.deadline), 0) AS pending
       FROM commissions c JOIN commission_units cu ON cu.commission_id = c.id
       WHERE c.deadline BETWEEN @from AND @to`,
    )
    .get({ from: period.from, to: period.to, today }) as CommissionFigures;
  return r;
}

function levelFigures(ctx: Ctx, period: Period, upwardItems: number, adoptions: Record<Level, number>): LevelFigures[] {
  const adopted = new Map(
    (
      ctx.db
        .prepare(
          `SELECT 'county' AS level, count(DISTINCT ia.article_id) AS n FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
           WHERE ia.live = 1 AND i.status = 'signed' AND i.date BETWEEN @from AND @to
             AND NOT EXISTS (SELECT 1 FROM adoptions ad WHERE ad.article_id = ia.article_id AND ad.level = 'county' AND ad.date BETWEEN @from AND @to)
           UNION ALL
           SELECT level, count(DISTINCT article_id) FROM adoptions WHERE date BETWEEN @from AND @to GROUP BY level`,
        )
        .all(period) as { level: Level; n: number }[]
    ).reduce((m, r) => m.set(r.level, (m.get(r.level) ?? 0) + r.n), new Map<Level, number>()),
  );
  const instructed = new Map(
    (
      ctx.db
        .prepare('SELECT level, count(*) AS n, count(DISTINCT article_id) AS items FROM instructions WHERE date BETWEEN @from AND @to GROUP BY level')
        .all(period) as { level: Level; n: number; items: number }[]
    ).map((r) => [r.level, r]),
  );
  return LEVELS.map((level) => {
    const ins = instructed.get(level);
    const items = ins?.items ?? 0;
    return {
      level,
      adoptions: adoptions[level],
      adoptedItems: adopted.get(level) ?? 0,
      instructions: ins?.n ?? 0,
      instructedItems: items,
      instructionRate: upwardItems > 0 ? items / upwardItems : null,
    };
  });
}

export function yearStats(ctx: Ctx, args: { year?: number; from?: string; to?: string }): YearStats {
  const period = statsPeriod(args);
  const report = buildReport(ctx, period, true);
  const { series, issueRows, printed } = seriesFigures(ctx, period);
  const upward = ctx.db.prepare(UPWARD_SQL).all(period) as { articleId: number; day: string }[];
  const packets = (
    ctx.db.prepare("SELECT count(*) AS n FROM packets WHERE date(created_at, 'localtime') BETWEEN @from AND @to").get(period) as { n: number }
  ).n;
  const levels = levelFigures(ctx, period, upward.length, { county: report.totals.adoptedCounty, city: report.totals.adoptedCity, province: report.totals.adoptedProvince });
  const instructionItems = (
    ctx.db.prepare('SELECT count(DISTINCT article_id) AS n FROM instructions WHERE date BETWEEN @from AND @to').get(period) as { n: number }
  ).n;
  const sumEvents = (type: string) => report.events.filter((e) => e.type === type).reduce((n, e) => n + e.deducted, 0);
  const manual = report.events.filter((e) => e.type === 'deduction');
  const deductions: DeductionFigures = {
    points: report.totals.deductions,
    manualCount: manual.length,
    manualPoints: manual.reduce((n, e) => n + e.deducted, 0),
    targetMissedPoints: sumEvents('targetMissed'),
    commissionPoints: sumEvents('commissionLate') + sumEvents('commissionMissing'),
  };

  const instructionMonths = new Map(
    (
      ctx.db.prepare('SELECT substr(date, 1, 7) AS month, count(*) AS n FROM instructions WHERE date BETWEEN @from AND @to GROUP BY month').all(period) as {
        month: string;
        n: number;
      }[]
    ).map((r) => [r.month, r.n]),
  );
  const months: MonthYearFigures[] = report.months.map((m) => {
    const issues = issueRows.filter((r) => r.month === m.month);
    const items = printed.filter((r) => r.month === m.month);
    return {
      ...m,
      issues: issues.reduce((n, r) => n + r.signed, 0),
      supplements: issues.reduce((n, r) => n + r.supplements, 0),
      items: items.reduce((n, r) => n + r.items, 0),
      chars: items.reduce((n, r) => n + r.chars, 0),
      sentUpward: upward.filter((u) => u.day.slice(0, 7) === m.month).length,
      instructions: instructionMonths.get(m.month) ?? 0,
    };
  });
  // Ranked first, 未填单位 (no rank) last, as the circular's table reads.
  const units = [...report.rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));

  const base: Omit<YearStats, 'sections' | 'sentences'> = {
    from: period.from,
    to: period.to,
    label: period.label,
    year: period.year,
    title: '',
    ...office(ctx),
    today: report.today,
    series,
    issues: {
      signed: series.reduce((n, s) => n + s.signed, 0),
      supplements: series.reduce((n, s) => n + s.supplements, 0),
      voided: series.reduce((n, s) => n + s.voided, 0),
      items: series.reduce((n, s) => n + s.items, 0),
      chars: series.reduce((n, s) => n + s.chars, 0),
    },
    received: report.totals.sent,
    upward: { packets, items: upward.length },
    levels,
    instructions: { total: report.totals.instructions, items: instructionItems, rate: upward.length > 0 ? instructionItems / upward.length : null },
    commissions: commissionFigures(ctx, period, report.today),
    deductions,
    totals: report.totals,
    units,
    silentUnits: report.silentUnits,
    notAdvanced: report.notAdvanced,
    criticised: report.criticised,
    months,
  };
  base.title = `${base.county}${period.label}政务信息工作统计`;
  const sections = YEAR_STATS_SECTIONS.map((source) => source(ctx, period, base)).filter((s): s is YearStatsSection => s !== null);
  return { ...base, sentences: [...yearSentences(base), ...sections.flatMap((s) => s.sentences)], sections };
}

export function statsYear(ctx: Ctx, args: OpArgs<'statsYear'>): YearStats {
  return yearStats(ctx, args);
}

async function renderFiles(ctx: Ctx, args: { year?: number; from?: string; to?: string }) {
  const stats = yearStats(ctx, args);
  const base = safeFileName(stats.title);
  // The Word writer (docx) is loaded when a report is asked for, not at start (issue 14).
  const { renderYearStatsDocx } = await import('../export/year-stats-docx');
  const [docx, xlsx] = await Promise.all([renderYearStatsDocx(stats), Promise.resolve(renderYearStatsXlsx(stats))]);
  return [
    { fileName: `${base}.docx`, bytes: docx },
    { fileName: `${base}.xlsx`, bytes: xlsx },
  ] as const;
}

export async function statsYearExport(ctx: Ctx, args: OpArgs<'statsYearExport'>): Promise<YearStatsPaths> {
  const missing = (dir: string) => `文件夹“${dir}”不存在。请给出一个已有的文件夹，年度统计的 Word 和 Excel 文件会保存在其中。`;
  const dir = existingFolder(args.out, { missing, notFolder: missing });
  const [docx, xlsx] = await renderFiles(ctx, args);
  const paths = { docx: path.join(dir, docx.fileName), xlsx: path.join(dir, xlsx.fileName) };
  writeAtomically(paths.docx, docx.bytes, { mayBeOpen: true });
  writeAtomically(paths.xlsx, xlsx.bytes, { mayBeOpen: true });
  return paths;
}

export async function statsYearFiles(ctx: Ctx, args: OpArgs<'statsYearFiles'>): Promise<YearStatsFile[]> {
  const files = await renderFiles(ctx, args);
  return files.map((f) => ({ fileName: f.fileName, base64: Buffer.from(f.bytes).toString('base64') }));
}
