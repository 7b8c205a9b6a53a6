/**
 * Statements prepared once per connection and kept: for code that runs the same few queries
 * many times per call (the search index, a search's fifty hits), where preparing costs about as
 * much as running. Keyed by the SQL text, per connection (a restored database is a new one).
 */
import type Database from 'better-sqlite3';
import type { DB } from './db-handle';

const statements = new WeakMap<DB, Map<string, Database.Statement>>();

export function stmt(db: DB, sql: string): Database.Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let st = map.get(sql);
  if (!st) map.set(sql, (st = db.prepare(sql)));
  return st;
}
