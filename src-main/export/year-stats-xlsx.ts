/**
 * The year's figures as an Excel workbook: one sheet per block (概况 with the sentences and the
 * headline figures, then 刊物编发, 上报采用与批示, 各单位报送与得分, 逐月情况, 约稿与扣分, and a sheet
 * for each further section), numbers as numbers, rates as percentages, a bold header that stays
 * in view. Written with the app's own writer (xlsx-write.ts), like the circular.
 */
import type { YearStats } from '../api/ops/stats';
import { writeXlsx, type SheetRow, type SheetSpec } from './xlsx-write';
import { commissionTable, levelTable, monthTable, sectionTables, seriesTable, unitTable, type StatsTable } from './year-stats-tables';

const HEADER: SheetRow['style'] = { bold: true, align: 'header' };

/** Sheet names: at most 31 characters, none of []:*?/\ , unique. */
function sheetName(title: string, used: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '表';
  let name = clean;
  for (let k = 2; used.has(name); k++) name = `${clean}${k}`;
  used.add(name);
  return name;
}

function tableSheet(t: StatsTable, used: Set<string>): SheetSpec {
  const rows: SheetRow[] = [{ values: t.headers, style: HEADER, height: 30 }];
  t.rows.forEach((r, i) => rows.push({ values: r, ...(t.totals && i === t.rows.length - 1 ? { style: { bold: true } } : {}) }));
  return {
    name: sheetName(t.title, used),
    columns: t.widths.map((width, i) => ({ width, ...(t.percentColumns?.includes(i) ? { numFmt: '0.0%' } : {}) })),
    rows,
    frozenHeader: true,
  };
}

function summarySheet(s: YearStats, used: Set<string>): SheetSpec {
  const items: [string, string | number | null, string?][] = [
    ['统计', s.title],
    ['起始日期', s.from],
    ['截止日期', s.to < s.today ? s.to : s.today],
    ['签发刊物（期）', s.issues.signed],
    ['增刊（期）', s.issues.supplements],
    ['作废（期）', s.issues.voided],
    ['刊发信息（条）', s.issues.items],
    ['刊发字数', s.issues.chars],
    ['收到来稿（篇）', s.received],
    ['上报信息（条）', s.upward.items],
    ['上报包（个）', s.upward.packets],
    ['采用（篇次）', s.totals.adoptions],
    ['采用（条）', s.totals.adoptedItems],
    ['采用率', s.totals.adoptionRate, '0.0%'],
    ['领导批示（次）', s.instructions.total],
    ['批示率', s.instructions.rate, '0.0%'],
    ['扣分（分）', s.deductions.points],
    ['未报送信息的单位', s.silentUnits.join('、') || '无'],
  ];
  const rows: SheetRow[] = [{ values: ['项目', '内容'], style: HEADER }];
  for (const [item, value, numFmt] of items) rows.push({ values: [item, value], cellStyles: [undefined, { align: 'left', numFmt }] });
  rows.push({ values: [] });
  rows.push({ values: ['工作总结用语'], style: { bold: true } });
  for (const line of s.sentences) rows.push({ values: [line], cellStyles: [{ align: 'left' }] });
  return { name: sheetName('概况', used), columns: [{ width: 22 }, { width: 70 }], rows, frozenHeader: true };
}

export function renderYearStatsXlsx(s: YearStats): Buffer {
  const used = new Set<string>();
  const tables = [seriesTable(s), levelTable(s), unitTable(s), monthTable(s), commissionTable(s), ...sectionTables(s)];
  return writeXlsx({
    creator: '政务信息编印台',
    title: s.title,
    // Fixed from the period, so the same figures give the same workbook.
    created: new Date(`${s.to < s.today ? s.to : s.today}T00:00:00Z`),
    sheets: [summarySheet(s, used), ...tables.map((t) => tableSheet(t, used))],
  });
}
