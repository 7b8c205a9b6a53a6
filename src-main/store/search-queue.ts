/**
 * Empties migration 17's search_queue: each record a trigger named there is written to the
 * index again (or removed, when it is gone), in the caller's transaction. `writeTx` calls it
 * after every write, so a committed write never leaves the index behind its records; a write
 * made outside `writeTx` (raw SQL) is indexed by the next one, or by a rebuild.
 */
import type { DB } from './db-handle';
import { writeDoc } from './search-index';
import { indexesRecords, type RecordKind } from './search-record-docs';
import { stmt } from './statements';

/** Connections known to have the queue (a database opens at its latest version and stays there). */
const withQueue = new WeakSet<DB>();

export function flushSearchQueue(db: DB): void {
  if (!withQueue.has(db)) {
    if (!indexesRecords(db)) return;
    withQueue.add(db);
  }
  const queued = stmt(db, 'SELECT kind, ref_id FROM search_queue').all() as { kind: RecordKind; ref_id: number }[];
  if (queued.length === 0) return;
  for (const q of queued) writeDoc(db, q.kind, q.ref_id);
  stmt(db, 'DELETE FROM search_queue').run();
}

/** Migration 18's last step: the records already in the database enter the index. */
export function indexExistingRecords(db: DB): void {
  stmt(db, "INSERT OR IGNORE INTO search_queue (kind, ref_id) SELECT 'commission', id FROM commissions").run();
  stmt(db, "INSERT OR IGNORE INTO search_queue (kind, ref_id) SELECT 'instruction', id FROM instructions").run();
  stmt(db, "INSERT OR IGNORE INTO search_queue (kind, ref_id) SELECT 'liaison', id FROM liaisons").run();
  stmt(db, "INSERT OR IGNORE INTO search_queue (kind, ref_id) SELECT 'urgent', id FROM urgent_events").run();
  flushSearchQueue(db);
}
