/**
 * How many documents hold a token: the search's estimate (约 N 处) and its choice between ranking
 * and newest-first. FTS5 keeps no count per token, so fts5vocab reads the token's whole list of
 * documents: for a bigram in most of 100,000 items that is 5–12 ms, more than the rest of the
 * search. Counts are kept per connection and dropped as soon as the database has changed, by
 * this connection (total_changes) or another (data_version), so a count is never stale.
 */
import type { DB } from '../store/db-handle';
import { stmt } from '../store/statements';

export type VocabTable = 'search_bi_vocab' | 'search_bi_even_vocab' | 'search_uni_vocab';

/** The index tables whose rows are counted (tableRows). */
export type IndexTable = 'search_bi' | 'search_bi_even' | 'search_uni';

interface Cache {
  version: string;
  counts: Map<string, number>;
}

const caches = new WeakMap<DB, Cache>();
/** Enough for every token of a day's searches; past it the cache starts again. */
const MAX_ENTRIES = 20_000;

function currentVersion(db: DB): string {
  const changes = stmt(db, 'SELECT total_changes()').pluck().get() as number;
  const data = stmt(db, 'PRAGMA data_version').pluck().get() as number;
  return `${changes}/${data}`;
}

function currentCounts(db: DB): Map<string, number> {
  const version = currentVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== version || cache.counts.size > MAX_ENTRIES) caches.set(db, (cache = { version, counts: new Map() }));
  return cache.counts;
}

/** How many documents a table of the index holds (bm25's N), kept like the counts below. */
export function tableRows(db: DB, table: IndexTable): number {
  const counts = currentCounts(db);
  const key = `${table}#`;
  let n = counts.get(key);
  if (n === undefined) counts.set(key, (n = stmt(db, `SELECT count(*) FROM ${table}_docsize`).pluck().get() as number));
  return n;
}

/** A reader of counts that holds while the database does not change (one search's lookups). */
export function docFrequencies(db: DB): (table: VocabTable, token: string) => number {
  const counts = currentCounts(db);
  return (table, token) => {
    const key = `${table}:${token}`;
    let n = counts.get(key);
    if (n === undefined) {
      const row = stmt(db, `SELECT doc FROM ${table} WHERE term = ?`).get(token) as { doc: number } | undefined;
      counts.set(key, (n = row?.doc ?? 0));
    }
    return n;
  };
}
