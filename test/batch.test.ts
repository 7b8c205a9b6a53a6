/**
 * Batch actions on the lists (issue 15): several drafts or items changed in one transaction,
 * refused whole, naming the row, when any of them may not change, and then the database is
 * byte-identical (the file too, not only the rows).
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';

const NOW = new Date('2026-11-21T02:00:00Z');
let t: TestDb;
beforeEach(() => {
  t = openTestDb({ now: () => NOW });
});
afterEach(() => t.close());

async function drafts(n: number, unit: number | null = null) {
  const out = [];
  for (let i = 1; i <= n; i++) {
    out.push(await t.call('submissionAdd', { title: `来稿第${i}份`, body: `正文第${i}段，全县推进各项工作。`, unit, receivedDate: '2026-11-20' }));
  }
  return out;
}

/** The database's rows and its file's bytes, for "nothing changed". */
function state() {
  t.db.pragma('wal_checkpoint(TRUNCATE)');
  return { rows: snapshotAll(t.db), bytes: fs.readFileSync(t.file).toString('hex') };
}

describe('来稿 batch', () => {
  it('fills the unit of several drafts in one action, and a correction needs a reason', async () => {
    const town = await t.call('unitAdd', { name: '白沙镇' });
    const other = await t.call('unitAdd', { name: '县教育局' });
    const ds = await drafts(5);
    const r = await t.call('submissionBatch', { ids: ds.map((d) => d.id), action: 'setUnit', unit: '白沙镇' });
    expect(r.changed).toEqual(ds.map((d) => d.id));
    for (const d of ds) expect((await t.call('submissionGet', { id: d.id })).unitId).toBe(town.id);
    expect((await t.call('submissionCounts', {})).withoutUnit).toBe(0);

    const before = state();
    const e = await t.refuse('submissionBatch', { ids: ds.map((d) => d.id), action: 'setUnit', unit: other.id });
    expect(e.message).toContain('没有任何改动');
    expect(e.message).toContain('请写明原因');
    expect(state()).toEqual(before);

    const ok = await t.call('submissionBatch', { ids: ds.map((d) => d.id), action: 'setUnit', unit: other.id, reason: '误填单位' });
    expect(ok.changed).toHaveLength(5);
    const again = await t.call('submissionBatch', { ids: ds.map((d) => d.id), action: 'setUnit', unit: other.id });
    expect(again).toEqual({ changed: [], unchanged: ds.map((d) => d.id) });
  });

  it('marks drafts 未采用 whole, or refuses the lot when one is in an issue', async () => {
    const { series } = await seed(t, 0);
    const ds = await drafts(4);
    const { article } = await t.call('submissionEdit', { id: ds[2]!.id });
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [article.id] });

    const before = state();
    const e = await t.refuse('submissionBatch', { ids: ds.map((d) => d.id), action: 'setState', state: 'unused', reason: '内容重复' });
    expect(e.message).toContain(`来稿 ${ds[2]!.id}`);
    expect(e.message).toContain('没有任何改动');
    expect(state()).toEqual(before);

    const ids = [ds[0]!.id, ds[1]!.id, ds[3]!.id];
    await t.call('submissionBatch', { ids, action: 'setState', state: 'unused', reason: '内容重复' });
    for (const id of ids) expect((await t.call('submissionGet', { id })).state).toBe('unused');
    await t.refuse('submissionBatch', { ids, action: 'setState', state: 'unused' });
  });

  it('deletes drafts not yet edited, and never one made into an item', async () => {
    const ds = await drafts(3);
    await t.call('submissionEdit', { id: ds[1]!.id });
    const before = state();
    const e = await t.refuse('submissionBatch', { ids: ds.map((d) => d.id), action: 'delete' });
    expect(e.message).toContain('已编辑成信息');
    expect(state()).toEqual(before);

    await t.call('submissionBatch', { ids: [ds[0]!.id, ds[2]!.id], action: 'delete' });
    const left = await t.call('submissionList', {});
    expect(left.rows.map((r) => r.id)).toEqual([ds[1]!.id]);
    expect((await t.call('search', { query: '来稿第1份' })).hits.filter((h) => h.kind === 'submission' && h.id === ds[0]!.id)).toHaveLength(0);
  });
});

describe('稿件 batch', () => {
  it('sets unit and category, adds several to an issue, deletes, and refuses a frozen item whole', async () => {
    const { series, units, articles } = await seed(t, 6);
    const ids = articles.map((a) => a.id);
    await t.call('articleBatch', { ids, action: 'setUnit', unit: units[0]!.id });
    await t.call('articleBatch', { ids, action: 'setCategory', category: 'practice' });
    for (const id of ids) expect(await t.call('articleGet', { id })).toMatchObject({ unitId: units[0]!.id, category: 'practice' });

    await publish(t, series.id, [ids[0]!], '2026-11-20');
    const before = state();
    const e = await t.refuse('articleBatch', { ids, action: 'setCategory', category: 'news' });
    expect(e.code).toBe('FROZEN');
    expect(e.message).toContain('没有任何改动');
    expect(state()).toEqual(before);

    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    const added = await t.call('articleBatch', { ids: ids.slice(1, 4), action: 'addToIssue', issueId: issue.id });
    expect(added.changed).toEqual(ids.slice(1, 4));
    expect((await t.call('issueGet', { id: issue.id })).articles.map((a) => a.id)).toEqual(ids.slice(1, 4));

    const before2 = state();
    await t.refuse('articleBatch', { ids: ids.slice(3), action: 'delete' });
    expect(state()).toEqual(before2);
    await t.call('articleBatch', { ids: ids.slice(4), action: 'delete' });
    expect((await t.call('articleList', {})).total).toBe(4);
  });

  it('any batch is all or nothing (fast-check: random rows, one of them frozen)', async () => {
    const { series, units, articles } = await seed(t, 8);
    await publish(t, series.id, [articles[7]!.id], '2026-11-20');
    const pool = articles.slice(0, 7).map((a) => a.id);
    await fc.assert(
      fc.asyncProperty(fc.subarray(pool), fc.constantFrom('setUnit', 'setCategory', 'delete') as fc.Arbitrary<'setUnit' | 'setCategory' | 'delete'>, async (some, action) => {
        const before = state();
        await t.refuse('articleBatch', { ids: [...some, articles[7]!.id], action, unit: units[0]!.id, category: 'problem' });
        expect(state()).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });
});
