/**
 * The circular's table as an Excel workbook, for offices that sort and file it: figures as
 * numbers, dates as dates, the adoption rate as a percentage, a bold header row that stays in
 * view, a totals row; a second sheet lists where every point came from, a third the period.
 * Written directly (export/xlsx-write.ts): a year's ledger has thousands of rows, and a general
 * workbook library took most of the circular's time (issue 14).
 */
import { writeXlsx, type SheetRow, type SheetSpec } from '../export/xlsx-write';
import { DEFAULT_RULES_FROM, LEVEL_LABELS } from './rules';
import type { ScoreEventType, UnitScore } from './compute';
import { circularTitle, type CircularModel } from './circular-model';

const EVENT_LABELS: Record<ScoreEventType, string> = {
  adoption: '采用',
  combined: '采用（综合信息）',
  instruction: '领导批示',
  targetMet: '完成月度任务',
  targetMissed: '未完成月度任务',
  commissionLate: '约稿迟报',
  commissionMissing: '约稿未报',
  deduction: '扣分',
};

/** A calendar date as Excel stores it: midnight UTC, shown as 年-月-日. */
function excelDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const DATE_FORMAT = 'yyyy-mm-dd';

/** How the ledger names a rules version: 最初版本（自启用起）, 2026-07-01起, or 手工登记 for a hand-entered deduction. */
export function rulesVersionText(validFrom: string): string {
  if (!validFrom) return '手工登记';
  return validFrom === DEFAULT_RULES_FROM ? '最初版本（自启用起）' : `${validFrom}起`;
}

interface Column {
  header: string;
  width: number;
  value: (r: UnitScore) => string | number | null;
  format?: string;
  /** Not added up in the totals row. */
  noTotal?: boolean;
}

const yesNo = (b: boolean) => (b ? '是' : '否');

const SCORE_COLUMNS: Column[] = [
  // The 未填单位 row has no rank: an empty cell, not a 0 that would read as a place.
  { header: '排名', width: 6, value: (r) => r.rank, noTotal: true },
  { header: '单位', width: 24, value: (r) => r.unit, noTotal: true },
  { header: '报送（篇）', width: 10, value: (r) => r.sent },
  { header: '被采用（条）', width: 11, value: (r) => r.adopted },
  { header: `${LEVEL_LABELS.county}采用（篇次）`, width: 13, value: (r) => r.adoptedCounty },
  { header: `${LEVEL_LABELS.city}采用（篇次）`, width: 13, value: (r) => r.adoptedCity },
  { header: `${LEVEL_LABELS.province}采用（篇次）`, width: 13, value: (r) => r.adoptedProvince },
  { header: '县级批示', width: 9, value: (r) => r.instructionsCounty },
  { header: '市级批示', width: 9, value: (r) => r.instructionsCity },
  { header: '省级批示', width: 9, value: (r) => r.instructionsProvince },
  { header: '得分', width: 8, value: (r) => r.points },
  { header: '扣分', width: 8, value: (r) => r.deductions },
  { header: '净得分', width: 8, value: (r) => r.net },
  { header: '奖励（元）', width: 10, value: (r) => r.reward, format: '#,##0' },
  { header: '采用率', width: 8, value: (r) => r.adoptionRate, format: '0.0%', noTotal: true },
  { header: '年度累计扣分', width: 12, value: (r) => r.yearDeductions, noTotal: true },
  { header: '取消评先资格', width: 12, value: (r) => yesNo(r.cannotBeAdvanced), noTotal: true },
  { header: '通报批评', width: 9, value: (r) => yesNo(r.criticised), noTotal: true },
];

const HEADER: SheetRow['style'] = { bold: true, align: 'header' };

function headerRow(headers: string[]): SheetRow {
  return { values: headers, style: HEADER, height: 30 };
}

function scoreSheet(m: CircularModel): SheetSpec {
  const rows: SheetRow[] = [headerRow(SCORE_COLUMNS.map((c) => c.header))];
  for (const r of m.rows) rows.push({ values: SCORE_COLUMNS.map((c) => c.value(r)) });
  const totals = SCORE_COLUMNS.map((c, i): string | number | null => {
    if (i === 1) return '合计';
    if (c.header === '采用率') return m.totals.adoptionRate ?? 0;
    return c.noTotal ? null : m.rows.reduce((n, r) => n + Number(c.value(r) ?? 0), 0);
  });
  rows.push({ values: totals, style: { bold: true } });
  return {
    name: '得分排名',
    columns: SCORE_COLUMNS.map((c) => ({ width: c.width, numFmt: c.format })),
    rows,
    frozenHeader: true,
    autoFilterRows: 1 + m.rows.length,
  };
}

function ledgerSheet(m: CircularModel): SheetSpec {
  const columns: [string, number, string?][] = [
    ['日期', 12, DATE_FORMAT],
    ['单位', 24],
    ['类别', 16],
    ['说明', 48],
    ['信息编号', 9],
    ['信息标题', 40],
    ['得分', 8],
    ['扣分', 8],
    ['奖励（元）', 10, '#,##0'],
    ['适用规则', 22],
    // A version is named by the day it starts, as text: it is a label, not a date to compute with
    // (formatted as a date, the defaults' 1900-01-01 read as 1900-01-02 in other readers).
    ['适用规则版本', 16],
  ];
  const rows: SheetRow[] = [headerRow(columns.map((c) => c[0]))];
  for (const e of m.events) {
    rows.push({
      values: [
        excelDate(e.date),
        e.unit,
        EVENT_LABELS[e.type],
        e.label,
        e.articleId,
        e.title ?? '',
        e.points,
        e.deducted,
        e.reward,
        e.rule ?? '手工登记',
        rulesVersionText(e.rulesFrom),
      ],
    });
  }
  return { name: '积分明细', columns: columns.map(([, width, numFmt]) => ({ width, numFmt })), rows, frozenHeader: true };
}

function aboutSheet(m: CircularModel): SheetSpec {
  const items: [string, string | number | Date, string?][] = [
    ['通报', m.title],
    ['起始日期', excelDate(m.from), DATE_FORMAT],
    ['截止日期', excelDate(m.asOf), DATE_FORMAT],
    ['成文日期', excelDate(m.date), DATE_FORMAT],
    ['发文单位', m.org],
    ['报送总数（篇）', m.totals.sent],
    ['被采用（条）', m.totals.adoptedItems],
    ['被采用（篇次）', m.totals.adoptions],
    ['采用率', m.totals.adoptionRate ?? 0, '0.0%'],
    ['领导批示（次）', m.totals.instructions],
    ['未报送信息的单位', m.silentUnits.join('、') || '无'],
  ];
  const rows: SheetRow[] = [headerRow(['项目', '内容'])];
  for (const [item, value, numFmt] of items) rows.push({ values: [item, value], cellStyles: [undefined, { align: 'left', numFmt }] });
  return { name: '说明', columns: [{ width: 20 }, { width: 60 }], rows, frozenHeader: true };
}

export function renderCircularXlsx(m: CircularModel): Promise<Buffer> {
  return Promise.resolve(
    writeXlsx({
      creator: '政务信息编印台',
      title: m.title || circularTitle(m.label),
      // Fixed from the circular itself, so the same figures give the same workbook.
      created: excelDate(m.date),
      sheets: [scoreSheet(m), ledgerSheet(m), aboutSheet(m)],
    }),
  );
}
