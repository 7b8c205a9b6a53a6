/**
 * The whole editorial flow as an information officer does it, in real Chromium against the real
 * `bulletin web` on a temporary database: units and items, an issue composed and reordered,
 * submitted and signed (the number shown is the number given), exported and read back, voided,
 * found in the archive — and the refusals shown in plain Chinese.
 */
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, startWeb, type WebServer } from './harness';

let web: WebServer;
let browser: Browser;
let page: Page;
let errors: string[];
let remote: string[];

beforeAll(async () => {
  web = await startWeb();
  browser = await launchBrowser();
  ({ page, errors, remote } = await openPage(browser, web.url));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

const tid = (id: string) => `[data-testid="${id}"]`;

async function choose(selectTestId: string, option: string): Promise<void> {
  await page.click(tid(selectTestId));
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function expectNotice(text: string | RegExp): Promise<void> {
  await expect.poll(async () => page.getByText(text).count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

const ITEMS = [
  { title: '城关镇推进老旧小区改造', unit: '城关镇', body: '今年以来，城关镇投入1.5亿元改造老旧小区36个。\n一、强化组织领导\n（一）成立工作专班\n镇里组织入户调查5200余户。' },
  { title: '县发改局通报前三季度经济运行', unit: '县发改局', body: '前三季度全县地区生产总值186.4亿元，同比增长5.8%。' },
  { title: '清河镇集体经济增收的困难和建议', unit: '清河镇', body: '一、存在的问题\n增收渠道单一。\n二、建议\n1.设立引导资金。' },
];

describe('the editorial workflow in the browser', () => {
  it('starts with empty states that say what to do first', async () => {
    // an empty database opens on the first-start set-up (test/e2e/first-start.test.ts); this walk sets up by hand
    await page.click(tid('setup-later'));
    await page.click(tid('nav-issues'));
    await expect.poll(() => page.locator(tid('empty-state')).first().innerText()).toMatch(/设置/);
  });

  it('sets up a series and three units', async () => {
    await page.click(tid('nav-settings'));
    await page.click(tid('series-add'));
    await page.fill(tid('series-name'), '城关县政务信息');
    await page.fill(tid('series-org'), '城关县人民政府办公室');
    await page.fill(tid('series-first-number'), '12');
    await page.fill(tid('series-first-total'), '2045');
    await page.click(tid('series-add-confirm'));
    await expect.poll(() => page.locator(tid('series-card')).count()).toBe(1);

    await page.click(tid('settings-tab-units'));
    for (const name of ['城关镇', '县发改局', '清河镇']) {
      await page.fill(tid('unit-name'), name);
      await page.click(tid('unit-add'));
      await expect.poll(() => page.locator(tid('unit-row')).filter({ hasText: name }).count()).toBe(1);
    }
  });

  it('writes three items with headings shown as such, saved with Ctrl+S', async () => {
    await page.click(tid('nav-articles'));
    for (const item of ITEMS) {
      await page.click(tid('new-article'));
      await page.fill(tid('article-title'), item.title);
      await page.fill(tid('article-body'), item.body);
      await choose('article-unit', item.unit);
      await page.keyboard.press('Control+s');
      await expect.poll(() => page.locator(tid('save-status')).innerText(), { timeout: 30_000 }).toMatch(/已保存|已自动保存/);
      if (item === ITEMS[0]) {
        const levels = await page.locator(tid('body-line')).evaluateAll((els) => els.map((e) => e.getAttribute('data-level')));
        expect(levels).toEqual(['0', '1', '2', '0']);
        await expect.poll(() => page.locator(tid('char-count')).innerText()).toMatch(/\d+/);
      }
      await page.click(tid('editor-back'));
    }
    await expect.poll(() => page.locator(tid('article-row')).count()).toBe(3);
  });

  it('composes an issue, reorders it, and refuses to sign an empty one with a clear message', async () => {
    await page.click(tid('nav-issues'));
    // an empty draft cannot go for review: the API's reason is shown
    await page.click(tid('new-issue'));
    await page.fill(tid('new-issue-date'), '2026-11-21');
    await page.click(tid('new-issue-confirm'));
    await page.click(tid('issue-submit'));
    await expectNotice(/还没有编入任何信息/);
    await page.click(tid('issue-delete'));
    await page.click(tid('confirm-delete-issue'));
    await expect.poll(() => page.locator(tid('issue-row')).count()).toBe(0);

    await page.click(tid('new-issue'));
    await page.fill(tid('new-issue-date'), '2026-11-21');
    await page.click(tid('new-issue-confirm'));
    for (const item of ITEMS) {
      await page.locator(tid('composer-candidate')).filter({ hasText: item.title }).locator(tid('composer-add')).click();
      await expect.poll(() => page.locator(tid('issue-item')).filter({ hasText: item.title }).count()).toBe(1);
    }
    // the third item moves to the top
    await page.locator(tid('issue-item')).nth(2).locator(tid('move-up')).click();
    await expect.poll(() => page.locator(tid('issue-item-title')).allInnerTexts()).toEqual([ITEMS[0]!.title, ITEMS[2]!.title, ITEMS[1]!.title]);
    await page.locator(tid('issue-item')).nth(1).locator(tid('move-up')).click();
    await expect.poll(() => page.locator(tid('issue-item-title')).allInnerTexts()).toEqual([ITEMS[2]!.title, ITEMS[0]!.title, ITEMS[1]!.title]);
    await expect.poll(() => page.locator(tid('preview-stamp')).innerText()).toContain('送审稿');
  });

  it('submits, signs with the number the dialog named, and exports the Word file', async () => {
    await page.click(tid('issue-submit'));
    await expect.poll(() => page.locator(tid('issue-status')).getAttribute('data-status')).toBe('review');
    await page.click(tid('issue-sign'));
    // the dialog names the number before signing; the API then gives exactly that number
    await expect.poll(() => page.locator(tid('next-number')).innerText()).toMatch(/2026年第12期（总第2045期）/);
    await page.fill(tid('sign-signer'), '张某某');
    await page.click(tid('sign-confirm'));
    await expectNotice('已签发：2026年第12期');
    await expect.poll(() => page.locator(tid('issue-status')).getAttribute('data-status')).toBe('signed');
    await expect.poll(() => page.locator(tid('issue-title')).innerText()).toContain('第12期');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('issue-export'))]);
    expect(download.suggestedFilename()).toBe('城关县政务信息2026年第12期.docx');
    const file = path.join(web.dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = (await mammoth.extractRawText({ path: file })).value;
    expect(text).toContain('城关县政务信息');
    expect(text).toContain('第12期');
    const order = ITEMS.map((i) => i.title).map((t) => text.lastIndexOf(t));
    expect(order[2]).toBeLessThan(order[0]!);
    expect(order[0]).toBeLessThan(order[1]!);
    expect(fs.statSync(file).size).toBeGreaterThan(5000);
  });

  it('refuses to edit an item printed in the signed issue, saying why', async () => {
    await page.click(tid('nav-articles'));
    await page.locator(tid('article-row')).filter({ hasText: ITEMS[0]!.title }).click();
    await expect.poll(() => page.locator(tid('article-locked')).innerText()).toMatch(/已签发|不能修改/);
    expect(await page.locator(tid('article-title')).isEditable()).toBe(false);
    await page.click(tid('editor-back'));
  });

  it('voids the issue with a reason and finds it in the archive', async () => {
    await page.click(tid('nav-issues'));
    await page.locator(tid('issue-row')).first().click();
    await page.click(tid('issue-void'));
    await page.fill(tid('void-reason'), '数据有误，重新印发');
    await page.click(tid('void-understood'));
    await page.click(tid('void-confirm'));
    await expect.poll(() => page.locator(tid('issue-status')).getAttribute('data-status')).toBe('voided');
    await expect.poll(() => page.locator(tid('void-reason-text')).innerText()).toContain('数据有误');

    await page.click(tid('nav-archive'));
    const row = page.locator(tid('archive-row')).first();
    await expect.poll(() => row.innerText()).toMatch(/第12期/);
    await expect.poll(() => row.innerText()).toMatch(/作废/);
  });

  it('loaded nothing from outside this PC and logged no errors', () => {
    expect(remote).toEqual([]);
    expect(errors).toEqual([]);
  });
});
