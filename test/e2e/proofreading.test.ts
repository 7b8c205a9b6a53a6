/**
 * Proofreading in the editor (issue 18), in Chromium against the real backend: a paragraph typed
 * with three planted mistakes is underlined in place with the reason on hover, each is fixed with
 * 一键修正, and the saved item (read back through the command line) holds the fixed text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { launchBrowser, openPage, startWeb, type WebServer } from './harness';
import { tempDir } from '../helpers/db';
import path from 'node:path';

let web: WebServer;
let browser: Browser;
let page: Page;
let errors: string[];
let articleId: number;

const tid = (id: string) => `[data-testid="${id}"]`;

beforeAll(async () => {
  const db = path.join(tempDir('bulletin-e2e-proof-'), 'bulletin.db');
  // A series exists, so the window opens on its pages rather than the first-start wizard.
  const series = await cli(db, 'series', 'add', '--name', '城关县政务信息', '--org', '城关县人民政府办公室');
  expect(series.code, series.stderr).toBe(0);
  const added = await cli(db, '--json', 'article', 'add', '--title', '城关镇推进老旧小区改造', '--body', '今年以来，城关镇把老旧小区改造作为重要民生工程。');
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

it('underlines three planted mistakes as they are typed, fixes each with 一键修正, and saves the fixed text', async () => {
  await page.click(tid('nav-articles'));
  await page.locator(tid('article-row')).first().click();
  const body = page.locator(tid('article-body'));
  await expect.poll(() => body.inputValue(), { timeout: 30_000 }).toContain('老旧小区');
  await expect.poll(() => page.locator(tid('proof-empty')).count(), { timeout: 30_000 }).toBe(1);

  // A new paragraph: a half-width comma, 其它 for 其他, and a date written 2026.12.4.
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await body.pressSequentially('截至目前,其它镇街将于2026.12.4前完成改造。', { delay: 20 });

  const underlines = page.locator(tid('proof-underline'));
  await expect.poll(() => underlines.count(), { timeout: 30_000 }).toBe(3);
  expect((await underlines.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).sort()).toEqual(['confused-word', 'date-form', 'half-width-punct']);
  expect(await underlines.first().innerText()).toBe(',');
  expect(await underlines.first().getAttribute('title')).toContain('GB/T 15834-2011');
  expect(await page.locator(tid('proof-errors')).innerText()).toContain('2');
  expect(await page.locator(tid('proof-suggestions')).innerText()).toContain('1');
  // The reason shows on hover: the underline takes the mouse, above the text box.
  await underlines.first().hover();
  expect(await page.evaluate(() => document.querySelectorAll(':hover').item(document.querySelectorAll(':hover').length - 1)?.getAttribute('data-testid'))).toBe('proof-underline');

  for (let left = 3; left > 0; left--) {
    await page.locator(tid('proof-fix')).first().click();
    await expect.poll(() => underlines.count(), { timeout: 30_000 }).toBe(left - 1);
  }
  expect(await body.inputValue()).toBe('今年以来，城关镇把老旧小区改造作为重要民生工程。\n截至目前，其他镇街将于2026年12月4日前完成改造。');
  await expect.poll(() => page.locator(tid('proof-empty')).count()).toBe(1);

  await expect.poll(() => page.locator(tid('save-status')).innerText(), { timeout: 30_000 }).toMatch(/已自动保存|已保存/);
  const shown = await cli(web.dbFile, '--json', 'article', 'show', String(articleId));
  const saved = shown.json() as { paragraphs: { text: string }[] };
  expect(saved.paragraphs.map((p) => p.text)).toEqual(['今年以来，城关镇把老旧小区改造作为重要民生工程。', '截至目前，其他镇街将于2026年12月4日前完成改造。']);
  const proof = await cli(web.dbFile, '--json', 'proof', '--article', String(articleId));
  expect((proof.json() as { findings: unknown[] }).findings).toEqual([]);
  expect(errors).toEqual([]);
});

it('ignores a finding for the item, kept when the item is opened again', async () => {
  const body = page.locator(tid('article-body'));
  await body.click();
  await page.keyboard.press('Control+End');
  await body.pressSequentially('其它', { delay: 20 });
  await expect.poll(() => page.locator(tid('proof-underline')).count(), { timeout: 30_000 }).toBe(1);
  await page.locator(tid('proof-ignore')).first().click();
  await expect.poll(() => page.locator(tid('proof-underline')).count(), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => page.locator(tid('save-status')).innerText(), { timeout: 30_000 }).toMatch(/已自动保存|已保存/);
  await page.click(tid('editor-back'));
  await page.locator(tid('article-row')).first().click();
  await expect.poll(() => page.locator(tid('article-body')).inputValue(), { timeout: 30_000 }).toContain('其它');
  await expect.poll(() => page.locator(tid('proof-empty')).count(), { timeout: 30_000 }).toBe(1);
  const proof = (await cli(web.dbFile, '--json', 'proof', '--article', String(articleId))).json() as { ignored: number };
  expect(proof.ignored).toBe(1);
  expect(errors).toEqual([]);
});

it('saves a new 规范提法 version from the settings page, which the check then applies', async () => {
  await page.click(tid('nav-settings'));
  await page.click(tid('settings-tab-wording'));
  await expect.poll(() => page.locator(tid('wording-version')).count(), { timeout: 30_000 }).toBe(1);
  await page.fill(tid('wording-from'), '2020-01-01');
  await page.fill(tid('wording-lines'), '老旧小区 => 城镇老旧小区 # 国务院文件的表述');
  await page.click(tid('wording-save'));
  await expect.poll(() => page.locator(tid('wording-version')).count(), { timeout: 30_000 }).toBe(2);
  const proof = (await cli(web.dbFile, '--json', 'proof', '--article', String(articleId))).json() as { findings: { rule: string; fix?: string }[]; wordingFrom: string };
  expect(proof.wordingFrom).toBe('2020-01-01');
  expect(proof.findings.map((f) => [f.rule, f.fix])).toEqual([
    ['official-wording', '城镇老旧小区'],
    ['official-wording', '城镇老旧小区'],
  ]);
  expect(errors).toEqual([]);
});
