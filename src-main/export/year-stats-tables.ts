/**
 * The year report's tables, once, for both outputs: the Word report prints them as text, the
 * workbook keeps numbers as numbers (a rate as a fraction shown as a percentage).
 */
import type { YearStats } from '../api/ops/stats';
import { LEVEL_LABELS } from '../scoring/rules';
import { percent } from './year-stats-text';

export type Cell = string | number | null;

export interface StatsTable {
  /** Sheet name and the heading over the Word table. */
  title: string;
  headers: string[];
  rows: Cell[][];
  /** Column widths in the workbook (characters). */
  widths: number[];
  /** Columns holding a fraction to show as a percentage. */
  percentColumns?: number[];
  /** The last row is a totals row (bold). */
  totals?: boolean;
}

const sum = <T>(list: T[], f: (x: T) => number) => list.reduce((n, x) => n + f(x), 0);

export function seriesTable(s: YearStats): StatsTable {
  const range = (a: number | null, b: number | null) => (a === null || b === null ? '' : a === b ? `第${a}期` : `第${a}—${b}期`);
  return {
    title: '刊物编发',
    headers: ['刊物', '编发（期）', '增刊（期）', '作废（期）', '期号', '刊发信息（条）', '字数'],
    rows: [
      ...s.series.map((x): Cell[] => [x.series, x.signed, x.supplements, x.voided, range(x.firstNumber, x.lastNumber), x.items, x.chars]),
      ['合计', s.issues.signed, s.issues.supplements, s.issues.voided, '', s.issues.items, s.issues.chars],
    ],
    widths: [26, 10, 10, 10, 16, 14, 12],
    totals: true,
  };
}

export function levelTable(s: YearStats): StatsTable {
  return {
    title: '上报采用与批示',
    headers: ['级别', '采用（篇次）', '采用（条）', '领导批示（次）', '获批示信息（条）', '批示率'],
    rows: [
      ...s.levels.map((l): Cell[] => [LEVEL_LABELS[l.level], l.adoptions, l.adoptedItems, l.instructions, l.instructedItems, l.instructionRate]),
      ['合计', s.totals.adoptions, s.totals.adoptedItems, s.instructions.total, s.instructions.items, s.instructions.rate],
    ],
    widths: [10, 13, 11, 14, 16, 10],
    percentColumns: [5],
    totals: true,
  };
}

export function unitTable(s: YearStats): StatsTable {
  const rows = s.units.map((u): Cell[] => [
    u.rank,
    u.unit,
    u.sent,
    u.adopted,
    u.adoptedCounty,
    u.adoptedCity,
    u.adoptedProvince,
    u.instructionsCounty + u.instructionsCity + u.instructionsProvince,
    u.points,
    u.deductions,
    u.net,
  ]);
  const total = (k: number) => sum(rows, (r) => Number(r[k] ?? 0));
  return {
    title: '各单位报送与得分',
    headers: ['排名', '单位', '报送（篇）', '被采用（条）', '县级采用', '市级采用', '省级采用', '领导批示', '得分', '扣分', '净得分'],
    rows: [...rows, [null, '合计', ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map(total)]],
    widths: [7, 26, 10, 11, 9, 9, 9, 9, 8, 8, 9],
    totals: true,
  };
}

export function monthTable(s: YearStats): StatsTable {
  // 3月 within one year; 2025年12月 when the period spans years
  const oneYear = s.from.slice(0, 4) === s.to.slice(0, 4);
  const rows = s.months.map((m): Cell[] => [
    `${oneYear ? '' : `${Number(m.month.slice(0, 4))}年`}${Number(m.month.slice(5, 7))}月`,
    m.issues,
    m.items,
    m.sent,
    m.sentUpward,
    m.adoptions,
    m.instructions,
    m.points,
    m.deductions,
    m.net,
  ]);
  const total = (k: number) => sum(rows, (r) => Number(r[k] ?? 0));
  return {
    title: '逐月情况',
    headers: ['月份', '编发（期）', '刊发信息（条）', '收到来稿（篇）', '上报（条）', '采用（篇次）', '领导批示（次）', '得分', '扣分', '净得分'],
    rows: [...rows, ['合计', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(total)]],
    widths: [10, 10, 14, 14, 10, 12, 14, 8, 8, 9],
    totals: true,
  };
}

export function commissionTable(s: YearStats): StatsTable {
  const c = s.commissions;
  return {
    title: '约稿与扣分',
    headers: ['项目', '数量'],
    rows: [
      ['约稿（次）', c.commissions],
      ['涉及单位（个次）', c.asked],
      ['按时报送', c.onTime],
      ['迟报', c.late],
      ['未报', c.missing],
      ['尚未到期', c.pending],
      ['扣分合计（分）', s.deductions.points],
      ['其中：未完成月度任务', s.deductions.targetMissedPoints],
      ['其中：约稿迟报、未报', s.deductions.commissionPoints],
      ['其中：其他扣分', s.deductions.manualPoints],
      ['取消评先资格的单位', s.notAdvanced.join('、') || '无'],
      ['通报批评的单位', s.criticised.join('、') || '无'],
    ],
    widths: [24, 40],
  };
}

/** The blocks the lead's further sections add (信息员排名, 紧急信息…), as tables. */
export function sectionTables(s: YearStats): StatsTable[] {
  return s.sections
    .filter((x) => x.table !== null)
    .map((x) => ({ title: x.title, headers: x.table!.headers, rows: x.table!.rows, widths: x.table!.headers.map((h) => Math.max(10, h.length * 2 + 2)) }));
}

/** A cell as the Word report prints it. */
export function cellText(t: StatsTable, column: number, v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number' && t.percentColumns?.includes(column)) return percent(v);
  return String(v);
}

/** A rate column's empty value (nothing sent upward) reads — in Word and stays empty in Excel. */
export function wordCell(t: StatsTable, column: number, v: Cell): string {
  if (v === null && t.percentColumns?.includes(column)) return '—';
  return cellText(t, column, v);
}
