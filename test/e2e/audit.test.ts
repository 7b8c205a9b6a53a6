/**
 * 操作日志 in Chromium against a real `bulletin web`: the window asks who is working, shows the
 * name, logs what that person does under it (a download of the archived Word file), and the
 * 操作日志 page lists entries and filters them by operator and object.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDemo } from '../../src-main/demo/run';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/db';
import { launchBrowser, openPage, startWeb, type WebServer } from './harness';

let web: WebServer;
let browser: Browser;
let page: Page;
let errors: string[];
let demoDir: string;

beforeAll(async () => {
  demoDir = tempDir('bulletin-e2e-audit-');
  const demo = await runDemo(demoDir);
  // A change made at the command line by someone else, before the window opens.
  const unit = await cli(demo.database, '--operator', '李四', 'unit', 'add', '--name', '河口乡');
  expect(unit.code, unit.stderr).toBe(0);
  web = await startWeb(demo.database);
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, web.url, { operator: null }));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  if (demoDir) fs.rmSync(demoDir, { recursive: true, force: true });
});

const tid = (id: string) => `[data-testid="${id}"]`;

it('asks who is working, then logs what they do under that name and filters the log by operator and object', async () => {
  // No name remembered yet: the window asks before anything else.
  await page.locator(tid('operator-name')).waitFor();
  await page.locator(tid('operator-name')).fill('王五');
  await page.click(tid('operator-save'));
  await expect.poll(() => page.locator(tid('operator-current')).innerText()).toContain('操作人：王五');
  expect(await page.evaluate(() => localStorage.getItem('bulletin.operator'))).toBe('王五');

  // Download the archived original of the demo's signed issue: an export, logged.
  await page.click(tid('nav-archive'));
  const row = page.locator(tid('archive-row')).first();
  await row.waitFor();
  const issueId = Number(await row.getAttribute('data-id'));
  const [download] = await Promise.all([page.waitForEvent('download'), row.locator(tid('archive-export')).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);

  await page.click(tid('nav-audit'));
  await page.locator(tid('audit-row')).first().waitFor();
  const total = await page.locator(tid('audit-total')).innerText();
  expect(Number(/共 (\d+) 条/.exec(total)?.[1])).toBeGreaterThan(5);
  // Newest first: the download, by 王五.
  const first = page.locator(tid('audit-row')).first();
  expect(await first.getAttribute('data-operation')).toBe('issueDocx');
  expect(await first.innerText()).toContain('王五');

  await page.locator(tid('audit-operator')).fill('李四');
  await expect.poll(() => page.locator(tid('audit-row')).count()).toBe(1);
  expect(await page.locator(tid('audit-row')).innerText()).toContain('新增来稿单位');
  expect(await page.locator(tid('audit-row')).innerText()).toContain('河口乡');

  await page.locator(tid('audit-operator')).fill('');
  await page.locator(tid('audit-object')).fill(`issue:${issueId}`);
  await expect.poll(async () => [...new Set(await page.locator(tid('audit-row')).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-object'))))]).toEqual([`issue:${issueId}`]);
  const ops = await page.locator(tid('audit-row')).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-operation')));
  expect(ops).toEqual(expect.arrayContaining(['issueDocx', 'issueSign', 'issueSubmit', 'issueCreate']));

  await page.screenshot({ path: path.join(demoDir, 'audit-page.png') });
  expect(errors).toEqual([]);
}, 120_000);
