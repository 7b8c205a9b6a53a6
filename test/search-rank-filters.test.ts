/**
 * Ranked search with filters (services/search.ts, rankedFiltered): the words are ranked alone and
 * the filters only say which hits stay, so a filtered page is the unfiltered ranking with the
 * others taken out, page by page, whatever the filter (unit, category, kind, year).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from './helpers/db';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

const UNITS = ['城关镇', '县教育局', '县农业农村局'];
const CATEGORIES = ['news', 'practice', 'research'] as const;
const WORDS = ['改造', '小区', '教育', '鳜鱼', '养殖', '消防'];

interface Item {
  words: number[];
  unit: number;
  category: number;
}

/**
 * An item's body: its words, then a run of 县 long enough that every item is longer than the one
 * before whatever its words (at most 7 words of 2 characters and a comma each). Equal lengths let
 * two items tie exactly in the words that rank them, and then FTS5's bm25 over all the words
 * orders them by a word in most items (idf 1e-6), which ranking leaves out (rowid decides).
 */
const body = (words: readonly number[], k: number): string => `${words.map((i) => WORDS[i]).join('，')}。${'县'.repeat(30 * (k + 1))}`;

const item = fc.record({
  words: fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { minLength: 1, maxLength: 6 }),
  unit: fc.integer({ min: 0, max: UNITS.length - 1 }),
  category: fc.integer({ min: 0, max: CATEGORIES.length - 1 }),
});

describe('ranked search with filters', () => {
  it('is the unfiltered ranking with the other hits taken out, and pages the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 14 }), fc.integer({ min: 0, max: WORDS.length - 1 }), async (items: Item[], w: number) => {
        t.close();
        t = openTestDb();
        for (const u of UNITS) await t.call('unitAdd', { name: u });
        const unitOf = new Map<number, string>();
        const categoryOf = new Map<number, string>();
        for (const [k, it] of items.entries()) {
          // a different length for every item: bm25 never ties, so one order is the right one
          const { id } = await t.call('articleAdd', { title: `第${k + 1}条信息`, body: body(it.words, k), unit: UNITS[it.unit]!, category: CATEGORIES[it.category]! });
          unitOf.set(id, UNITS[it.unit]!);
          categoryOf.set(id, CATEGORIES[it.category]!);
        }
        const query = WORDS[w]!;
        const ranked = async (extra: Record<string, unknown>) =>
          (await t.call('search', { query, order: 'rank', limit: 200, ...extra } as never)).hits.map((h) => h.id);
        const all = await ranked({});
        const filters: [Record<string, unknown>, (id: number) => boolean][] = [
          [{ kinds: ['article'] }, () => true],
          [{ year: new Date().getFullYear() }, () => true],
          ...UNITS.map((u): [Record<string, unknown>, (id: number) => boolean] => [{ unit: u, kinds: ['article'] }, (id) => unitOf.get(id) === u]),
          ...CATEGORIES.map((c): [Record<string, unknown>, (id: number) => boolean] => [{ category: c }, (id) => categoryOf.get(id) === c]),
        ];
        for (const [filter, keeps] of filters) {
          const expected = all.filter(keeps);
          expect(await ranked(filter)).toEqual(expected);
          // pages of 2 put together give the same list
          const paged: number[] = [];
          for (let offset = 0; offset < expected.length + 2; offset += 2) paged.push(...(await ranked({ ...filter, limit: 2, offset })));
          expect(paged).toEqual(expected);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('ranks several words as FTS5’s bm25 over all of them does, though a word in half the documents is left out of it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 2, maxLength: 14 }), fc.integer({ min: 0, max: WORDS.length - 1 }), fc.integer({ min: 0, max: WORDS.length - 1 }), async (items: Item[], a: number, b: number) => {
        fc.pre(a !== b);
        t.close();
        t = openTestDb();
        await t.call('unitAdd', { name: UNITS[0]! });
        for (const [k, it] of items.entries()) {
          // word a in most items: at least half of each half of the index, often
          const words = k % 4 === 3 ? it.words : [a, ...it.words];
          await t.call('articleAdd', { title: `第${k + 1}条信息`, body: body(words, k), unit: UNITS[0]! });
        }
        const query = `${WORDS[a]} ${WORDS[b]}`;
        const got = (await t.call('search', { query, order: 'rank', limit: 200 })).hits.map((h) => h.id);
        // FTS5's own bm25 with both words, each half, merged by score
        const match = `"${WORDS[a]}" AND "${WORDS[b]}"`;
        const scored = ['search_bi', 'search_bi_even'].flatMap(
          (table) => t.db.prepare(`SELECT d.ref_id AS id, rank FROM ${table} JOIN search_docs d ON d.id = ${table}.rowid WHERE ${table} MATCH ?`).all(match) as { id: number; rank: number }[],
        );
        scored.sort((x, y) => x.rank - y.rank);
        expect(got).toEqual(scored.map((r) => r.id));
      }),
      { numRuns: 25 },
    );
  });
});
