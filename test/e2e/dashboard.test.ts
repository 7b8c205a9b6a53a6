/**
 * 工作台 in Chromium against a real `bulletin web` on the demo county: the app opens on it, a
 * unit behind its target shows, an overdue commission leads to its record, and its notice is
 * exported and opens in LibreOffice (converted to PDF, read back with poppler).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from '../helpers/db';
import { loEnv } from '../helpers/lo-env';
import { demoSession, type DemoSession } from './harness';

const run = promisify(execFile);
let session: DemoSession;
let page: Page;
let errors: string[];
let out: string;

beforeAll(async () => {
  out = tempDir('bulletin-e2e-dashboard-');
  session = await demoSession();
  ({ page, errors } = session);
}, 300_000);

afterAll(async () => {
  await session?.stop();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const tid = (id: string) => `[data-testid="${id}"]`;

it('opens on the 工作台, follows an overdue commission to its record and exports its notice', async () => {
  await page.locator(tid('dashboard-page')).waitFor({ timeout: 60_000 });
  // the month in progress: a unit behind its target is an alert
  await expect.poll(() => page.locator(`${tid('dashboard-month')} ${tid('dashboard-line')}[data-tone="alert"]`).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  // an instruction past its deadline
  expect(await page.locator(`${tid('dashboard-instructions')} ${tid('dashboard-line')}[data-tone="alert"]`).innerText()).toContain('逾期');

  if (process.env.BULLETIN_LOOK) await page.screenshot({ path: `${process.env.BULLETIN_LOOK}-dashboard.png`, fullPage: true });
  const overdue = page.locator(`${tid('dashboard-commissions')} ${tid('dashboard-line')}[data-kind="commission"][data-tone="alert"]`).filter({ hasText: '秋冬季安全生产工作进展' });
  expect(await overdue.innerText()).toMatch(/已逾期 3 天；未报：清河镇、石桥镇/);
  await overdue.click();
  const dialog = page.locator(tid('commission-dialog'));
  await dialog.locator(tid('notice-requirements')).waitFor({ timeout: 30_000 });
  expect(await dialog.locator(tid('notice-requirements')).inputValue()).toContain('隐患排查整治');
  expect(await dialog.locator(`${tid('notice-unit')}[data-status="missing"]`).count()).toBe(2);

  if (process.env.BULLETIN_LOOK) await page.screenshot({ path: `${process.env.BULLETIN_LOOK}-commission.png` });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.locator(tid('notice-export')).click();
  const d = await download;
  const docx = path.join(out, d.suggestedFilename());
  await d.saveAs(docx);
  expect(path.basename(docx)).toBe('约稿通知（秋冬季安全生产工作进展）.docx');

  const profile = pathToFileURL(path.join(out, 'lo-profile')).href;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, docx], { env: loEnv(), timeout: 240_000 });
  const { stdout: text } = await run('pdftotext', [docx.replace(/\.docx$/, '.pdf'), '-']);
  const flat = text.replace(/\s+/g, '');
  expect(flat).toContain('约稿通知');
  expect(flat).toContain('清河镇、石桥镇、东城街道：');
  expect(flat).toContain('三、报送时限');
  expect(flat).toContain('清源县人民政府办公室');
  expect(errors).toEqual([]);
}, 400_000);
