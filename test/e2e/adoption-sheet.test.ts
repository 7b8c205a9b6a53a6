/**
 * The city's adoption list in Chromium against a real `bulletin web`: a county that sent items
 * upward uploads the list on the 统计 page, sees the proposals (confident ones ticked), corrects
 * one (a row whose date lowered its confidence is ticked by hand, another left out), records
 * them, and finds them in the unit's score ledger.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { CITY_ROWS, cityList, corpusCounty, type Corpus } from '../helpers/adoption-corpus';
import { launchBrowser, openPage, startWeb, type WebServer } from './harness';

let c: Corpus;
let web: WebServer;
let browser: Browser;
let page: Page;
let errors: string[];
let file: string;

/** Row 9 of the sheet (农村公路) says it was adopted before we sent it: shown, not ticked. */
const EARLY = 6;
const rows = CITY_ROWS.map((r, i) => (i === EARLY ? ([...r.slice(0, 4), '2026-11-03', ...r.slice(5)] as (typeof CITY_ROWS)[number]) : r));

beforeAll(async () => {
  c = await corpusCounty();
  file = path.join(c.t.dir, '11月采用情况.xlsx');
  await cityList(file, rows);
  c.t.db.close();
  web = await startWeb(c.t.file);
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, web.url));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  c?.t.close();
});

const tid = (id: string) => `[data-testid="${id}"]`;
const sheetRow = (n: number) => page.locator(`${tid('adoption-sheet-row')}[data-row="${n}"]`);

it('uploads the list, shows the proposals, takes a correction and records the ticked rows', async () => {
  await page.locator(tid('nav-stats')).click();
  await page.locator(tid('adoption-sheet-open')).click();
  await page.locator(tid('adoption-sheet-file')).setInputFiles(file);
  await expect.poll(() => page.locator(tid('adoption-sheet-row')).count(), { timeout: 60_000 }).toBe(30);
  expect(await page.locator(tid('adoption-sheet-summary')).innerText()).toContain('30 行');

  const ticked = () => page.locator(`${tid('adoption-sheet-row')}[data-ticked="yes"]`).count();
  // 26 of ours minus the early one are ticked; other counties' rows are not.
  expect(await ticked()).toBe(25);
  const early = sheetRow(EARLY + 3);
  expect(await early.getAttribute('data-ticked')).toBe('no');
  expect(await early.locator(tid('adoption-row-match')).inputValue()).toContain('加快推进农村公路建设');
  expect(await early.locator(tid('adoption-row-note')).innerText()).toContain('采用日期早于上报日期');
  expect(await sheetRow(29).getAttribute('data-ticked')).toBe('no');

  // The correction: the early row is the right item after all; row 3 is left out for now.
  await early.locator(tid('adoption-row-tick')).check();
  await expect.poll(() => early.getAttribute('data-ticked')).toBe('yes');
  await sheetRow(3).locator(tid('adoption-row-match')).click();
  await page.getByRole('option', { name: '不登记' }).click();
  await expect.poll(() => sheetRow(3).getAttribute('data-ticked')).toBe('no');
  expect(await ticked()).toBe(25);
  if (process.env.BULLETIN_LOOK) await page.screenshot({ path: `${process.env.BULLETIN_LOOK}-adoption-sheet.png` });

  await page.locator(tid('adoption-sheet-confirm')).click();
  await page.locator(tid('adoption-sheet-dialog')).waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
  await expect
    .poll(async () => ((await cli(web.dbFile, '--json', 'adoption', 'list', '--from', '2026-11-01', '--to', '2026-11-30')).json() as { source: string }[]).filter((a) => a.source === 'manual').length, {
      timeout: 30_000,
    })
    .toBe(25);
  const list = (await cli(web.dbFile, '--json', 'adoption', 'list', '--from', '2026-11-01', '--to', '2026-11-30')).json() as { articleId: number; date: string; source: string }[];
  expect(list.some((a) => a.articleId === c.ids[6] && a.date === '2026-11-03')).toBe(true);
  expect(list.some((a) => a.source === 'manual' && a.articleId === c.ids[0])).toBe(false);
  expect(errors).toEqual([]);
});

it('shows the recorded adoptions in the unit\'s ledger, and the list again as recorded', async () => {
  await page.locator(tid('period-kind')).getByText('年', { exact: true }).click();
  await page.locator(tid('period-year')).fill('2026');
  await page.locator(tid('period-year')).press('Tab');
  const row = page.locator(`${tid('score-row')}[data-unit="县交通运输局"]`);
  await row.click({ timeout: 30_000 });
  const ledger = page.locator(tid('score-ledger'));
  await expect.poll(() => ledger.innerText().catch(() => ''), { timeout: 30_000 }).toContain('县交通运输局加快推进农村公路建设');
  expect(await ledger.innerText()).toContain('市级');
  await page.keyboard.press('Escape');

  await page.locator(tid('adoption-sheet-open')).click();
  await page.locator(tid('adoption-sheet-file')).setInputFiles(file);
  await expect.poll(() => page.locator(tid('adoption-row-recorded')).count(), { timeout: 60_000 }).toBe(25);
  expect(await page.locator(`${tid('adoption-sheet-row')}[data-ticked="yes"]`).count()).toBe(1);
  expect(errors).toEqual([]);
});
