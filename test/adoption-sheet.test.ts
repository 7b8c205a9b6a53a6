/**
 * The city's adoption list: 30 rows in the city's wording matched against what we sent upward
 * (at least 27 right, the others shown, not ticked), the confirmed ones recorded with the points
 * the rules give, a second import adding nothing, and malformed lists refused in Chinese with the
 * database unchanged byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ruleValue } from '../src-main/api/ops/scoring';
import type { AdoptionSheetPreview } from '../src-main/api/ops/adoption-sheet';
import { normaliseTitle } from '../src-main/services/adoption-match';
import { parseDate, parseKind } from '../src-main/services/adoption-sheet';
import { CITY_ROWS, cityList, corpusCounty, type Corpus } from './helpers/adoption-corpus';

let c: Corpus | undefined;
afterEach(() => {
  c?.t.close();
  c = undefined;
});

const fileBytes = (f: string) => fs.readFileSync(f);

async function preview(corpus: Corpus, file: string, extra: Record<string, unknown> = {}): Promise<AdoptionSheetPreview> {
  return corpus.t.call('adoptionSheetRead', { path: file, ...extra });
}

/** The ticked proposals as the dialog sends them. */
const ticked = (p: AdoptionSheetPreview) =>
  p.rows
    .filter((r) => r.preTicked)
    .map((r) => ({ row: r.row, articleId: r.articleId!, publication: r.publication, level: r.level, kind: r.kind, date: r.date!, issueRef: r.issueRef }));

describe('normalising titles', () => {
  it('folds widths, drops punctuation and leading unit names', () => {
    const prefixes = ['清源县', '白沙镇'];
    expect(normaliseTitle('清源县白沙镇：多措并举（秋冬种）', prefixes)).toBe('多措并举秋冬种');
    expect(normaliseTitle('白沙镇 “党建＋网格” 提升效能', prefixes)).toBe('党建网格提升效能');
    expect(normaliseTitle('ＡＢＣ县推进工作', [])).toBe('ABC县推进工作');
  });
  it('reads the dates and kinds city lists write', () => {
    expect(parseDate('2026年11月5日')).toBe('2026-11-05');
    expect(parseDate('2026.11.5')).toBe('2026-11-05');
    expect(parseDate('46331')).toBe('2026-11-05');
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseKind('综合', 'city')).toBe('research');
    expect(parseKind('简讯', 'city')).toBe('single');
    expect(parseKind('简讯', 'county')).toBe('brief');
  });
});

