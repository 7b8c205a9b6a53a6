/**
 * The 来稿 register as a table (issues 14 and 15) in Chromium against a real `bulletin web`:
 * 500 more drafts in the demo county; the total shows; a header click sorts on the server
 * (升序, then 降序); the title filter narrows the list and the total follows; scrolling to the
 * end fetches the further pages; Shift-click ticks a range of rows.
 */
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoSession, type DemoSession } from './harness';

let session: DemoSession;
let page: Page;
let errors: string[];
let file: string;

const tid = (id: string) => `[data-testid="${id}"]`;

/** What the register holds, read straight from the file. */
function sql<T>(query: string, ...params: unknown[]): T {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(query).get(...params) as T;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  session = await demoSession();
  ({ page, errors } = session);
  file = session.web.dbFile;
  // 500 drafts written as a week of imports would leave them (the register's own columns)
  const db = new Database(file);
  try {
    const units = (db.prepare('SELECT id FROM units ORDER BY id LIMIT 3').all() as { id: number }[]).map((u) => u.id);
    const insert = db.prepare(
      `INSERT INTO submissions (unit_id, received_date, title, paragraphs, original_format, created_at, updated_at)
       VALUES (?, ?, ?, '[{"level":0,"text":"正文。"}]', 'typed', '2026-11-01T08:00:00.000Z', '2026-11-01T08:00:00.000Z')`,
    );
    db.transaction(() => {
      for (let i = 0; i < 500; i++) {
        insert.run(i % 5 === 0 ? null : units[i % 3], `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, `批量来稿${String((i * 7919) % 1000).padStart(3, '0')}号`);
      }
    })();
  } finally {
    db.close();
  }
}, 120_000);

afterAll(async () => {
  await session?.stop();
});

const firstTitle = () => page.locator(tid('intake-row')).first().locator('td').nth(3).innerText();
const total = () => page.locator(tid('intake-table-total')).innerText();

it('shows the total, sorts by a header click both ways, and filters with the total following', async () => {
  const all = sql<{ n: number }>('SELECT count(*) AS n FROM submissions').n;
  expect(all).toBeGreaterThanOrEqual(500);
  await page.locator(tid('nav-intake')).click();
  await expect.poll(total, { timeout: 30_000 }).toMatch(new RegExp(`^共 ${all} 条`));

  await page.locator(tid('th-title')).click();
  const lowest = sql<{ title: string }>('SELECT title FROM submissions ORDER BY title, id LIMIT 1').title;
  await expect.poll(firstTitle, { timeout: 15_000 }).toBe(lowest);
  expect(await page.locator(tid('th-title')).getAttribute('aria-sort')).toBe('ascending');

  await page.locator(tid('th-title')).click();
  const highest = sql<{ title: string }>('SELECT title FROM submissions ORDER BY title DESC, id DESC LIMIT 1').title;
  await expect.poll(firstTitle, { timeout: 15_000 }).toBe(highest);
  expect(await page.locator(tid('th-title')).getAttribute('aria-sort')).toBe('descending');

  // the filter narrows on the server; the total is what matches, the order stays
  await page.locator(tid('intake-filter-text')).fill('批量来稿1');
  const matching = sql<{ n: number }>("SELECT count(*) AS n FROM submissions WHERE instr(title, '批量来稿1') > 0").n;
  await expect.poll(total, { timeout: 15_000 }).toMatch(new RegExp(`^共 ${matching} 条`));
  const topMatch = sql<{ title: string }>("SELECT title FROM submissions WHERE instr(title, '批量来稿1') > 0 ORDER BY title DESC, id DESC LIMIT 1").title;
  await expect.poll(firstTitle).toBe(topMatch);
  const shown = await page.locator(tid('intake-row')).evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[3]!.textContent ?? ''));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.every((t) => t.includes('批量来稿1'))).toBe(true);

  // by unit, on the column's header: drafts with no unit come first going up
  await page.locator(tid('intake-filter-text')).fill('');
  await page.locator(tid('th-unit')).click();
  await expect.poll(() => page.locator(tid('intake-row')).first().locator('td').nth(2).innerText(), { timeout: 15_000 }).toBe('未填单位');
  expect(errors).toEqual([]);
}, 120_000);

it('fetches the further pages as the list scrolls to its end, and Shift-click ticks a range', async () => {
  const all = sql<{ n: number }>('SELECT count(*) AS n FROM submissions').n;
  await expect.poll(total, { timeout: 15_000 }).toMatch(/已载入 100 条/);
  await page.locator('[role="grid"]').focus();
  // each End reaches the last row loaded, which asks for the next page
  await expect
    .poll(
      async () => {
        await page.keyboard.press('End');
        return total();
      },
      { timeout: 60_000, interval: 300 },
    )
    .toBe(`共 ${all} 条`);

  await page.keyboard.press('Home');
  const rows = page.locator(tid('intake-row'));
  await rows.nth(1).locator(tid('row-check')).click();
  await rows.nth(5).locator(tid('row-check')).click({ modifiers: ['Shift'] });
  await expect.poll(() => page.locator(tid('intake-table-selected')).innerText()).toBe('已选 5 条');
  expect(await page.locator(`${tid('intake-row')}[data-selected="true"]`).count()).toBe(5);
  expect(errors).toEqual([]);
}, 120_000);
