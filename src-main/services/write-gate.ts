/**
 * The start-up check of the desktop app and browser mode, off the main thread: the window opens
 * at once and reading works while the check runs; a write waits for it, and is refused with the
 * damaged-database message if it fails. So a damaged database is still never written to.
 */
import { ApiError } from '../api/errors';
import { damagedDatabaseMessage } from '../backup/inspect';
import { backupDirFor } from '../backup/names';
import { checkInBackground } from '../store/integrity';
import type { Ctx } from './context';

/** Resolves, once the check has answered, to the refusal every write now meets, or null when sound. */
export function gateWritesOnCheck(ctx: Ctx, dbPath: string): Promise<ApiError | null> {
  // Opened for reading only (a read-only disk or file): nothing will be written, and the worker
  // could not open the file beside it (no -shm file can be made there).
  if (ctx.db.readonly) return Promise.resolve(null);
  const started = performance.now();
  const refusal = checkInBackground(dbPath, 'quick_check').then((r) => {
    ctx.logger?.event(r.ok ? 'INFO' : 'ERROR', 'start-check', { ok: r.ok, ms: performance.now() - started });
    return r.ok ? null : new ApiError('DB_DAMAGED', damagedDatabaseMessage(dbPath, backupDirFor(dbPath)));
  });
  ctx.writeGate = refusal.then((e) => {
    if (e) throw e;
  });
  // Awaited by every write; this keeps a failure from counting as unhandled meanwhile.
  ctx.writeGate.catch(() => {});
  return refusal;
}
