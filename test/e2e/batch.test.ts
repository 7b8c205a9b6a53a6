/**
 * Batch actions and export on the 来稿 table (issue 15), in Chromium against a real `bulletin
 * web`: 500 drafts without a unit, sorted and filtered; 20 ticked with Shift and their unit set
 * in one action, then their category (分类); a batch that may not run (one of the 20 was already 上报) refused with the
 * reason and the register unchanged; the list as shown exported to Excel and read back.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoSession, type DemoSession } from './harness';

let session: DemoSession;
let page: Page;
let errors: string[];
let file: string;

const tid = (id: string) => `[data-testid="${id}"]`;

function read<T>(query: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The register and the log, as rows: "nothing changed" is these being equal. */
const register = () => JSON.stringify([read('SELECT id, unit_id, state, state_reason, updated_at FROM submissions ORDER BY id'), read('SELECT count(*) AS n FROM audit_log')]);

beforeAll(async () => {
  session = await demoSession();
  ({ page, errors } = session);
  file = session.web.dbFile;
  const db = new Database(file);
  try {
    const insert = db.prepare(
      `INSERT INTO submissions (unit_id, received_date, title, paragraphs, original_format, state, state_reason, created_at, updated_at)
       VALUES (NULL, ?, ?, '[{"level":0,"text":"正文。"}]', 'typed', ?, ?, '2026-11-01T08:00:00.000Z', '2026-11-01T08:00:00.000Z')`,
    );
    db.transaction(() => {
      for (let i = 0; i < 500; i++) {
        // the first in title order was already forwarded: it may not be deleted
        insert.run(`2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, `待办来稿${String(i).padStart(3, '0')}号`, i === 0 ? 'forwarded' : 'received', i === 0 ? '已转报市政府办' : null);
      }
    })();
  } finally {
    db.close();
  }
}, 120_000);

afterAll(async () => {
  await session?.stop();
});

const total = () => page.locator(tid('intake-table-total')).innerText();
const titles = () => page.locator(tid('intake-row')).evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[3]!.textContent ?? ''));

it('sorts and filters 500 drafts, ticks 20 with Shift, refuses a batch that may not run and changes nothing', async () => {
  await page.locator(tid('nav-intake')).click();
  await page.locator(tid('intake-filter-text')).fill('待办来稿');
  await expect.poll(total, { timeout: 30_000 }).toMatch(/^共 500 条/);
  await page.locator(tid('th-title')).click();
  await expect.poll(async () => (await titles())[0], { timeout: 15_000 }).toBe('待办来稿000号');

  const rows = page.locator(tid('intake-row'));
  await rows.nth(0).locator(tid('row-check')).click();
  await rows.nth(19).locator(tid('row-check')).click({ modifiers: ['Shift'] });
  await expect.poll(() => page.locator(tid('intake-table-selected')).innerText()).toBe('已选 20 条');

  const before = register();
  await page.locator(tid('batch-menu')).click();
  await page.locator(tid('batch-action-delete')).click();
  await page.locator(tid('batch-confirm')).click();
  await expect.poll(() => page.locator(tid('batch-error')).innerText(), { timeout: 15_000 }).toContain('已上报');
  expect(await page.locator(tid('batch-error')).innerText()).toContain('没有任何改动');
  expect(register()).toBe(before);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator(tid('batch-dialog')).count()).toBe(0);
  expect(await page.locator(tid('intake-table-selected')).innerText()).toBe('已选 20 条');
  expect(errors).toEqual([]);
}, 120_000);

it('sets the unit of the 20 in one action', async () => {
  const unit = read<{ id: number; name: string }>('SELECT id, name FROM units WHERE active = 1 ORDER BY id LIMIT 1')[0]!;
  const logged = read<{ n: number }>('SELECT count(*) AS n FROM audit_log')[0]!.n;
  await page.locator(tid('batch-menu')).click();
  await page.locator(tid('batch-action-unit')).click();
  await page.locator(tid('batch-unit')).click();
  await page.locator(tid('batch-unit')).fill(unit.name);
  await page.getByRole('option', { name: new RegExp(`^${unit.name}`) }).first().click();
  await page.locator(tid('batch-confirm')).click();
  await expect.poll(() => page.locator(tid('batch-dialog')).count(), { timeout: 15_000 }).toBe(0);

  const set = read<{ title: string }>("SELECT title FROM submissions WHERE unit_id = ? AND title LIKE '待办来稿%' ORDER BY title", unit.id).map((r) => r.title);
  expect(set).toEqual(Array.from({ length: 20 }, (_, i) => `待办来稿${String(i).padStart(3, '0')}号`));
  expect(read<{ n: number }>("SELECT count(*) AS n FROM submissions WHERE unit_id IS NULL AND title LIKE '待办来稿%'")[0]!.n).toBe(480);
  // one action, one entry in the 操作日志
  expect(read<{ n: number }>('SELECT count(*) AS n FROM audit_log')[0]!.n).toBe(logged + 1);
  await expect.poll(async () => (await page.locator(tid('intake-row')).first().locator('td').nth(2).innerText()).trim()).toBe(unit.name);
  expect(errors).toEqual([]);
}, 120_000);

it('sets the category of the same 20 in one action, shown in the 分类 column (issue 15: a draft’s category)', async () => {
  // the last batch cleared the selection: tick the same 20 again
  const rows = page.locator(tid('intake-row'));
  await rows.nth(0).locator(tid('row-check')).click();
  await rows.nth(19).locator(tid('row-check')).click({ modifiers: ['Shift'] });
  await expect.poll(() => page.locator(tid('intake-table-selected')).innerText()).toBe('已选 20 条');
  await page.locator(tid('batch-menu')).click();
  await page.locator(tid('batch-action-category')).click();
  await page.locator(tid('batch-choice')).click();
  await page.getByRole('option', { name: '经验', exact: true }).click();
  await page.locator(tid('batch-confirm')).click();
  await expect.poll(() => page.locator(tid('batch-dialog')).count(), { timeout: 15_000 }).toBe(0);
  const set = read<{ title: string }>("SELECT title FROM submissions WHERE category = 'practice' AND title LIKE '待办来稿%' ORDER BY title").map((r) => r.title);
  expect(set).toEqual(Array.from({ length: 20 }, (_, i) => `待办来稿${String(i).padStart(3, '0')}号`));
  await expect.poll(async () => (await page.locator(tid('intake-row')).first().locator('td').nth(4).innerText()).trim()).toBe('经验');
  expect(errors).toEqual([]);
}, 120_000);

it('exports the list as shown to Excel, every row in its order', async () => {
  // the other way round, to see the sort travel with the export
  await page.locator(tid('th-title')).click();
  await expect.poll(async () => (await titles())[0], { timeout: 15_000 }).toBe('待办来稿499号');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('intake-export'))]);
  expect(download.suggestedFilename()).toMatch(/^来稿_\d{8}\.xlsx$/);
  const out = path.join(session.web.dir, download.suggestedFilename());
  await download.saveAs(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('来稿')!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  expect(rows[0]!.slice(0, 5)).toEqual(['编号', '收稿日期', '来稿单位', '标题', '分类']);
  expect(rows).toHaveLength(501);
  expect(rows.slice(1).map((r) => r[3])).toEqual(Array.from({ length: 500 }, (_, i) => `待办来稿${String(499 - i).padStart(3, '0')}号`));
  expect(rows[500]![4]).toBe('经验');
  expect(rows[500]![9]).toBe('已上报');
  expect(errors).toEqual([]);
}, 120_000);
