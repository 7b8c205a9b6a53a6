/**
 * A correctable register (issue 12): 更正登记信息 of every field with a reason, the item made
 * from the draft following unless frozen, the original file byte-identical, refused corrections
 * changing nothing; a unit set on an item filling a draft's missing unit; the 未填单位 filter and
 * count.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, publish, snapshotAll, type TestDb } from './helpers/db';
import { ownWriterDocx } from './helpers/intake-files';

const NOW = new Date('2026-11-21T02:00:00Z');
let t: TestDb;
beforeEach(() => {
  t = openTestDb({ now: () => NOW });
});
afterEach(() => t.close());

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function setting() {
  const series = await t.call('seriesAdd', { name: '城关县政务信息', org: '城关县人民政府办公室' });
  const town = await t.call('unitAdd', { name: '城关镇' });
  const dept = await t.call('unitAdd', { name: '县发展和改革局', shortName: '县发改局' });
  const bytes = await ownWriterDocx('关于秋冬种生产进展情况的报告', [
    { level: 0, text: '今年以来，多措并举推进秋冬种生产，完成播种面积1.5万亩。' },
    { level: 1, text: '一、强化组织领导' },
  ]);
  const file = path.join(t.dir, '城关镇-关于秋冬种生产进展情况的报告.docx');
  fs.writeFileSync(file, bytes);
  const imported = await t.call('submissionImport', { path: file, liaisonName: '王某', liaisonPhone: '13800000000', receivedDate: '2026-11-20' });
  const draft = imported.submission!;
  return { series, town, dept, bytes, draft };
}

const original = (id: number) => t.db.prepare('SELECT original_file FROM submissions WHERE id = ?').get(id) as { original_file: Buffer };

describe('更正登记信息', () => {
  it('corrects every field, with a reason, and the item follows its unit and title', async () => {
    const { dept, bytes, draft } = await setting();
    expect(draft.unit).toBe('城关镇');
    const { article } = await t.call('submissionEdit', { id: draft.id });

    const r = await t.call('submissionCorrect', {
      id: draft.id,
      unit: '县发改局',
      liaisonName: '李某',
      liaisonPhone: '0000-7654321',
      receivedDate: '2026-11-19',
      title: '关于全县秋冬种生产进展情况的报告',
      reason: '文件名写错了报送单位',
    });
    expect(r.corrected).toEqual(['来稿单位', '信息员', '联系电话', '收稿日期', '标题']);
    expect(r.submission).toMatchObject({
      unitId: dept.id,
      unit: '县发展和改革局',
      liaisonName: '李某',
      liaisonPhone: '0000-7654321',
      receivedDate: '2026-11-19',
      title: '关于全县秋冬种生产进展情况的报告',
      originalSha256: sha(bytes),
    });
    expect(r.article).toEqual({ id: article.id, followed: ['来稿单位', '标题'], notFollowed: null });
    expect(await t.call('articleGet', { id: article.id })).toMatchObject({ unitId: dept.id, title: '关于全县秋冬种生产进展情况的报告' });
    // the original is byte-identical, and the search index follows the new unit
    expect(original(draft.id).original_file.equals(bytes)).toBe(true);
    const hits = await t.call('search', { query: '秋冬种', kinds: ['submission'], unit: '县发改局' });
    expect(hits.hits.map((h) => h.id)).toEqual([draft.id]);
  });

  it('corrects one field at a time, each alone', async () => {
    const { draft } = await setting();
    const cases = [
      [{ liaisonName: '赵某' }, '信息员', { liaisonName: '赵某' }],
      [{ liaisonPhone: '13900000000' }, '联系电话', { liaisonPhone: '13900000000' }],
      [{ receivedDate: '2026-11-18' }, '收稿日期', { receivedDate: '2026-11-18' }],
      [{ title: '新标题' }, '标题', { title: '新标题' }],
      [{ unit: null }, '来稿单位', { unit: null, unitId: null }],
    ] as const;
    for (const [fields, label, expected] of cases) {
      const r = await t.call('submissionCorrect', { id: draft.id, ...fields, reason: '核对原件后更正' });
      expect(r.corrected).toEqual([label]);
      expect(r.submission).toMatchObject(expected);
      expect(r.article).toBeNull();
    }
  });

  it('corrects a used draft; the frozen item is left as printed, and the result says so', async () => {
    const { series, dept, bytes, draft } = await setting();
    const { article } = await t.call('submissionEdit', { id: draft.id });
    const signed = await publish(t, series.id, [article.id], '2026-11-21');
    expect((await t.call('submissionGet', { id: draft.id })).state).toBe('used');
    const itemBefore = t.db.prepare('SELECT * FROM articles WHERE id = ?').get(article.id);

    const r = await t.call('submissionCorrect', { id: draft.id, unit: dept.id, title: '改过的标题', reason: '单位登记有误' });
    expect(r.submission).toMatchObject({ unit: '县发展和改革局', title: '改过的标题', state: 'used' });
    expect(r.article?.followed).toEqual([]);
    expect(r.article?.notFollowed).toMatch(new RegExp(`已刊登在已签发的《城关县政务信息》2026年第${signed.number}期.*未作改动`));
    expect(t.db.prepare('SELECT * FROM articles WHERE id = ?').get(article.id)).toEqual(itemBefore);
    expect(original(draft.id).original_file.equals(bytes)).toBe(true);
  });

  it('leaves an item in review alone, and keeps a title or unit the editor chose', async () => {
    const { series, town, dept, draft } = await setting();
    const { article } = await t.call('submissionEdit', { id: draft.id });
    await t.call('articleEdit', { id: article.id, title: '编辑改写的标题' });
    const r1 = await t.call('submissionCorrect', { id: draft.id, unit: dept.id, title: '来稿的正确标题', reason: '核对' });
    expect(r1.article).toMatchObject({ followed: ['来稿单位'], notFollowed: expect.stringMatching(/标题（信息的标题已经编辑修改过）/) });
    expect(await t.call('articleGet', { id: article.id })).toMatchObject({ title: '编辑改写的标题', unitId: dept.id });

    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [article.id] });
    await t.call('issueSubmit', { id: issue.id });
    const r2 = await t.call('submissionCorrect', { id: draft.id, unit: town.id, reason: '又核对了一次' });
    expect(r2.article?.notFollowed).toMatch(/已提交审核，未作改动/);
    expect((await t.call('articleGet', { id: article.id })).unitId).toBe(dept.id);
  });

  it('refuses a correction without a reason, with nothing to change, or to an unknown unit, changing nothing', async () => {
    const { draft } = await setting();
    const before = snapshotAll(t.db);
    const cases: [unknown, RegExp][] = [
      [{ id: draft.id, unit: '县发改局' }, /更正原因/],
      [{ id: draft.id, unit: '县发改局', reason: '   ' }, /更正原因不能为空/],
      [{ id: draft.id, reason: '没写改什么' }, /没有需要更正的地方/],
      [{ id: draft.id, liaisonName: '王某', reason: '与原来相同' }, /没有需要更正的地方/],
      [{ id: draft.id, unit: '河口乡', reason: '单位' }, /没有名称、简称或别称为“河口乡”的来稿单位/],
      [{ id: draft.id, receivedDate: '2026-02-30', reason: '日期' }, /收稿日期/],
      [{ id: 999, title: '标题', reason: '不存在' }, /没有编号为 999 的来稿/],
      [{ id: draft.id, title: '标题', reason: '多余字段', originalName: 'x.docx' }, /./],
    ];
    for (const [input, message] of cases) {
      const e = await t.refuse('submissionCorrect', input);
      expect(e.message).toMatch(message);
    }
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('never changes the original file, whatever the SQL', async () => {
    const { draft } = await setting();
    expect(() => t.db.prepare("UPDATE submissions SET original_file = x'00' WHERE id = ?").run(draft.id)).toThrow(/FROZEN/);
  });
});

describe('未填单位', () => {
  it('is filtered and counted, and a unit set on the item reaches the register', async () => {
    const { town, draft } = await setting();
    const loose = await t.call('submissionAdd', { title: '没有单位的来稿', body: '正文一段。' });
    const other = await t.call('submissionAdd', { title: '另一份没有单位的来稿', body: '正文另一段，内容不同。' });
    expect(await t.call('submissionCounts', {})).toEqual({ total: 3, withoutUnit: 2 });
    expect((await t.call('submissionList', { withoutUnit: true })).rows.map((s) => s.id).sort()).toEqual([loose.id, other.id].sort());
    expect((await t.call('submissionList', { withoutUnit: false })).rows.map((s) => s.id)).toEqual([draft.id]);
    const both = await t.refuse('submissionList', { unit: town.id, withoutUnit: true });
    expect(both.message).toMatch(/不能同时筛选/);

    const { article } = await t.call('submissionEdit', { id: loose.id });
    const before = (await t.call('submissionGet', { id: loose.id })).updatedAt;
    await t.call('articleEdit', { id: article.id, unit: '城关镇' });
    const after = await t.call('submissionGet', { id: loose.id });
    expect(after).toMatchObject({ unitId: town.id, unit: '城关镇' });
    expect(after.updatedAt >= before).toBe(true);
    expect(await t.call('submissionCounts', {})).toEqual({ total: 3, withoutUnit: 1 });
    // a draft that names its unit is changed only by a correction
    await t.call('articleEdit', { id: article.id, unit: '县发改局' });
    expect((await t.call('submissionGet', { id: loose.id })).unit).toBe('城关镇');
  });
});
