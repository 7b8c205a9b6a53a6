/**
 * The loop with the city office through the UI (issue 17), in Chromium against two real
 * `bulletin web` instances on two databases. The county's packet is made by its API (setup);
 * the city uploads it through 接收上报包 on the 来稿 page (an unknown sender made a 县/区 unit,
 * the same zip twice registering nothing), makes items of two drafts, signs an issue, and writes
 * the adoption notice with 导出采用通报. The county imports it through 导入采用通报 on the 统计
 * page — after a notice addressed to another county is refused in Chinese, changing nothing — and
 * its score ledger shows the two city adoptions at the rules' 50 points each.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDb, publish, seed, snapshotAll, tempDir, type TestDb } from '../helpers/db';
import { county, SENDER, type County } from '../helpers/packet';
import { launchBrowser, openPage, startWeb, type WebServer } from './harness';

let c: County;
let cityDb: TestDb;
let countyWeb: WebServer;
let cityWeb: WebServer;
let browser: Browser;
let countyPage: Page;
let cityPage: Page;
const errors: string[][] = [];
let packetFile: string;
let otherNotice: string;
let noticeDir: string;
/** The notice the city wrote through the UI, for the county to import. */
let noticeFile: string;

const CITY_SENDER = { office: '某市人民政府办公室', shortName: '市政府办', contactPerson: '赵某某', phone: '0000-7654321' };
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
/** Today on this machine, as the web servers' clocks give the issue's date. */
const TODAY = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

beforeAll(async () => {
  // The county: three single items sent upward in one packet (setup through its API).
  c = await county();
  const packet = await c.t.call('packetExport', { articleIds: c.singles, out: c.out });
  packetFile = packet.path;

  // The city's own setup: its office and publication; and, for the refusal, a notice it made
  // earlier for another county (河口县), received, printed and answered through its API.
  cityDb = openTestDb();
  await cityDb.call('settingsSet', { sender: CITY_SENDER });
  const series = await cityDb.call('seriesAdd', { name: '政务信息快报', org: CITY_SENDER.office });
  const other = openTestDb();
  try {
    const { articles } = await seed(other, 1, { name: '河口县政务信息', org: '河口县人民政府办公室' });
    await other.call('settingsSet', { sender: { office: '河口县人民政府办公室', shortName: '河口县政府办', contactPerson: '李某某', phone: '0000-2222222' } });
    const otherOut = tempDir('bulletin-e2e-other-');
    const otherPacket = await other.call('packetExport', { articleIds: [articles[0]!.id], out: otherOut });
    const got = await cityDb.call('packetImport', { path: otherPacket.path, newUnitKind: 'county' });
    const a = (await cityDb.call('submissionEdit', { id: got.packet.submissionIds[0]! })).article.id;
    await publish(cityDb, series.id, [a], '2026-11-25');
    noticeDir = tempDir('bulletin-e2e-notices-');
    otherNotice = (await cityDb.call('noticeExport', { unit: '河口县人民政府办公室', period: '2026-11', out: noticeDir })).path;
    fs.rmSync(otherOut, { recursive: true, force: true });
  } finally {
    other.close();
  }
  c.t.db.close();
  cityDb.db.close();
  countyWeb = await startWeb(c.t.file);
  cityWeb = await startWeb(cityDb.file);
  browser = await launchBrowser();
  const city = await openPage(browser, cityWeb.url);
  const county_ = await openPage(browser, countyWeb.url);
  cityPage = city.page;
  countyPage = county_.page;
  errors.push(city.errors, county_.errors);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await countyWeb?.stop();
  await cityWeb?.stop();
  c?.t.close();
  cityDb?.close();
  if (noticeDir) fs.rmSync(noticeDir, { recursive: true, force: true });
});

const tid = (id: string) => `[data-testid="${id}"]`;
/** BULLETIN_LOOK=/tmp/x saves screenshots of the dialogs to look at. */
const shot = async (page: Page, name: string) => {
  if (process.env.BULLETIN_LOOK) await page.screenshot({ path: `${process.env.BULLETIN_LOOK}-${name}.png` });
};

