/**
 * The backup entries of the API. The work is in src-main/backup/; here it is tied to the open
 * database of the door that called.
 *
 * Restoring replaces the database under a running door. The door's Ctx is the one handle every
 * call goes through, so the restore closes `ctx.db` and puts the connection to the restored file
 * in its place: calls after it see the restored data, and no door needs to know a restore
 * happened (each closes `ctx.db`, whatever it is by then, when it stops). A call already running
 * across the swap is safe: every change is one transaction on whichever connection it began
 * with, and signing checks again inside its own transaction what it rendered.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OpArgs } from '../api/contract';
import { lastCheck } from './write-gate';
import type { BackupCreated, BackupInfo, BackupList, BackupRestored, BackupStatus } from '../api/ops/backups';
import { writeBackup, writeBackupOfFile } from '../backup/create';
import { readExternalCopies, recordExternalCopy } from '../backup/external';
import { backupFilesIn, inspectDatabaseFile } from '../store/inspect';
import { beginJob, currentJob, endJob } from '../backup/jobs';
import { backupDirFor } from '../store/backup-names';
import { restoreDatabase } from '../backup/restore';
import { databaseFile, openDatabase } from '../store/db';
import { databaseIdentity } from '../store/seal';
import type { Ctx } from './context';
import { existingFolder } from './output-files';

const DAY_MS = 24 * 60 * 60 * 1000;
export const BACKUP_WARN_DAYS = 7;

const livePath = (ctx: Ctx) => path.resolve(databaseFile(ctx.db));

function ageDays(at: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));
}

function chosenFolder(to: string): string {
  return existingFolder(to, {
    missing: (dir) => `文件夹“${dir}”不存在。请插入U盘，并选择U盘上已有的文件夹。`,
    notFolder: (dir) => `“${dir}”不是文件夹，请选择一个文件夹。`,
  });
}

export async function createBackup(ctx: Ctx, args: OpArgs<'backupCreate'>): Promise<BackupCreated> {
  const db = livePath(ctx);
  const external = args.to !== undefined;
  const dir = external ? chosenFolder(args.to!) : backupDirFor(db);
  const now = ctx.now();
  const job = beginJob(db, 'backup', dir, now);
  try {
    const onProgress = (done: number, total: number) => {
      job.donePages = done;
      job.totalPages = total;
    };
    // In a worker on a connection of its own (stoppable within a step; the window stays
    // responsive). A read-only database (no -shm can be made beside it) is copied on this one.
    const made =
      ctx.db.readonly || ctx.db.memory
        ? await writeBackup(ctx.db, dir, 'manual', now, onProgress, job.abort.signal)
        : await writeBackupOfFile(db, dir, 'manual', now, { pace: 'foreground', onProgress, signal: job.abort.signal });
    if (external) recordExternalCopy(backupDirFor(db), { at: made.createdAt, path: made.path, size: made.size });
    ctx.logger?.event('INFO', 'backup', { reason: 'manual', external, bytes: made.size, ms: made.ms });
    return { ...made, external };
  } finally {
    endJob(db, job);
  }
}

/**
 * Every backup in the data folder, this database's and others' (the folder is shared by every
 * database in it), each marked with whose it is; --verify runs integrity_check and the archive's
 * verify on each, so a backup with a damaged stored file shows as damaged.
 */
export function listBackups(ctx: Ctx, args: OpArgs<'backupList'>): BackupList {
  const dir = backupDirFor(livePath(ctx));
  const databaseId = databaseIdentity(ctx.db);
  const backups: BackupInfo[] = backupFilesIn(dir).map((b) => {
    const found = inspectDatabaseFile(b.path, args.verify ? 'full' : 'header');
    let size = 0;
    try {
      size = fs.statSync(b.path).size;
    } catch {
      // reported as damaged by the inspection above
    }
    return {
      name: b.name,
      path: b.path,
      reason: b.reason,
      createdAt: b.at.toISOString(),
      size,
      schemaVersion: found.schemaVersion,
      health: found.health,
      checked: found.checked,
      problem: found.problem,
      databaseId: found.databaseId,
      office: found.office,
      own: databaseId !== null && found.databaseId === databaseId,
    };
  });
  return { dir, databaseId, backups };
}

