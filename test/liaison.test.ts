/**
 * 信息员 (issue 16 part 4): terms with history, refusals in words that leave the database as it
 * was, drafts credited to their author (picked or matched by name), a change of officer
 * mid-year (points follow the person who wrote the draft), personal points and ranking, the
 * 100-point bar for individuals, and the 稿酬 ledger read back from its Excel file.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, withRuleValue, type ScoreRules } from '../src-main/scoring/rules';
import { openTestDb, snapshotAll, type TestDb } from './helpers/db';

const NOW = () => new Date(2026, 11, 5, 10, 0);
let t: TestDb;
afterEach(() => t?.close());

async function refusedUnchanged(name: Parameters<TestDb['refuse']>[0], input: unknown, message: RegExp) {
  const before = snapshotAll(t.db);
  const bytes = fs.readFileSync(t.file);
  const e = await t.refuse(name, input);
  expect(e.message).toMatch(message);
  expect(snapshotAll(t.db)).toEqual(before);
  expect(fs.readFileSync(t.file).equals(bytes)).toBe(true);
  return e;
}

async function draft(title: string, unit: string, liaisonName: string, receivedDate: string) {
  return t.call('submissionAdd', { title, body: `${title}。正文。`, unit, liaisonName, receivedDate });
}

/** Rules from 2026-01-01 with one change to the person part. */
async function rulesFrom2026(change: (r: ScoreRules) => ScoreRules) {
  await t.call('rulesAdd', { validFrom: '2026-01-01', rules: change(structuredClone(DEFAULT_RULES)) });
}