/** 编辑成信息 on a draft of the register; the category is asked when the wording leaves it open. */
async function makeItem(page: Page, title: string): Promise<void> {
  const row = page.locator(tid('intake-row')).filter({ hasText: title });
  await row.locator(tid('submission-edit')).click();
  const editor = page.locator(tid('article-editor'));
  const ask = page.locator(tid('category-pick-news'));
  await expect.poll(async () => (await editor.count()) + (await ask.count()), { timeout: 30_000 }).toBeGreaterThan(0);
  if ((await editor.count()) === 0) await ask.click();
  await editor.waitFor({ timeout: 30_000 });
  await page.locator(tid('nav-intake')).click();
}

it('the city receives the packet through 接收上报包: verified, the unknown sender made a 县/区 unit, drafts registered and named with their packet', async () => {
  const page = cityPage;
  await page.locator(tid('nav-intake')).click();
  await page.locator(tid('packet-receive-open')).click();
  await page.locator(tid('packet-receive-file')).setInputFiles(packetFile);
  await page.locator(tid('packet-receive-verify')).click();
  await expect.poll(() => page.locator(tid('packet-verify-result')).getAttribute('data-ok'), { timeout: 30_000 }).toBe('true');
  expect(await page.locator(tid('packet-verify-result')).innerText()).toContain(`文件：${path.basename(packetFile)}`);
  await page.locator(tid('packet-receive-confirm')).click();
  // The sender is not a unit yet: the API's refusal, in Chinese, and the choice it asks for.
  await expect.poll(() => page.locator(tid('packet-receive-error')).innerText(), { timeout: 30_000 }).toContain('报送单位“城关县人民政府办公室”不在单位名单中');
  await page.locator(tid('packet-receive-sender')).waitFor();
  await shot(page, 'receive-sender');
  await page.locator(tid('packet-receive-new-county')).check();
  await page.locator(tid('packet-receive-confirm')).click();
  await expect.poll(() => page.locator(tid('packet-receive-result')).getAttribute('data-status'), { timeout: 30_000 }).toBe('imported');
  expect(await page.locator(tid('packet-receive-count')).innerText()).toContain('登记来稿 3 条');
  await shot(page, 'receive-result');
  await page.locator(tid('packet-receive-done')).click();
  await shot(page, 'register');
  // the register names the packet beside each of the three (the fourth is 河口县's, from the setup)
  const fromCounty = page.locator(tid('intake-packet')).filter({ hasText: SENDER.office });
  await expect.poll(() => fromCounty.count(), { timeout: 30_000 }).toBe(3);
  expect(await page.locator(tid('intake-packet')).count()).toBe(4);

  // The same zip again: nothing new, the first receipt named.
  await page.locator(tid('packet-receive-open')).click();
  await page.locator(tid('packet-receive-file')).setInputFiles(packetFile);
  await page.locator(tid('packet-receive-verify')).click();
  await expect.poll(() => page.locator(tid('packet-verify-result')).getAttribute('data-ok'), { timeout: 30_000 }).toBe('true');
  await page.locator(tid('packet-receive-confirm')).click();
  await expect.poll(() => page.locator(tid('packet-receive-result')).getAttribute('data-status'), { timeout: 30_000 }).toBe('already');
  expect(await page.locator(tid('packet-receive-result')).innerText()).toContain('这次没有登记任何新来稿');
  await page.locator(tid('packet-receive-done')).click();
  expect(await fromCounty.count()).toBe(3);
});

