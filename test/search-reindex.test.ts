/**
 * Rebuilding the whole search index (searchReindex, `bulletin search reindex`): the rebuilt
 * index holds what indexing as the data was entered gave (the same terms in the same documents,
 * the same hits for one-, two-, four-character and two-word queries); progress only goes
 * forward and ends at the total; a second rebuild while one runs is refused and changes nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { EvenHalf } from '../src-main/store/search-half-worker';
import { rebuildSearchIndex, type RebuildProgress } from '../src-main/store/search-index';
import { progressBar } from '../src-main/cli/commands/search';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';

let t: TestDb;

beforeEach(async () => {
  t = openTestDb({ now: () => new Date(2026, 4, 10, 9) });
  const { series, articles } = await seed(t, 8);
  await t.call('articleAdd', { title: '城关镇推进老旧小区改造', body: '老旧小区改造惠及居民三千户。\nWiFi 覆盖率达到 95%。' });
  await t.call('articleAdd', { title: '东山镇发展特色产业', body: '东山镇茶叶产业带动农户增收，老旧厂房改造为加工车间。' });
  await publish(t, series.id, [articles[0]!.id, articles[1]!.id], '2026-05-08');
  await publish(t, series.id, [articles[2]!.id], '2026-05-09');
  await t.call('submissionAdd', { title: '西河镇防汛工作情况', body: '西河镇扎实做好防汛工作，改造堤防两公里。' });
  await t.call('submissionAdd', { title: '手工录入的来稿', body: '正文第一段。\n正文第二段。' });
  // an item edited after it was first indexed: its entry is refreshed, not duplicated
  await t.call('articleEdit', { id: articles[3]!.id, title: '第4条信息标题（改）' });
});
afterEach(() => t.close());

const QUERIES = ['改', '镇', '改造', '老旧', '老旧小区', '防汛工作', '信息 标题', '改造 东山', 'wifi', '95'];

async function answers() {
  const out: Record<string, string[]> = {};
  for (const query of QUERIES) {
    const r = await t.call('search', { query, limit: 200 });
    out[query] = r.hits.map((h) => `${h.kind}:${h.id}`).sort();
  }
  return out;
}

/** Every term of both index tables with the documents holding it (rowids mapped to what they index). */
function terms() {
  const docs = new Map((t.db.prepare('SELECT id, kind, ref_id FROM search_docs').all() as { id: number; kind: string; ref_id: number }[]).map((d) => [d.id, `${d.kind}:${d.ref_id}`]));
  const out: string[] = [];
  // the bigrams' two halves (odd and even rowids) are one index: which half holds a document
  // depends on its rowid, which a rebuild gives anew
  for (const [name, tables] of [
    ['bi', ['search_bi', 'search_bi_even']],
    ['uni', ['search_uni']],
  ] as const) {
    // fts5vocab 'row' gives each term once: compare the document sets via a MATCH per term
    const vocab = tables.map((table) => `SELECT term FROM ${table}_vocab`).join(' UNION ');
    for (const { text } of t.db.prepare(`SELECT term AS text FROM (${vocab}) ORDER BY term`).all() as { text: string }[]) {
      const ids = tables.flatMap((table) => t.db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(`"${text.replace(/"/g, '""')}"`) as number[]).map((id) => docs.get(id));
      out.push(`${name} ${text}: ${ids.sort().join(' ')}`);
    }
  }
  return out;
}

it('rebuilds the index entered item by item: the same terms in the same documents, the same hits', async () => {
  const before = { answers: await answers(), terms: terms(), docs: t.db.prepare('SELECT kind, ref_id FROM search_docs ORDER BY kind, ref_id').all() };
  expect(before.answers['老旧小区']!.length).toBeGreaterThan(0);
  expect(before.answers['防汛工作']).toEqual([expect.stringMatching(/^submission:/)]);
  const r = await t.call('searchReindex', {});
  expect(r.documents).toBe(before.docs.length);
  expect(await answers()).toEqual(before.answers);
  expect(terms()).toEqual(before.terms);
  expect(t.db.prepare('SELECT kind, ref_id FROM search_docs ORDER BY kind, ref_id').all()).toEqual(before.docs);
  expect(await t.call('searchReindexStatus', {})).toEqual({ running: null });
});

