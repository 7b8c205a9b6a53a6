/** The search box answers as the user types: one- and two-character words, highlighted, opening the hit. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { demoSession, type DemoSession, type WebServer } from './harness';

let session: DemoSession;
let web: WebServer;
let page: Page;
let errors: string[];

beforeAll(async () => {
  session = await demoSession();
  ({ web, page, errors } = session);
}, 300_000);

afterAll(async () => {
  await session?.stop();
});

const tid = (id: string) => `[data-testid="${id}"]`;

it('finds words of one, two and four characters as they are typed, and opens the hit', async () => {
  await page.keyboard.press('Control+k');
  const input = page.locator(tid('search-input'));
  await input.pressSequentially('学位', { delay: 40 });
  await expect.poll(() => page.locator(tid('search-result')).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await page.locator(tid('search-result')).first().innerText()).toContain('义务教育');
  expect(await page.locator(tid('search-mark')).first().innerText()).toBe('学位');

  await input.fill('');
  await input.pressSequentially('镇', { delay: 40 });
  await expect.poll(() => page.locator(tid('search-result')).count(), { timeout: 30_000 }).toBeGreaterThan(2);

  await input.fill('');
  await input.pressSequentially('老旧小区', { delay: 40 });
  // The hits shown are those of the words typed (the last words' hits stay until the answer comes).
  await expect.poll(() => page.locator(`${tid('search-result')}[data-kind="article"]`).allInnerTexts(), { timeout: 30_000 }).toEqual([expect.stringContaining('老旧小区')]);
  const issueHit = page.locator(`${tid('search-result')}[data-kind="issue"]`);
  await expect.poll(() => issueHit.count()).toBe(1);
  expect(await issueHit.innerText()).toContain('第41期');

  // From the keyboard: down to the item's hit (the draft it was edited from is found too), Enter.
  const kinds = await page.locator(tid('search-result')).evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  for (let i = 0; i < kinds.indexOf('article'); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator(tid('article-title')).inputValue()).toContain('老旧小区');
  expect(errors).toEqual([]);
});

it('opens a draft found by search in the intake register (来稿)', async () => {
  // Registered through the real command on the same database while the app runs.
  const added = await cli(web.dbFile, '--json', 'submission', 'add', '--title', '关于蚕桑产业的情况报告', '--unit', '城关镇', '--body', '今年蚕桑产业产值增长。');
  expect(added.code, added.stderr).toBe(0);
  const id = (added.json() as { id: number }).id;

  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  const input = page.locator(tid('search-input'));
  await input.fill('');
  await input.pressSequentially('蚕桑', { delay: 40 });
  const hit = page.locator(`${tid('search-result')}[data-kind="submission"]`);
  await expect.poll(() => hit.count(), { timeout: 30_000 }).toBe(1);
  await hit.click();
  await expect.poll(() => page.locator(tid('submission-drawer')).count(), { timeout: 30_000 }).toBe(1);
  // The drawer opens at once and fills when the draft has been read: wait for its text.
  await expect.poll(() => page.locator(tid('submission-drawer')).innerText(), { timeout: 30_000 }).toContain('蚕桑产业');
  await expect.poll(() => page.locator(`${tid('intake-row')}[data-id="${id}"]`).count(), { timeout: 30_000 }).toBe(1);
  expect(errors).toEqual([]);
});

it('finds a commission by a word of its requirements, filters by kind, and opens it; an officer and an urgent event open too (issue 16)', async () => {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  const input = page.locator(tid('search-input'));
  await input.fill('');
  await input.pressSequentially('隐患排查', { delay: 40 });
  const hit = page.locator(`${tid('search-result')}[data-kind="commission"]`);
  await expect.poll(() => hit.count(), { timeout: 30_000 }).toBe(1);
  expect(await hit.innerText()).toContain('秋冬季安全生产工作进展');
  expect(await hit.innerText()).toContain('约稿');
  // the kind filter keeps the commissions only
  await page.locator(tid('search-kind')).getByText('约稿', { exact: true }).click();
  await expect.poll(() => page.locator(`${tid('search-result')}:not([data-kind="commission"])`).count(), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => hit.count(), { timeout: 30_000 }).toBe(1);
  await hit.click();
  const dialog = page.locator(tid('commission-dialog'));
  await dialog.locator(tid('notice-requirements')).waitFor({ timeout: 30_000 });
  expect(await dialog.locator(tid('notice-requirements')).inputValue()).toContain('隐患排查整治');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator(tid('commission-dialog')).count(), { timeout: 30_000 }).toBe(0);

  await page.keyboard.press('Control+k');
  await input.fill('');
  await input.pressSequentially('孙小兰', { delay: 40 });
  const officer = page.locator(`${tid('search-result')}[data-kind="liaison"]`);
  await expect.poll(() => officer.count(), { timeout: 30_000 }).toBe(1);
  await officer.click();
  await expect.poll(() => page.locator(tid('liaison-dialog-table')).innerText(), { timeout: 30_000 }).toContain('13800000003');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator(tid('liaison-dialog-table')).count(), { timeout: 30_000 }).toBe(0);

  await page.keyboard.press('Control+k');
  await input.fill('');
  await input.pressSequentially('山体落石', { delay: 40 });
  const urgent = page.locator(`${tid('search-result')}[data-kind="urgent"]`);
  await expect.poll(() => urgent.count(), { timeout: 30_000 }).toBe(1);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator(tid('urgent-row')).first().innerText(), { timeout: 30_000 }).toContain('山体落石');
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});
