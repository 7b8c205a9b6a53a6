/**
 * How the rebuild keeps FTS5's segment merging cheap. Loading 100,000 documents with FTS5's
 * default automerge (4 segments a level) rewrites the index at every level on the way; with 16 a
 * level (and the crisis limit raised to match) each byte is rewritten about half as often. At the
 * end the segments are merged into one in bounded steps, each its own transaction, so the rebuild
 * stays stoppable between steps and the finished index answers from a single segment. Measured
 * on the bench's archive (README, Search). The settings live in the tables' own %_config rows;
 * a rebuild stopped half-way leaves the bulk settings, which only mean more segments until the
 * next rebuild ends and puts FTS5's defaults back.
 */
import type { DB } from './db-handle';

const TABLES = ['search_bi', 'search_uni'] as const;

/** FTS5's own defaults (fts5_config.c), put back when a rebuild ends. */
const DEFAULTS = { automerge: 4, crisismerge: 16, usermerge: 4 };
const BULK = { automerge: 16, crisismerge: 64 };

/** Pages written per merge step (4 KB each): a step takes a fraction of a second at 100k items. */
const STEP_PAGES = 2000;

function configure(db: DB, values: Record<string, number>): void {
  // Literal integers: a bound JS number arrives as a REAL, which FTS5 refuses for these settings.
  for (const t of TABLES) for (const [k, v] of Object.entries(values)) db.exec(`INSERT INTO ${t}(${t}, rank) VALUES ('${k}', ${Math.trunc(v)})`);
}

/** In the rebuild's first transaction, before the documents go in. */
export function bulkLoadSettings(db: DB): void {
  configure(db, BULK);
}

/**
 * Merges each table's segments down to one, a bounded step per transaction (yielding after each),
 * then puts the defaults back. A 'merge' step that changes (almost) nothing means it is done.
 */
export function* mergeSteps(db: DB): Generator<null> {
  db.transaction(() => configure(db, { usermerge: 2 })).immediate();
  const changes = db.prepare('SELECT total_changes()').pluck();
  for (const t of TABLES) {
    for (;;) {
      const before = changes.get() as number;
      db.transaction(() => db.exec(`INSERT INTO ${t}(${t}, rank) VALUES ('merge', -${STEP_PAGES})`)).immediate();
      if ((changes.get() as number) - before < 2) break;
      yield null;
    }
  }
  db.transaction(() => configure(db, DEFAULTS)).immediate();
}
