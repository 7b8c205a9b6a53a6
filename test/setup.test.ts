/**
 * First start (首次设置): an empty database says it needs setting up; the wizard's answers are
 * kept between visits; completing writes the sender, the first series (continuing from the
 * paper issues' numbers, with its print settings), the units and a sample draft issue in one
 * transaction — refused whole, nothing written, when any part is wrong — and the set-up is
 * then over: the first signed issue takes the number the office gave.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, snapshotAll, type TestDb } from './helpers/db';

let t: TestDb;
beforeEach(() => {
  t = openTestDb({ now: () => new Date('2026-11-21T02:00:00Z') });
});
afterEach(() => t.close());

const ANSWERS = {
  sender: { office: '城关县人民政府办公室', shortName: '城关县政府办', contactPerson: '王某某', phone: '0000-1234567' },
  series: {
    name: '城关县政务信息',
    firstNumber: 37,
    firstTotal: 412,
    maxClassification: 'internal' as const,
    print: { mastheadName: '政务信息', sensitivityMark: 'internal', distribution: { to: ['市政府办公室'], cc: ['县委办公室', '县人大常委会办公室'], down: ['各镇人民政府', '县直各单位'] } },
  },
  unitsText: '单位名称\t简称\t别称\t类别\n城关镇\t\t城关\t镇\n县发展和改革局\t县发改局\t发改局\t县直部门\n东城街道\n',
};

describe('first start', () => {
  it('an empty database needs it; the answers so far are kept and come back', async () => {
    expect(await t.call('setupState', {})).toEqual({ needed: true, sender: { office: '', shortName: '', contactPerson: '', phone: '' }, units: 0, draft: null });
    const draft = { step: 2, sender: { office: '城关县人民政府办公室' }, series: { name: '城关县政务信息', firstNumber: 37 }, unitsText: '城关镇\n清河镇' };
    await t.call('setupSave', { draft });
    expect((await t.call('setupState', {})).draft).toEqual(draft);
    // a draft is not the set-up: nothing else was written
    expect(await t.call('seriesList', {})).toEqual([]);
    expect(await t.call('unitList', {})).toEqual([]);
  });

  it('writes office, series, units and a sample issue at once; the first issue takes the number given', async () => {
    await t.call('setupSave', { draft: { step: 1 } });
    const r = await t.call('setupComplete', { ...ANSWERS, sample: true });
    expect(r.series).toMatchObject({ name: '城关县政务信息', org: '城关县人民政府办公室', firstNumber: 37, firstTotal: 412, maxClassification: 'internal' });
    expect(r.series.print).toMatchObject({ mastheadName: '政务信息', sensitivityMark: '内部资料 注意保存', distribution: { to: ['市政府办公室'], cc: ['县委办公室', '县人大常委会办公室'], down: ['各镇人民政府', '县直各单位'] } });
    expect(r.units).toMatchObject({ added: 3, updated: 0, unchanged: 0 });
    expect((await t.call('settingsGet', {})).sender).toEqual(ANSWERS.sender);
    const units = await t.call('unitList', {});
    expect(units.map((u) => [u.name, u.kind, u.shortName, u.aliases])).toEqual([
      ['城关镇', 'town', null, ['城关']],
      ['县发展和改革局', 'department', '县发改局', ['发改局']],
      ['东城街道', 'street', null, []],
    ]);
    // the sample: a draft (no number taken) holding one marked item
    const sample = await t.call('issueGet', { id: r.sampleIssueId! });
    expect(sample).toMatchObject({ status: 'draft', number: null, date: '2026-11-21' });
    expect(sample.articles.map((a) => a.title)).toEqual(['（示例）城关镇“三个聚焦”推进老旧小区改造']);
    // the set-up is over, and its draft gone
    expect(await t.call('setupState', {})).toMatchObject({ needed: false, draft: null, units: 3 });
    // one entry in the log for the whole set-up
    expect((await t.call('auditList', { operation: 'setupComplete' })).total).toBe(1);

    // the first real issue continues the paper numbers
    const a = await t.call('articleAdd', { title: '城关镇推进老旧小区改造', body: '今年以来，城关镇改造老旧小区36个。', unit: '城关' });
    const issue = await t.call('issueCreate', { series: r.series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [a.id] });
    await t.call('issueSubmit', { id: issue.id });
    const signed = await t.call('issueSign', { id: issue.id, signedBy: '张某某' });
    expect(signed).toMatchObject({ number: 37, totalNumber: 412 });
  });

  it('without units or a sample, is just the office and the series', async () => {
    const r = await t.call('setupComplete', { sender: { office: '城关县人民政府办公室' }, series: { name: '城关县政务信息', firstNumber: 1, firstTotal: 1 } });
    expect(r).toMatchObject({ units: { added: 0 }, sampleIssueId: null });
    expect(await t.call('issueList', {})).toEqual({ rows: [], total: 0 });
  });

  it('is refused whole when any part is wrong, leaving the database as it was', async () => {
    await t.call('setupSave', { draft: { step: 3, unitsText: '城关镇\n城关镇' } });
    const before = snapshotAll(t.db);
    const cases: [unknown, RegExp][] = [
      [{ ...ANSWERS, unitsText: '城关镇\n\t城关\n城关镇\n县水利局\t\t\t村委会' }, /第2行：单位名称为空[\s\S]*第3行：单位名称“城关镇”与第1行重复[\s\S]*第4行：类别“村委会”无法识别/],
      [{ ...ANSWERS, sender: { ...ANSWERS.sender, office: '' } }, /请填写本单位全称/],
      [{ ...ANSWERS, series: { ...ANSWERS.series, firstNumber: 0 } }, /起始期号/],
      [{ ...ANSWERS, series: { name: '城关县政务信息', firstNumber: 37 } }, /起始总期号/],
      [{ ...ANSWERS, unitsText: '县发展和改革局\t县发改局\n县发改局' }, /第2行：“县发改局”已是来稿单位“县发展和改革局”的简称/],
    ];
    for (const [input, message] of cases) {
      const e = await t.refuse('setupComplete', input);
      expect(e.message).toMatch(message);
      expect(snapshotAll(t.db)).toEqual(before);
    }
  });

  it('once done, is not offered again and cannot be run twice', async () => {
    await t.call('setupComplete', ANSWERS);
    const before = snapshotAll(t.db);
    expect((await t.refuse('setupComplete', ANSWERS)).message).toMatch(/首次设置已经完成/);
    expect((await t.refuse('setupSave', { draft: { step: 1 } })).code).toBe('INVALID_STATE');
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('an office that made its series by hand is not asked either', async () => {
    await t.call('seriesAdd', { name: '城关县政务信息' });
    expect((await t.call('setupState', {})).needed).toBe(false);
  });
});

describe('bulletin setup', () => {
  it('says whether it is needed, and completes from the command line', async () => {
    t.db.close();
    const { cli } = await import('./helpers/cli');
    const fs = await import('node:fs');
    const path = await import('node:path');
    expect((await cli(t.file, 'setup', 'status')).stdout).toContain('尚未完成首次设置');
    const units = path.join(t.dir, '单位.txt');
    fs.writeFileSync(units, '城关镇\n县发展和改革局\t县发改局\n');
    const r = await cli(t.file, 'setup', 'complete', '--office', '城关县人民政府办公室', '--series', '城关县政务信息', '--first-number', '37', '--first-total', '412', '--mark', 'internal', '--to', '市政府办公室', '--units-file', units, '--sample');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('第一期将是第37期（总第412期）');
    expect(r.stdout).toContain('新增 2 个');
    expect((await cli(t.file, 'setup', 'status')).stdout).toContain('首次设置已完成');
    expect((await cli(t.file, 'setup', 'complete', '--office', 'x', '--series', 'y', '--first-number', '1', '--first-total', '1')).code).toBe(2);
  });
});
