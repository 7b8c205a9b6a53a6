/**
 * Proofreading at the doors (issue 18): `bulletin proof` on an item and on files, --fix on an
 * item that may change and refused on a frozen one, ignored findings kept with the item, the
 * warning at submit, the count in the intake register, and the dated 规范提法 list. Every refusal
 * leaves the database byte-identical.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProofReport } from '../src-main/api/ops/proof';
import { cli } from './helpers/cli';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';
import { encodeGbk, wordStylesDocx } from './helpers/intake-files';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

const DRAFT = '今年以来,城关镇投入1.5亿元。\n截止10月底，其它单位配合。。\n会议于2026.12.4召开。';

async function draftItem(body = DRAFT, title = '城关镇推进老旧小区改造') {
  const { units } = await seed(t, 0);
  return t.call('articleAdd', { title, body, unit: units[0]!.id });
}

describe('bulletin proof --article', () => {
  it('lists the findings with exit 0, in text and as JSON', async () => {
    const a = await draftItem();
    const text = await cli(t.file, 'proof', '--article', String(a.id));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('错误 3 处，建议 2 处');
    expect(text.stdout).toContain('[错误] 第1段第5字 “,” → “，”');
    const json = await cli(t.file, '--json', 'proof', '--article', String(a.id));
    const r = json.json() as ProofReport;
    expect(json.code).toBe(0);
    expect(r.findings.map((f) => f.rule)).toEqual(['half-width-punct', 'confused-word', 'confused-word', 'repeated-punct', 'date-form']);
    expect(r.findings[0]).toMatchObject({ paragraph: 0, start: 4, end: 5, fix: '，', severity: '错误' });
  });

  it('--fix writes only the certain fixes and leaves the rest listed', async () => {
    const a = await draftItem('今年以来,城关镇投入资金。\n加强领导，。明确责任。');
    const r = (await cli(t.file, '--json', 'proof', '--article', String(a.id), '--fix')).json() as ProofReport;
    expect(r.fixed).toBe(1);
    expect(r.findings.map((f) => f.rule)).toEqual(['conflicting-punct']);
    const saved = await t.call('articleGet', { id: a.id });
    expect(saved.paragraphs.map((p) => p.text)).toEqual(['今年以来，城关镇投入资金。', '加强领导，。明确责任。']);
    const log = await t.call('auditList', { object: `article:${a.id}` });
    expect(log.rows.map((e) => [e.operation, e.summary])).toContainEqual(['proofCheck', '校对：写入确定的修正']);
  });

  it('--fix --rule fixes one kind only', async () => {
    const a = await draftItem();
    const r = (await cli(t.file, '--json', 'proof', '--article', String(a.id), '--fix', '--rule', 'date-form')).json() as ProofReport;
    expect(r.fixed).toBe(1);
    expect(r.article!.paragraphs[2]!.text).toBe('会议于2026年12月4日召开。');
    expect(r.article!.paragraphs[0]!.text).toBe('今年以来,城关镇投入1.5亿元。');
  });

  it('--fix on an item in review or in a signed issue is refused (exit 2), nothing changed', async () => {
    const { series, articles } = await seed(t, 1);
    await t.call('articleEdit', { id: articles[0]!.id, body: '今年以来,全县投入资金。' });
    await publish(t, series.id, [articles[0]!.id], '2026-11-21');
    const before = snapshotAll(t.db);
    const r = await cli(t.file, 'proof', '--article', String(articles[0]!.id), '--fix');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已签发');
    expect(snapshotAll(t.db)).toEqual(before);
    // A check without --fix still works on a frozen item.
    expect((await cli(t.file, 'proof', '--article', String(articles[0]!.id))).code).toBe(0);

    const b = await t.call('articleAdd', { title: '待审稿件', body: '其它单位配合。' });
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-28' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [b.id] });
    await t.call('issueSubmit', { id: issue.id });
    const mid = snapshotAll(t.db);
    const rv = await cli(t.file, 'proof', '--article', String(b.id), '--fix');
    expect(rv.code).toBe(2);
    expect(rv.stderr).toContain('审核');
    expect(snapshotAll(t.db)).toEqual(mid);
  });

  it('refuses a missing item, both --article and --file, --fix on a file, unknown rules — exit 2, nothing changed', async () => {
    const a = await draftItem();
    const before = snapshotAll(t.db);
    const file = path.join(t.dir, 'a.txt');
    fs.writeFileSync(file, '今年以来,城关镇。');
    for (const args of [
      ['--article', '999'],
      ['--article', String(a.id), '--file', file],
      ['--file', file, '--fix'],
      ['--article', String(a.id), '--fix', '--rule', 'no-such-rule'],
      [],
      ['--file', path.join(t.dir, 'missing.txt')],
      ['--file', path.join(t.dir, 'x.doc')],
    ]) {
      const r = await cli(t.file, 'proof', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(snapshotAll(t.db)).toEqual(before);
  });
});

describe('bulletin proof --file', () => {
  it('checks a .txt in GBK and a .docx without touching the database', async () => {
    await seed(t, 0);
    const before = snapshotAll(t.db);
    const txt = path.join(t.dir, '城关镇-秋粮收购.txt');
    fs.writeFileSync(txt, encodeGbk('城关镇秋粮收购进展顺利\n截止10月底,全镇收购稻谷1.86万吨。'));
    const r1 = (await cli(t.file, '--json', 'proof', '--file', txt)).json() as ProofReport;
    expect(r1.source).toBe('城关镇-秋粮收购.txt');
    expect(r1.findings.map((f) => f.rule)).toEqual(['confused-word', 'half-width-punct']);
    const docx = path.join(t.dir, '县发改局-项目建设.docx');
    fs.writeFileSync(docx, await wordStylesDocx('县发改局推进项目建设', [{ text: '1-9月份，全县完成投资86.3亿元。' }]));
    const r2 = (await cli(t.file, '--json', 'proof', '--file', docx)).json() as ProofReport;
    expect(r2.findings.map((f) => f.rule).sort()).toEqual(['month-fen', 'range-hyphen']);
    expect(snapshotAll(t.db)).toEqual(before);
  });
});

describe('ignoring a finding', () => {
  it('keeps it with the item: not listed, not counted at submit; restore lists it again', async () => {
    const a = await draftItem('其它单位配合。');
    const [f] = (await t.call('proofCheck', { id: a.id })).findings;
    const r = await cli(t.file, 'proof', 'ignore', String(a.id), f!.key);
    expect(r.code).toBe(0);
    const after = await t.call('proofCheck', { id: a.id });
    expect(after.findings).toEqual([]);
    expect(after.ignored).toBe(1);
    expect((await t.call('proofSetup', { id: a.id })).ignored).toEqual([f!.key]);
    await cli(t.file, 'proof', 'ignore', String(a.id), f!.key, '--restore');
    expect((await t.call('proofCheck', { id: a.id })).findings).toHaveLength(1);
  });

  it('refuses a key that is no finding and a missing item, nothing changed', async () => {
    const a = await draftItem('其它单位配合。');
    const before = snapshotAll(t.db);
    expect((await t.refuse('proofIgnore', { id: a.id, key: 'nonsense' })).code).toBe('INVALID_INPUT');
    expect((await t.refuse('proofIgnore', { id: 999, key: 'confused-word||其它|单位配合' })).code).toBe('NOT_FOUND');
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('goes with the item when the item is deleted', async () => {
    const a = await draftItem('其它单位配合。');
    const [f] = (await t.call('proofCheck', { id: a.id })).findings;
    await t.call('proofIgnore', { id: a.id, key: f!.key });
    await t.call('articleDelete', { id: a.id });
    expect(t.db.prepare('SELECT count(*) AS n FROM proof_ignored').get()).toEqual({ n: 0 });
  });
});

describe('submitting an issue', () => {
  it('lists the unfixed 错误 of its items as a warning, and submits all the same', async () => {
    const { series } = await seed(t, 0);
    const bad = await t.call('articleAdd', { title: '城关镇推进改造', body: '今年以来,城关镇投入资金。\n其它单位配合。' });
    const good = await t.call('articleAdd', { title: '县发改局推进项目', body: '今年以来，全县完成投资。' });
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [bad.id, good.id] });
    const r = await cli(t.file, 'issue', 'submit', String(issue.id));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 条信息还有 1 处校对“错误”未修正');
    expect(r.stdout).toContain(`《城关镇推进改造》（信息 #${bad.id}）：1处错误，如 第1段“,”`);
    expect((await t.call('issueGet', { id: issue.id })).status).toBe('review');
  });

  it('says nothing when every item is clean', async () => {
    const { series, articles } = await seed(t, 2);
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: articles.map((a) => a.id) });
    expect((await t.call('issueSubmit', { id: issue.id })).proofErrors).toEqual([]);
  });
});

describe('the intake register', () => {
  it('shows each draft’s count of findings', async () => {
    await seed(t, 0);
    await t.call('submissionAdd', { title: '城关镇秋粮收购', body: '截止10月底,全镇收购稻谷。' });
    await t.call('submissionAdd', { title: '县发改局项目建设', body: '今年以来，全县完成投资。' });
    const list = await t.call('submissionList', {});
    expect(list.rows.map((s) => [s.title, s.proof])).toEqual([
      ['县发改局项目建设', { errors: 0, suggestions: 0 }],
      ['城关镇秋粮收购', { errors: 1, suggestions: 1 }],
    ]);
  });
});

describe('the 规范提法 list', () => {
  it('ships a default set, takes dated versions that never change, and applies the one in force', async () => {
    const a = await draftItem('县政府办牵头。县委县政府高度重视。');
    const shipped = await t.call('proofWordingList', {});
    expect(shipped).toHaveLength(1);
    expect(shipped[0]!.validFrom).toBeNull();
    expect((await t.call('proofCheck', { id: a.id })).findings.map((f) => f.text)).toEqual(['县委县政府']);

    const list = path.join(t.dir, '规范提法.txt');
    fs.writeFileSync(list, '# 本县机构名称\n县政府办 => 县政府办公室 # 正式名称\n');
    const added = await cli(t.file, 'proof', 'wording', 'add', '--from', '2020-01-01', '--list-file', list, '--thousands', 'plain');
    expect(added.code).toBe(0);
    const r = await t.call('proofCheck', { id: a.id });
    expect(r.findings.map((f) => [f.text, f.fix])).toEqual([['县政府办', '县政府办公室']]);
    expect(r.wordingFrom).toBe('2020-01-01');
    // A version starting later does not apply yet.
    await t.call('proofWordingAdd', { validFrom: '2199-01-01', entries: [] });
    expect((await t.call('proofCheck', { id: a.id })).wordingFrom).toBe('2020-01-01');

    const before = snapshotAll(t.db);
    expect((await t.refuse('proofWordingAdd', { validFrom: '2020-01-01', entries: [] })).code).toBe('CONFLICT');
    expect((await cli(t.file, 'proof', 'wording', 'add', '--from', '2021-01-01', '--list-file', list, '--thousands', 'some')).code).toBe(2);
    fs.writeFileSync(list, '县政府办 县政府办公室\n');
    expect((await cli(t.file, 'proof', 'wording', 'add', '--from', '2021-01-01', '--list-file', list)).code).toBe(2);
    expect(() => t.db.prepare("UPDATE proof_wording SET entries = '[]'").run()).toThrow(/FROZEN/);
    expect(snapshotAll(t.db)).toEqual(before);
  });
});
