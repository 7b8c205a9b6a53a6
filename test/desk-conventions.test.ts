/**
 * The rules behind the desk's conventions, in src-main: the category a draft's wording points to,
 * the units a few typed characters mean, one message for one mistake in a date, and an uploaded
 * draft checked as a file from a folder (a refused one changes nothing).
 */
import { afterEach, expect, it } from 'vitest';
import { guessCategory } from '../src-main/intake/category-guess';
import { rankUnits } from '../src-main/api/unit-match';
import { ole2File } from './helpers/intake-files';
import { openTestDb, snapshotAll, type TestDb } from './helpers/db';

let t: TestDb;
afterEach(() => t?.close());

it('guesses the category only where the wording is clear', () => {
  expect(guessCategory('清河镇集体经济增收的困难和建议', '')).toBe('problem');
  expect(guessCategory('关于做好冬季防火的对策', '')).toBe('problem');
  expect(guessCategory('城关镇老旧小区改造的主要做法', '')).toBe('practice');
  expect(guessCategory('白沙镇推进便民服务', '一、主要做法\n二、经验体会')).toBe('practice');
  expect(guessCategory('白沙镇推进便民服务', '一、主要做法\n二、存在的问题')).toBeNull();
  expect(guessCategory('白沙镇举办农民丰收节', '展销农产品40余种。')).toBeNull();
});

it('ranks units by name, short name and alias', () => {
  const u = (id: number, name: string, shortName: string | null = null, aliases: string[] = []) => ({ id, name, shortName, aliases, active: true });
  const units = [u(1, '白沙乡政府办'), u(2, '白沙镇'), u(3, '县发展和改革局', '县发改局', ['发改委'])];
  expect(rankUnits('白沙', units).map((x) => x.id)).toEqual([2, 1]);
  expect(rankUnits('发改', units).map((x) => x.id)).toEqual([3]);
  expect(rankUnits('发改委', units).map((x) => x.id)).toEqual([3]);
  expect(rankUnits('城关', units)).toEqual([]);
});

it('says one thing about an empty date, and puts each field’s message under its name', async () => {
  t = openTestDb();
  const e = await t.refuse('submissionAdd', { title: '', body: '正文', receivedDate: '' });
  expect(e.fields).toEqual({ title: '标题不能为空', receivedDate: '请填写收稿日期' });
  expect(e.message).toBe('输入有误：标题不能为空；请填写收稿日期');
});

it('checks an uploaded draft as a file from a folder, and a refused one changes nothing', async () => {
  t = openTestDb();
  await t.call('unitAdd', { name: '石桥镇', kind: 'town' });
  const before = snapshotAll(t.db);
  const old = await t.call('submissionUpload', { fileName: '旧稿.doc', base64: ole2File().toString('base64') });
  expect(old.status).toBe('refused');
  expect(old.reason).toMatch(/docx/);
  expect((await t.call('submissionUpload', { fileName: 'a.exe', base64: 'TVqQAAMAAAAEAAAA' })).status).toBe('refused');
  expect((await t.refuse('submissionUpload', { fileName: '', base64: '' })).code).toBe('INVALID_INPUT');
  expect(snapshotAll(t.db)).toEqual(before);
  const text = Buffer.from('石桥镇冬季森林防火工作动态\n入冬以来，石桥镇组建巡山护林队伍12支。', 'utf8').toString('base64');
  const r = await t.call('submissionUpload', { fileName: 'C:\\\\来稿\\\\石桥镇-森林防火.txt', base64: text });
  expect(r.status).toBe('imported');
  expect(r.submission?.unit).toBe('石桥镇');
  expect(r.submission?.originalName).toBe('石桥镇-森林防火.txt');
  expect(r.submission?.category).toBeNull();
});
