/**
 * 导出全年 in Chromium against a real `bulletin web`: the 归档 page's button exports the demo's
 * year (result with the count and the folder, files on disk); a big year shows its progress
 * (files done of all) and stops on 停止, leaving only complete files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDemo } from '../../src-main/demo/run';
import { openDatabase } from '../../src-main/store/db';
import { addBigYear } from '../helpers/big-year';
import { tempDir } from '../helpers/db';
import { launchBrowser, openPage, startWeb, type WebServer } from './harness';

let web: WebServer;
let browser: Browser;
let page: Page;
let errors: string[];
let demoDir: string;
const BIG = 600;

beforeAll(async () => {
  demoDir = tempDir('bulletin-e2e-year-');
  const demo = await runDemo(demoDir);
  // A big year (2027), enough to watch and stop.
  const db = openDatabase(demo.database);
  addBigYear(db, { seriesId: 1, year: 2027, count: BIG, fileBytes: 128 * 1024, firstTotal: 5000 });
  db.close();
  web = await startWeb(demo.database);
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, web.url));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  if (demoDir) fs.rmSync(demoDir, { recursive: true, force: true });
});

const tid = (id: string) => `[data-testid="${id}"]`;

it('exports a year from the 归档 page, then shows a big year’s progress and stops it on 停止', async () => {
  const out2026 = path.join(demoDir, 'U盘2026');
  const out2027 = path.join(demoDir, 'U盘2027');
  const outStopped = path.join(demoDir, 'U盘2027停止');
  for (const d of [out2026, out2027, outStopped]) fs.mkdirSync(d);

  await page.click(tid('nav-archive'));
  // The page lists every archived issue (hundreds of rows take a while in a busy headless Chromium).
  await page.locator(tid('archive-row')).first().waitFor({ timeout: 120_000 });
  await page.locator(tid('archive-export-year')).click();
  await page.locator(tid('year-export-dialog')).waitFor();
  await page.locator(tid('year-export-year')).fill('2026');
  await page.locator(tid('year-export-out')).fill(out2026);
  await page.click(tid('year-export-confirm'));
  await page.locator(tid('year-export-result')).waitFor();
  const done = await page.locator(tid('year-export-result')).innerText();
  expect(done).toContain('已导出《清源县政务信息》2026年全年');
  expect(done).toContain(out2026);
  expect(done).toContain('导出存档原件 1 个');
  expect(fs.readdirSync(out2026).sort()).toEqual(['SHA256SUMS', '清源县政务信息2026年刊物目录.xlsx', '清源县政务信息2026年第41期.docx']);
  await page.screenshot({ path: path.join(demoDir, 'year-export-done.png') });
  await page.click(tid('year-export-done'));

  // A big year: real progress, files done of all (BIG issues + the register + SHA256SUMS).
  await page.locator(tid('archive-export-year')).click();
  await page.locator(tid('year-export-year')).fill('2027');
  await page.locator(tid('year-export-out')).fill(out2027);
  await page.click(tid('year-export-confirm'));
  const bar = page.locator(tid('year-export-progress'));
  await expect.poll(async () => Number(await bar.getAttribute('data-done')), { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
  expect(await bar.innerText()).toMatch(new RegExp(`已完成 \\d+ / ${BIG + 2}`));
  const all = page.locator(tid('year-export-result'));
  await all.waitFor({ timeout: 60_000 });
  expect(await all.getAttribute('data-stopped')).toBe('false');
  expect(await all.innerText()).toContain(`导出存档原件 ${BIG} 个`);
  expect(fs.readdirSync(out2027)).toHaveLength(BIG + 2);
  await page.click(tid('year-export-done'));

  // The same year again, stopped at once: only complete files, no register, no sums.
  await page.locator(tid('archive-export-year')).click();
  await page.locator(tid('year-export-year')).fill('2027');
  await page.locator(tid('year-export-out')).fill(outStopped);
  // 停止 pressed as soon as it shows, from inside the page: a click driven from outside can take
  // longer than the whole export on a busy machine.
  await page.evaluate(async () => {
    (document.querySelector('[data-testid="year-export-confirm"]') as HTMLElement).click();
    for (let i = 0; i < 2000; i++) {
      const stop = document.querySelector<HTMLElement>('[data-testid="year-export-stop"]');
      if (stop) return stop.click();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('no 停止 button');
  });
  const result = page.locator(tid('year-export-result'));
  await result.waitFor({ timeout: 60_000 });
  expect(await result.getAttribute('data-stopped')).toBe('true');
  expect(await result.innerText()).toContain('已停止导出');
  await page.screenshot({ path: path.join(demoDir, 'year-export-stopped.png') });
  const left = fs.readdirSync(outStopped);
  expect(left.length).toBeLessThan(BIG);
  expect(left.every((f) => /^清源县政务信息2027年第\d+期\.docx$/.test(f)), left.filter((f) => !f.endsWith('期.docx')).join(', ')).toBe(true);
  for (const f of left) expect(fs.readFileSync(path.join(outStopped, f)).equals(fs.readFileSync(path.join(out2027, f)))).toBe(true);
  expect(errors).toEqual([]);
}, 180_000);
