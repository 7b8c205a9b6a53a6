/**
 * 年度统计 in Chromium against a real `bulletin web` on the demo county: the 统计 page's 年度统计
 * tab shows the year's figures and sentences, and exports the report; the Word file opens in
 * LibreOffice (converted to PDF, read back with poppler) and the workbook in exceljs and openpyxl.
 * The same report from the command line (`bulletin stats year --year 2026 --out DIR`).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/db';
import { loEnv } from '../helpers/lo-env';
import { demoSession, type DemoSession, type WebServer } from './harness';

const run = promisify(execFile);
let session: DemoSession;
let web: WebServer;
let page: Page;
let errors: string[];
let out: string;

beforeAll(async () => {
  out = tempDir('bulletin-e2e-yearstats-');
  session = await demoSession();
  ({ web, page, errors } = session);
}, 300_000);

afterAll(async () => {
  await session?.stop();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const tid = (id: string) => `[data-testid="${id}"]`;
const TITLE = '清源县2026年政务信息工作统计';

it('shows the year on the 统计 page and exports the Word report and the workbook', async () => {
  // an adoption and an instruction at city level, recorded as the office would
  expect((await cli(web.dbFile, 'adoption', 'add', '--article', '1', '--publication', '政务信息快报', '--level', 'city', '--kind', 'single')).code).toBe(0);
  expect((await cli(web.dbFile, 'instruction', 'add', '--article', '1', '--level', 'city', '--leader', '副市长李某某')).code).toBe(0);

  await page.locator(tid('nav-stats')).click();
  await page.locator(tid('stats-tab-year')).click({ timeout: 60_000 });
  await page.locator(tid('year-input')).fill('2026');
  await expect.poll(() => page.locator(tid('year-title')).innerText(), { timeout: 30_000 }).toBe(TITLE);
  const sentences = await page.locator(tid('year-sentence')).allInnerTexts();
  expect(sentences[0]).toMatch(/^全年编发《清源县政务信息》1期，刊发信息\d+条、\d+字。$/);
  expect(sentences.join('')).toContain('市级采用1篇次');
  // the demo's own three instructions under follow-up (issue 16: one at city level) and this one
  expect(sentences.join('')).toContain('获得领导批示4次，其中县级领导批示2次、市级领导批示2次');
  expect(await page.locator(tid('year-fig-instructions')).innerText()).toContain('4 次');
  await page.locator(`${tid('chart-year-issues')} .recharts-surface`).first().waitFor();

  const downloads: string[] = [];
  page.on('download', (d) => {
    void (async () => {
      const file = path.join(out, d.suggestedFilename());
      await d.saveAs(file);
      downloads.push(file);
    })();
  });
  await page.locator(tid('export-year-stats')).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(2);
  const docx = downloads.find((f) => f.endsWith('.docx'))!;
  const xlsx = downloads.find((f) => f.endsWith('.xlsx'))!;
  expect(path.basename(docx)).toBe(`${TITLE}.docx`);
  expect(path.basename(xlsx)).toBe(`${TITLE}.xlsx`);

  // Word: LibreOffice opens it; the title, the sentences and the units' table are on the pages
  const profile = pathToFileURL(path.join(out, 'lo-profile')).href;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, docx], { env: loEnv(), timeout: 240_000 });
  const pdf = docx.replace(/\.docx$/, '.pdf');
  const { stdout: text } = await run('pdftotext', [pdf, '-'], { maxBuffer: 16 * 1024 * 1024 });
  const flat = text.replace(/\s+/g, '');
  expect(flat).toContain(TITLE);
  expect(flat).toContain('一、总体情况');
  expect(flat).toContain('全年编发《清源县政务信息》1期');
  expect(flat).toContain('各单位报送与得分情况');
  expect(flat).toContain('城关镇');

  // Excel: exceljs and openpyxl read the same numbers
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.worksheets.map((w) => w.name)).toContain('各单位报送与得分');
  const levels = wb.getWorksheet('上报采用与批示')!;
  expect(levels.getRow(3).getCell(1).value).toBe('市级');
  expect(levels.getRow(3).getCell(2).value).toBe(1);
  expect(levels.getRow(3).getCell(4).value).toBe(2);
  const py = await run('/usr/bin/python3', [
    '-c',
    'import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])["上报采用与批示"]; print(ws.cell(3, 1).value, ws.cell(3, 2).value, ws.cell(3, 4).value)',
    xlsx,
  ]);
  expect(py.stdout.trim()).toBe('市级 1 2');
  expect(errors).toEqual([]);
}, 400_000);

it('writes the same report from the command line', async () => {
  const dir = path.join(out, 'cli');
  fs.mkdirSync(dir);
  const r = await cli(web.dbFile, 'stats', 'year', '--year', '2026', '--out', dir);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('已生成年度统计');
  expect(fs.readdirSync(dir).sort()).toEqual([`${TITLE}.docx`, `${TITLE}.xlsx`]);
  const figures = await cli(web.dbFile, 'stats', 'figures', '--year', '2026');
  expect(figures.code).toBe(0);
  expect(figures.stdout).toContain('全年编发《清源县政务信息》1期');
  const refused = await cli(web.dbFile, 'stats', 'year', '--out', dir);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('请给出年份');
});
