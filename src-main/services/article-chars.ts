/**
 * The character count (字数) of the items on a list page, without reading their text each time.
 * An item's text is its largest column (several KB of JSON); reading and counting it for the 100
 * rows of a page took most of the items list's time at 100,000 items. A count is kept per item
 * and reused while the item's updated_at and the byte length of its text are both unchanged
 * (octet_length is read from the record's header, not from the text). Any edit changes
 * updated_at; two edits in the same millisecond would also have to keep the text's exact length.
 */
import { countChars, type Paragraph } from '../api/text';
import type { DB } from '../store/db';

interface Kept {
  stamp: string;
  chars: number;
}

/** Enough for every page a person scrolls through in a session; the oldest go first. */
const KEPT_PER_DATABASE = 20_000;

const kept = new WeakMap<DB, Map<number, Kept>>();

/** id → its character count, for the given items (ids missing from the database are left out). */
export function charCounts(db: DB, ids: readonly number[]): Map<number, number> {
  // one snapshot: a count is never kept under a stamp read before another process's edit
  return db.transaction(() => countsIn(db, ids))();
}

function countsIn(db: DB, ids: readonly number[]): Map<number, number> {
  let cache = kept.get(db);
  if (!cache) kept.set(db, (cache = new Map()));
  const out = new Map<number, number>();
  if (ids.length === 0) return out;
  const stamps = db
    .prepare(`SELECT id, updated_at || ':' || octet_length(paragraphs) AS stamp FROM articles WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: number; stamp: string }[];
  const missing: { id: number; stamp: string }[] = [];
  for (const r of stamps) {
    const k = cache.get(r.id);
    if (k && k.stamp === r.stamp) out.set(r.id, k.chars);
    else missing.push(r);
  }
  if (missing.length) {
    const texts = db
      .prepare(`SELECT id, paragraphs FROM articles WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(missing.map((m) => m.id))) as { id: number; paragraphs: string }[];
    const stampOf = new Map(missing.map((m) => [m.id, m.stamp]));
    for (const t of texts) {
      const chars = countChars(JSON.parse(t.paragraphs) as Paragraph[]);
      out.set(t.id, chars);
      cache.delete(t.id);
      cache.set(t.id, { stamp: stampOf.get(t.id)!, chars });
    }
    for (const id of cache.keys()) {
      if (cache.size <= KEPT_PER_DATABASE) break;
      cache.delete(id);
    }
  }
  return out;
}
