/**
 * Nothing typed is lost, in Chromium against a real `bulletin web`: leaving a new item whose
 * text cannot be saved yet asks first; a reload asks too, and the text typed comes back from the
 * main process's scratch store; a new item with a title saves itself; a leave after typing in a
 * saved item saves the last keystrokes.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoSession, type DemoSession } from './harness';

let session: DemoSession;
let page: Page;

beforeAll(async () => {
  session = await demoSession();
  page = session.page;
}, 300_000);

afterAll(async () => {
  await session?.stop();
});

const tid = (id: string) => `[data-testid="${id}"]`;
const BODY = '今年以来，白沙镇坚持问题导向，建成村级便民服务站12个。';

async function newItem(): Promise<void> {
  await page.locator(tid('nav-articles')).click();
  await page.keyboard.press('Control+n');
  await page.locator(tid('article-body')).waitFor();
}

it('asks before leaving a new item whose text cannot be saved yet, and stays when told to', async () => {
  await newItem();
  await page.locator(tid('article-body')).click();
  await page.keyboard.type(BODY);
  await page.locator(tid('nav-issues')).click();
  await page.locator(tid('leave-stay')).waitFor({ timeout: 30_000 });
  expect(await page.getByText('这条新稿件还没有标题').count()).toBe(1);
  await page.locator(tid('leave-stay')).click();
  await expect.poll(() => page.locator(tid('article-body')).inputValue()).toBe(BODY);
  expect(await page.locator(tid('article-editor')).count()).toBe(1);
});

it('asks before a reload and brings the typed text back after it', async () => {
  // The scratch store has it within a couple of seconds of typing.
  const store = `${session.web.dbFile}.drafts.json`;
  await expect.poll(() => (fs.existsSync(store) ? fs.readFileSync(store, 'utf8') : ''), { timeout: 30_000 }).toContain('白沙镇坚持问题导向');

  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.type());
    void d.accept();
  });
  await page.reload();
  expect(asked).toEqual(['beforeunload']);

  await page.locator(tid('draft-restore')).waitFor({ timeout: 30_000 });
  expect(await page.getByText('发现未保存的内容，恢复？').count()).toBeGreaterThan(0);
  await page.locator(tid('draft-restore')).click();
  await expect.poll(() => page.locator(tid('article-body')).inputValue(), { timeout: 30_000 }).toBe(BODY);

  // With a title it saves itself as an item, and the kept copy goes.
  await page.locator(tid('article-title')).fill('白沙镇建成村级便民服务站');
  await expect.poll(() => page.locator(tid('save-status')).innerText(), { timeout: 30_000 }).toMatch(/已自动保存/);
  await expect.poll(() => fs.existsSync(store), { timeout: 30_000 }).toBe(false);
  await page.locator(tid('editor-back')).click();
  await expect.poll(() => page.locator(tid('article-row')).first().innerText()).toContain('白沙镇建成村级便民服务站');
});

it('saves the last keystrokes of a saved item when another page is clicked at once', async () => {
  await page.locator(tid('article-row')).first().click();
  await page.locator(tid('article-body')).click();
  await page.keyboard.press('End');
  await page.keyboard.type('群众办事不出村。');
  await page.locator(tid('nav-issues')).click();
  await page.locator(tid('nav-articles')).click();
  await page.locator(tid('article-row')).first().click();
  await expect.poll(() => page.locator(tid('article-body')).inputValue(), { timeout: 30_000 }).toContain('群众办事不出村。');
  expect(session.errors).toEqual([]);
});