it('the city makes items of two drafts, signs an issue and writes the notice with 导出采用通报', async () => {
  const page = cityPage;
  await makeItem(page, '第5条信息标题');
  await makeItem(page, '第6条信息标题');
  await page.locator(tid('nav-issues')).click();
  await page.locator(tid('new-issue')).click();
  await page.locator(tid('new-issue-date')).fill(TODAY);
  await page.locator(tid('new-issue-confirm')).click();
  for (const title of ['第5条信息标题', '第6条信息标题']) {
    await page.locator(tid('composer-candidate')).filter({ hasText: title }).locator(tid('composer-add')).click();
    await expect.poll(() => page.locator(tid('issue-item')).filter({ hasText: title }).count(), { timeout: 30_000 }).toBe(1);
  }
  await page.locator(tid('issue-submit')).click();
  await expect.poll(() => page.locator(tid('issue-status')).getAttribute('data-status'), { timeout: 30_000 }).toBe('review');
  await page.locator(tid('issue-sign')).click();
  await page.locator(tid('sign-signer')).fill('张某某');
  await page.locator(tid('sign-confirm')).click();
  await expect.poll(() => page.locator(tid('issue-status')).getAttribute('data-status'), { timeout: 30_000 }).toBe('signed');

  await page.locator(tid('nav-packets')).click();
  await page.locator(tid('notice-export-open')).click();
  await page.locator(tid('notice-export-unit')).click();
  await page.getByRole('option', { name: SENDER.office, exact: true }).click();
  await page.locator(tid('notice-export-period')).fill(TODAY.slice(0, 7));
  await page.locator(tid('notice-export-out')).fill(noticeDir);
  await shot(page, 'notice-export');
  await page.locator(tid('notice-export-confirm')).click();
  await page.locator(tid('notice-export-result')).waitFor({ timeout: 30_000 });
  const written = await page.locator(tid('notice-export-path')).innerText();
  expect(path.dirname(written)).toBe(noticeDir);
  expect(fs.existsSync(written)).toBe(true);
  expect(await page.locator(tid('notice-export-result')).innerText()).toContain('采用 2 条');
  await page.locator(tid('notice-export-done')).click();
  noticeFile = written;
});

it('the county refuses a notice addressed to another county, then imports its own and its scores show the two city adoptions', async () => {
  const page = countyPage;
  const read = () => {
    const db = new Database(countyWeb.dbFile, { readonly: true });
    try {
      return snapshotAll(db);
    } finally {
      db.close();
    }
  };
  await page.locator(tid('nav-stats')).click();
  const before = read();
  await page.locator(tid('notice-import-open')).click();
  await page.locator(tid('notice-import-file')).setInputFiles(otherNotice);
  await page.locator(tid('notice-import-confirm')).click();
  await expect.poll(() => page.locator(tid('notice-import-error')).innerText(), { timeout: 30_000 }).toContain('采用情况通报未导入，没有登记任何采用');
  const refusal = await page.locator(tid('notice-import-error')).innerText();
  expect(refusal).toContain('这份通报是发给“河口县人民政府办公室”的另一个数据库');
  expect(refusal).toContain('NOTICE_WRONG_RECIPIENT');
  expect(read()).toEqual(before);
  await shot(page, 'notice-refused');

  // The right one, uploaded in place of the refused one.
  await page.locator(tid('notice-import-chosen')).getByRole('button', { name: '换一个' }).click();
  await page.locator(tid('notice-import-file')).setInputFiles(noticeFile);
  await page.locator(tid('notice-import-confirm')).click();
  await page.locator(tid('notice-import-result')).waitFor({ timeout: 30_000 });
  expect(await page.locator(tid('notice-import-recorded')).innerText()).toContain('本次新登记 2 条采用');
  expect(await page.locator(tid('notice-import-item')).allInnerTexts()).toEqual([
    expect.stringContaining('第5条信息标题'),
    expect.stringContaining('第6条信息标题'),
  ]);
  expect(await page.locator(tid('notice-import-unknown')).count()).toBe(0);
  await shot(page, 'notice-imported');
  await page.locator(tid('notice-import-done')).click();

  // The score page: 第5条 is 城关镇's, 第6条 县发改局's; each ledger shows its city adoption at 50.
  for (const [unit, title] of [
    ['城关镇', '第5条信息标题'],
    ['县发改局', '第6条信息标题'],
  ] as const) {
    await page.locator(`${tid('score-row')}[data-unit="${unit}"]`).click();
    const ledger = page.locator(tid('score-ledger'));
    await ledger.waitFor({ timeout: 30_000 });
    const line = ledger.locator('tr').filter({ hasText: '按“市级单条”计分' });
    await expect.poll(() => line.count(), { timeout: 30_000 }).toBe(1);
    expect(await line.innerText()).toContain(title);
    expect(await line.innerText()).toContain('+50');
    await shot(page, `ledger-${unit}`);
    await page.keyboard.press('Escape');
    await ledger.waitFor({ state: 'detached', timeout: 30_000 });
  }
  for (const e of errors) expect(e).toEqual([]);
});
