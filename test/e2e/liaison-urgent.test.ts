/**
 * 信息员 and 紧急信息 in Chromium against a real `bulletin web` on the demo county: add an
 * officer on the units settings page, register an urgent event the unit reported late on the
 * 统计 page's 紧急信息 tab, see the deduction proposed (and not recorded), apply it with one click,
 * and find it among the deductions.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cli } from '../helpers/cli';
import { demoSession, type DemoSession, type WebServer } from './harness';

let session: DemoSession;
let web: WebServer;
let page: Page;
let errors: string[];

beforeAll(async () => {
  session = await demoSession();
  ({ web, page, errors } = session);
}, 300_000);

afterAll(async () => {
  await session?.stop();
});

const tid = (id: string) => `[data-testid="${id}"]`;
const p = (n: number) => String(n).padStart(2, '0');

/** A day of this quarter (the 统计 page's default period) that is not later than now. */
function eventDay(): { day: string; at: string; reported: string } {
  const now = new Date();
  const first = new Date(now.getFullYear(), Math.floor(now.getMonth() / 3) * 3, 1);
  const isFirst = first.toDateString() === now.toDateString();
  const day = `${first.getFullYear()}-${p(first.getMonth() + 1)}-${p(first.getDate())}`;
  return isFirst ? { day, at: `${day} 00:00`, reported: `${day} 00:45` } : { day, at: `${day} 08:00`, reported: `${day} 08:45` };
}

async function choose(page: Page, testId: string, option: string) {
  await page.locator(tid(testId)).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

it('adds an officer, registers an urgent event, and applies its proposed deduction', async () => {
  const units = (await cli(web.dbFile, '--json', 'unit', 'list')).json() as { name: string }[];
  const unit = units[0]!.name;

  await page.locator(tid('nav-settings')).click();
  await page.locator(tid('settings-tab-units')).click({ timeout: 60_000 });
  await choose(page, 'liaison-unit', unit);
  await page.locator(tid('liaison-name')).fill('测试员甲');
  await page.locator(tid('liaison-phone')).fill('13800000009');
  await page.locator(tid('liaison-from')).fill('2026年1月1日');
  await page.locator(tid('liaison-from')).press('Enter');
  await page.locator(tid('liaison-add')).click();
  await page.locator(`${tid('liaison-row')}[data-name="测试员甲"]`).waitFor({ timeout: 30_000 });
  const listed = (await cli(web.dbFile, '--json', 'liaison', 'list', '--unit', unit)).json() as { name: string; phone: string }[];
  expect(listed.map((l) => [l.name, l.phone])).toContainEqual(['测试员甲', '13800000009']);

  const { at, reported } = eventDay();
  await page.locator(tid('nav-stats')).click();
  await page.locator(tid('stats-tab-urgent')).click({ timeout: 60_000 });
  await choose(page, 'urgent-unit', unit);
  await page.locator(tid('urgent-what')).fill('测试路段山体滑坡');
  await page.locator(tid('urgent-place')).fill('测试路');
  await page.locator(tid('urgent-time')).fill(at);
  await page.locator(tid('urgent-reported')).fill(reported);
  await page.locator(tid('urgent-add')).click();
  const card = page.locator(`${tid('urgent-row')}[data-what="测试路段山体滑坡"]`);
  await expect.poll(() => card.locator(tid('urgent-proposal')).innerText(), { timeout: 30_000 }).toBe('建议扣 30 分：紧急信息迟报（县级，超时15分钟）：测试路段山体滑坡');
  expect(await card.innerText()).toContain('信息员 测试员甲');
  // Proposed only: not among the deductions yet.
  const before = (await cli(web.dbFile, '--json', 'deduction', 'list')).json() as { reason: string }[];
  expect(before.some((d) => d.reason.includes('测试路段山体滑坡'))).toBe(false);

  await card.locator(tid('urgent-apply')).click();
  await expect.poll(() => card.locator(tid('urgent-applied')).innerText(), { timeout: 30_000 }).toContain('已扣 30 分');
  const after = (await cli(web.dbFile, '--json', 'deduction', 'list')).json() as { unit: string; points: number; reason: string }[];
  expect(after.filter((d) => d.reason.includes('测试路段山体滑坡'))).toEqual([expect.objectContaining({ unit, points: 30 })]);
  expect(errors).toEqual([]);
}, 240_000);
