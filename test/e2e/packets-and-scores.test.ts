/**
 * 上报 and 统计 in Chromium against a real `bulletin web` on the demo county: fill in the sender,
 * export the signed issue and one item to a folder, verify the packet from the dialog, see it in
 * the register and 已上报 on the items; then the period's ranked table and the circular's files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/db';
import { demoSession, type DemoSession, type WebServer } from './harness';

let session: DemoSession;
let web: WebServer;
let page: Page;
let errors: string[];
let usb: string;

beforeAll(async () => {
  usb = tempDir('bulletin-e2e-usb-');
  session = await demoSession();
  ({ web, page, errors } = session);
}, 300_000);

afterAll(async () => {
  await session?.stop();
  if (usb) fs.rmSync(usb, { recursive: true, force: true });
});

const tid = (id: string) => `[data-testid="${id}"]`;

it('exports a packet from the 上报 page, verifies it, registers it and marks the items 已上报', async () => {
  await page.locator(tid('nav-packets')).click();
  await page.locator(tid('sender-missing')).waitFor();
  await page.locator(tid('sender-edit')).first().click();
  await page.locator(tid('sender-office')).fill('清源县人民政府办公室');
  await page.locator(tid('sender-short-name')).fill('清源县政府办');
  await page.locator(tid('sender-contact')).fill('王某某');
  await page.locator(tid('sender-phone')).fill('0000-1234567');
  await page.locator(tid('sender-save')).click();
  await page.locator(tid('sender-card')).waitFor();

  await page.locator(tid('packet-export-open')).click();
  await page.locator(tid('packet-export-dialog')).waitFor();
  await page.locator(`${tid('packet-issue')}[data-id="1"] ${tid('packet-issue-check')}`).check();
  await page.locator(tid('packet-tab-articles')).click();
  await page.locator(`${tid('packet-article')}[data-id="6"] ${tid('packet-article-check')}`).check();
  await page.locator(tid('packet-out')).fill(usb);
  await page.locator(tid('packet-export-confirm')).click();
  await page.locator(tid('packet-export-result')).waitFor({ timeout: 30_000 });
  const zips = fs.readdirSync(usb).filter((f) => f.endsWith('.zip'));
  expect(zips).toHaveLength(1);
  expect(zips[0]).toMatch(/^清源县政府办_政务信息_2026第41期_信息1条_\d{8}\.zip$/);

  await page.locator(tid('packet-result-verify')).click();
  const report = page.locator(tid('packet-verify-result'));
  await report.waitFor({ timeout: 30_000 });
  expect(await report.getAttribute('data-ok')).toBe('true');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator(tid('packet-row')).count(), { timeout: 30_000 }).toBe(1);

  // the same file passes the command-line check the city side runs
  const verified = await cli(web.dbFile, 'packet', 'verify', path.join(usb, zips[0]!));
  expect(verified.code, verified.stdout + verified.stderr).toBe(0);

  await page.locator(tid('nav-articles')).click();
  for (const id of [1, 6]) {
    await expect.poll(() => page.locator(`${tid('article-row')}[data-id="${id}"]`).innerText(), { timeout: 30_000 }).toContain('已上报');
  }
  expect(errors).toEqual([]);
});

it('shows the ranked scores for a period on the 统计 page', async () => {
  await cli(web.dbFile, 'adoption', 'add', '--article', '1', '--publication', '政务信息快报', '--level', 'city', '--kind', 'single');
  await page.locator(tid('nav-stats')).click();
  await page.locator(tid('score-table')).waitFor({ timeout: 30_000 });
  await page.locator(tid('period-kind')).waitFor();
  const first = page.locator(tid('score-row')).first();
  await expect.poll(() => first.getAttribute('data-unit'), { timeout: 30_000 }).toBe('城关镇');
  expect(await first.innerText()).toContain('60');
  expect(errors).toEqual([]);
});
