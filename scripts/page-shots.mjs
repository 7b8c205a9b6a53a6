#!/usr/bin/env node
/**
 * Screenshots of every page of the desk, to look at as an office would (issue 15): the demo
 * county served by the real `bulletin web`, driven by Debian's Chromium (playwright-core), each
 * page at 1366×768 (the office laptop) and 1920×1080, plus an open item, an open issue, the
 * archive's issue and Ctrl+K. PNGs go to page-shots/ (git-ignored). Needs `npm run build` first.
 *
 *   node scripts/page-shots.mjs [--out page-shots] [--chromium /usr/bin/chromium]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'page-shots' }, chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } } });
const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });
const bin = path.resolve('bin', 'bulletin.cjs');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulletin-shots-'));

const demo = spawnSync(process.execPath, [bin, '--json', 'demo', '--out', tmp], { encoding: 'utf8' });
if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
const db = JSON.parse(demo.stdout).database;

const web = spawn(process.execPath, [bin, '--db', db, '--json', 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let text = '';
  web.stdout.on('data', (d) => {
    text += d;
    const line = text.split('\n').find((l) => l.trim().startsWith('{'));
    if (line) resolve(JSON.parse(line).url);
  });
  web.on('exit', (code) => reject(new Error(`bulletin web exited ${code}`)));
});

const PAGES = ['dashboard', 'intake', 'articles', 'issues', 'archive', 'packets', 'stats', 'audit', 'backups', 'settings'];
const tid = (id) => `[data-testid="${id}"]`;
const browser = await chromium.launch({ executablePath: values.chromium, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ]) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, locale: 'zh-CN' });
    // runs in the page, where localStorage is
    await context.addInitScript(() => globalThis.localStorage.setItem('bulletin.operator', '王某某'));
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(tid('nav-audit'), { timeout: 60_000 });
    const shot = async (name) => {
      await page.waitForTimeout(700);
      await page.screenshot({ path: path.join(out, `${name}-${w}x${h}.png`) });
      console.log(`${name}-${w}x${h}.png`);
    };
    for (const name of PAGES) {
      await page.click(tid(`nav-${name}`));
      await shot(name);
      const row = { articles: 'article-row', issues: 'issue-row', archive: 'archive-row', intake: 'intake-row' }[name];
      if (row && (await page.locator(tid(row)).count())) {
        await page.locator(tid(row)).first().click();
        await shot(`${name}-open`);
        await page.keyboard.press('Escape');
      }
      // an item printed in the signed demo issue: frozen, its fields read-only
      if (name === 'articles') {
        await page.click(tid('nav-articles'));
        await page.locator(tid('article-row')).nth(1).click();
        await shot('articles-frozen');
      }
    }
    await page.click(tid('nav-intake'));
    await page.keyboard.press('Control+K');
    await page.locator(tid('search-input')).fill('城关镇');
    await shot('search');
    await context.close();
  }
} finally {
  await browser.close();
  web.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
