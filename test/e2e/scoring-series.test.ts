/**
 * Scoring per series and 未填单位 in Chromium against a real `bulletin web` on the demo county:
 * the series dialog sets the rule its items score under, the composer's 简讯 box marks an item
 * of a draft issue, and the 统计 page shows a draft without a unit as a row of its own.
 */
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
}, 60_000);

afterAll(async () => {
  await session?.stop();
});

const tid = (id: string) => `[data-testid="${id}"]`;

it('sets the series scoring rule in the series dialog', async () => {
  await page.locator(tid('nav-settings')).click();
  await page.locator(tid('series-edit')).first().click();
  await page.locator(tid('series-score-rule')).click();
  await page.getByRole('option', { name: /每日要情/ }).click();
  await page.locator(tid('series-save')).click();
  await expect
    .poll(async () => ((await cli(web.dbFile, '--json', 'series', 'list')).json() as { scoreRule: string }[])[0]?.scoreRule, { timeout: 5_000 })
    .toBe('daily');
  expect(errors).toEqual([]);
});

it('marks an item of a draft issue as 简讯 in the composer', async () => {
  const item = (await cli(web.dbFile, '--json', 'article', 'add', '--title', '清源县一条简讯', '--body', '正文。')).json() as { id: number };
  const issue = (await cli(web.dbFile, '--json', 'issue', 'create', '--series', '1')).json() as { id: number };
  expect((await cli(web.dbFile, 'issue', 'add', String(issue.id), String(item.id))).code).toBe(0);
  await page.locator(tid('nav-issues')).click();
  await page.locator(`${tid('issue-row')}[data-id="${issue.id}"]`).click();
  const box = page.locator(`${tid('issue-item')}[data-id="${item.id}"] ${tid('item-brief')}`);
  // the box shows what the API answered, so it turns on once the call returns
  await box.click();
  await expect.poll(() => box.isChecked(), { timeout: 5_000 }).toBe(true);
  await expect
    .poll(async () => ((await cli(web.dbFile, '--json', 'issue', 'show', String(issue.id))).json() as { articles: { brief: boolean }[] }).articles[0]?.brief, {
      timeout: 5_000,
    })
    .toBe(true);
  if (process.env.BULLETIN_LOOK) await page.screenshot({ path: `${process.env.BULLETIN_LOOK}-composer.png` });
  expect(errors).toEqual([]);
});

it('shows drafts without a unit as the 未填单位 row, unranked, and the totals as the sum of the rows', async () => {
  // the item above has no unit and was typed in today: it counts for 未填单位 this quarter
  await page.locator(tid('nav-stats')).click();
  await page.locator(tid('score-table')).waitFor({ timeout: 10_000 });
  const row = page.locator(`${tid('score-row')}[data-no-unit="true"]`);
  await expect.poll(() => row.count(), { timeout: 5_000 }).toBe(1);
  expect((await row.innerText()).split(/\s+/).slice(0, 3)).toEqual(['—', '未填单位', '1']);
  const sent = await page.locator(tid('score-row')).evaluateAll((rows) => rows.reduce((n, r) => n + Number(r.querySelectorAll('td')[2]?.textContent ?? 0), 0));
  const totals = (await page.locator(tid('score-totals')).innerText()).split(/\s+/);
  expect(Number(totals[totals.findIndex((x) => x.endsWith('）')) + 1])).toBe(sent);
  expect(await page.locator(tid('score-summary')).innerText()).toContain(`${sent} 篇`);
  if (process.env.BULLETIN_LOOK) await page.screenshot({ path: `${process.env.BULLETIN_LOOK}-stats.png`, fullPage: true });
  expect(errors).toEqual([]);
});
