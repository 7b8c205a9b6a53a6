/**
 * Backups (备份): copies of the database, their list, restoring one, and how recent the last is;
 * and the archive's verify (存档校验), which every restore runs on the backup first.
 */
import { z } from 'zod';
import { op, writesFile } from './define';

/** Where a backup came from: the name says it (see src-main/store/backup-names.ts). */
export type BackupReasonName = 'daily' | 'manual' | 'before-migration' | 'before-restore';
export type BackupHealthName = 'ok' | 'damaged' | 'not-ours' | 'too-new';

export interface BackupInfo {
  name: string;
  path: string;
  reason: BackupReasonName;
  /** When it was made (UTC ISO; the name has the same moment in local time). */
  createdAt: string;
  size: number;
  schemaVersion: number | null;
  health: BackupHealthName;
  /** header: the file's header and length were checked; full: SQLite's integrity_check ran. */
  checked: 'header' | 'quick' | 'full';
  problem: string | null;
  /** The identity of the database it is a copy of; null for one made before identities existed. */
  databaseId: string | null;
  /** The office named in it (settings, or its first series' organ); '' when none. */
  office: string;
  /** This database's own backup; false: another database's (refused by restore without foreign). */
  own: boolean;
}

export interface BackupList {
  dir: string;
  /** The identity of the open database. */
  databaseId: string | null;
  backups: BackupInfo[];
}

/** One thing the archive's verify found wrong, in words for the office. */
export interface ArchiveFinding {
  /** The issue concerned; null when it cannot be named. */
  issueId: number | null;
  /** How the office names it, e.g. 《城关县政务信息》2026年第12期（编号 3）. */
  issue: string;
  problem: string;
}

export interface ArchiveReport {
  ok: boolean;
  /** False for a database older than the seal: the stored files were checked, no chain. */
  sealed: boolean;
  /** Signed and voided issues. */
  issues: number;
  /** Stored Word files whose bytes were hashed again. */
  files: number;
  /** Links of the seal chain recomputed. */
  links: number;
  findings: ArchiveFinding[];
}

export interface BackupCreated {
  path: string;
  name: string;
  size: number;
  reason: BackupReasonName;
  createdAt: string;
  /** True when written to a folder the user chose (a USB drive) rather than the data folder. */
  external: boolean;
  ms: number;
}

export interface BackupRestored {
  restoredFrom: string;
  /** The before-restore copy of the database as it was: restoring that one undoes this. */
  undoBackup: string | null;
  fromVersion: number;
  schemaVersion: number;
  /** Said when the backup was another database's (restored with foreign) or could not be matched. */
  warning: string | null;
}

export interface BackupStatus {
  dir: string;
  lastBackup: { name: string; createdAt: string; ageDays: number } | null;
  lastExternal: { path: string; createdAt: string; ageDays: number } | null;
  /** Shown app-wide: no backup at all, or the newest one older than 7 days. */
  warning: string | null;
  /** Shown on the backup page: nothing copied off this PC in the last 7 days. */
  externalWarning: string | null;
  /** A copy or restore running now; daily: the automatic copy of the day (it runs in the background). */
  running: { kind: 'backup' | 'restore'; target: string; percent: number; daily: boolean } | null;
  /** The last whole-file check (services/write-gate.ts): `上次检查：2026年12月5日 08:10，完好`. */
  check: { at: string | null; ok: boolean | null; text: string; due: boolean };
}

/** What `bulletin check` (databaseCheck) found: the pages (quick_check) and the archive (verify). */
export interface DatabaseCheck {
  at: string;
  ok: boolean;
  pages: { ok: boolean; detail: string };
  /** null when the pages could not be read, so the archive was not judged. */
  archive: { ok: boolean; findings: number; summary: string } | null;
  /** 上次检查：2026年12月5日 08:10，完好 */
  text: string;
  /** When not sound: what to do (restore which backup). */
  advice: string | null;
}

const folder = z
  .string({ error: '文件夹必须是路径文字' })
  .min(1, { error: '请给出文件夹' })
  .max(4096, { error: '路径过长（最多4096个字符）' });

export const backupOps = {
  backupCreate: op<BackupCreated>()(
    () => z.object({ to: folder.optional() }).strict(),
    '立即备份（可备份到指定文件夹，如U盘）/ back up now, optionally to a chosen folder',
    writesFile,
  ),
  backupList: op<BackupList>()(
    () => z.object({ verify: z.boolean({ error: '“全面检查”只能是是或否' }).optional() }).strict(),
    '列出备份 / list backups',
    true,
  ),
  backupRestore: op<BackupRestored>()(
    () => z
      .object({
        file: z
          .string({ error: (iss) => (iss.input === undefined ? '请给出备份文件' : '备份文件必须是路径文字') })
          .min(1, { error: '请给出备份文件' })
          .max(4096, { error: '路径过长（最多4096个字符）' }),
        confirm: z.literal(true, { error: '恢复会替换当前数据库，必须明确确认（confirm: true）' }),
        foreign: z.boolean({ error: '“使用其他数据库的备份”只能是是或否' }).optional(),
      })
      .strict(),
    '从备份恢复（当前数据库先另存为恢复前副本）/ restore from a backup (the current database is kept as an undo copy)',
    // its entry goes into the restored database, once it is in place
    writesFile,
  ),
  backupStatus: op<BackupStatus>()(() => z.object({}).strict(), '备份状况 / how recent the last backup is', true),
  // Read-only: it writes nothing into the database (its answer is kept beside it), so it also
  // runs on a database found damaged, and a read-only one.
  databaseCheck: op<DatabaseCheck>()(
    () => z.object({}).strict(),
    '检查数据库：逐页检查数据库文件并校验存档，记下检查时间和结果 / check the database now: every page and the archive',
    true,
  ),
  archiveVerify: op<ArchiveReport>()(
    () => z.object({}).strict(),
    '存档校验：重新计算每个存档文件的校验值和封印链 / verify the archive: every stored file’s hash and the seal chain',
    true,
  ),
} as const;
