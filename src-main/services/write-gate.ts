/**
 * The start-up check of the desktop app and browser mode, off the main thread: the window opens
 * at once and reading works while the check runs; a write waits for it, and is refused with the
 * damaged-database message if it fails. So a damaged database is still never written to.
 */
import { ApiError } from '../api/errors';
import { damagedDatabaseMessage } from '../backup/inspect';
import { backupDirFor } from '../backup/names';
import { checkInBackground, type CheckResult } from '../store/integrity';
import type { Ctx } from './context';

export function gateWritesOnCheck(ctx: Ctx, dbPath: string): Promise<CheckResult> {
  const started = performance.now();
  const result = checkInBackground(dbPath, 'quick_check');
  ctx.writeGate = result.then((r) => {
    ctx.logger?.event(r.ok ? 'INFO' : 'ERROR', 'start-check', { ok: r.ok, ms: performance.now() - started });
    if (!r.ok) throw new ApiError('DB_DAMAGED', damagedDatabaseMessage(dbPath, backupDirFor(dbPath)));
  });
  // Awaited by every write; this keeps a failure from counting as unhandled meanwhile.
  ctx.writeGate.catch(() => {});
  return result;
}
