/**
 * End-to-end harness: the real `bulletin web` in its own process on a temporary database, and
 * Debian's Chromium driven by playwright-core. Nothing of the backend is faked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runDemo } from '../../src-main/demo/run';
import { tempDir } from '../helpers/db';

const ROOT = path.join(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface WebServer {
  url: string;
  dbFile: string;
  dir: string;
  stop(): Promise<void>;
}

export async function startWeb(dbFile?: string): Promise<WebServer> {
  const dir = tempDir('bulletin-e2e-');
  const db = dbFile ?? path.join(dir, 'bulletin.db');
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin', 'bulletin.cjs'), '--db', db, '--json', 'web', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  let timer: NodeJS.Timeout | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.trim().startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`bulletin web exited ${code}: ${err}`)));
    // Generous: on a loaded 2-core machine starting Node and opening the database can take seconds.
    timer = setTimeout(() => reject(new Error(`bulletin web did not start within 90 s: ${err}`)), 90_000);
  }).catch((e: unknown) => {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }).finally(() => clearTimeout(timer));
  return {
    url,
    dbFile: db,
    dir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`找不到 Chromium（${CHROMIUM}）。请安装：apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page at the office laptop's 1366×768, collecting console errors and any non-local request. */
/** The operator the window remembers (see components/audit/OperatorControl.tsx); null: none yet, it asks. */
export const E2E_OPERATOR = 'E2E测试员';

export async function openPage(
  browser: Browser,
  url: string,
  options: { operator?: string | null } = {},
): Promise<{ page: Page; errors: string[]; remote: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  const operator = options.operator === undefined ? E2E_OPERATOR : options.operator;
  if (operator !== null) {
    await context.addInitScript((name: string) => {
      if (!localStorage.getItem('bulletin.operator')) localStorage.setItem('bulletin.operator', name);
    }, operator);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  const remote: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) remote.push(r.url());
  });
  await page.goto(url);
  // The app asks the backend whether the office is set up before it shows the desk (or the
  // first-start set-up): keys pressed before then reach nothing.
  await page.waitForSelector('[data-testid="nav-audit"], [data-testid="setup-later"]', { timeout: 60_000 });
  return { page, errors, remote };
}

export interface DemoSession {
  web: WebServer;
  browser: Browser;
  page: Page;
  errors: string[];
  stop(): Promise<void>;
}

/** The demo county served by `bulletin web`, open in Chromium. */
export async function demoSession(): Promise<DemoSession> {
  const demoDir = tempDir('bulletin-e2e-demo-');
  const removeDemo = () => fs.rmSync(demoDir, { recursive: true, force: true });
  let web: WebServer | undefined;
  let browser: Browser | undefined;
  try {
    const demo = await runDemo(demoDir);
    web = await startWeb(demo.database);
    browser = await launchBrowser();
    const { page, errors } = await openPage(browser, web.url);
    const [w, b] = [web, browser];
    return {
      web: w,
      browser: b,
      page,
      errors,
      async stop() {
        try {
          await b.close();
          await w.stop();
        } finally {
          removeDemo();
        }
      },
    };
  } catch (e) {
    // A session that failed to start leaves nothing behind either.
    await browser?.close().catch(() => {});
    await web?.stop().catch(() => {});
    removeDemo();
    throw e;
  }
}
