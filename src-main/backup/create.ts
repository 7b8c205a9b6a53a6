/**
 * Making a backup: SQLite's online backup API (better-sqlite3's db.backup), never a plain copy
 * of the file, which could miss what the WAL still holds or catch a page mid-write. The copy is
 * written under a temporary name (`.bulletin-….db.PID.part`, which no listing takes for a
 * backup), switched to a single self-contained file (rollback journal, no -wal beside it),
 * checked, and only then given its backup name, so a half-written, stopped or damaged copy never
 * looks like a backup.
 *
 * Daily and manual copies of a database file run in a worker thread in small steps
 * (worker-copy.ts) and stop within a step when the door closes (the signal); the copy before a
 * restore, and any copy of a read-only or in-memory connection, runs on the given connection.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../api/errors';
import type { Logger } from '../log/logger';
import type { DB } from '../store/db';
import { processAlive } from '../store/check-state';
import { checkInBackground } from '../store/integrity';
import { APPLICATION_ID } from '../store/identity';
import { backupFilesIn } from '../store/inspect';
import { beginJob, endJob, type Job } from './jobs';
import { backupDirFor, backupFileName, sameLocalDay, type BackupReason } from '../store/backup-names';
import { chooseKept } from './retention';
import { copyInWorker } from './worker-copy';
import { driverForWorkers } from '../store/native-binding';
import { checkCopyInProcess } from './check-process';

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

/**
 * How a copy in the worker shares the machine. A manual copy is what the user waits for: big
 * steps, no pause. The daily copy runs while people work: 2 MB steps with a rest after each, so
 * the office's own reads and writes find the disk and a core free (on a 1.4 GB archive the rests
 * add about 15 s to a copy nobody waits for).
 */
export const PACE = {
  foreground: { pagesPerStep: PAGES_PER_STEP, pauseMs: 0 },
  background: { pagesPerStep: 512, pauseMs: 20 },
} as const;
export type Pace = keyof typeof PACE;

export const STOPPED_MESSAGE = '程序正在关闭，备份已停止，没有留下不完整的备份文件。请下次启动后再备份。';
const DAMAGED_MESSAGE = '当前数据库未通过完整性检查，这份备份没有保存（以免替换掉完好的旧备份）。请从最近的完好备份恢复。';

/** A copy left by a process that was killed mid-backup: `.bulletin-….db.PID.part` (and its -journal). */
const PART = /^\.bulletin-.+\.db\.(\d+)\.part(?:-journal|-wal|-shm)?$/;

/** Removes what a killed backup left behind; a copy still being written by a live process is left alone. */
export function sweepUnfinished(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = PART.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // tried again at the next backup
    }
  }
  return removed;
}

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
 * Turns the fresh copy into one self-contained file and checks it, in a child process a stop
 * kills (check-process.ts: a big archive takes seconds to check); throws if it is not sound.
 */
