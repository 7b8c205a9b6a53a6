/**
 * Scoring per series and 未填单位, through the API, the CLI and the database: a series says which
 * county rule its items score under, an item can be marked as a 简讯 in an issue until it is
 * signed, the ledger names the rule, and a circular over drafts without a unit lists 未填单位 as
 * a row while naming as silent no unit that sent a draft or had an item adopted.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { openTestDb, publish, snapshotAll, type TestDb } from './helpers/db';
import { addSubmissions } from './helpers/scoring-county';

const TODAY = new Date(2026, 9, 15, 12, 0, 0);
let t: TestDb;
afterEach(() => t?.close());

async function county() {
  t = openTestDb({ now: () => TODAY });
  const series = await t.call('seriesAdd', { name: '城关县政务信息', org: '城关县人民政府办公室' });
  const chengguan = (await t.call('unitAdd', { name: '城关镇' })).id;
  const dongshan = (await t.call('unitAdd', { name: '东山镇' })).id;
  const xihe = (await t.call('unitAdd', { name: '西河镇' })).id;
  const item = async (title: string, unit?: number) => (await t.call('articleAdd', { title, body: `${title}。正文。`, ...(unit ? { unit } : {}) })).id;
  return { series, chengguan, dongshan, xihe, item };
}

const q3 = { period: 'quarter' as const, year: 2026, n: 3 };
const pointsOf = async (unit: string) => (await t.call('score', q3)).find((r) => r.unit === unit)?.points;

describe('the rule a series scores under', () => {
  it('defaults to 单条 (10 points), as every series scored before', async () => {
    const c = await county();
    expect(c.series.scoreRule).toBe('single');
    await publish(t, c.series.id, [await c.item('城关镇推进老旧小区改造', c.chengguan)], '2026-07-20');
    expect(await pointsOf('城关镇')).toBe(10);
    const ledger = await t.call('scoreLedger', { ...q3, unit: '城关镇' });
    expect(ledger.map((e) => e.rule)).toEqual(['县级单条']);
  });

  it('a series set to 每日要情 or 简讯 scores its items so, and a 简讯 mark in an issue overrides it', async () => {
    const c = await county();
    const daily = await t.call('seriesAdd', { name: '每日要情', scoreRule: 'daily' });
    const briefs = await t.call('seriesAdd', { name: '政务简讯' });
    expect((await t.call('seriesUpdate', { series: briefs.id, scoreRule: 'brief' })).scoreRule).toBe('brief');
    await publish(t, daily.id, [await c.item('东山镇发展特色产业', c.dongshan)], '2026-07-21');
    await publish(t, briefs.id, [await c.item('西河镇召开会议', c.xihe)], '2026-07-22');
    const a = await c.item('城关镇一条简讯', c.chengguan);
    const b = await c.item('城关镇一条单条', c.chengguan);
    const issue = await t.call('issueCreate', { series: c.series.id, date: '2026-07-23' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [a, b] });
    const marked = await t.call('issueMarkBrief', { id: issue.id, articleId: a });
    expect(marked.articles.map((x) => x.brief)).toEqual([true, false]);
    // the mark goes with the item when the order changes
    const reordered = await t.call('issueReorder', { id: issue.id, articleIds: [b, a] });
    expect(reordered.articles.map((x) => [x.id, x.brief])).toEqual([
      [b, false],
      [a, true],
    ]);
    await t.call('issueSubmit', { id: issue.id });
    await t.call('issueSign', { id: issue.id, signedBy: '张某某' });

    expect(await pointsOf('东山镇')).toBe(10);
    expect(await pointsOf('西河镇')).toBe(5);
    expect(await pointsOf('城关镇')).toBe(15);
    const ledger = await t.call('scoreLedger', { ...q3, unit: '城关镇' });
    expect(ledger.map((e) => [e.title, e.rule, e.points])).toEqual([
      ['城关镇一条简讯', '县级简讯', 5],
      ['城关镇一条单条', '县级单条', 10],
    ]);
    const adoptions = await t.call('adoptionList', { unit: '东山镇' });
    expect(adoptions.rows.map((x) => x.kind)).toEqual(['daily']);
  });

  it('a signed issue keeps the rule it was signed under when the series changes', async () => {
    const c = await county();
    await publish(t, c.series.id, [await c.item('城关镇推进老旧小区改造', c.chengguan)], '2026-07-20');
    await t.call('seriesUpdate', { series: c.series.id, scoreRule: 'brief' });
    expect(await pointsOf('城关镇')).toBe(10);
    await publish(t, c.series.id, [await c.item('城关镇第二条', c.chengguan)], '2026-07-25');
    expect(await pointsOf('城关镇')).toBe(15);
  });

  it('refuses a 简讯 mark once the issue is signed, or for an item not in it, and changes nothing', async () => {
    const c = await county();
    const a = await c.item('城关镇推进老旧小区改造', c.chengguan);
    const signed = await publish(t, c.series.id, [a], '2026-07-20');
    const draft = await t.call('issueCreate', { series: c.series.id, date: '2026-07-30' });
    const before = snapshotAll(t.db);
    const frozen = await t.refuse('issueMarkBrief', { id: signed.id, articleId: a });
    expect(frozen.code).toBe('FROZEN');
    expect(frozen.message).toContain('已签发，不能标注简讯');
    expect((await t.refuse('issueMarkBrief', { id: draft.id, articleId: a })).message).toContain(`信息 ${a} 不在`);
    expect((await t.refuse('issueMarkBrief', { id: draft.id, articleId: a, brief: 'yes' })).message).toContain('简讯');
    expect((await t.refuse('seriesUpdate', { series: c.series.id, scoreRule: 'research' })).message).toContain('计分规则只能是');
    expect(snapshotAll(t.db)).toEqual(before);
    // the database itself refuses, whatever the door
    expect(() => t.db.prepare('UPDATE issue_articles SET brief = 1 WHERE issue_id = ?').run(signed.id)).toThrow(/FROZEN/);
    expect(() => t.db.prepare("UPDATE issues SET score_rule = 'brief' WHERE id = ?").run(signed.id)).toThrow(/FROZEN/);
  });

  it('the CLI sets the rule and marks a brief, spelled like the other commands', async () => {
    const c = await county();
    const a = await c.item('城关镇推进老旧小区改造', c.chengguan);
    const set = await cli(t.file, 'series', 'set', '城关县政务信息', '--score-rule', 'daily');
    expect(set.stderr).toBe('');
    expect(set.stdout).toContain('计分：县级每日要情');
    const bad = await cli(t.file, 'series', 'set', '城关县政务信息', '--score-rule', 'research');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('计分规则只能是');
    const issue = await t.call('issueCreate', { series: c.series.id, date: '2026-07-20' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [a] });
    const mark = await cli(t.file, 'issue', 'brief', String(issue.id), String(a));
    expect(mark.code).toBe(0);
    expect(mark.stdout).toContain('[简讯]');
    const json = await cli(t.file, '--json', 'issue', 'brief', String(issue.id), String(a), '--no-brief');
    expect((json.json() as { articles: { brief: boolean }[] }).articles[0]!.brief).toBe(false);
    expect((await cli(t.file, '--json', 'series', 'show', '城关县政务信息')).json()).toMatchObject({ scoreRule: 'daily' });
  });
});

describe('未填单位 and the silent list', () => {
  it('a circular over drafts without a unit lists 未填单位 as a row, and no unit with a draft or an adoption as silent', async () => {
    const c = await county();
    addSubmissions(t.db, c.chengguan, '2026-07-03', 3);
    addSubmissions(t.db, null, '2026-08-04', 2);
    // 东山镇 sent nothing this quarter, but its item (from before) was adopted in a signed issue
    const old = await c.item('东山镇发展特色产业', c.dongshan);
    t.db.prepare("UPDATE articles SET created_at = '2026-05-01T01:00:00.000Z' WHERE id = ?").run(old);
    await publish(t, c.series.id, [old], '2026-07-20');
    // an item with no unit, adopted by the city
    const orphan = await c.item('一条没有单位的信息');
    t.db.prepare("UPDATE articles SET created_at = '2026-05-01T01:00:00.000Z' WHERE id = ?").run(orphan);
    await t.call('adoptionAdd', { articleId: orphan, publication: '政务信息快报', level: 'city', kind: 'single', date: '2026-08-10' });

    const report = await t.call('scoreReport', q3);
    expect(report.rows.map((r) => [r.unit, r.rank, r.sent, r.points])).toEqual([
      ['东山镇', 1, 0, 10],
      ['城关镇', 2, 3, 0],
      ['西河镇', 2, 0, 0],
      ['未填单位', null, 2, 50],
    ]);
    expect(report.totals.sent).toBe(5);
    expect(report.silentUnits).toEqual(['西河镇']);

    const dir = path.join(t.dir, '通报');
    fs.mkdirSync(dir);
    const out = await t.call('circularExport', { ...q3, out: dir });
    const text = (await mammoth.extractRawText({ path: out.docx })).value.replace(/[\s\u3000]+/g, '');
    expect(text).toContain('全县3个单位共报送政务信息5篇（其中未填单位2篇）');
    expect(text).toContain('—未填单位2010050050100');
    expect(text).toContain('合计5110060060120');
    expect(text).toContain('以下1个单位未报送任何信息：西河镇。');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.xlsx);
    const sheet = wb.getWorksheet('得分排名')!;
    expect([5, 6].map((r) => [sheet.getRow(r).getCell(1).value, sheet.getRow(r).getCell(2).value, sheet.getRow(r).getCell(3).value])).toEqual([
      [null, '未填单位', 2],
      [null, '合计', 5],
    ]);
    // its ledger by name, as the score table asks for it
    const ledger = await t.call('scoreLedger', { ...q3, unit: '未填单位' });
    expect(ledger.map((e) => [e.unit, e.rule, e.points])).toEqual([['未填单位', '市级单条', 50]]);
  });

  it('a circular for a period not yet over is dated up to today', async () => {
    await county();
    const dir = path.join(t.dir, '通报');
    fs.mkdirSync(dir);
    const out = await t.call('circularExport', { period: 'quarter', year: 2026, n: 4, out: dir });
    const text = (await mammoth.extractRawText({ path: out.docx })).value.replace(/[\s\u3000]+/g, '');
    expect(text).toContain('2026年第四季度（10月1日至10月15日）');
    expect(text).toContain('截至2026年10月15日');
    expect(text).not.toContain('12月31日');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.xlsx);
    const about = wb.getWorksheet('说明')!;
    expect(about.getRow(4).getCell(1).value).toBe('截止日期');
    expect(about.getRow(4).getCell(2).value).toEqual(new Date('2026-10-15T00:00:00Z'));
  });
});
