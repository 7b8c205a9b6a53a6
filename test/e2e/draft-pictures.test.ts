/**
 * Issue 19 in Chromium against a real `bulletin web`: a unit's Word file with a picture is
 * uploaded through the import dialog; the register's detail shows the picture's thumbnail with
 * its caption (the bytes through the bridge, shown from a blob: URL); the draft becomes an item,
 * the picture is placed in its body; the series is set to print pictures; the item goes into a
 * new issue and the paged preview shows the picture with its caption under it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from '../helpers/db';
import { makePng, pictureDocx } from '../helpers/picture-docx';
import { demoSession, type DemoSession } from './harness';

let session: DemoSession;
let page: Page;
let folder: string;
const TITLE = '城关镇推行便民服务“一窗通办”';
const CAPTION = '图为城关镇便民服务中心窗口';
const shots = process.env.BULLETIN_SHOTS;

beforeAll(async () => {
  folder = tempDir('bulletin-e2e-pictures-');
  fs.writeFileSync(path.join(folder, '城关镇-一窗通办.docx'), await pictureDocx(makePng(800, 600), CAPTION));
  session = await demoSession();
  page = session.page;
}, 300_000);

afterAll(async () => {
  await session?.stop();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const tid = (id: string) => `[data-testid="${id}"]`;
/** A shown <img>, decoded: its natural width (0 while not loaded or broken). */
const naturalWidth = (selector: string) => page.locator(selector).first().evaluate((img) => (img as HTMLImageElement).naturalWidth).catch(() => 0);

it('uploads a Word file with a picture and shows its thumbnail and caption in the register', async () => {
  await page.locator(tid('nav-intake')).click();
  await page.locator(tid('intake-import')).click();
  await page.locator(tid('import-drop')).waitFor();
  await page.locator(tid('import-file-input')).setInputFiles([path.join(folder, '城关镇-一窗通办.docx')]);
  await expect.poll(() => page.locator(tid('import-file-row')).count(), { timeout: 30_000 }).toBe(1);
  await page.locator(tid('import-start')).click();
  await page.locator(tid('import-summary')).waitFor({ timeout: 60_000 });
  expect(await page.locator(tid('import-summary-imported')).innerText()).toBe('1');
  await page.locator(tid('import-done')).click();
  const row = page.locator(tid('intake-row')).filter({ hasText: TITLE });
  await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
  await row.click();
  const thumb = page.locator(`${tid('draft-pictures')} ${tid('picture-thumb')}`);
  await expect.poll(() => thumb.count(), { timeout: 30_000 }).toBe(1);
  expect(await thumb.innerText()).toContain(CAPTION);
  await expect.poll(() => naturalWidth(`${tid('draft-pictures')} img`), { timeout: 30_000 }).toBe(800);
  expect(await page.locator(`${tid('draft-pictures')} img`).getAttribute('src')).toMatch(/^blob:/);
  if (shots) await page.screenshot({ path: path.join(shots, 'draft-pictures-register.png') });
}, 180_000);

it('places the picture in the item made from the draft; the editor says the series does not print it yet', async () => {
  await page.locator(`${tid('submission-drawer')} ${tid('submission-edit')}`).first().click();
  // The wording may point to no category: the question is answered with 动态.
  const pick = page.locator(tid('category-pick-news'));
  await Promise.race([pick.waitFor({ timeout: 5_000 }).then(() => pick.click()), page.locator(tid('article-editor')).waitFor({ timeout: 30_000 })]).catch(() => undefined);
  await page.locator(tid('article-editor')).waitFor({ timeout: 30_000 });
  // The caret at the end of the first paragraph: the picture goes right under it.
  await page.locator(tid('article-body')).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.locator(tid('picture-place')).click();
  await expect.poll(async () => (await page.locator(tid('article-body')).inputValue()).split('\n')[1]).toMatch(/^【图片\d+】图为城关镇便民服务中心窗口$/);
  await page.locator(tid('save-article')).click();
  await expect.poll(() => page.locator(tid('picture-remove')).count(), { timeout: 30_000 }).toBe(1);
  expect(await page.locator(tid('item-pictures-print')).innerText()).toMatch(/尚未编入期刊/);
}, 120_000);

it('with 允许印发图片 on, the paged preview of a new issue shows the picture with its caption', async () => {
  await page.locator(tid('nav-settings')).click();
  const toggle = page.locator(tid('series-allow-pictures')).first();
  await toggle.waitFor({ state: 'attached', timeout: 30_000 });
  // The switch changes once the API has answered (it shows the stored setting).
  await page.locator('label').filter({ hasText: '允许印发图片' }).first().click();
  await expect.poll(() => toggle.isChecked()).toBe(true);

  await page.locator(tid('nav-issues')).click();
  await page.click(tid('new-issue'));
  await page.fill(tid('new-issue-date'), '2026-12-01');
  await page.click(tid('new-issue-confirm'));
  await page.locator(tid('composer-candidate')).filter({ hasText: TITLE }).locator(tid('composer-add')).click();
  await expect.poll(() => page.locator(tid('issue-item')).filter({ hasText: TITLE }).count(), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => page.locator(tid('preview-picture')).count(), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => naturalWidth(`${tid('preview-picture')} img`), { timeout: 30_000 }).toBe(800);
  await expect.poll(() => page.locator('[data-kind="picture-caption"]').first().innerText()).toBe(CAPTION);
  if (shots) await page.screenshot({ path: path.join(shots, 'draft-pictures-preview.png') });
  expect(session.errors).toEqual([]);
}, 180_000);
