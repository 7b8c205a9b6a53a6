/**
 * The correctable register in Chromium against a real `bulletin web` (issue 12): a folder whose
 * files name 县发改局 (the demo's short name for 县发展和改革局), an unknown 河口乡 and no unit;
 * 河口乡 is added from the import dialog and used for its files; the 未填单位 count leads to its
 * filter; a draft's unit is corrected with a reason through 更正登记信息.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/db';
import { encodeGbk, ownWriterDocx } from '../helpers/intake-files';
import { demoSession, type DemoSession, type WebServer } from './harness';

let session: DemoSession;
let web: WebServer;
let page: Page;
let errors: string[];
let root: string;
let folder: string;

const shots = process.env.E2E_SHOTS;

beforeAll(async () => {
  root = tempDir('bulletin-e2e-register-');
  folder = path.join(root, '来稿');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, '县发改局-重点项目建设进展.txt'), encodeGbk('全县重点项目建设进展情况\r\n今年以来，全县重点项目完成投资20.5亿元，占年度计划的86%。'));
  fs.writeFileSync(
    path.join(folder, '河口乡-关于秋粮收购的情况.docx'),
    await ownWriterDocx('河口乡秋粮收购进展顺利', [{ level: 0, text: '河口乡今年秋粮收购已完成3200吨，比去年同期增长一成。' }], '河口乡'),
  );
  fs.writeFileSync(path.join(folder, '河口乡_防汛物资储备.txt'), '河口乡做好防汛物资储备\n全乡储备编织袋2万条、救生衣300件，落实抢险队伍5支。');
  fs.writeFileSync(path.join(folder, '情况反映.txt'), '群众反映农村道路破损问题\n部分村组道路出现坑槽，影响群众出行，建议尽快维修。');
  session = await demoSession();
  ({ web, page, errors } = session);
}, 120_000);

afterAll(async () => {
  await session?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const tid = (id: string) => `[data-testid="${id}"]`;
const fileRow = (name: string) => page.locator(tid('import-file-row')).filter({ hasText: name });

interface Listed {
  id: number;
  title: string;
  unit: string | null;
  originalName: string;
}
const drafts = async () => (await cli(web.dbFile, '--json', 'submission', 'list')).json() as Listed[];

it('adds 河口乡 from the import dialog and uses it for the files being imported', async () => {
  const units = (await cli(web.dbFile, '--json', 'unit', 'list')).json() as { id: number; name: string }[];
  const ndrc = units.find((u) => u.name === '县发展和改革局')!;

  await page.locator(tid('nav-intake')).click();
  await page.locator(tid('intake-import')).click();
  await page.locator(tid('import-folder')).fill(folder);
  await page.locator(tid('import-scan')).click();
  await expect.poll(() => page.locator(tid('import-file-row')).count(), { timeout: 30_000 }).toBe(4);
  // the short name in the file name finds the unit
  expect(await fileRow('县发改局-').locator('select').inputValue()).toBe(String(ndrc.id));
  expect(await fileRow('河口乡-').locator('select').inputValue()).toBe('');
  expect(await fileRow('河口乡_').locator('select').inputValue()).toBe('');

  // 新增单位 where the unit is picked: the name is offered from the file name
  await fileRow('河口乡-').locator('select').selectOption('new');
  await page.locator(tid('new-unit-name')).waitFor();
  expect(await page.locator(tid('new-unit-name')).inputValue()).toBe('河口乡');
  await page.locator(tid('new-unit-aliases')).fill('河口');
  await page.locator(tid('new-unit-confirm')).click();
  await page.locator(tid('new-unit-name')).waitFor({ state: 'hidden' });

  const hekou = ((await cli(web.dbFile, '--json', 'unit', 'list')).json() as { id: number; name: string; kind: string; aliases: string[] }[]).find(
    (u) => u.name === '河口乡',
  );
  expect(hekou).toMatchObject({ kind: 'town', aliases: ['河口'] });
  // both of its files take it: the one it was added for, and the other by the file name
  await expect.poll(() => fileRow('河口乡_').locator('select').inputValue()).toBe(String(hekou!.id));
  expect(await fileRow('河口乡-').locator('select').inputValue()).toBe(String(hekou!.id));
  expect(await fileRow('情况反映').locator('select').inputValue()).toBe('');
  if (shots) await page.screenshot({ path: path.join(shots, 'import-new-unit.png') });

  await page.locator(tid('import-start')).click();
  // One file has no unit: a second look is asked for before it goes in as 未填单位.
  await page.locator(tid('import-confirm-no-unit')).click();
  await page.locator(tid('import-summary')).waitFor({ timeout: 60_000 });
  expect(await page.locator(tid('import-summary-imported')).innerText()).toBe('4');
  await page.locator(tid('import-done')).click();

  // The demo's own drafts were typed in (no original file); the imported ones carry their file.
  const byName = Object.fromEntries((await drafts()).filter((d) => d.originalName).map((d) => [d.originalName, d.unit]));
  expect(byName).toEqual({
    '县发改局-重点项目建设进展.txt': '县发展和改革局',
    '河口乡-关于秋粮收购的情况.docx': '河口乡',
    '河口乡_防汛物资储备.txt': '河口乡',
    '情况反映.txt': null,
  });
  expect(errors).toEqual([]);
}, 180_000);

it('counts the drafts without a unit, filters them, and corrects a draft’s unit with a reason', async () => {
  await page.locator(tid('intake-counts')).waitFor();
  expect(await page.locator(tid('intake-counts')).innerText()).toMatch(new RegExp(`共登记来稿 ${(await drafts()).length} 份，其中 未填单位 1 份`));
  await page.locator(tid('intake-count-no-unit')).click();
  await expect.poll(() => page.locator(tid('intake-row')).count()).toBe(1);
  const loose = page.locator(tid('intake-row')).first();
  expect(await loose.innerText()).toMatch(/未填单位/);
  expect(await page.locator(tid('intake-filter-unit')).inputValue()).toBe('未填单位');

  // 更正登记信息 on that draft: the unit, by its alias in the searchable pick list
  await loose.locator(tid('submission-menu')).click();
  await page.locator(tid('submission-correct')).click();
  await page.locator(tid('correct-reason')).waitFor();
  await page.locator(tid('correct-unit')).click();
  await page.getByRole('option', { name: '河口乡', exact: true }).click();
  await page.locator(tid('correct-confirm')).click();
  // no reason, no correction
  await page.locator(tid('correct-reason')).locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")]').getByText('请写明更正的原因').waitFor();
  await page.locator(tid('correct-reason')).fill('电话核实为河口乡报送');
  await page.locator(tid('correct-confirm')).click();
  await page.locator(tid('correct-result')).waitFor();
  expect(await page.locator(tid('correct-result')).innerText()).toMatch(/更正了：来稿单位/);
  if (shots) await page.screenshot({ path: path.join(shots, 'correct-result.png') });
  await page.locator(tid('correct-done')).click();

  const fixed = (await drafts()).find((d) => d.originalName === '情况反映.txt')!;
  expect(fixed.unit).toBe('河口乡');
  await expect.poll(() => page.locator(tid('intake-row')).count()).toBe(0);
  const all = (await drafts()).length;
  await expect.poll(() => page.locator(tid('intake-counts')).innerText()).toBe(`共登记来稿 ${all} 份`);

  // a draft already used is corrected too: its frozen item is left and the dialog says so
  const ndrcDraft = (await drafts()).find((d) => d.originalName.startsWith('县发改局'))!;
  const edit = (await cli(web.dbFile, '--json', 'submission', 'edit', String(ndrcDraft.id))).json() as { article: { id: number } };
  const series = (await cli(web.dbFile, '--json', 'series', 'list')).json() as { id: number }[];
  const issue = (await cli(web.dbFile, '--json', 'issue', 'create', '--series', String(series[0]!.id), '--date', '2026-12-31')).json() as { id: number };
  for (const args of [['issue', 'add', String(issue.id), String(edit.article.id)], ['issue', 'submit', String(issue.id)], ['issue', 'sign', String(issue.id), '--by', '张某某']]) {
    expect((await cli(web.dbFile, ...args)).code).toBe(0);
  }
  await page.locator('button', { hasText: '清除筛选' }).click();
  // the issue was signed behind the page's back: the register is read afresh
  await page.reload();
  await page.locator(tid('nav-intake')).click();
  const used = page.locator(`${tid('intake-row')}[data-id="${ndrcDraft.id}"]`);
  await used.waitFor();
  await used.locator(tid('submission-menu')).click();
  await page.locator(tid('submission-correct')).click();
  await page.locator(tid('correct-unit')).click();
  await page.getByRole('option', { name: '城关镇', exact: true }).click();
  await page.locator(tid('correct-reason')).fill('原件落款为城关镇');
  if (shots) await page.screenshot({ path: path.join(shots, 'correct-form.png') });
  await page.locator(tid('correct-confirm')).click();
  await page.locator(tid('correct-not-followed')).waitFor();
  expect(await page.locator(tid('correct-not-followed')).innerText()).toMatch(/已刊登在已签发的《清源县政务信息》.*未作改动/);
  if (shots) await page.screenshot({ path: path.join(shots, 'correct-frozen.png') });
  await page.locator(tid('correct-done')).click();
  expect((await drafts()).find((d) => d.id === ndrcDraft.id)!.unit).toBe('城关镇');
  const item = (await cli(web.dbFile, '--json', 'article', 'show', String(edit.article.id))).json() as { unit: string };
  expect(item.unit).toBe('县发展和改革局');
  expect(errors).toEqual([]);
}, 180_000);

it('edits a unit’s short name and aliases on the 设置 page, and lists them', async () => {
  await page.locator(tid('nav-settings')).click();
  await page.locator(tid('settings-tab-units')).click();
  // rows by id: while edited, a row's name is in an input, not its text
  const byName = async (name: string) => page.locator(`${tid('unit-row')}[data-id="${await page.locator(tid('unit-row')).filter({ hasText: name }).getAttribute('data-id')}"]`);
  const row = await byName('县发展和改革局');
  expect(await row.locator(tid('unit-short-shown')).innerText()).toMatch(/县发改局/);
  await row.locator(tid('unit-rename')).click();
  await row.locator(tid('unit-aliases-input')).fill('发改局、县发改委');
  await row.locator(tid('unit-names-save')).click();
  await expect.poll(() => row.locator(tid('unit-aliases-shown')).innerText().catch(() => '')).toMatch(/别称：发改局、县发改委|别称：县发改委、发改局/);
  // an alias another unit holds is refused, naming the holder
  const town = await byName('城关镇');
  await town.locator(tid('unit-rename')).click();
  await town.locator(tid('unit-aliases-input')).fill('县发改委');
  await town.locator(tid('unit-names-save')).click();
  await page.getByText('“县发改委”已是来稿单位“县发展和改革局”的别称').first().waitFor();
  if (shots) await page.screenshot({ path: path.join(shots, 'settings-units.png') });
  const listed = (await cli(web.dbFile, '--json', 'unit', 'list')).json() as { name: string; aliases: string[] }[];
  expect(listed.find((u) => u.name === '城关镇')!.aliases).toEqual([]);
  expect(listed.find((u) => u.name === '县发展和改革局')!.aliases.sort()).toEqual(['县发改委', '发改局'].sort());
  expect(errors).toEqual([]);
}, 180_000);