describe('liaison officers', () => {
  it('keeps the history when an officer changes, and refuses overlaps and wrong ends in words', async () => {
    t = openTestDb({ now: NOW });
    await t.call('unitAdd', { name: '城关镇' });
    await t.call('unitAdd', { name: '县发改局' });
    const zhang = await t.call('liaisonAdd', { unit: '城关镇', name: '张敏', phone: '13800000001', from: '2026-01-01' });
    expect(zhang).toMatchObject({ unit: '城关镇', name: '张敏', validFrom: '2026-01-01', validTo: null, current: true });

    await refusedUnchanged('liaisonAdd', { unit: '城关镇', name: '李强', from: '2026-07-01' }, /“城关镇”的现任信息员是张敏（自 2026-01-01 起）。更换信息员请先结束其任职（bulletin liaison end 1 --to 截止日期），再添加新任。/);
    await refusedUnchanged('liaisonEnd', { id: zhang.id, to: '2025-12-31' }, /任职截止日期 2025-12-31 早于张敏的任职起始日期 2026-01-01/);

    const ended = await t.call('liaisonEnd', { id: zhang.id, to: '2026-06-30' });
    expect(ended).toMatchObject({ validTo: '2026-06-30', current: false });
    await refusedUnchanged('liaisonEnd', { id: zhang.id, to: '2026-07-31' }, /任职已于 2026-06-30 结束，不能再次结束/);
    await refusedUnchanged('liaisonAdd', { unit: '城关镇', name: '李强', from: '2026-06-15' }, /信息员张敏任职于 2026-01-01 至 2026-06-30，与自 2026-06-15 起的任职时间重叠/);

    const li = await t.call('liaisonAdd', { unit: '城关镇', name: '李强', from: '2026-07-01' });
    expect((await t.call('liaisonList', {})).map((l) => l.name)).toEqual(['李强']);
    expect((await t.call('liaisonList', { all: true, unit: '城关镇' })).map((l) => [l.name, l.validFrom, l.validTo])).toEqual([
      ['张敏', '2026-01-01', '2026-06-30'],
      ['李强', '2026-07-01', null],
    ]);
    // The schema itself keeps the history, whatever the door.
    expect(() => t.db.prepare("UPDATE liaisons SET name = '王五' WHERE id = ?").run(li.id)).toThrow(/不能修改/);
    expect(() => t.db.prepare('DELETE FROM liaisons WHERE id = ?').run(zhang.id)).toThrow(/不能删除/);
    await refusedUnchanged('liaisonAdd', { unit: '城关镇', name: '　' }, /信息员姓名不能为空/);
    await refusedUnchanged('liaisonEnd', { id: 99 }, /没有编号为 99 的信息员/);
  });

  it('credits drafts to their author: matched by name on the received date, or picked; points follow the person across a mid-year change', async () => {
    t = openTestDb({ now: NOW });
    await t.call('unitAdd', { name: '城关镇' });
    await t.call('unitAdd', { name: '县发改局' });
    await rulesFrom2026((r) => withRuleValue(r, ['person', 'monthlyQuota', 'count'], 0));
    const zhang = await t.call('liaisonAdd', { unit: '城关镇', name: '张敏', from: '2026-01-01' });
    await t.call('liaisonEnd', { id: zhang.id, to: '2026-06-30' });
    const li = await t.call('liaisonAdd', { unit: '城关镇', name: '李强', from: '2026-07-01' });
    const fgj = await t.call('liaisonAdd', { unit: '县发改局', name: '赵六', from: '2026-01-01' });

    const d1 = await draft('城关镇春耕备耕有序推进', '城关镇', '张敏', '2026-03-10');
    const d2 = await draft('城关镇秋粮收购进展顺利', '城关镇', '李强', '2026-08-10');
    const d3 = await draft('城关镇冬季防火', '城关镇', '张敏', '2026-08-11');
    expect((await t.call('submissionAuthor', { id: d1.id })).author?.name).toBe('张敏');
    expect((await t.call('submissionAuthor', { id: d2.id })).author?.name).toBe('李强');
    // 张敏 had left by 2026-08-11: no author until one is picked.
    const a3 = await t.call('submissionAuthor', { id: d3.id });
    expect(a3.author).toBeNull();
    expect(a3.candidates[0]!.name).toBe('李强');

    await refusedUnchanged('submissionAuthorSet', { id: d3.id, liaisonId: zhang.id }, /来稿收到于 2026-08-11，张敏的任职时间是 2026-01-01 至 2026-06-30，不在任。请选择当时在任的信息员。/);
    await refusedUnchanged('submissionAuthorSet', { id: d3.id, liaisonId: fgj.id }, /赵六是“县发改局”的信息员，不是本来稿单位“城关镇”的信息员。请选择“城关镇”的信息员。/);
    expect((await t.call('submissionAuthorSet', { id: d3.id, liaisonId: li.id })).author?.name).toBe('李强');
    // Ending 李强 before a draft credited to him is refused.
    await refusedUnchanged('liaisonEnd', { id: li.id, to: '2026-08-01' }, /李强名下有 2 篇 2026-08-01 之后收到的来稿（最晚 2026-08-11）/);

    const e1 = await t.call('submissionEdit', { id: d1.id });
    const e2 = await t.call('submissionEdit', { id: d2.id });
    await t.call('adoptionAdd', { articleId: e1.article.id, publication: '政务信息快报', level: 'city', kind: 'single', date: '2026-03-20' });
    await t.call('adoptionAdd', { articleId: e2.article.id, publication: '政务信息快报', level: 'city', kind: 'research', date: '2026-08-20' });
    await t.call('instructionAdd', { articleId: e2.article.id, level: 'county', leader: '县长', date: '2026-08-25' });

    const people = await t.call('personScore', { period: 'year', year: 2026 });
    const byName = Object.fromEntries(people.map((p) => [p.name, p]));
    expect(byName['李强']).toMatchObject({ rank: 1, sent: 2, adopted: 1, adoptedCity: 1, instructions: 1, points: 120, net: 120, fee: 200 });
    expect(byName['张敏']).toMatchObject({ rank: 2, sent: 1, adopted: 1, adoptedCity: 1, points: 50, net: 50, fee: 100 });
    expect(byName['赵六']).toMatchObject({ rank: 3, sent: 0, points: 0 });
    // The first half: only 张敏's draft and adoption.
    const h1 = await t.call('personScore', { period: 'half', year: 2026, n: 1 });
    expect(h1.find((p) => p.name === '张敏')).toMatchObject({ points: 50, rank: 1 });
    expect(h1.find((p) => p.name === '李强')).toBeUndefined();
    // The unit still scores both items.
    const units = await t.call('score', { period: 'year', year: 2026 });
    expect(units.find((u) => u.unit === '城关镇')!.adoptedCity).toBe(2);

    // The year report's block: the ranking, through the year statistics' section hook.
    const stats = await t.call('statsYear', { year: 2026 });
    const ranking = stats.sections.find((x) => x.key === 'liaisonRanking')!;
    expect(ranking.table!.rows.map((r) => r.slice(0, 3))).toEqual([[1, '李强', '城关镇'], [2, '张敏', '城关镇'], [3, '赵六', '县发改局']]);
    expect(stats.sentences).toContain('积分居前的信息员是：李强（城关镇，120分）、张敏（城关镇，50分）。');

    // Correcting a draft's unit re-matches the author (none of that name in the new unit).
    await t.call('submissionCorrect', { id: d2.id, unit: '县发改局', reason: '单位登记错' });
    expect((await t.call('submissionAuthor', { id: d2.id })).author).toBeNull();
  });

  it('judges personal monthly quotas and bars a person with 100 points deducted in the year from being named advanced', async () => {
    t = openTestDb({ now: NOW });
    await t.call('unitAdd', { name: '城关镇' });
    await t.call('liaisonAdd', { unit: '城关镇', name: '张敏', from: '2026-01-01' });
    // Quota 4 a month (the default), missed -30: January to March 90 points, April makes 120.
    for (const day of ['2026-05-06', '2026-05-07', '2026-05-08', '2026-05-09']) await draft(`第${day}篇`, '城关镇', '张敏', day);
    const march = await t.call('personScore', { period: 'month', year: 2026, n: 3 });
    expect(march[0]).toMatchObject({ quotaMonthsMissed: 1, deductions: 30, yearDeductions: 90, cannotBeAdvanced: false });
    const april = await t.call('personScore', { period: 'month', year: 2026, n: 4 });
    expect(april[0]).toMatchObject({ yearDeductions: 120, cannotBeAdvanced: true });
    const may = await t.call('personScore', { period: 'month', year: 2026, n: 5 });
    expect(may[0]).toMatchObject({ sent: 4, quotaMonthsMet: 1, points: 10, deductions: 0, yearDeductions: 120, cannotBeAdvanced: true });

    // The bar is a rule value: raised to 200 from 2026-01-01, April no longer bars.
    await rulesFrom2026((r) => withRuleValue(r, ['person', 'notAdvanced'], 200));
    expect((await t.call('personScore', { period: 'month', year: 2026, n: 4 }))[0]!.cannotBeAdvanced).toBe(false);
  });

  it('keeps a 稿酬 ledger per person and period, and writes it to Excel for payment', async () => {
    t = openTestDb({ now: NOW });
    await t.call('unitAdd', { name: '城关镇' });
    await t.call('unitAdd', { name: '县发改局' });
    await rulesFrom2026((r) => withRuleValue(withRuleValue(r, ['person', 'monthlyQuota', 'count'], 0), ['person', 'adoption', 'city', 'single', 'fee'], 150));
    await t.call('liaisonAdd', { unit: '城关镇', name: '张敏', from: '2026-01-01' });
    await t.call('liaisonAdd', { unit: '县发改局', name: '赵六', from: '2026-01-01' });
    const a = await t.call('submissionEdit', { id: (await draft('城关镇甲', '城关镇', '张敏', '2026-02-01')).id });
    const b = await t.call('submissionEdit', { id: (await draft('发改局乙', '县发改局', '赵六', '2026-02-02')).id });
    await t.call('adoptionAdd', { articleId: a.article.id, publication: '政务信息快报', level: 'city', kind: 'single', date: '2026-02-10' });
    await t.call('adoptionAdd', { articleId: a.article.id, publication: '省政务信息', level: 'province', kind: 'single', date: '2026-02-20' });
    await t.call('adoptionAdd', { articleId: b.article.id, publication: '每日要情', level: 'county', kind: 'daily', date: '2026-03-01' });
    await t.call('adoptionAdd', { articleId: b.article.id, publication: '政务信息快报', level: 'city', kind: 'single', date: '2026-07-01' });

    const q1 = await t.call('liaisonFees', { period: 'quarter', year: 2026, n: 1 });
    expect(q1.people).toEqual([
      { liaisonId: 1, name: '张敏', unit: '城关镇', items: 2, fee: 350 },
      { liaisonId: 2, name: '赵六', unit: '县发改局', items: 1, fee: 20 },
    ]);
    expect(q1.total).toBe(370);

    const out = await t.call('liaisonFeesExport', { period: 'quarter', year: 2026, n: 1, out: t.dir });
    expect(out).toMatchObject({ total: 370, people: 2 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.xlsx);
    const sheet = wb.getWorksheet('稿酬发放表')!;
    const rows = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['序号', '姓名', '单位', '采用条数', '稿酬（元）', '签收'],
      [1, '张敏', '城关镇', 2, 350, ''],
      [2, '赵六', '县发改局', 1, 20, ''],
      ['合计', '', '', 3, 370, ''],
    ]);
    expect(wb.getWorksheet('采用明细')!.rowCount).toBe(4);

    // 稿酬 is a rule value between 5 and 200 元.
    await refusedUnchanged(
      'rulesAdd',
      { validFrom: '2027-01-01', rules: withRuleValue(DEFAULT_RULES, ['person', 'adoption', 'city', 'single', 'fee'], 300) },
      /计分规则“信息员·市级采用·单条·稿酬”必须是 5 到 200 之间的整数/,
    );
    await refusedUnchanged('liaisonFeesExport', { period: 'year', year: 2026, out: '/nonexistent/稿酬' }, /文件夹“\/nonexistent\/稿酬”不存在/);
  });
});
