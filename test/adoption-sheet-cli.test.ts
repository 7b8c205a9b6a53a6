/** `bulletin adoption import`: shows the proposals without --yes, records the confident ones with it, and never twice. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { snapshotAll } from './helpers/db';
import { CITY_ROWS, cityList, corpusCounty, type Corpus } from './helpers/adoption-corpus';
import type { AdoptionImportOutcome } from '../src-main/cli/commands/adoption-sheet';

let c: Corpus;
let file: string;
const adoptions = () => (c.t.db.prepare('SELECT count(*) AS n FROM adoptions').get() as { n: number }).n;
beforeAll(async () => {
  c = await corpusCounty();
  c.setNow('2026-11-25T02:00:00Z');
  file = path.join(c.t.dir, '11月采用情况.xlsx');
  await cityList(file);
});
afterAll(() => c?.t.close());

describe('bulletin adoption import', () => {
  it('without --yes shows the matches and records nothing', async () => {
    const before = JSON.stringify(snapshotAll(c.t.db));
    const r = await cli(c.t.file, 'adoption', 'import', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[登记] 第3行 “清源县白沙镇：多措并举推进秋冬种生产” → #');
    expect(r.stdout).toMatch(/没有登记任何采用/);
    expect(r.stdout).toMatch(/\[(待定|无匹配)\] 第29行 “石门县召开经济运行分析会”/);
    expect(JSON.stringify(snapshotAll(c.t.db))).toBe(before);
  });

  it('refuses a bad --min-confidence or --column in Chinese, with nothing changed', async () => {
    const before = JSON.stringify(snapshotAll(c.t.db));
    const a = await cli(c.t.file, 'adoption', 'import', file, '--yes', '--min-confidence', '150');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/0 到 1 之间/);
    const b = await cli(c.t.file, 'adoption', 'import', file, '--yes', '--column', '作者=B');
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/不认识的列“作者”/);
    const missing = await cli(c.t.file, 'adoption', 'import', path.join(c.t.dir, '没有这个文件.xlsx'), '--yes');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/找不到文件/);
    expect(JSON.stringify(snapshotAll(c.t.db))).toBe(before);
  });

  it('--yes --min-confidence records the confident matches once; again adds nothing', async () => {
    const r = await cli(c.t.file, '--json', 'adoption', 'import', file, '--yes', '--min-confidence', '80');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const o = r.json() as AdoptionImportOutcome;
    const ours = CITY_ROWS.filter((x) => x[6] !== null).length;
    expect(o.result!.recorded.length).toBeGreaterThanOrEqual(ours - 3);
    // Every recorded adoption is the item its row is really about.
    for (const a of o.result!.recorded) {
      const row = o.preview.rows.find((x) => x.articleId === a.articleId && x.publication === a.publication && x.issueRef === a.issueRef)!;
      const expected = CITY_ROWS[o.preview.rows.indexOf(row)]![6];
      expect(expected === null ? null : c.ids[expected]).toBe(a.articleId);
    }
    const n = adoptions();
    expect(n).toBe(o.result!.recorded.length);

    const again = await cli(c.t.file, 'adoption', 'import', file, '--yes');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('[已登记]');
    expect(again.stdout).toContain('没有可登记的采用');
    expect(adoptions()).toBe(n);
  });
});