describe('the city list of 30 rows', () => {
  it('matches at least 27 rows right, guesses the columns, and leaves the rest to the user', async () => {
    c = await corpusCounty();
    c.setNow('2026-11-25T02:00:00Z');
    const file = path.join(c.t.dir, '采用情况.xlsx');
    await cityList(file);
    const p = await preview(c, file);
    expect(p.headerRow).toBe(2);
    expect(p.columns).toEqual({ title: 1, unit: 2, publication: 3, issue: 4, date: 5, level: null, kind: 6 });
    expect(p.rows).toHaveLength(30);
    let right = 0;
    const wrong: string[] = [];
    p.rows.forEach((r, i) => {
      const expected = CITY_ROWS[i]![6];
      const ok = expected === null ? !r.preTicked : r.preTicked && r.articleId === c!.ids[expected];
      if (ok) right++;
      else wrong.push(`${r.title} → ${r.candidates.map((x) => `${x.title}(${x.confidence})`).join(' / ') || '无'}`);
    });
    console.log(`adoption list: ${right}/30 matched right${wrong.length ? `; not: ${wrong.join('; ')}` : ''}`);
    expect(right, wrong.join('\n')).toBeGreaterThanOrEqual(27);
    // Rows about other counties' items are never ticked; their near-twins are shown as candidates at most.
    for (const r of p.rows.slice(26)) expect(r.preTicked).toBe(false);
    // …and say why: 桃源县's item about 秋冬种 resembles ours, but the unit is another county.
    expect(p.rows[27]!.candidates[0]?.note).toMatch(/单位“桃源县”与本条信息不符/);
    expect(p.rows[0]!.candidates[0]?.note).toBeNull();
    // 综合 at the city is research, 简讯 a single item there; publication without 《》.
    expect(p.rows[17]).toMatchObject({ kind: 'research', level: 'city', publication: '市政府信息专报', date: '2026-11-19' });
    expect(p.rows[0]).toMatchObject({ publication: '政务信息快报', issueRef: '第45期', date: '2026-11-12', problem: null });
    expect(p.rows[3]!.date).toBe('2026-11-14');
  });

  it('records the confirmed matches with the points of the rules, once, whatever is sent twice', async () => {
    c = await corpusCounty();
    c.setNow('2026-11-25T02:00:00Z');
    const file = path.join(c.t.dir, '采用情况.xlsx');
    await cityList(file);
    const p = await preview(c, file);
    const chosen = ticked(p);
    expect(chosen.length).toBeGreaterThanOrEqual(24);
    const r = await c.t.call('adoptionSheetImport', { adoptions: chosen, remember: { title: '信息标题', unit: '报送单位' } });
    expect(r.recorded).toHaveLength(chosen.length);
    expect(r.already).toBe(0);

    const ledger = await c.t.call('scoreLedger', { from: '2026-11-01', to: '2026-11-30' });
    const rules = await c.t.call('rulesGet', { date: '2026-11-20' });
    for (const a of chosen) {
      const ev = ledger.find((e) => e.type === 'adoption' && e.articleId === a.articleId && e.date === a.date && e.rule?.includes('市级'));
      expect(ev, `ledger event for ${a.articleId}`).toBeDefined();
      expect(ev!.points).toBe(ruleValue(rules.rules, ['adoption', 'city', a.kind, 'points']));
    }

    // The same list again: shown as recorded, nothing ticked, and importing it anyway adds nothing.
    const again = await preview(c, file);
    expect(again.rows.filter((x) => x.preTicked)).toHaveLength(0);
    expect(again.rows.filter((x) => x.candidates[0]?.recorded).length).toBe(chosen.length);
    const before = fileBytes(c.t.file).length;
    const count = () => (c!.t.db.prepare('SELECT count(*) AS n FROM adoptions').get() as { n: number }).n;
    const n = count();
    const second = await c.t.call('adoptionSheetImport', { adoptions: chosen });
    expect(second).toMatchObject({ recorded: [], already: chosen.length });
    expect(count()).toBe(n);
    expect(before).toBeGreaterThan(0);
  });

  it('remembers the columns chosen, found again by their header words in the next list', async () => {
    c = await corpusCounty();
    c.setNow('2026-11-25T02:00:00Z');
    const file = path.join(c.t.dir, '另一种表头.xlsx');
    // Headers no guess knows: 事项 for the title, 去向 for the publication.
    await cityList(file, CITY_ROWS.slice(0, 3), ['序号', '事项', '县区', '去向', '期号', '采用时间', '采用类型']);
    await expect(preview(c, file)).rejects.toThrow(/没有找到“标题”列/);
    const p = await preview(c, file, { columns: { title: 1, publication: 3 } });
    expect(p.rows.filter((r) => r.preTicked)).toHaveLength(3);
    await c.t.call('adoptionSheetImport', { adoptions: ticked(p), remember: { title: '事项', publication: '去向' } });
    const next = await preview(c, file);
    expect(next.columns.title).toBe(1);
    expect(next.columns.publication).toBe(3);
  });
});

describe('refusals', () => {
  it('refuses malformed lists in Chinese and leaves the database byte-identical', async () => {
    c = await corpusCounty();
    c.setNow('2026-11-25T02:00:00Z');
    const t = c.t;
    const dir = t.dir;
    const bad: [string, Buffer][] = [
      ['不是表格.xlsx', Buffer.from('这不是 Excel 文件')],
      ['旧版.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
      ['损坏.xlsx', Buffer.from('PK\u0003\u0004 broken zip')],
      ['空.xlsx', Buffer.alloc(0)],
    ];
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['甲', '乙', '丙']);
    bad.push(['无标题列.xlsx', Buffer.from(await wb.xlsx.writeBuffer())]);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fileBytes(t.file);
    for (const [name, bytes] of bad) {
      const f = path.join(dir, name);
      fs.writeFileSync(f, bytes);
      const e = await t.refuse('adoptionSheetRead', { path: f });
      expect(e.code, name).toBe('INVALID_INPUT');
      expect(e.message, name).toMatch(/[\u4e00-\u9fa5]/);
      expect(e.message, name).not.toMatch(/Error|undefined|zip/i);
    }
    // An import naming an item that does not exist, or with one bad entry among good ones: nothing recorded.
    const good = { articleId: c.ids[0]!, publication: '政务信息快报', level: 'city', kind: 'single', date: '2026-11-12', issueRef: '第45期' };
    expect((await t.refuse('adoptionSheetImport', { adoptions: [good, { ...good, articleId: 99999, row: 7 }] })).message).toMatch(/第7行.*没有编号为 99999 的信息/);
    expect((await t.refuse('adoptionSheetImport', { adoptions: [good, { ...good, publication: '清源县政务信息', issueRef: '' }] })).code).toBe('CONFLICT');
    expect((await t.refuse('adoptionSheetImport', { adoptions: [{ ...good, date: '2027-01-01' }] })).message).toMatch(/晚于今天/);
    expect((await t.refuse('adoptionSheetImport', { adoptions: [{ ...good, kind: 'brief' }] })).message).toMatch(/市级刊物的采用类型只能是/);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileBytes(t.file).equals(before)).toBe(true);
  });
});