it('reports progress that only goes forward, from 0 to the total, one slice at a time', async () => {
  const seen: RebuildProgress[] = [];
  let pauses = 0;
  const r = await rebuildSearchIndex(t.db, {
    slice: 3,
    onProgress: (p) => seen.push({ ...p }),
    pause: async () => {
      pauses += 1;
      await new Promise((resolve) => setImmediate(resolve));
    },
  });
  expect(seen[0]).toEqual({ done: 0, total: r.documents });
  expect(seen.at(-1)).toEqual({ done: r.documents, total: r.documents });
  for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThan(seen[i - 1]!.done);
  expect(seen.length).toBe(Math.ceil(r.documents / 3) + 1);
  // and after each step of the merge at the end (search-merge.ts), with no progress to report
  expect(pauses).toBeGreaterThanOrEqual(seen.length);
});

it('keeps one entry per document when a write lands between slices', async () => {
  const before = await answers();
  let wrote = false;
  const syncModes = new Set<unknown>();
  const cacheBefore = t.db.pragma('cache_size', { simple: true });
  const checkpointBefore = t.db.pragma('wal_autocheckpoint', { simple: true });
  await rebuildSearchIndex(t.db, {
    slice: 2,
    pause: async () => {
      // between slices, where other writes land, every commit waits for the disk again (FULL)
      syncModes.add(t.db.pragma('synchronous', { simple: true }));
      if (!wrote) {
        wrote = true;
        // an item not yet rebuilt is edited meanwhile: it indexes itself, the rebuild then refreshes it
        const last = t.db.prepare('SELECT max(id) FROM articles').pluck().get() as number;
        await t.call('articleEdit', { id: last, title: '东山镇发展特色产业' });
      }
    },
  });
  expect(t.db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(t.db.prepare('SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM submissions) + (SELECT count(*) FROM issues)').pluck().get());
  expect(await answers()).toEqual(before);
  expect([...syncModes]).toEqual([2]);
  expect(t.db.pragma('synchronous', { simple: true })).toBe(2);
  // the rebuild's larger cache and checkpoints are put back
  expect(t.db.pragma('cache_size', { simple: true })).toBe(cacheBefore);
  expect(t.db.pragma('wal_autocheckpoint', { simple: true })).toBe(checkpointBefore);
});

/**
 * FTS5 counts every change of a table's settings in the first 4 bytes of its structure record
 * (block 10); a rebuild sets its merge settings and puts them back (search-merge.ts), so that
 * counter grows with each rebuild while the index itself is the same.
 */
function withoutCookies(snapshot: Record<string, unknown[]>): Record<string, unknown[]> {
  for (const table of ['search_bi_data', 'search_bi_even_data', 'search_uni_data']) {
    for (const row of snapshot[table] as { id: number; block: Buffer }[]) if (row.id === 10) row.block = Buffer.concat([Buffer.alloc(4), row.block.subarray(4)]);
  }
  return snapshot;
}

it('puts FTS5’s merge settings back when a rebuild stops half-way, and its own settings when it ends', async () => {
  const settings = () =>
    ['search_bi', 'search_uni'].map((table) =>
      Object.fromEntries((t.db.prepare(`SELECT k, v FROM ${table}_config WHERE k IN ('automerge', 'crisismerge')`).all() as { k: string; v: number }[]).map((r) => [r.k, r.v])),
    );
  let slices = 0;
  let during: unknown;
  await expect(
    rebuildSearchIndex(t.db, {
      slice: 2,
      pause: async () => {
        during ??= settings();
        if (++slices === 2) throw new Error('the app is closing');
      },
    }),
  ).rejects.toThrow('the app is closing');
  expect(during).toEqual([
    { automerge: 0, crisismerge: 128 },
    { automerge: 0, crisismerge: 128 },
  ]);
  expect(settings()).toEqual([
    { automerge: 4, crisismerge: 16 },
    { automerge: 4, crisismerge: 16 },
  ]);
  expect(t.db.pragma('synchronous', { simple: true })).toBe(2);
});

it('refuses a second rebuild while one runs; the first completes as if alone', async () => {
  const before = await answers();
  const first = t.call('searchReindex', {});
  const e = await t.refuse('searchReindex', {});
  expect(e.code).toBe('INVALID_STATE');
  expect(e.message).toContain('正在重建');
  await first;
  const once = withoutCookies(snapshotAll(t.db));
  expect(await answers()).toEqual(before);
  // a rebuild gives the same rows whenever it runs: the refused call left nothing behind
  await t.call('searchReindex', {});
  expect(withoutCookies(snapshotAll(t.db))).toEqual(once);
});

it('draws a bar with count and time left for the terminal', () => {
  expect(progressBar(0, 100, null, 10)).toBe('[----------]   0%  0/100');
  expect(progressBar(45, 100, 30, 10)).toBe('[####------]  45%  45/100  还需约 30 秒');
  expect(progressBar(100, 100, 0, 10)).toBe('[##########] 100%  100/100  还需约 0 秒');
});

it('writes the even half in a worker and copies it in; what others write to that half meanwhile is kept', async () => {
  const started: (EvenHalf | null)[] = [];
  const start = EvenHalf.start.bind(EvenHalf);
  const spy = vi.spyOn(EvenHalf, 'start').mockImplementation((db, settings) => {
    const half = start(db, settings);
    started.push(half);
    return half;
  });
  try {
    const articleAt = (rowid: number) => t.db.prepare("SELECT ref_id FROM search_docs WHERE id = ? AND kind = 'article'").pluck().get(rowid) as number | undefined;
    let step = 0;
    let edited = 0;
    let deleted = 0;
    await rebuildSearchIndex(t.db, {
      slice: 2,
      pause: async () => {
        // after the third slice: documents 1–6 are rebuilt, 4 and 6 in the worker's half (even
        // rowids; items not in a signed issue)
        if (++step !== 4) return;
        edited = articleAt(4)!;
        deleted = articleAt(6)!;
        await t.call('articleEdit', { id: edited, title: '雪豹保护区巡护常态化' });
        await t.call('articleDelete', { id: deleted });
      },
    });
    expect(started).toHaveLength(1);
    expect(started[0]).not.toBeNull();
    expect(edited).toBeGreaterThan(0);
    expect((await t.call('search', { query: '雪豹' })).hits.map((h) => h.id)).toEqual([edited]);
    expect((await t.call('search', { query: '信息', limit: 200 })).hits.map((h) => h.id)).not.toContain(deleted);
    // no stale entry: every rowid in each half is a document of that half
    for (const [table, parity] of [
      ['search_bi', 1],
      ['search_bi_even', 0],
    ] as const) {
      const rowids = t.db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH '"zzsep"'`).pluck().all() as number[];
      const docs = t.db.prepare('SELECT id FROM search_docs WHERE id % 2 = ? ORDER BY id').pluck().all(parity) as number[];
      expect(rowids.sort((a, b) => a - b)).toEqual(docs);
    }
    t.db.exec("INSERT INTO search_bi_even(search_bi_even) VALUES ('integrity-check')");
    // and the same index as a rebuild with nothing written meanwhile
    const after = terms();
    await t.call('searchReindex', {});
    expect(terms()).toEqual(after);
    // the worker's scratch database is gone
    await vi.waitFor(() => expect(started.every((h) => h && !fs.existsSync(h.scratchDir))).toBe(true));
  } finally {
    spy.mockRestore();
  }
});

it('removes the scratch folder a killed rebuild left behind, and only that one', async () => {
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  const left = fs.mkdtempSync(path.join(os.tmpdir(), `bulletin-reindex-${dead}-`));
  fs.writeFileSync(path.join(left, 'half.db'), 'x');
  const alive = fs.mkdtempSync(path.join(os.tmpdir(), `bulletin-reindex-${process.pid}-`));
  try {
    await t.call('searchReindex', {});
    expect(fs.existsSync(left)).toBe(false);
    expect(fs.existsSync(alive)).toBe(true);
  } finally {
    fs.rmSync(left, { recursive: true, force: true });
    fs.rmSync(alive, { recursive: true, force: true });
  }
});
