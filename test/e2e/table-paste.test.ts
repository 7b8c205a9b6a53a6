/**
 * Issue 19 in Chromium against a real `bulletin web`: a 5 × 4 selection copied from a
 * spreadsheet (a paste event whose DataTransfer holds the TSV and the HTML, as Excel puts them)
 * is pasted into an item's body and becomes a table at the caret; the editor shows it as a grid,
 * whose controls add and remove a row and set the title and unit line; the item saved holds the
 * table (read back through the command line); in a new issue the paged preview draws it as a
 * grid with its caption, unit line and cells. Screenshots of the editor and the preview at
 * 1366×768 go to BULLETIN_SHOTS when it is set.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/db';
import { launchBrowser, openPage, startWeb, type WebServer } from './harness';

let web: WebServer;
let browser: Browser;
let page: Page;
let errors: string[];
let articleId: number;

const tid = (id: string) => `[data-testid="${id}"]`;
const shots = process.env.BULLETIN_SHOTS;

const CELLS = [
  ['指标', '前三季度', '同比增长（%）', '占比（%）'],
  ['地区生产总值', '120.5', '5.2', '100.0'],
  ['第一产业增加值', '18.7', '3.6', '15.5'],
  ['第二产业增加值', '42.3', '6.1', '35.1'],
  ['第三产业增加值', '59.5', '5.0', '49.4'],
];
const TSV = `${CELLS.map((r) => r.join('\t')).join('\r\n')}\r\n`;
/** Excel's clipboard HTML for the same cells (trimmed of its long <style>, which the reader skips). */
const HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Excel.Sheet><meta name=Generator content="Microsoft Excel 15">
<style><!--table {mso-displayed-decimal-separator:"\\.";} .xl65 {text-align:center;} --></style></head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=380 style='border-collapse:collapse;width:285pt'>
<!--StartFragment-->
 <col width=164 style='width:123pt'><col width=72 span=3 style='width:54pt'>
