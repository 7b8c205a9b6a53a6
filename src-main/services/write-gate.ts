/**
 * The whole-file check of the desktop app, browser mode and `bulletin check`, always off the
 * main thread, and never on the ordinary write path (issue 14). It runs:
 * - after an unclean stop (store/check-state.ts): writes wait for it, at most a second each
 *   (dispatch refuses with BUSY after that, saying the check is running), reads go on;
 * - once a day in the background: writes go on meanwhile (a reader in a worker does not block
 *   them in WAL mode), and are refused from the moment it finds damage;
 * - when the user asks (`bulletin check`, the 备份 page).
 * A file the last check found damaged has its writes refused at once, naming the newest good
 * backup, while a new check looks again. So a damaged database is still never written to once
 * it is known to be damaged.
 *
 * Two checks, one after the other: SQLite's quick_check of every page (in a worker thread), then
 * the archive's verify (every stored Word file's hash and the seal chain, store/seal.ts), which
 * finds what quick_check cannot: bytes changed inside a stored file, a signed issue changed past
 * a dropped trigger. The verify runs in slices on a read-only connection of its own.
 */
import Database from 'better-sqlite3';
import { ApiError } from '../api/errors';
import type { DatabaseCheck } from '../api/ops/backups';
import { brokenArchiveMessage, damagedDatabaseMessage, identityOf } from '../store/inspect';
import { backupDirFor } from '../store/backup-names';
import { checkDue, checkRecordText, clearSessions, readCheckRecord, writeCheckRecord, type CheckReason } from '../store/check-state';
import { databaseFile, uncleanStopsAt } from '../store/db';
import { checkInBackground, checkNow, type CheckResult } from '../store/integrity';
import { findingsSummary, verifyArchiveAsync, type ArchiveReport } from '../store/seal';
import type { Ctx } from './context';

/** How often the app looks whether the daily check is due. */
const SCHEDULE_POLL_MS = 3600_000;

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

interface Outcome {
  check: DatabaseCheck;
  refusal: ApiError | null;
}

/** Both checks of the database behind `ctx`, with the answer recorded beside it. */
export async function runCheck(ctx: Ctx, reason: CheckReason): Promise<Outcome> {
  const db = ctx.db;
  const dbPath = databaseFile(db);
  const started = performance.now();
  let pages: CheckResult;
  let archive: ArchiveReport | null = null;
  if (db.readonly) {
    // A read-only disk (or a copy read into memory): no worker can open it beside us, and the
    // connection here holds the same bytes.
    pages = checkNow(db);
    if (pages.ok) archive = await verifyArchiveAsync(db).catch(() => null);
  } else {
    pages = await checkInBackground(dbPath, 'quick_check');
    if (pages.ok) archive = await verifyFile(dbPath);
  }
  const archiveOk = !archive || archive.ok;
  const ok = pages.ok && archiveOk;
  const detail = !pages.ok ? pages.detail.slice(0, 200) : archive && !archive.ok ? findingsSummary(archive, 2) : '';
  const at = ctx.now().toISOString();
  writeCheckRecord(dbPath, { at, ok, reason, detail });
  ctx.logger?.event(ok ? 'INFO' : 'ERROR', 'check', { reason, pages: pages.ok, archive: archive?.ok ?? null, ms: Math.round(performance.now() - started) });
  const identity = () => (db.open ? identityOf(db) : null);
  const refusal = !pages.ok
    ? new ApiError('DB_DAMAGED', damagedDatabaseMessage(dbPath, backupDirFor(dbPath), identity()))
    : archive && !archive.ok
      ? new ApiError('DB_DAMAGED', brokenArchiveMessage(dbPath, backupDirFor(dbPath), identity(), archive))
      : null;
  return {
    refusal,
    check: {
      at,
      ok,
      pages: { ok: pages.ok, detail: pages.ok ? '' : pages.detail },
      archive: archive ? { ok: archive.ok, findings: archive.findings.length, summary: archive.ok ? '' : findingsSummary(archive) } : null,
      text: checkRecordText({ at, ok, reason, detail }),
      advice: refusal?.message ?? null,
    },
  };
}

/** From now on every write is refused with `refusal`, until a restore or a check that passes. */
function refuseWrites(ctx: Ctx, refusal: ApiError): void {
  ctx.writeGate = Promise.reject(refusal);
  // Awaited by every write; this keeps the failure from counting as unhandled meanwhile.
  ctx.writeGate.catch(() => {});
  damageGates.add(ctx.writeGate);
}

/** Gates set because of damage found, which a passing check lifts (not a restore's, nor others'). */
const damageGates = new WeakSet<Promise<void>>();

/** `bulletin check` and the page's button: both checks now; the answer also governs writes. */
export async function checkDatabase(ctx: Ctx): Promise<DatabaseCheck> {
  const { check, refusal } = await runCheck(ctx, 'manual');
  if (refusal) refuseWrites(ctx, refusal);
  else if (ctx.writeGate && damageGates.has(ctx.writeGate)) ctx.writeGate = undefined;
  return check;
}

/**
 * A door's checks (the desktop app, browser mode): at start, whatever is due (see the file's
 * comment), then every hour whether the daily one is due. Resolves, once the start's check has
 * answered, to the refusal every write now meets, or null when sound (or none was due).
 */
export function gateWritesOnCheck(ctx: Ctx, dbPath: string): Promise<ApiError | null> {
  // Opened for reading only (a read-only disk or file): nothing will be written.
  if (ctx.db.readonly) return Promise.resolve(null);
  const stale = uncleanStopsAt(ctx.db);
  const recorded = readCheckRecord(dbPath);
  let running: Promise<ApiError | null> | null = null;
  const check = (reason: CheckReason): Promise<ApiError | null> =>
    (running ??= runCheck(ctx, reason)
      .then(({ refusal }) => {
        if (refusal) refuseWrites(ctx, refusal);
        else if (ctx.writeGate && damageGates.has(ctx.writeGate)) ctx.writeGate = undefined;
        return refusal;
      })
      .finally(() => {
        running = null;
      }));

  let first: Promise<ApiError | null>;
  if (stale.length > 0) {
    // After an unclean stop writes wait for the answer (dispatch waits at most a second each).
    first = check('unclean-stop').then((refusal) => {
      if (!refusal) clearSessions(stale);
      return refusal;
    });
    const gate = first.then((refusal) => {
      if (refusal) throw refusal;
    });
    gate.catch(() => {});
    ctx.writeGate = gate;
  } else {
    if (recorded && !recorded.ok) {
      refuseWrites(ctx, new ApiError('DB_DAMAGED', damagedDatabaseMessage(dbPath, backupDirFor(dbPath), identityOf(ctx.db))));
    }
    first = checkDue(dbPath, ctx.now()) ? check('scheduled') : Promise.resolve(null);
  }
  const timer = setInterval(() => {
    if (ctx.db.open && !running && checkDue(dbPath, ctx.now())) void check('scheduled');
  }, SCHEDULE_POLL_MS);
  timer.unref();
  ctx.stopChecks = () => clearInterval(timer);
  return first;
}

/** The last check as the 备份 page shows it, and whether the daily one is due. */
export function lastCheck(dbPath: string, now: Date): { at: string | null; ok: boolean | null; text: string; due: boolean } {
  const r = readCheckRecord(dbPath);
  return { at: r?.at ?? null, ok: r?.ok ?? null, text: checkRecordText(r), due: checkDue(dbPath, now) };
}
