/**
 * How the rebuild keeps FTS5's segment merging cheap. Loading 100,000 documents with FTS5's
 * default automerge (4 segments a level) rewrites the index at every level on the way; the bulk
 * settings below rewrite each byte far less often. At the
 * end the segments are merged into one in bounded steps, each its own transaction, so the rebuild
 * stays stoppable between steps and the finished index answers from a single segment. Measured
 * on the bench's archive (README, Search). The settings live in the tables' own %_config rows; a
 * rebuild that stops half-way (an error, the app closing) puts FTS5's defaults back as it ends, so
 * later writes merge as usual again; only a process killed mid-rebuild leaves the bulk settings,
 * which mean more segments until the next rebuild ends.
 */
import type { DB } from './db-handle';

/** The tables the rebuild loads on this connection (search_bi_even too where no worker writes it). */
export type LoadedTables = readonly string[];

/** FTS5's own defaults (fts5_config.c), put back when a rebuild ends. */
export const DEFAULTS = { automerge: 4, crisismerge: 16, usermerge: 4 };
/**
 * While loading: no merging as documents go in (automerge 0) until a level holds 128 segments,
 * which are then merged at once (crisismerge), so each byte is rewritten about once before the
 * final merge instead of at every level of 16. Measured on 100,000 items (rebuild alone, with the
 * rebuild's cache and sync settings): 129 s with automerge 16 / crisismerge 64, 119 s with 0 / 64,
 * 118 s with 0 / 128; 0 / 32 was slower (143 s).
 */
export const BULK = { automerge: 0, crisismerge: 128 };

/** Pages written per merge step (4 KB each): a step takes a fraction of a second at 100k items. */
export const STEP_PAGES = 2000;

function configure(db: DB, tables: LoadedTables, values: Record<string, number>): void {
  // Literal integers: a bound JS number arrives as a REAL, which FTS5 refuses for these settings.
  for (const t of tables) for (const [k, v] of Object.entries(values)) db.exec(`INSERT INTO ${t}(${t}, rank) VALUES ('${k}', ${Math.trunc(v)})`);
}

/** FTS5's defaults back, in a transaction of its own: a rebuild that ended before its merge. */
export function defaultLoadSettings(db: DB, tables: LoadedTables): void {
  db.transaction(() => configure(db, tables, DEFAULTS)).immediate();
}

/** In the rebuild's first transaction, before the documents go in. */
export function bulkLoadSettings(db: DB, tables: LoadedTables): void {
  configure(db, tables, BULK);
}

/**
 * Merges each table's segments down to one, a bounded step per transaction (yielding after each),
 * then puts the defaults back. A 'merge' step that changes (almost) nothing means it is done.
 */
export function* mergeSteps(db: DB, tables: LoadedTables): Generator<null> {
  db.transaction(() => configure(db, tables, { usermerge: 2 })).immediate();
  const changes = db.prepare('SELECT total_changes()').pluck();
  for (const t of tables) {
    for (;;) {
      const before = changes.get() as number;
      db.transaction(() => db.exec(`INSERT INTO ${t}(${t}, rank) VALUES ('merge', -${STEP_PAGES})`)).immediate();
      if ((changes.get() as number) - before < 2) break;
      yield null;
    }
  }
  db.transaction(() => configure(db, tables, DEFAULTS)).immediate();
}
