/**
 * First start in real Chromium against the real `bulletin web` on an empty database: the
 * window opens on the set-up, which is walked step by step (units typed, pasted and read from
 * an Excel list uploaded through the page), left half-way and taken up again after a reload,
 * and completed; then the office writes an item, composes, submits and signs its first issue,
 * which takes the number the set-up gave (第37期, 总第412期). BULLETIN_SHOTS=DIR keeps a
 * screenshot of every step at 1366×768.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { launchBrowser, openPage, startWeb, type WebServer } from './harness';

let web: WebServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  web = await startWeb();
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, web.url));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

const tid = (id: string) => `[data-testid="${id}"]`;
const shot = async (name: string) => {
  if (process.env.BULLETIN_SHOTS) await page.screenshot({ path: path.join(process.env.BULLETIN_SHOTS, `first-start-${name}.png`) });
};

describe('first start, from an empty database to a signed first issue', () => {
  it('opens on the set-up, not on empty pages', async () => {
    await expect.poll(() => page.locator(tid('setup-wizard')).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator(tid('nav-issues')).count()).toBe(0);
    await shot('1-office');
  });

  it('asks for the office first, and will not go on without it', async () => {
    await page.click(tid('setup-next'));
    await expect.poll(() => page.locator(tid('setup-error')).innerText()).toContain('请填写本单位全称');
    await page.fill(tid('setup-office'), '城关县人民政府办公室');
    await page.fill(tid('setup-short-name'), '城关县政府办');
    await page.click(tid('setup-next'));
    await expect.poll(() => page.locator(tid('setup-contact')).count()).toBe(1);
    await page.fill(tid('setup-contact'), '王某某');
    await page.fill(tid('setup-phone'), '0000-1234567');
    await shot('2-contact');
    await page.click(tid('setup-next'));
  });

  it('sets up the series, continuing the paper numbers', async () => {
    await page.fill(tid('setup-series-name'), '城关县政务信息');
    await page.fill(tid('setup-masthead'), '政务信息');
    await page.fill(tid('setup-first-number'), '37');
    await page.fill(tid('setup-first-total'), '412');
    await page.fill(tid('setup-to'), '市政府办公室');
    await page.fill(tid('setup-cc'), '县委办公室，县人大常委会办公室');
    await page.fill(tid('setup-down'), '各镇人民政府，县直各单位');
    await shot('3-series');
    await page.click(tid('setup-next'));
    await expect.poll(() => page.locator(tid('setup-units-text')).count()).toBe(1);
  });

  it('takes units pasted from a sheet and read from an uploaded Excel list, showing what it read', async () => {
    // as Excel puts copied cells on the clipboard: tab between columns
    await page.fill(tid('setup-units-text'), '城关镇\t\t城关\t镇\n县发展和改革局\t县发改局\t发改局\t县直部门');
    await expect.poll(() => page.locator(tid('setup-unit-row')).count(), { timeout: 30_000 }).toBe(2);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('单位名单');
    ws.addRows([
      ['单位名称', '简称', '别称', '类别'],
      ['清河镇', null, '清河', '镇'],
      ['东城街道', null, null, '街道'],
      ['县住房和城乡建设局', '县住建局', '住建局', '县直部门'],
    ]);
    const file = path.join(web.dir, '单位名单.xlsx');
    await wb.xlsx.writeFile(file);
    await page.locator(tid('setup-units-file')).setInputFiles(file);
    await expect.poll(() => page.locator(tid('setup-unit-row')).count(), { timeout: 30_000 }).toBe(5);
    await expect.poll(() => page.locator(tid('setup-units-count')).innerText()).toBe('5 个');

    // a duplicate is named by its line, before anything is saved
    await page.locator(tid('setup-units-text')).press('End');
    await page.locator(tid('setup-units-text')).press('Control+End');
    await page.keyboard.type('\n清河镇');
    await expect.poll(() => page.locator(tid('setup-units-problems')).innerText(), { timeout: 30_000 }).toMatch(/第\d+行：单位名称“清河镇”与第\d+行重复/);
    await shot('4-units-problem');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator(tid('setup-units-problems')).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.locator(tid('setup-unit-row')).count()).toBe(5);
    await shot('4-units');
  });

  it('can be left half-way and taken up again where it was', async () => {
    await page.click(tid('setup-next'));
    await expect.poll(() => page.locator(tid('setup-summary')).count()).toBe(1);
    await page.click(tid('setup-later'));
    await expect.poll(() => page.locator(tid('nav-issues')).count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.locator(tid('setup-summary')).count(), { timeout: 30_000 }).toBe(1);
    const summary = await page.locator(tid('setup-summary')).innerText();
    expect(summary).toContain('城关县人民政府办公室');
    expect(summary).toContain('第37期（总第412期）');
    expect(summary).toContain('报：市政府办公室');
    await shot('5-finish');
  });

  it('completes, and says which number the first issue will take', async () => {
    await page.click(tid('setup-finish'));
    await expect.poll(() => page.locator(tid('setup-done')).innerText(), { timeout: 30_000 }).toContain('第37期（总第412期）');
    await shot('6-done');
    await page.click(tid('setup-start'));
    await expect.poll(() => page.locator(tid('nav-issues')).count()).toBe(1);
    // the set-up does not come back once the office has its series
    await page.reload();
    await expect.poll(() => page.locator(tid('nav-issues')).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator(tid('setup-wizard')).count()).toBe(0);
  });

  it('writes an item, composes, submits and signs the first issue as 第37期（总第412期）', async () => {
    await page.click(tid('nav-articles'));
    await page.click(tid('new-article'));
    await page.fill(tid('article-title'), '清河镇推进集体经济增收');
    await page.fill(tid('article-body'), '今年以来，清河镇村级集体经济收入同比增长18%。\n一、主要做法\n设立引导资金。');
    await page.click(tid('article-unit'));
    await page.getByRole('option', { name: '清河镇', exact: true }).click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator(tid('save-status')).innerText(), { timeout: 30_000 }).toMatch(/已保存|已自动保存/);
    await page.click(tid('editor-back'));

    await page.click(tid('nav-issues'));
    await page.click(tid('new-issue'));
    await page.fill(tid('new-issue-date'), '2026-11-21');
    await page.click(tid('new-issue-confirm'));
    await page.locator(tid('composer-candidate')).filter({ hasText: '清河镇推进集体经济增收' }).locator(tid('composer-add')).click();
    await expect.poll(() => page.locator(tid('issue-item')).count()).toBe(1);
    await page.click(tid('issue-submit'));
    await expect.poll(() => page.locator(tid('issue-status')).getAttribute('data-status')).toBe('review');
    await page.click(tid('issue-sign'));
    await expect.poll(() => page.locator(tid('next-number')).innerText(), { timeout: 30_000 }).toMatch(/2026年第37期（总第412期）/);
    await page.fill(tid('sign-signer'), '张某某');
    await page.click(tid('sign-confirm'));
    await expect.poll(() => page.locator(tid('issue-status')).getAttribute('data-status'), { timeout: 60_000 }).toBe('signed');
    await expect.poll(() => page.locator(tid('issue-title')).innerText()).toContain('第37期');
    await shot('7-signed');
  });

  it('later sends the unit list out to Excel and takes it back from the 设置 page', async () => {
    await page.click(tid('nav-settings'));
    await page.click(tid('settings-tab-units'));
    await expect.poll(() => page.locator(tid('unit-row')).count(), { timeout: 30_000 }).toBe(5);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('unit-export'))]);
    expect(download.suggestedFilename()).toBe('单位名单.xlsx');
    const file = path.join(web.dir, 'exported.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('单位名单')!;
    expect(ws.getRow(1).values).toEqual([undefined, '单位名称', '简称', '别称', '类别', '状态']);
    expect(ws.rowCount).toBe(6);
    // edited in Excel: one unit more, and back in
    ws.addRow(['石桥镇', null, '石桥', '镇', '启用']);
    await wb.xlsx.writeFile(file);
    await page.locator(tid('unit-import-file')).setInputFiles(file);
    await expect.poll(() => page.locator(tid('unit-import-report')).innerText(), { timeout: 30_000 }).toContain('新增 1 个，更新 0 个，未变 5 个');
    await shot('8-units-import');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(tid('unit-row')).count(), { timeout: 30_000 }).toBe(6);
  });

  it('left the database as the set-up said, read back by the command', async () => {
    const units = (await cli(web.dbFile, '--json', 'unit', 'list')).json() as { name: string; shortName: string | null; aliases: string[] }[];
    expect(units.map((u) => u.name)).toEqual(['城关镇', '县发展和改革局', '清河镇', '东城街道', '县住房和城乡建设局', '石桥镇']);
    expect(units[4]).toMatchObject({ shortName: '县住建局', aliases: ['住建局'] });
    const settings = (await cli(web.dbFile, '--json', 'settings', 'show')).json() as { sender: Record<string, string> };
    expect(settings.sender).toEqual({ office: '城关县人民政府办公室', shortName: '城关县政府办', contactPerson: '王某某', phone: '0000-1234567' });
    const series = (await cli(web.dbFile, '--json', 'series', 'list')).json() as { print: { mastheadName: string; distribution: { cc: string[] } } }[];
    expect(series[0]!.print.mastheadName).toBe('政务信息');
    expect(series[0]!.print.distribution.cc).toEqual(['县委办公室', '县人大常委会办公室']);
    expect(errors).toEqual([]);
  });
});
