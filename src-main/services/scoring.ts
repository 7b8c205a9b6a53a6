/**
 * Scores for a period and the circular (通报): the figures are computed in memory from a few
 * queries (scoring-load.ts + scoring/compute.ts) and written as Word and Excel files.
 */
import path from 'node:path';
import type { OpArgs } from '../api/contract';
import type { CircularFile, CircularPaths, ScoreReport } from '../api/ops/scoring';
import { monthlyTrend, NO_UNIT_ID, NO_UNIT_NAME, rulesAt, scorePeriod, type ScoreEvent, type UnitScore } from '../scoring/compute';
import { circularTitle, type CircularModel } from '../scoring/circular-model';
import { renderCircularXlsx } from '../scoring/circular-xlsx';
import type { Period } from '../scoring/periods';
import { localDate, type Ctx } from './context';
import { safeFileName } from '../export/file-names';
import { existingFolder, writeAtomically } from './output-files';
import { loadScoreData } from './scoring-load';
import { findUnitRow } from './units';
import { commissionFlags } from './commission-notice';
import { loadRules } from './scoring-rules';

/** The flags look back to 1 January of the period's end year, so load from there at the latest. */
function loadFrom(period: Period): string {
  const yearStart = `${period.to.slice(0, 4)}-01-01`;
  return period.from < yearStart ? period.from : yearStart;
}

type FullReport = ScoreReport & { events: ScoreEvent[]; thresholds: CircularModel['thresholds'] };

export function buildReport(ctx: Ctx, period: Period, withTrend = true): FullReport {
  const data = loadScoreData(ctx, loadFrom(period), period.to);
  const scored = scorePeriod(data, period.from, period.to);
  const inRegister = new Map(data.units.map((u, i) => [u.id, i]));
  const byRegister = (rows: UnitScore[]) => [...rows].sort((a, b) => (inRegister.get(a.unitId) ?? 0) - (inRegister.get(b.unitId) ?? 0)).map((r) => r.unit);
  return {
    ...period,
    title: circularTitle(period.label),
    rows: scored.rows,
    totals: scored.totals,
    months: withTrend ? monthlyTrend(data, period.from, period.to) : [],
    silentUnits: byRegister(scored.rows.filter((r) => r.silent)),
    criticised: byRegister(scored.rows.filter((r) => r.criticised)),
    notAdvanced: byRegister(scored.rows.filter((r) => r.cannotBeAdvanced)),
    commissionFlagged: commissionFlags(ctx, Number(period.to.slice(0, 4)), data.today, period.to).map((f) => f.unit),
    rulesFrom: rulesAt(data.rules, period.to).validFrom,
    today: data.today,
    events: scored.events,
    thresholds: rulesAt(data.rules, period.to).rules.thresholds,
  };
}

export function score(ctx: Ctx, args: OpArgs<'score'>): UnitScore[] {
  return buildReport(ctx, args.period, false).rows;
}

export function scoreReport(ctx: Ctx, args: OpArgs<'scoreReport'>): ScoreReport {
  const { events: _events, thresholds: _thresholds, ...report } = buildReport(ctx, args.period);
  return report;
}

/** A unit of the register, or 未填单位 (the row of drafts and items without one) by that name. */
function ledgerUnitId(ctx: Ctx, ref: number | string): number {
  if (ref === NO_UNIT_NAME && !ctx.db.prepare('SELECT 1 FROM units WHERE name = ?').get(ref)) return NO_UNIT_ID;
  return findUnitRow(ctx, ref).id;
}

export function scoreLedger(ctx: Ctx, args: OpArgs<'scoreLedger'>): ScoreEvent[] {
  const unitId = args.unit === undefined ? undefined : ledgerUnitId(ctx, args.unit);
  const { events } = buildReport(ctx, args.period, false);
  return unitId === undefined ? events : events.filter((e) => e.unitId === unitId);
}

// ---- the circular ---------------------------------------------------------------------------

/** The issuing office: given, or the compiling office of the first series that names one. */
function defaultOrg(ctx: Ctx): string {
  const row = ctx.db.prepare("SELECT org FROM series WHERE org <> '' ORDER BY id LIMIT 1").get() as { org: string } | undefined;
  return row?.org ?? '县人民政府办公室';
}

export function circularModel(ctx: Ctx, args: { period: Period; org?: string; date?: string }): CircularModel {
  const report = buildReport(ctx, args.period, false);
  return {
    title: report.title,
    label: report.label,
    from: report.from,
    to: report.to,
    // A period not yet over is reported up to today, never up to a day still to come.
    asOf: report.to < report.today ? report.to : report.today,
    org: args.org || defaultOrg(ctx),
    date: args.date ?? localDate(ctx.now()),
    rows: report.rows,
    totals: report.totals,
    silentUnits: report.silentUnits,
    criticised: report.criticised,
    notAdvanced: report.notAdvanced,
    commissionFlagged: report.commissionFlagged,
    commissionFlagAt: rulesAt(loadRules(ctx), report.to).rules.commission.flagAt,
    thresholds: report.thresholds,
    events: report.events,
  };
}

async function renderFiles(ctx: Ctx, args: { period: Period; org?: string; date?: string }) {
  const model = circularModel(ctx, args);
  const base = safeFileName(model.title);
  // The Word writer (docx) is loaded at first use rather than at start (issue 14).
  const { renderCircularDocx } = await import('../scoring/circular-docx');
  const [docx, xlsx] = await Promise.all([renderCircularDocx(model), renderCircularXlsx(model)]);
  return [
    { fileName: `${base}.docx`, bytes: docx },
    { fileName: `${base}.xlsx`, bytes: xlsx },
  ] as const;
}

export async function circularExport(ctx: Ctx, args: OpArgs<'circularExport'>): Promise<CircularPaths> {
  const missing = (dir: string) => `文件夹“${dir}”不存在。请给出一个已有的文件夹，通报的 Word 和 Excel 文件会保存在其中。`;
  const dir = existingFolder(args.out, { missing, notFolder: missing });
  const [docx, xlsx] = await renderFiles(ctx, args);
  const paths = { docx: path.join(dir, docx.fileName), xlsx: path.join(dir, xlsx.fileName) };
  writeAtomically(paths.docx, docx.bytes, { mayBeOpen: true });
  writeAtomically(paths.xlsx, xlsx.bytes, { mayBeOpen: true });
  return paths;
}

export async function circularFiles(ctx: Ctx, args: OpArgs<'circularFiles'>): Promise<CircularFile[]> {
  const files = await renderFiles(ctx, args);
  return files.map((f) => ({ fileName: f.fileName, base64: Buffer.from(f.bytes).toString('base64') }));
}
