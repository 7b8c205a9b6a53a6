/**
 * The audit entry of the operation now running, carried across its awaits by AsyncLocalStorage
 * (the bridge runs several calls at once on one connection, so a field on the connection would
 * mix them up). dispatch() opens the scope; writeTx() writes the entry inside the first
 * outermost write transaction that commits, so the log row and the change it records commit
 * or roll back together. An operation that never opens a write transaction (a file export)
 * gets its entry written by dispatch() after it succeeds.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';

export interface PendingAudit {
  /** Set once the entry is committed; a rolled-back transaction leaves it false for a retry. */
  written: boolean;
  /** Inserts the row on `db`; `result` is what the transaction's function returned. */
  write(db: Database.Database, result: unknown): void;
}

export const auditScope = new AsyncLocalStorage<PendingAudit>();

/** The entry still to write for the running operation, if this transaction is the one to carry it. */
export function pendingAuditFor(db: Database.Database): PendingAudit | undefined {
  if (db.inTransaction) return undefined; // nested: the outermost transaction writes it
  const p = auditScope.getStore();
  return p && !p.written ? p : undefined;
}
