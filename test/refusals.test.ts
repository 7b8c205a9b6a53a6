/**
 * Every refused operation exits 2 with a clear Chinese message and leaves every row of the
 * database exactly as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';

let t: TestDb;
let ids: { series: number; signed: number; review: number; draft: number; emptyDraft: number; printed: number; free: number };

beforeEach(async () => {
  t = openTestDb();
  const { series, articles } = await seed(t, 5);
  const signed = await publish(t, series.id, [articles[0]!.id, articles[1]!.id], '2026-11-01');
  const review = await t.call('issueCreate', { series: series.id, date: '2026-11-02' });
  await t.call('issueAddArticles', { id: review.id, articleIds: [articles[2]!.id] });
  await t.call('issueSubmit', { id: review.id });
  const draft = await t.call('issueCreate', { series: series.id, date: '2026-11-03' });
  await t.call('issueAddArticles', { id: draft.id, articleIds: [articles[3]!.id] });
  const emptyDraft = await t.call('issueCreate', { series: series.id, date: '2026-11-03' });
  ids = {
    series: series.id,
    signed: signed.id,
    review: review.id,
    draft: draft.id,
    emptyDraft: emptyDraft.id,
    printed: articles[0]!.id,
    free: articles[4]!.id,
  };
});
afterEach(() => t.close());

const s = String;
const cases: [string, () => string[], RegExp][] = [
  ['adding to a signed issue', () => ['issue', 'add', s(ids.signed), s(ids.free)], /已签发.*不能加入信息/],
  ['removing from a signed issue', () => ['issue', 'remove', s(ids.signed), s(ids.printed)], /已签发.*不能移出信息/],
  ['reordering a signed issue', () => ['issue', 'order', s(ids.signed), s(ids.printed)], /已签发/],
  ['re-dating a signed issue', () => ['issue', 'date', s(ids.signed), '2026-12-01'], /已签发.*不能修改日期/],
  ['signing a signed issue again', () => ['issue', 'sign', s(ids.signed), '--by', '李四'], /已签发/],
  ['deleting a signed issue', () => ['issue', 'delete', s(ids.signed)], /永久保存/],
  ['editing an article printed in a signed issue', () => ['article', 'edit', s(ids.printed), '--title', '新标题'], /已签发.*不能修改/],
  ['deleting a printed article', () => ['article', 'delete', s(ids.printed)], /不能删除/],
  ['signing a draft that was not submitted', () => ['issue', 'sign', s(ids.draft), '--by', '张三'], /尚未提交审核/],
  ['submitting an empty issue', () => ['issue', 'submit', s(ids.emptyDraft)], /没有编入任何信息/],
  ['signing an empty draft', () => ['issue', 'sign', s(ids.emptyDraft), '--by', '张三'], /尚未提交审核/],
  ['signing without a signer', () => ['issue', 'sign', s(ids.review)], /请给出签发人/],
  ['signing with a blank signer', () => ['issue', 'sign', s(ids.review), '--by', '   '], /签发人不能为空/],
  ['voiding without a reason', () => ['issue', 'void', s(ids.signed), '--reason', ''], /作废原因不能为空/],
  ['voiding a draft', () => ['issue', 'void', s(ids.draft), '--reason', '不要了'], /尚未签发/],
  ['adding to an issue in review', () => ['issue', 'add', s(ids.review), s(ids.free)], /已提交审核/],
  ['adding an article already in another issue', () => ['issue', 'add', s(ids.draft), s(ids.printed)], /只能编入一期/],
  ['an unknown issue id', () => ['issue', 'show', '9999'], /没有编号为 9999 的期次/],
  ['an unknown article id', () => ['issue', 'add', s(ids.draft), '9999'], /没有编号为 9999 的信息/],
  ['an unknown series name', () => ['issue', 'create', '--series', '不存在的刊物'], /没有名为“不存在的刊物”的刊物/],
  ['an unknown unit', () => ['article', 'add', '--title', 'x', '--body', 'y', '--unit', '火星镇'], /没有名称、简称或别称为“火星镇”的来稿单位/],
  ['a non-numeric id', () => ['issue', 'show', 'abc'], /编号必须是数字/],
  ['a negative id', () => ['issue', 'show', '-3'], /-3 不是有效的编号/],
  ['a zero id', () => ['issue', 'show', '0'], /正整数/],
  ['an impossible date', () => ['issue', 'create', '--series', '城关县政务信息', '--date', '2026-02-30'], /不是有效的日期/],
  ['a malformed date', () => ['issue', 'create', '--series', '城关县政务信息', '--date', '21/11/2026'], /格式应为/],
  ['an empty title', () => ['article', 'add', '--title', '', '--body', '正文'], /标题不能为空/],
  ['a title that is too long', () => ['article', 'add', '--title', '长'.repeat(201), '--body', '正文'], /标题不能超过200个字/],
  ['an unknown category', () => ['article', 'add', '--title', 'x', '--body', 'y', '--category', 'gossip'], /分类只能是/],
  ['an empty body', () => ['article', 'add', '--title', 'x', '--body', '\n \n'], /正文不能为空/],
  ['a missing body file', () => ['article', 'add', '--title', 'x', '--body-file', '/nonexistent/x.txt'], /找不到文件/],
  ['a duplicate series name', () => ['series', 'add', '--name', '城关县政务信息'], /已有名为/],
  ['a duplicate unit name', () => ['unit', 'add', '--name', '城关镇'], /已有名为/],
  ['changing first numbers after sign-off', () => ['series', 'set', '城关县政务信息', '--first-number', '5'], /起始期号.*不能再改/],
  ['an unknown option', () => ['issue', 'list', '--colour', 'red'], /不认识的选项 --colour/],
  ['an option without its value', () => ['issue', 'sign', '1', '--by'], /选项 --by 后面缺少内容/],
  ['a missing positional', () => ['issue', 'show'], /缺少参数 ISSUE/],
  ['an extra positional', () => ['issue', 'show', '1', '2'], /多余的参数/],
  ['an unknown command', () => ['issue', 'publish', '1'], /没有“issue publish”这个命令/],
  ['reordering with a foreign article', () => ['issue', 'order', s(ids.draft), s(ids.free)], /正好包含/],
];

describe('refused operations', () => {
  it.each(cases)('refuses %s with exit 2 and changes nothing', async (_label, args, message) => {
    const before = snapshotAll(t.db);
    const r = await cli(t.file, ...args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.startsWith('错误：')).toBe(true);
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('with --json also prints the error object on stdout', async () => {
    const before = snapshotAll(t.db);
    const r = await cli(t.file, '--json', 'issue', 'sign', s(ids.draft), '--by', '张三');
    expect(r.code).toBe(2);
    expect(r.json()).toEqual({ error: { code: 'INVALID_STATE', message: expect.stringContaining('尚未提交审核') } });
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('refuses direct writes to a signed issue at the database level too', () => {
    const before = snapshotAll(t.db);
    expect(() => t.db.prepare("UPDATE issues SET date = '2030-01-01' WHERE id = ?").run(ids.signed)).toThrow(/FROZEN/);
    expect(() => t.db.prepare('DELETE FROM issues WHERE id = ?').run(ids.signed)).toThrow(/FROZEN/);
    expect(() => t.db.prepare('DELETE FROM issue_articles WHERE issue_id = ?').run(ids.signed)).toThrow(/FROZEN/);
    expect(() => t.db.prepare("UPDATE articles SET title = 'x' WHERE id = ?").run(ids.printed)).toThrow(/FROZEN/);
    expect(() => t.db.prepare("UPDATE issue_articles SET snapshot = '{}' WHERE issue_id = ?").run(ids.signed)).toThrow(/FROZEN/);
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('refuses to sign an issue in review that somehow has no articles', async () => {
    t.db.prepare("UPDATE issues SET status = 'review' WHERE id = ?").run(ids.emptyDraft);
    const before = snapshotAll(t.db);
    const r = await cli(t.file, 'issue', 'sign', s(ids.emptyDraft), '--by', '张三');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/没有任何信息，不能签发/);
    expect(snapshotAll(t.db)).toEqual(before);
  });
});
