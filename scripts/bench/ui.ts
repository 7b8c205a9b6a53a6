/**
 * The window while it works: 导入文件夹 of 200 drafts in Debian's Chromium against a real
 * `bulletin web`, with a 20 ms timer in the page measuring the longest time the page went without
 * running it (a frozen window shows as a long pause). A wall-clock figure, so it lives here and
 * not in `npm test`, where a busy machine would fail it for nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_UNITS } from '../../src-main/demo/county';
import { draftDocx } from './intake';
import { goal } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BIN = path.join('bin', 'bulletin.cjs');
const tid = (id: string) => `[data-testid="${id}"]`;

export function startWeb(db: string): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, '--db', db, '--json', 'web', '--port', '0', '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.trim().startsWith('{'));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, pid: child.pid, stop });
    });
    child.on('exit', (code) => reject(new Error(`bulletin web exited ${code}: ${err}`)));
  });
}

export async function benchUi(dir: string, quick: boolean): Promise<string[]> {
  if (!fs.existsSync(CHROMIUM)) return [`skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`];
  if (!fs.existsSync(path.join('dist', 'renderer', 'index.html')) || !fs.existsSync(path.join('dist', 'main', 'cli.cjs'))) {
    return ['skipped: the window is not built (run npm run build first)'];
  }
  const files = quick ? 40 : 200;
  const folder = path.join(dir, 'ui-usb', '来稿');
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 0; i < files; i++) {
    const unit = DEMO_UNITS[i % DEMO_UNITS.length]!;
    fs.writeFileSync(path.join(folder, `${unit}-工作动态${String(i + 1).padStart(3, '0')}.docx`), await draftDocx(20_000 + i));
  }

  // The office's units are on its list, as they are before anyone imports (else the window asks
  // whether to register the drafts without a unit, and the import waits for the answer).
  const db = path.join(dir, 'ui.db');
  for (const unit of DEMO_UNITS) {
    const r = spawnSync(process.execPath, [BIN, '--db', db, 'unit', 'add', '--name', unit], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`unit add ${unit}: ${r.stderr}`);
  }
  const web = await startWeb(db);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    // A new office's window asks who is working and offers the first-start set-up: a name is
    // given, and the set-up left for later, as a user who only imports would.
    await context.addInitScript(() => localStorage.setItem('bulletin.operator', '测速员'));
    const page = await context.newPage();
    await page.goto(web.url);
    await page.waitForSelector(`${tid('nav-audit')}, ${tid('setup-later')}`, { timeout: 60_000 });
    if (await page.locator(tid('setup-later')).isVisible()) await page.locator(tid('setup-later')).click();
    await page.locator(tid('nav-intake')).click();
    await page.locator(tid('intake-import')).click();
    await page.locator(tid('import-folder')).fill(folder);
    await page.locator(tid('import-scan')).click();
    await page.locator(tid('import-file-row')).nth(files - 1).waitFor({ timeout: 120_000 });
    await page.evaluate(() => {
      const w = window as unknown as { maxGap: number; last: number; timer: number };
      w.maxGap = 0;
      w.last = performance.now();
      w.timer = window.setInterval(() => {
        const t = performance.now();
        w.maxGap = Math.max(w.maxGap, t - w.last);
        w.last = t;
      }, 20);
    });
    const t0 = performance.now();
    await page.locator(tid('import-start')).click();
    await page.locator(tid('import-summary')).waitFor({ timeout: 600_000 });
    const total = performance.now() - t0;
    const maxGap = await page.evaluate(() => {
      const w = window as unknown as { maxGap: number; timer: number };
      window.clearInterval(w.timer);
      return w.maxGap;
    });
    const imported = await page.locator(tid('import-summary-imported')).innerText();
    return [
      `import a folder of ${files} .docx in the window: ${(total / 1000).toFixed(1)} s (${imported} imported)`,
      goal(`longest pause of the page while importing`, maxGap, 200),
    ];
  } finally {
    await browser.close();
    await web.stop();
  }
}