${CELLS.map((r) => ` <tr height=19 style='height:14.25pt'>\n${r.map((c) => `  <td height=19 class=xl65>${c}</td>`).join('\n')}\n </tr>`).join('\n')}
<!--EndFragment-->
</table>
</body>
</html>`;

beforeAll(async () => {
  const db = path.join(tempDir('bulletin-e2e-table-'), 'bulletin.db');
  const series = await cli(db, 'series', 'add', '--name', '城关县政务信息', '--org', '城关县人民政府办公室');
  expect(series.code, series.stderr).toBe(0);
  const added = await cli(db, '--json', 'article', 'add', '--title', '城关镇前三季度经济运行情况', '--body', '前三季度，全镇经济运行总体平稳。\n主要指标稳中有进。');
  expect(added.code, added.stderr).toBe(0);
  articleId = (added.json() as { id: number }).id;
  web = await startWeb(db);
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, web.url));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

const gridCells = () => page.locator(`${tid('body-table-grid')} ${tid('table-cell')} input`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

it('pastes a 5 × 4 spreadsheet selection as a table, edits it in the grid and saves it', async () => {
  await page.click(tid('nav-articles'));
  await page.locator(tid('article-row')).first().click();
  const body = page.locator(tid('article-body'));
  await expect.poll(() => body.inputValue(), { timeout: 30_000 }).toContain('总体平稳');

  // The caret after the first paragraph, then the paste Excel would make.
  await page.evaluate(
    ({ tsv, html }) => {
      const el = document.querySelector<HTMLTextAreaElement>('[data-testid="article-body"]')!;
      el.focus();
      const at = el.value.indexOf('\n');
      el.setSelectionRange(at, at);
      const data = new DataTransfer();
      data.setData('text/plain', tsv);
      data.setData('text/html', html);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { tsv: TSV, html: HTML },
  );

  await expect.poll(() => page.locator(tid('body-table-grid')).count(), { timeout: 15_000 }).toBe(1);
  expect(await page.locator(tid('table-grid-row')).count()).toBe(5);
  expect(await gridCells()).toEqual(CELLS.flat());
  expect(await page.locator(`${tid('table-cell')}[data-header="true"]`).count()).toBe(4);
  // The table sits between the two paragraphs, written into the text box as its pipe lines.
  const text = await body.inputValue();
  expect(text.split('\n')[0]).toBe('前三季度，全镇经济运行总体平稳。');
  expect(text.split('\n')[1]).toBe('| 指标 | 前三季度 | 同比增长（%） | 占比（%） |');
  expect(text.split('\n').at(-1)).toBe('主要指标稳中有进。');

  // A row added under the last one, then removed again; the title and unit set in the grid's fields.
  await page.locator(`${tid('table-cell')} input`).last().click();
  await page.click(tid('table-row-below'));
  await expect.poll(() => page.locator(tid('table-grid-row')).count()).toBe(6);
  await page.locator(`${tid('table-cell')} input`).last().click();
  await page.click(tid('table-row-remove'));
  await expect.poll(() => page.locator(tid('table-grid-row')).count()).toBe(5);
  await page.fill(`${tid('table-caption')}`, '表1 城关镇前三季度主要经济指标');
  await page.fill(`${tid('table-unit')}`, '亿元');
  await page.locator(tid('table-unit')).press('Enter');
  await expect.poll(() => body.inputValue()).toContain('表题：表1 城关镇前三季度主要经济指标\n单位：亿元\n| 指标 |');
  // A cell edited in place: committed when left.
  const cell = page.locator(`${tid('table-cell')} input`).nth(5);
  await cell.fill('121.0');
  await cell.press('Tab');
  await expect.poll(() => body.inputValue()).toContain('| 地区生产总值 | 121.0 | 5.2 | 100.0 |');
  if (shots) await page.screenshot({ path: path.join(shots, 'table-editor.png') });

  await page.click(tid('save-article'));
  await expect.poll(() => page.locator(tid('save-status')).innerText(), { timeout: 30_000 }).toMatch(/已保存|已自动保存/);
  const shown = await cli(web.dbFile, '--json', 'article', 'show', String(articleId));
  const saved = shown.json() as { paragraphs: { text: string; table?: { caption: string; unit: string; headerRows: number; rows: string[][] } }[] };
  expect(saved.paragraphs.map((p) => (p.table ? 'TABLE' : p.text))).toEqual(['前三季度，全镇经济运行总体平稳。', 'TABLE', '主要指标稳中有进。']);
  const table = saved.paragraphs[1]!.table!;
  expect(table).toMatchObject({ caption: '表1 城关镇前三季度主要经济指标', unit: '单位：亿元', headerRows: 1 });
  expect(table.rows).toEqual([CELLS[0], ['地区生产总值', '121.0', '5.2', '100.0'], ...CELLS.slice(2)]);
  expect(errors).toEqual([]);
});

it('shows the table in the new issue’s paged preview as a grid with its caption and unit line', async () => {
  await page.click(tid('editor-back'));
  await page.click(tid('nav-issues'));
  await page.click(tid('new-issue'));
  await page.fill(tid('new-issue-date'), '2026-11-21');
  await page.click(tid('new-issue-confirm'));
  await page.locator(tid('composer-candidate')).filter({ hasText: '城关镇前三季度经济运行情况' }).locator(tid('composer-add')).click();
  await expect.poll(() => page.locator(tid('issue-item')).count(), { timeout: 30_000 }).toBe(1);

  const preview = page.locator(tid('paged-preview'));
  await expect.poll(() => preview.locator(tid('preview-table-row')).count(), { timeout: 30_000 }).toBe(5);
  expect(await preview.locator(tid('preview-table-caption')).innerText()).toBe('表1 城关镇前三季度主要经济指标');
  expect(await preview.locator(tid('preview-table-unit')).innerText()).toBe('单位：亿元');
  const rows = await preview
    .locator(tid('preview-table-row'))
    .evaluateAll((els) => els.map((r) => [...r.querySelectorAll('[data-testid="preview-table-cell"]')].map((c) => c.textContent)));
  expect(rows).toEqual([CELLS[0], ['地区生产总值', '121.0', '5.2', '100.0'], ...CELLS.slice(2)]);
  expect(await preview.locator(`${tid('preview-table-row')}[data-header="true"]`).count()).toBe(1);
  // The grid fills the text block: its cells' widths add up to the row's.
  const widths = await preview.locator(tid('preview-table-row')).first().evaluate((r) => ({
    row: r.getBoundingClientRect().width,
    cells: [...r.children].reduce((n, c) => n + c.getBoundingClientRect().width, 0),
  }));
  expect(Math.abs(widths.row - widths.cells)).toBeLessThan(1);
  await preview.locator(tid('preview-table-row')).first().scrollIntoViewIfNeeded();
  if (shots) await page.screenshot({ path: path.join(shots, 'table-preview.png') });
  expect(errors).toEqual([]);
});
