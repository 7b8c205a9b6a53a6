/**
 * The start-up check of the desktop app and browser mode, off the main thread: the window opens
 * at once and reading works while the check runs; a write waits for it, and is refused with the
 * damaged-database message if it fails. So a damaged database is still never written to.
 *
 * Two checks, one after the other: SQLite's quick_check of every page (in a worker thread), then
 * the archive's verify (every stored Word file's hash and the seal chain, store/seal.ts), which
 * finds what quick_check cannot: bytes changed inside a stored file, a signed issue changed past
 * a dropped trigger. The verify runs in slices on a read-only connection of its own.
 */
import Database from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { brokenArchiveMessage, damagedDatabaseMessage, identityOf } from '../backup/inspect';
import { backupDirFor } from '../backup/names';
import { checkInBackground } from '../store/integrity';
import { verifyArchiveAsync, type ArchiveReport } from '../store/seal';
import type { Ctx } from './context';

async function verifyFile(dbPath: string): Promise<ArchiveReport | null> {
  let db: Database.Database | undefined;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 10_000 });
    db.pragma('trusted_schema = OFF');
    return await verifyArchiveAsync(db);
  } catch {
    // Pages that cannot be read were quick_check's to report; the archive is not judged on them.
    return null;
  } finally {
    db?.close();
  }
}

/** Resolves, once the check has answered, to the refusal every write now meets, or null when sound. */
export function gateWritesOnCheck(ctx: Ctx, dbPath: string): Promise<ApiError | null> {
  // Opened for reading only (a read-only disk or file): nothing will be written, and the worker
  // could not open the file beside it (no -shm file can be made there).
  if (ctx.db.readonly) return Promise.resolve(null);
  const started = performance.now();
  const identity = () => (ctx.db.open ? identityOf(ctx.db) : null);
  const refusal = checkInBackground(dbPath, 'quick_check').then(async (r) => {
    ctx.logger?.event(r.ok ? 'INFO' : 'ERROR', 'start-check', { ok: r.ok, ms: performance.now() - started });
    if (!r.ok) return new ApiError('DB_DAMAGED', damagedDatabaseMessage(dbPath, backupDirFor(dbPath), identity()));
    const archive = await verifyFile(dbPath);
    ctx.logger?.event(archive && !archive.ok ? 'ERROR' : 'INFO', 'archive-verify', {
      ok: archive?.ok ?? null,
      findings: archive?.findings.length ?? null,
      ms: performance.now() - started,
    });
    return archive && !archive.ok ? new ApiError('DB_DAMAGED', brokenArchiveMessage(dbPath, backupDirFor(dbPath), identity(), archive)) : null;
  });
  ctx.writeGate = refusal.then((e) => {
    if (e) throw e;
  });
  // Awaited by every write; this keeps a failure from counting as unhandled meanwhile.
  ctx.writeGate.catch(() => {});
  return refusal;
}