async function sealCopy(file: string, signal?: AbortSignal): Promise<void> {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  const driver = driverForWorkers();
  const checked = driver ? await checkCopyInProcess(file, driver, signal) : await checkInBackground(file, 'quick_check').then((r) => ({ kind: r.ok ? 'ok' : 'damaged' }));
  if (checked.kind === 'stopped') throw new Stopped();
  if (checked.kind !== 'ok') throw new ApiError('DB_DAMAGED', DAMAGED_MESSAGE);
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

interface Target {
  target: string;
  tmp: string;
  cleanup: () => void;
}

function prepareTarget(dir: string, reason: BackupReason, now: Date): Target {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw writeFailure(e, dir);
  }
  sweepUnfinished(dir);
  const target = freePath(dir, reason, now);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.part`);
  const cleanup = () => {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  };
  cleanup();
  return { target, tmp, cleanup };
}

function finish(t: Target, dir: string, reason: BackupReason, now: Date, started: number): CreatedBackup {
  try {
    fs.renameSync(t.tmp, t.target);
    syncDir(dir);
  } catch (e) {
    t.cleanup();
    throw writeFailure(e, dir);
  }
  const size = fs.statSync(t.target).size;
  return { path: t.target, name: path.basename(t.target), size, reason, createdAt: now.toISOString(), ms: Date.now() - started };
}

class Stopped extends Error {}

/** The copy on the caller's own connection, in steps on this thread (the copy before a restore). */
export async function writeBackup(source: DB, dir: string, reason: BackupReason, now: Date, onProgress?: Progress, signal?: AbortSignal): Promise<CreatedBackup> {
  const started = Date.now();
  const t = prepareTarget(dir, reason, now);
  try {
    if (signal?.aborted) throw new Stopped();
    await source.backup(t.tmp, {
      progress: ({ totalPages, remainingPages }) => {
        if (signal?.aborted) throw new Stopped();
        onProgress?.(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    if (signal?.aborted) throw new Stopped();
    await sealCopy(t.tmp, signal);
  } catch (e) {
    t.cleanup();
    if (e instanceof Stopped) throw new ApiError('BUSY', STOPPED_MESSAGE);
    throw writeFailure(e, dir);
  }
  return finish(t, dir, reason, now, started);
}

export interface FileBackupOptions {
  pace: Pace;
  onProgress?: Progress;
  signal?: AbortSignal;
}

/**
 * The copy of a database file, made in a worker thread on a read-only connection of its own
 * (see worker-copy.ts): what the daily and the manual backup use. Throws BUSY with
 * STOPPED_MESSAGE when stopped; the temporary copy is gone by then.
 */
export async function writeBackupOfFile(dbPath: string, dir: string, reason: BackupReason, now: Date, options: FileBackupOptions): Promise<CreatedBackup> {
  const started = Date.now();
  const t = prepareTarget(dir, reason, now);
  const outcome = await copyInWorker(dbPath, t.tmp, { ...PACE[options.pace], onProgress: options.onProgress, signal: options.signal });
  if (outcome.kind !== 'done') t.cleanup();
  if (outcome.kind === 'stopped') throw new ApiError('BUSY', STOPPED_MESSAGE);
  if (outcome.kind === 'damaged') throw new ApiError('DB_DAMAGED', DAMAGED_MESSAGE);
  if (outcome.kind === 'failed') throw writeFailure(Object.assign(new Error(outcome.message), { code: outcome.code }), dir);
  return finish(t, dir, reason, now, started);
}

export interface DailyResult {
  status: 'created' | 'exists' | 'skipped' | 'failed' | 'stopped';
  created?: CreatedBackup;
  /** Old daily copies the retention rule let go. */
  removed: string[];
  /** Why it was skipped or failed: an error code, never text from the data. */
  code?: string;
}

export interface DailyOptions {
  /** Stops the copy (a door closing); the job's own stop (stopBackups) works as well. */
  signal?: AbortSignal;
  /** 'background' (the default) rests between small steps; tests and the bench may hurry. */
  pace?: Pace;
  onJob?: (job: Job) => void;
}

function isOurs(dbPath: string): boolean {
  // A short read-only look, closed at once: closing it never checkpoints into a file that may
  // turn out to be damaged.
  const db = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    return db.pragma('application_id', { simple: true }) === APPLICATION_ID;
  } finally {
    db.close();
  }
}

/**
 * Once a day, when a door starts: a daily copy unless one was made today, then the retention
 * rule. Never throws: a failed backup must not keep the office from working; the backup page
 * shows the age of the last good copy instead. The copy runs in a worker on a read-only
 * connection of its own, so any door can call this before or after opening the database; it is
 * a job like a manual backup (the 备份 page shows its progress, a door's close stops it).
 */
export async function ensureDailyBackup(dbPath: string, now: Date = new Date(), options: DailyOptions = {}): Promise<DailyResult> {
  if (!fs.existsSync(dbPath)) return { status: 'skipped', removed: [], code: 'NO_DATABASE' };
  const dir = backupDirFor(dbPath);
  if (backupFilesIn(dir).some((b) => b.reason === 'daily' && sameLocalDay(b.at, now))) return { status: 'exists', removed: [] };
  let job: Job;
  try {
    job = beginJob(dbPath, 'backup', dir, now, true);
  } catch {
    // A manual copy is running right now: that one will do for today's safety; tomorrow's start tries again.
    return { status: 'skipped', removed: [], code: 'BUSY' };
  }
  const stop = () => job.abort.abort();
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    options.onJob?.(job);
    if (!isOurs(dbPath)) return { status: 'skipped', removed: [], code: 'DB_NOT_OURS' };
    const created = await writeBackupOfFile(dbPath, dir, 'daily', now, {
      pace: options.pace ?? 'background',
      signal: job.abort.signal,
      onProgress: (done, total) => {
        job.donePages = done;
        job.totalPages = total;
      },
    });
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
    if (job.abort.signal.aborted) return { status: 'stopped', removed: [], code: 'STOPPED' };
    return { status: 'failed', removed: [], code: e instanceof ApiError ? e.code : ((e as { code?: string }).code ?? 'UNKNOWN') };
  } finally {
    options.signal?.removeEventListener('abort', stop);
    endJob(dbPath, job);
  }
}

/** What the doors call as they start: the daily copy, with its outcome in the log. */
export async function dailyBackupAtStart(dbPath: string, logger?: Logger, now: Date = new Date(), options: DailyOptions = {}): Promise<DailyResult> {
  const r = await ensureDailyBackup(dbPath, now, options);
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

/**
 * The first minute after a start is when the office opens lists and searches; the daily copy
 * waits until then. A door may be asked to stop at any point: cancel() drops a copy not yet
 * begun and stops one running (it ends within a step, its unfinished file removed); `done`
 * resolves when nothing of it is left running.
 */
export const DAILY_BACKUP_DELAY_MS = 60_000;

export interface ScheduledDaily {
  done: Promise<DailyResult | null>;
  cancel(): Promise<void>;
}

export function scheduleDailyBackup(dbPath: string, logger: Logger | undefined, delayMs: number = DAILY_BACKUP_DELAY_MS): ScheduledDaily {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<DailyResult | null>((resolve) => {
    const run = () => {
      timer = undefined;
      if (abort.signal.aborted) return resolve(null);
      dailyBackupAtStart(dbPath, logger, new Date(), { signal: abort.signal }).then(resolve, () => resolve(null));
    };
    if (delayMs <= 0) run();
    else {
      timer = setTimeout(run, delayMs);
      abort.signal.addEventListener('abort', () => {
        if (timer !== undefined) {
          clearTimeout(timer);
          timer = undefined;
          resolve(null);
        }
      });
    }
  });
  return {
    done,
    cancel: async () => {
      abort.abort();
      await done;
    },
  };
}

/** The delay a door waits before the daily copy: BULLETIN_DAILY_BACKUP_DELAY_MS (ms) when set, for tests. */
export function dailyBackupDelay(env: NodeJS.ProcessEnv): number {
  const raw = env.BULLETIN_DAILY_BACKUP_DELAY_MS;
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : DAILY_BACKUP_DELAY_MS;
}
