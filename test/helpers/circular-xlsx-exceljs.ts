/**
 * The circular's workbook as it was written with exceljs before src-main/scoring/circular-xlsx.ts
 * wrote it directly: kept as the reference the direct writer is compared with, cell by cell
 * (test/circular-xlsx.test.ts). Was: the circular's table as an Excel workbook, for offices that sort and file it: figures as
 * numbers, dates as dates, the adoption rate as a percentage, a bold header row that stays in
 * view, a totals row; a second sheet lists where every point came from, a third the period.
 */
import ExcelJS from 'exceljs';
import { LEVEL_LABELS } from '../../src-main/scoring/rules';
import type { ScoreEventType, UnitScore } from '../../src-main/scoring/compute';
import { circularTitle, type CircularModel } from '../../src-main/scoring/circular-model';
import { rulesVersionText } from '../../src-main/scoring/circular-xlsx';

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


interface Column {
  header: string;
  key: string;
  width: number;
  value: (r: UnitScore) => string | number | null;
  format?: string;
  /** Not added up in the totals row. */
  noTotal?: boolean;
}

const yesNo = (b: boolean) => (b ? '是' : '否');

const SCORE_COLUMNS: Column[] = [
  // The 未填单位 row has no rank: an empty cell, not a 0 that would read as a place.
  { header: '排名', key: 'rank', width: 6, value: (r) => r.rank, noTotal: true },
  { header: '单位', key: 'unit', width: 24, value: (r) => r.unit, noTotal: true },
  { header: '报送（篇）', key: 'sent', width: 10, value: (r) => r.sent },
  { header: '被采用（条）', key: 'adopted', width: 11, value: (r) => r.adopted },
  { header: `${LEVEL_LABELS.county}采用（篇次）`, key: 'adoptedCounty', width: 13, value: (r) => r.adoptedCounty },
  { header: `${LEVEL_LABELS.city}采用（篇次）`, key: 'adoptedCity', width: 13, value: (r) => r.adoptedCity },
  { header: `${LEVEL_LABELS.province}采用（篇次）`, key: 'adoptedProvince', width: 13, value: (r) => r.adoptedProvince },
  { header: '县级批示', key: 'instructionsCounty', width: 9, value: (r) => r.instructionsCounty },
  { header: '市级批示', key: 'instructionsCity', width: 9, value: (r) => r.instructionsCity },
  { header: '省级批示', key: 'instructionsProvince', width: 9, value: (r) => r.instructionsProvince },
  { header: '得分', key: 'points', width: 8, value: (r) => r.points },
  { header: '扣分', key: 'deductions', width: 8, value: (r) => r.deductions },
  { header: '净得分', key: 'net', width: 8, value: (r) => r.net },
  { header: '奖励（元）', key: 'reward', width: 10, value: (r) => r.reward, format: '#,##0' },
  { header: '采用率', key: 'adoptionRate', width: 8, value: (r) => r.adoptionRate, format: '0.0%', noTotal: true },
  { header: '年度累计扣分', key: 'yearDeductions', width: 12, value: (r) => r.yearDeductions, noTotal: true },
  { header: '取消评先资格', key: 'cannotBeAdvanced', width: 12, value: (r) => yesNo(r.cannotBeAdvanced), noTotal: true },
  { header: '通报批评', key: 'criticised', width: 9, value: (r) => yesNo(r.criticised), noTotal: true },
];

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 30;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

function scoreSheet(wb: ExcelJS.Workbook, m: CircularModel): void {
  const sheet = wb.addWorksheet('得分排名');
  sheet.columns = SCORE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  for (const r of m.rows) sheet.addRow(Object.fromEntries(SCORE_COLUMNS.map((c) => [c.key, c.value(r)])));
  const totals: Record<string, string | number> = { unit: '合计' };
  for (const c of SCORE_COLUMNS) {
    if (c.noTotal) continue;
    totals[c.key] = m.rows.reduce((n, r) => n + Number(c.value(r) ?? 0), 0);
  }
  totals.adoptionRate = m.totals.adoptionRate ?? 0;
  const row = sheet.addRow(totals);
  row.font = { bold: true };
  styleHeader(sheet);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + m.rows.length, column: SCORE_COLUMNS.length } };
}

function ledgerSheet(wb: ExcelJS.Workbook, m: CircularModel): void {
  const sheet = wb.addWorksheet('积分明细');
  sheet.columns = [
    { header: '日期', key: 'date', width: 12, style: { numFmt: DATE_FORMAT } },
    { header: '单位', key: 'unit', width: 24 },
    { header: '类别', key: 'type', width: 16 },
    { header: '说明', key: 'label', width: 48 },
    { header: '信息编号', key: 'articleId', width: 9 },
    { header: '信息标题', key: 'title', width: 40 },
    { header: '得分', key: 'points', width: 8 },
    { header: '扣分', key: 'deducted', width: 8 },
    { header: '奖励（元）', key: 'reward', width: 10, style: { numFmt: '#,##0' } },
    { header: '适用规则', key: 'rule', width: 22 },
    // A version is named by the day it starts, as text: it is a label, not a date to compute with
    // (formatted as a date, the defaults' 1900-01-01 read as 1900-01-02 in other readers).
    { header: '适用规则版本', key: 'rulesFrom', width: 16 },
  ];
  for (const e of m.events) {
    sheet.addRow({
      date: excelDate(e.date),
      unit: e.unit,
      type: EVENT_LABELS[e.type],
      label: e.label,
      articleId: e.articleId,
      title: e.title ?? '',
      points: e.points,
      deducted: e.deducted,
      reward: e.reward,
      rule: e.rule ?? '手工登记',
      rulesFrom: rulesVersionText(e.rulesFrom),
    });
  }
  styleHeader(sheet);
}

function aboutSheet(wb: ExcelJS.Workbook, m: CircularModel): void {
  const sheet = wb.addWorksheet('说明');
  sheet.columns = [
    { header: '项目', key: 'item', width: 20 },
    { header: '内容', key: 'value', width: 60 },
  ];
  const rows: [string, string | number | Date, string?][] = [
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
  for (const [item, value, format] of rows) {
    const row = sheet.addRow({ item, value });
    if (format) row.getCell('value').numFmt = format;
    row.getCell('value').alignment = { horizontal: 'left' };
  }
  styleHeader(sheet);
}

export async function renderCircularXlsxWithExceljs(m: CircularModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务信息编印台';
  wb.title = m.title || circularTitle(m.label);
  // Fixed from the circular itself, so the same figures give the same workbook.
  wb.created = excelDate(m.date);
  wb.modified = excelDate(m.date);
  scoreSheet(wb, m);
  ledgerSheet(wb, m);
  aboutSheet(wb, m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