export async function restoreBackup(ctx: Ctx, args: OpArgs<'backupRestore'>): Promise<BackupRestored> {
  const db = livePath(ctx);
  const job = beginJob(db, 'restore', args.file, ctx.now());
  try {
    const r = await restoreDatabase({ livePath: db, source: args.file, current: ctx.db, now: ctx.now(), foreign: args.foreign });
    ctx.db = r.db;
    // The restored file passed its own check before it was put in place.
    ctx.writeGate = undefined;
    ctx.logger?.event('INFO', 'restore', { fromVersion: r.fromVersion, undo: r.undoBackup ? path.basename(r.undoBackup) : null, foreign: r.warning !== null });
    return { restoredFrom: r.restoredFrom, undoBackup: r.undoBackup, fromVersion: r.fromVersion, schemaVersion: r.schemaVersion, warning: r.warning };
  } catch (e) {
    // The restore may have closed the connection before it was refused: reopen what is in place.
    if (!ctx.db.open) ctx.db = openDatabase(db);
    throw e;
  } finally {
    endJob(db, job);
  }
}

export function backupStatus(ctx: Ctx): BackupStatus {
  const db = livePath(ctx);
  const dir = backupDirFor(db);
  const now = ctx.now();
  // A damaged copy, or another database's, does not count: it would hide that there is no usable backup.
  const databaseId = databaseIdentity(ctx.db);
  const newest = backupFilesIn(dir).find((b) => {
    const found = inspectDatabaseFile(b.path, 'header');
    return found.health === 'ok' && found.databaseId === databaseId;
  });
  const lastBackup = newest ? { name: newest.name, createdAt: newest.at.toISOString(), ageDays: ageDays(newest.at, now) } : null;
  const ext = readExternalCopies(dir).at(-1);
  const lastExternal = ext ? { path: ext.path, createdAt: ext.at, ageDays: ageDays(new Date(ext.at), now) } : null;
  const warning = !lastBackup
    ? '还没有任何备份。请在“备份”页点“立即备份”，并备份到U盘。'
    : lastBackup.ageDays > BACKUP_WARN_DAYS
      ? `最近一次备份是 ${lastBackup.ageDays} 天前。请在“备份”页点“立即备份”，并备份到U盘。`
      : null;
  const externalWarning = !lastExternal
    ? '还没有备份到U盘或其他磁盘。电脑硬盘损坏时，同一块硬盘上的备份会一起丢失。'
    : lastExternal.ageDays > BACKUP_WARN_DAYS
      ? `最近一次备份到U盘是 ${lastExternal.ageDays} 天前，请再备份一次。`
      : null;
  const job = currentJob(db);
  const running = job
    ? { kind: job.kind, target: job.target, percent: job.totalPages ? Math.floor((job.donePages / job.totalPages) * 100) : 0, daily: job.daily }
    : null;
  return { dir, lastBackup, lastExternal, warning, externalWarning, running, check: lastCheck(db, now) };
}

/**
 * Restoring when the database cannot be opened at all (the start-up check found it damaged):
 * there is no Ctx then, so a door calls this with the path. The damaged file is kept, byte
 * for byte, as the before-restore copy.
 */
export async function restoreUnopened(dbPath: string, args: OpArgs<'backupRestore'>, now: Date): Promise<BackupRestored> {
  const job = beginJob(dbPath, 'restore', args.file, now);
  try {
    const r = await restoreDatabase({ livePath: dbPath, source: args.file, current: null, now, foreign: args.foreign });
    r.db.close();
    return { restoredFrom: r.restoredFrom, undoBackup: r.undoBackup, fromVersion: r.fromVersion, schemaVersion: r.schemaVersion, warning: r.warning };
  } finally {
    endJob(dbPath, job);
  }
}
