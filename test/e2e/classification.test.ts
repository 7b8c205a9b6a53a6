/**
 * Classification follows the series, in real Chromium against the real `bulletin web`: in the
 * composer a 涉密 item is greyed out with the API's reason and cannot be added to a 内部 series;
 * the 设置 page shows and changes the series' level, after which the item may go in.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/db';
import { launchBrowser, openPage, startWeb, type WebServer } from './harness';

let web: WebServer;
let browser: Browser;
let page: Page;
let errors: string[];
let dbDir: string;
const tid = (id: string) => `[data-testid="${id}"]`;
const SECRET = '某项涉密工作进展';
const PLAIN = '城关镇推进老旧小区改造';

beforeAll(async () => {
  dbDir = tempDir('bulletin-e2e-');
  const db = path.join(dbDir, 'bulletin.db');
  for (const args of [
    ['series', 'add', '--name', '城关县政务信息'],
    ['article', 'add', '--title', PLAIN, '--body', '今年以来，城关镇投入1.5亿元改造老旧小区。'],
    ['article', 'add', '--title', SECRET, '--body', '不得公开的内容。', '--classification', 'classified'],
    ['issue', 'create', '--series', '城关县政务信息', '--date', '2026-11-21'],
  ]) {
    const r = await cli(db, ...args);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  web = await startWeb(db);
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, web.url));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  if (dbDir) fs.rmSync(dbDir, { recursive: true, force: true });
});

const candidate = (title: string) => page.locator(tid('composer-candidate')).filter({ hasText: title });

describe('a 涉密 item and a 内部 series in the composer', () => {
  it('greys the item out with its reason, and its 加入 cannot be pressed', async () => {
    await page.click(tid('nav-issues'));
    await page.locator(tid('issue-row')).first().click();
    await expect.poll(() => candidate(SECRET).getAttribute('data-locked'), { timeout: 30_000 }).toBe('true');
    await expect
      .poll(() => candidate(SECRET).locator(tid('lock-reason')).innerText())
      .toBe('密级为“涉密”，高于《城关县政务信息》可刊印的最高密级“内部”；涉密信息只能编入允许涉密的刊物');
    expect(await candidate(SECRET).locator(tid('composer-add')).isDisabled()).toBe(true);
    expect(await candidate(PLAIN).getAttribute('data-locked')).toBe('false');
    await candidate(PLAIN).locator(tid('composer-add')).click();
    await expect.poll(() => page.locator(tid('issue-item')).count()).toBe(1);
    if (process.env.BULLETIN_SHOTS) await page.screenshot({ path: path.join(process.env.BULLETIN_SHOTS, 'composer-classification.png') });
  });

  it('the 设置 page shows the level; raising it to 涉密 lets the item in', async () => {
    await page.click(tid('nav-settings'));
    await expect.poll(() => page.locator(tid('series-level')).innerText()).toBe('最高密级：内部');
    await page.click(tid('series-edit'));
    await page.click(tid('series-max-classification'));
    await page.getByRole('option', { name: '涉密', exact: true }).click();
    await page.click(tid('series-save'));
    await expect.poll(() => page.locator(tid('series-level')).innerText(), { timeout: 30_000 }).toBe('最高密级：涉密');

    await page.click(tid('nav-issues'));
    await page.locator(tid('issue-row')).first().click();
    await expect.poll(() => candidate(SECRET).getAttribute('data-locked'), { timeout: 30_000 }).toBe('false');
    await candidate(SECRET).locator(tid('composer-add')).click();
    await expect.poll(() => page.locator(tid('issue-item')).count()).toBe(2);
    expect(errors).toEqual([]);
  });
});
