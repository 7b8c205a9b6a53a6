/**
 * Making a backup: SQLite's online backup API (better-sqlite3's db.backup), never a plain copy
 * of the file, which could miss what the WAL still holds or catch a page mid-write. The copy is
 * written under a temporary name, switched to a single self-contained file (rollback journal,
 * no -wal beside it), checked, and only then given its backup name, so a half-written or
 * damaged copy never looks like a backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../api/errors';
import type { Logger } from '../log/logger';
import type { DB } from '../store/db';
import { checkInBackground } from '../store/integrity';
import { APPLICATION_ID } from '../store/identity';
import { backupFilesIn } from './inspect';
import { backupDirFor, backupFileName, sameLocalDay, type BackupReason } from './names';
import { chooseKept } from './retention';

export interface CreatedBackup {
  path: string;
  name: string;
  size: number;
  reason: BackupReason;
  /** When the copy was started (its name says the same, in local time). */
  createdAt: string;
  ms: number;
}

export type Progress = (donePages: number, totalPages: number) => void;

/** 2048 pages (8 MB at the default page size) per step: steps stay short, progress moves often. */
const PAGES_PER_STEP = 2048;

function freePath(dir: string, reason: BackupReason, at: Date): string {
  for (let seq = 1; ; seq++) {
    const candidate = path.join(dir, backupFileName(reason, at, seq));
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** A refusal the user can act on, for the ways writing a copy fails. */
export function writeFailure(e: unknown, where: string): ApiError {
  if (e instanceof ApiError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new ApiError('INVALID_INPUT', `“${where}”所在的磁盘空间不足，备份未完成。请清理磁盘或换一个U盘。`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return new ApiError('INVALID_INPUT', `没有权限写入“${where}”，备份未完成。请换一个文件夹，或检查U盘是否写保护。`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new ApiError('BUSY', '数据库正被占用，备份未完成，请稍后再试。');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return new ApiError('DB_DAMAGED', '当前数据库已损坏，不能备份。请从最近的完好备份恢复。');
  return new ApiError('INTERNAL', `备份未完成：${(e as Error).message ?? String(e)}`);
}

/**
 * Turns the fresh copy into one self-contained file and checks it, in a worker thread (a big
 * archive takes seconds to check); throws if it is not sound.
 */
async function sealCopy(file: string): Promise<void> {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  if (!(await checkInBackground(file, 'quick_check')).ok) {
    throw new ApiError('DB_DAMAGED', '当前数据库未通过完整性检查，这份备份没有保存（以免替换掉完好的旧备份）。请从最近的完好备份恢复。');
  }
}

function syncDir(dir: string): void {
  // Makes the new name survive a power cut; directories cannot be opened this way on Windows.
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort: the data itself was synced by SQLite
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export async function writeBackup(source: DB, dir: string, reason: BackupReason, now: Date, onProgress?: Progress): Promise<CreatedBackup> {
  const started = Date.now();
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw writeFailure(e, dir);
  }
  const target = freePath(dir, reason, now);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.part`);
  const cleanup = () => {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  };
  cleanup();
  try {
    await source.backup(tmp, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    await sealCopy(tmp);
    fs.renameSync(tmp, target);
    syncDir(dir);
  } catch (e) {
    cleanup();
    throw writeFailure(e, dir);
  }
  const size = fs.statSync(target).size;
  return { path: target, name: path.basename(target), size, reason, createdAt: now.toISOString(), ms: Date.now() - started };
}

export interface DailyResult {
  status: 'created' | 'exists' | 'skipped' | 'failed';
  created?: CreatedBackup;
  /** Old daily copies the retention rule let go. */
  removed: string[];
  /** Why it was skipped or failed: an error code, never text from the data. */
  code?: string;
}

/**
 * Once a day, when a door starts: a daily copy unless one was made today, then the retention
 * rule. Never throws: a failed backup must not keep the office from working; the backup page
 * shows the age of the last good copy instead.
 */
export async function ensureDailyBackup(dbPath: string, now: Date = new Date()): Promise<DailyResult> {
  if (!fs.existsSync(dbPath)) return { status: 'skipped', removed: [], code: 'NO_DATABASE' };
  const dir = backupDirFor(dbPath);
  if (backupFilesIn(dir).some((b) => b.reason === 'daily' && sameLocalDay(b.at, now))) return { status: 'exists', removed: [] };
  let source: DB | undefined;
  try {
    // Its own read-only connection, so any door can call this before or after opening the
    // database, and closing it never checkpoints into a file that may turn out to be damaged.
    source = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 10_000 });
    if (source.pragma('application_id', { simple: true }) !== APPLICATION_ID) return { status: 'skipped', removed: [], code: 'DB_NOT_OURS' };
    const created = await writeBackup(source, dir, 'daily', now);
    const removed: string[] = [];
    for (const old of chooseKept(backupFilesIn(dir)).remove) {
      try {
        fs.rmSync(old.path);
        removed.push(old.name);
      } catch {
        // a copy that cannot be removed now is tried again tomorrow
      }
    }
    return { status: 'created', created, removed };
  } catch (e) {
    return { status: 'failed', removed: [], code: e instanceof ApiError ? e.code : ((e as { code?: string }).code ?? 'UNKNOWN') };
  } finally {
    source?.close();
  }
}

/** What the doors call as they start: the daily copy, with its outcome in the log. */
export async function dailyBackupAtStart(dbPath: string, logger?: Logger, now: Date = new Date()): Promise<DailyResult> {
  const r = await ensureDailyBackup(dbPath, now);
  if (r.status !== 'exists') {
    logger?.event(r.status === 'failed' ? 'WARN' : 'INFO', 'daily-backup', {
      status: r.status,
      code: r.code,
      bytes: r.created?.size,
      ms: r.created?.ms,
      removed: r.removed.length,
    });
  }
  return r;
}
