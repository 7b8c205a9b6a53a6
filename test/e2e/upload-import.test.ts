/**
 * Browser mode has no path to type: drafts are chosen with the file input, or dropped on the
 * import dialog, and go through the bridge (submissionUpload), checked as a folder's files are.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from '../helpers/db';
import { ole2File, ownWriterDocx } from '../helpers/intake-files';
import { demoSession, type DemoSession } from './harness';

let session: DemoSession;
let page: Page;
let folder: string;
const shots = process.env.BULLETIN_SHOTS;

beforeAll(async () => {
  folder = tempDir('bulletin-e2e-upload-');
  fs.writeFileSync(
    path.join(folder, '石桥镇-冬季森林防火工作动态.docx'),
    await ownWriterDocx('石桥镇全力做好冬季森林防火', [{ level: 0, text: '入冬以来，石桥镇组建巡山护林队伍12支，排查隐患37处。' }], '石桥镇'),
  );
  fs.writeFileSync(path.join(folder, '旧稿.doc'), ole2File());
  session = await demoSession();
  page = session.page;
}, 300_000);

afterAll(async () => {
  await session?.stop();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const tid = (id: string) => `[data-testid="${id}"]`;

async function openImport(): Promise<void> {
  await page.locator(tid('nav-intake')).click();
  await page.locator(tid('intake-import')).click();
  await page.locator(tid('import-drop')).waitFor();
}

it('imports files chosen with the file input, refusing an old .doc with its whole reason', async () => {
  await openImport();
  if (shots) await page.screenshot({ path: path.join(shots, 'import-pick.png') });
  await page.locator(tid('import-file-input')).setInputFiles([path.join(folder, '石桥镇-冬季森林防火工作动态.docx'), path.join(folder, '旧稿.doc')]);
  await expect.poll(() => page.locator(tid('import-file-row')).count(), { timeout: 30_000 }).toBe(2);
  expect(await page.locator(tid('import-file-reason')).innerText()).toMatch(/另存为 \.docx 后再导入。$/);
  // The unit comes from the file's name, as for a folder on this PC.
  expect(await page.locator(tid('import-file-unit')).locator('option:checked').innerText()).toBe('石桥镇');
  await page.locator(tid('import-start')).click();
  await page.locator(tid('import-summary')).waitFor({ timeout: 60_000 });
  expect(await page.locator(tid('import-summary-imported')).innerText()).toBe('1');
  await page.locator(tid('import-done')).click();
  await expect.poll(() => page.locator(tid('intake-row')).filter({ hasText: '石桥镇全力做好冬季森林防火' }).count(), { timeout: 30_000 }).toBe(1);
});

it('imports files dropped on the dialog', async () => {
  await openImport();
  const drop = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['县教育局关于学位供需的情况反映\n全县义务教育学位总体充足，城区学校压力较大。'], '县教育局-情况反映.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.locator(tid('import-drop')).dispatchEvent('drop', { dataTransfer: drop });
  await expect.poll(() => page.locator(tid('import-file-row')).count(), { timeout: 30_000 }).toBe(1);
  expect(await page.locator(tid('import-file-unit')).locator('option:checked').innerText()).toBe('县教育局');
  await page.locator(tid('import-start')).click();
  await page.locator(tid('import-summary')).waitFor({ timeout: 60_000 });
  expect(await page.locator(tid('import-summary-imported')).innerText()).toBe('1');
  await page.locator(tid('import-done')).click();
  await expect.poll(() => page.locator(tid('intake-row')).filter({ hasText: '县教育局关于学位供需的情况反映' }).count(), { timeout: 30_000 }).toBe(1);
  expect(session.errors).toEqual([]);
});
