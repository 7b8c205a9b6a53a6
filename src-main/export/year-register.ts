/**
 * The register of a year's issues (年度刊物目录) as an Excel workbook: one row per issue
 * (期号, 总期号, 日期, 签发人, 信息条数, the items' titles, 来稿单位, the file and its SHA-256),
 * voided issues marked with their reason; a second sheet lists every item. Numbers are numbers
 * and dates are dates, as in the circular's workbook, so the office can sort and file it.
 */
import type ExcelJS from 'exceljs';

export interface RegisterItem {
  position: number;
  title: string;
  unit: string | null;
  category: string;
  chars: number;
}

export interface RegisterIssue {
  /** 2026年第12期, 增刊第1期 */
  number: number;
  supplement: boolean;
  totalNumber: number | null;
  date: string;
  signedBy: string | null;
  voided: boolean;
  voidReason: string | null;
  items: RegisterItem[];
  /** Relative path in the export folder; '' when the issue has no archived original. */
  file: string;
  sha256: string;
}

export interface RegisterModel {
  series: string;
  year: number;
  /** When it was made (local date, YYYY-MM-DD): fixed in the workbook's properties. */
  madeOn: string;
  issues: RegisterIssue[];
}

const DATE_FORMAT = 'yyyy-mm-dd';

/** A calendar date as Excel stores it: midnight UTC, shown as 年-月-日. */
function excelDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function registerTitle(m: Pick<RegisterModel, 'series' | 'year'>): string {
  return `《${m.series}》${m.year}年刊物目录`;
}

/** Units in the order they first appear, each once. */
function unitsOf(items: readonly RegisterItem[]): string {
  return [...new Set(items.map((i) => i.unit ?? '未填单位'))].join('、');
}

function styleHeader(sheet: ExcelJS.Worksheet, row: number): void {
  const header = sheet.getRow(row);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 24;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: row, topLeftCell: `A${row + 1}`, activeCell: `A${row + 1}` }];
}

function issueSheet(wb: ExcelJS.Workbook, m: RegisterModel): void {
  const sheet = wb.addWorksheet('刊物目录');
  sheet.columns = [
    { key: 'number', width: 8 },
    { key: 'totalNumber', width: 9 },
    { key: 'date', width: 12, style: { numFmt: DATE_FORMAT } },
    { key: 'signedBy', width: 10 },
    { key: 'count', width: 9 },
    { key: 'titles', width: 60 },
    { key: 'units', width: 30 },
    { key: 'status', width: 8 },
    { key: 'voidReason', width: 20 },
    { key: 'file', width: 34 },
    { key: 'sha256', width: 20 },
  ];
  // Row 1 names the register, row 2 heads the columns.
  sheet.mergeCells('A1:K1');
  const title = sheet.getCell('A1');
  title.value = registerTitle(m);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  sheet.getRow(2).values = ['期号', '总期号', '日期', '签发人', '信息条数', '信息标题', '来稿单位', '状态', '作废原因', '文件', 'SHA-256'];
  styleHeader(sheet, 2);
  for (const i of m.issues) {
    const row = sheet.addRow({
      number: i.supplement ? `增刊${i.number}` : i.number,
      totalNumber: i.totalNumber,
      date: excelDate(i.date),
      signedBy: i.signedBy ?? '',
      count: i.items.length,
      titles: i.items.map((it) => `${it.position}. ${it.title}`).join('\n'),
      units: unitsOf(i.items),
      status: i.voided ? '已作废' : '已签发',
      voidReason: i.voidReason ?? '',
      file: i.file || '（无存档原件）',
      sha256: i.sha256,
    });
    row.alignment = { vertical: 'top', wrapText: true };
  }
  const signed = m.issues.filter((i) => !i.voided);
  const total = sheet.addRow({
    number: '合计',
    count: signed.reduce((n, i) => n + i.items.length, 0),
    titles: `已签发 ${signed.length} 期${m.issues.length > signed.length ? `，另作废 ${m.issues.length - signed.length} 期（不计入信息条数）` : ''}`,
  });
  total.font = { bold: true };
}

function itemSheet(wb: ExcelJS.Workbook, m: RegisterModel): void {
  const sheet = wb.addWorksheet('信息明细');
  sheet.columns = [
    { header: '期号', key: 'number', width: 8 },
    { header: '日期', key: 'date', width: 12, style: { numFmt: DATE_FORMAT } },
    { header: '序号', key: 'position', width: 6 },
    { header: '标题', key: 'title', width: 60 },
    { header: '来稿单位', key: 'unit', width: 24 },
    { header: '栏目', key: 'category', width: 10 },
    { header: '字数', key: 'chars', width: 8 },
    { header: '状态', key: 'status', width: 8 },
  ];
  styleHeader(sheet, 1);
  for (const i of m.issues) {
    for (const it of i.items) {
      sheet.addRow({
        number: i.supplement ? `增刊${i.number}` : i.number,
        date: excelDate(i.date),
        position: it.position,
        title: it.title,
        unit: it.unit ?? '未填单位',
        category: it.category,
        chars: it.chars,
        status: i.voided ? '已作废' : '已签发',
      });
    }
  }
}

export async function renderYearRegister(m: RegisterModel): Promise<Buffer> {
  // Loaded at first use, not at start: every command would pay for it (issue 14).
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  wb.creator = '政务信息编印台';
  wb.title = registerTitle(m);
  // Fixed from the register itself, so the same year exported twice the same day gives the same workbook.
  wb.created = excelDate(m.madeOn);
  wb.modified = excelDate(m.madeOn);
  issueSheet(wb, m);
  itemSheet(wb, m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
