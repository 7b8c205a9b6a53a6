/**
 * The circular of the fixture county's third quarter, read back: the Word file's text (mammoth)
 * and parts (page, fonts, table), the same file laid out by LibreOffice and read from the PDF,
 * and the workbook's cells, types, widths and frozen header (exceljs).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT_PROFILE } from '../src-main/export/layout-profile';
import type { CircularPaths } from '../src-main/api/ops/scoring';
import { loEnv } from './helpers/lo-env';
import { buildCounty, voidI2, type County } from './helpers/scoring-county';

const run = promisify(execFile);
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const TITLE = '关于2026年第三季度全县政务信息报送情况的通报';

let c: County;
let out: CircularPaths;
let outDir: string;

beforeAll(async () => {
  c = await buildCounty();
  await voidI2(c);
  outDir = path.join(c.t.dir, '通报');
  fs.mkdirSync(outDir);
  out = await c.t.call('circularExport', { period: 'quarter', year: 2026, n: 3, out: outDir });
});
afterAll(() => c?.t.close());

it('names both files after the circular', () => {
  expect(path.basename(out.docx)).toBe(`${TITLE}.docx`);
  expect(path.basename(out.xlsx)).toBe(`${TITLE}.xlsx`);
  expect(fs.readdirSync(outDir).sort()).toEqual([`${TITLE}.docx`, `${TITLE}.xlsx`]);
});

describe('the Word file', () => {
  let text = '';
  let xml = '';
  beforeAll(async () => {
    text = (await mammoth.extractRawText({ path: out.docx })).value;
    xml = await (await JSZip.loadAsync(fs.readFileSync(out.docx))).file('word/document.xml')!.async('string');
  });

  it('has the title, the addressees and the totals with the adoption rate', () => {
    const s = squash(text);
    expect(s.startsWith(squash(TITLE))).toBe(true);
    expect(s).toContain('各镇人民政府、街道办事处，县直各单位：');
    expect(s).toContain('2026年第三季度（7月1日至9月30日），全县5个单位共报送政务信息15篇，被各级刊物采用3篇、5篇次，采用率20%。');
    expect(s).toContain('其中，县级采用3篇次，市级采用1篇次，省级采用1篇次；获得领导批示3次。');
  });

  it('prints the header and one ranked row per unit, then the totals', () => {
    const cells = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const start = cells.indexOf('排名');
    expect(cells.slice(start, start + 11)).toEqual(['排名', '单位', '报送', '县级采用', '市级采用', '省级采用', '批示', '得分', '扣分', '最终得分', '奖励金额']);
    const body = cells.slice(start + 11);
    const rows = [0, 1, 2, 3, 4].map((r) => body.slice(r * 11, r * 11 + 11));
    rows.push(body.slice(55, 65));
    expect(rows).toEqual([
      ['1', '城关镇', '6', '1', '1', '1', '1', '210', '0', '210', '640'],
      ['2', '县发改局', '2', '1', '0', '0', '1', '90', '50', '40', '500'],
      ['2', '东山镇', '6', '1', '0', '0', '1', '70', '30', '40', '120'],
      ['4', '西河镇', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
      ['5', '县水利局', '1', '1', '0', '0', '1', '90', '110', '-20', '500'],
      // the totals add up the rows: the combined item counts for both of its units
      ['合计', '15', '4', '1', '1', '4', '460', '190', '270', '1760'],
    ]);
  });

  it('names the unit that sent nothing and the unit criticised, and ends with the office and date', () => {
    const s = squash(text);
    expect(s).toContain('2026年第三季度，以下1个单位未报送任何信息：西河镇。');
    expect(s).toContain('截至2026年9月30日，2026年度累计扣分达到200分、予以通报批评的单位：县水利局。');
    expect(s.endsWith('城关县人民政府办公室2026年10月15日')).toBe(true);
  });

  it('uses the official page, fonts and a table exactly as wide as the text block', () => {
    const { page, margins } = LAYOUT_PROFILE;
    expect(xml).toContain(`<w:pgSz w:w="${page.width}" w:h="${page.height}"`);
    expect(xml).toMatch(new RegExp(`<w:pgMar w:top="${margins.top}" w:right="${margins.right}" w:bottom="${margins.bottom}" w:left="${margins.left}"`));
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(11);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(page.width - margins.left - margins.right);
    expect(xml).toContain('<w:tblHeader/>');
  });
});

describe('the Word file in LibreOffice', () => {
  let pdfText = '';
  let png = '';
  beforeAll(async () => {
    const dir = path.join(c.t.dir, 'lo');
    fs.mkdirSync(dir);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, out.docx], {
      env: loEnv(),
      timeout: 400_000,
    });
    const pdf = path.join(dir, `${TITLE}.pdf`);
    pdfText = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')]);
    png = fs.readdirSync(dir).find((f) => f.endsWith('.png')) ?? '';
    png = png && path.join(dir, png);
    if (process.env.BULLETIN_LOOK) fs.copyFileSync(png, process.env.BULLETIN_LOOK);
  });

  it('converts, with the title, every unit and the page number', () => {
    const s = squash(pdfText);
    expect(s).toContain('关于2026年第三季度全县政务信息报送情况的通报'.slice(0, 10));
    for (const unit of ['城关镇', '县发改局', '东山镇', '西河镇', '县水利局']) expect(s).toContain(unit);
    expect(s).toContain('采用率20%');
    expect(pdfText).toMatch(/—\s*1\s*—/);
  });

  it('gives a picture of page 1', () => {
    expect(png).not.toBe('');
    expect(fs.statSync(png).size).toBeGreaterThan(5_000);
  });
});

describe('the workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.xlsx);
  });

  it('has the ranked rows with numbers as numbers and a totals row', () => {
    const sheet = wb.getWorksheet('得分排名')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('单位');
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('城关镇');
    expect(first.getCell(3).value).toBe(6);
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    // net 210, reward 640, adoption rate 1/6 as a fraction shown as a percentage
    expect(first.getCell(13).value).toBe(210);
    expect(first.getCell(14).value).toBe(640);
    expect(first.getCell(15).value).toBeCloseTo(1 / 6, 10);
    expect(first.getCell(15).numFmt).toBe('0.0%');
    const last = sheet.getRow(7);
    expect(last.getCell(2).value).toBe('合计');
    expect([3, 11, 12, 13, 14].map((col) => last.getCell(col).value)).toEqual([15, 460, 190, 270, 1760]);
    expect(last.font?.bold).toBe(true);
    expect(sheet.getRow(6).getCell(2).value).toBe('县水利局');
    expect(sheet.getRow(6).getCell(18).value).toBe('是');
  });

  it('freezes a bold header row and sets the widths', () => {
    const sheet = wb.getWorksheet('得分排名')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBe(24);
    expect(sheet.getColumn(3).width).toBe(10);
  });

  it('lists every point with its date as a date', () => {
    const sheet = wb.getWorksheet('积分明细')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const dates = [];
    for (let r = 2; r <= sheet.rowCount; r++) dates.push(sheet.getRow(r).getCell(1));
    expect(dates.every((d) => d.type === ExcelJS.ValueType.Date)).toBe(true);
    expect((dates[0]?.value as Date).toISOString().slice(0, 10)).toBe('2026-07-20');
    const points = [];
    for (let r = 2; r <= sheet.rowCount; r++) points.push(Number(sheet.getRow(r).getCell(7).value) - Number(sheet.getRow(r).getCell(8).value));
    expect(points.reduce((a, b) => a + b, 0)).toBe(270);
  });

  it('records the period as dates', () => {
    const sheet = wb.getWorksheet('说明')!;
    expect(sheet.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect((sheet.getRow(3).getCell(2).value as Date).toISOString().slice(0, 10)).toBe('2026-07-01');
    expect((sheet.getRow(4).getCell(2).value as Date).toISOString().slice(0, 10)).toBe('2026-09-30');
    expect(sheet.getRow(10).getCell(2).value).toBeCloseTo(0.2, 10);
  });
});

describe('browser mode', () => {
  it('hands back the same two files as base64', async () => {
    const files = await c.t.call('circularFiles', { from: '2026-07-01', to: '2026-09-30', date: '2026-10-15' });
    expect(files.map((f) => f.fileName)).toEqual([`${TITLE}.docx`, `${TITLE}.xlsx`]);
    expect(Buffer.from(files[0]!.base64, 'base64').equals(fs.readFileSync(out.docx))).toBe(true);
  });
});
