/**
 * The desk's Chinese conventions, in Chromium against a real `bulletin web` on the demo county:
 * a date picked on the Chinese calendar and shown as 2026年12月15日; 白沙 + Enter in a unit box
 * picks 白沙镇; 登记来稿 shows one message under each field at fault, gone once it is fixed; a
 * draft about 问题和建议 becomes a 问题建议 item, one whose wording says nothing asks first.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { demoSession, type DemoSession } from './harness';

let session: DemoSession;
let page: Page;
const shots = process.env.BULLETIN_SHOTS;

beforeAll(async () => {
  session = await demoSession();
  page = session.page;
}, 300_000);

afterAll(async () => {
  await session?.stop();
});

const tid = (id: string) => `[data-testid="${id}"]`;
const shot = async (name: string) => {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
};

it('picks a date on a Chinese calendar and shows it the Chinese way', async () => {
  await page.locator(tid('nav-issues')).click();
  await page.locator(tid('new-issue')).click();
  const input = page.locator(tid('new-issue-date'));
  await expect.poll(() => input.inputValue()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  await input.fill('2026-12-04');
  await expect.poll(() => input.inputValue()).toBe('2026-12-04');
  await input.blur();
  await expect.poll(() => input.inputValue()).toBe('2026年12月4日');

  await input.click();
  const header = page.locator('.mantine-DateInput-calendarHeaderLevel');
  await expect.poll(() => header.innerText()).toBe('2026年12月');
  // Weeks start on Monday, with the days named in Chinese.
  expect(await page.locator('.mantine-DateInput-weekday').allInnerTexts()).toEqual(['一', '二', '三', '四', '五', '六', '日']);
  await page.locator('.mantine-DateInput-calendarHeaderControl[data-direction="next"]').click();
  await expect.poll(() => header.innerText()).toBe('2027年1月');
  await page.locator('.mantine-DateInput-day:not([data-outside])', { hasText: /^15$/ }).click();
  await expect.poll(() => input.inputValue()).toBe('2027年1月15日');
  await shot('date-picker');
  await page.locator(tid('new-issue-confirm')).click();
  await expect.poll(() => page.locator(tid('issue-date')).inputValue(), { timeout: 30_000 }).toBe('2027年1月15日');
  const issues = (await cli(session.web.dbFile, '--json', 'issue', 'list')).json() as { date: string }[];
  expect(issues.map((i) => i.date)).toContain('2027-01-15');
});

it('picks 白沙镇 when 白沙 is typed and Enter pressed, and finds a unit by its alias', async () => {
  await page.locator(tid('nav-articles')).click();
  await page.keyboard.press('Control+n');
  const unit = page.locator(tid('article-unit'));
  await unit.click();
  await unit.pressSequentially('白沙');
  await page.keyboard.press('Enter');
  await expect.poll(() => unit.inputValue()).toBe('白沙镇');
  // 县发改局 is the short name of 县发展和改革局 in the demo county.
  await unit.click();
  await unit.fill('');
  await unit.pressSequentially('发改');
  await page.keyboard.press('Enter');
  await expect.poll(() => unit.inputValue()).toMatch(/^县发/);
});

it('shows one message under each field at fault in 登记来稿, and clears it when fixed', async () => {
  await page.locator(tid('nav-intake')).click();
  await page.locator(tid('intake-new')).click();
  await page.locator(tid('add-body')).fill('一、存在的问题\n便民服务站人手不足。\n二、建议\n由镇统筹安排专人值守。');
  const date = page.locator(tid('add-date'));
  // An empty date: one message, not three.
  await date.fill('');
  await date.blur();
  await page.locator(tid('add-confirm')).click();
  const errors = page.locator('.mantine-InputWrapper-error');
  await expect.poll(() => errors.allInnerTexts()).toEqual(['标题不能为空', '请填写收稿日期']);
  expect(await page.locator(tid('add-error')).count()).toBe(0);
  await shot('intake-add-errors');
  await page.locator(tid('add-title')).fill('白沙镇便民服务站建设中的问题和建议');
  await expect.poll(() => errors.allInnerTexts()).toEqual(['请填写收稿日期']);
  await date.fill('2026年12月4日');
  await expect.poll(() => errors.allInnerTexts()).toEqual([]);
  await page.locator(tid('add-confirm')).click();
  const row = page.locator(tid('intake-row')).filter({ hasText: '白沙镇便民服务站建设中的问题和建议' });
  await row.waitFor({ timeout: 30_000 });

  // Its wording speaks of 问题 and 建议: the item is filed under 问题建议 without asking.
  await row.locator(tid('submission-edit')).click();
  await page.locator(tid('article-editor')).waitFor({ timeout: 30_000 });
  await expect.poll(() => page.locator(tid('article-category')).inputValue()).toBe('问题建议');
});

it('asks for the category when the wording of a draft does not make it clear', async () => {
  await page.locator(tid('nav-intake')).click();
  await page.locator(tid('intake-new')).click();
  await page.locator(tid('add-title')).fill('白沙镇举办农民丰收节');
  await page.locator(tid('add-body')).fill('12月3日，白沙镇举办农民丰收节，展销农产品40余种。');
  await page.locator(tid('add-confirm')).click();
  const row = page.locator(tid('intake-row')).filter({ hasText: '白沙镇举办农民丰收节' });
  await row.waitFor({ timeout: 30_000 });
  await row.locator(tid('submission-edit')).click();
  await page.locator(tid('category-pick-research')).click();
  await page.locator(tid('article-editor')).waitFor({ timeout: 30_000 });
  await expect.poll(() => page.locator(tid('article-category')).inputValue()).toBe('调研');
  expect(session.errors).toEqual([]);
});
