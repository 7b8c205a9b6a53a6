/** Backups (备份): copies of the database, their list, restoring one, and how recent the last is. */
import { z } from 'zod';
import { op, writesFile } from './define';

/** Where a backup came from: the name says it (see src-main/backup/names.ts). */
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
}

export interface BackupList {
  dir: string;
  backups: BackupInfo[];
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
}

export interface BackupStatus {
  dir: string;
  lastBackup: { name: string; createdAt: string; ageDays: number } | null;
  lastExternal: { path: string; createdAt: string; ageDays: number } | null;
  /** Shown app-wide: no backup at all, or the newest one older than 7 days. */
  warning: string | null;
  /** Shown on the backup page: nothing copied off this PC in the last 7 days. */
  externalWarning: string | null;
  running: { kind: 'backup' | 'restore'; target: string; percent: number } | null;
}

const folder = z
  .string({ error: '文件夹必须是路径文字' })
  .min(1, { error: '请给出文件夹' })
  .max(4096, { error: '路径过长（最多4096个字符）' });

export const backupOps = {
  backupCreate: op<BackupCreated>()(
    z.object({ to: folder.optional() }).strict(),
    '立即备份（可备份到指定文件夹，如U盘）/ back up now, optionally to a chosen folder',
    writesFile,
  ),
  backupList: op<BackupList>()(
    z.object({ verify: z.boolean({ error: '“全面检查”只能是是或否' }).optional() }).strict(),
    '列出备份 / list backups',
    true,
  ),
  backupRestore: op<BackupRestored>()(
    z
      .object({
        file: z
          .string({ error: (iss) => (iss.input === undefined ? '请给出备份文件' : '备份文件必须是路径文字') })
          .min(1, { error: '请给出备份文件' })
          .max(4096, { error: '路径过长（最多4096个字符）' }),
        confirm: z.literal(true, { error: '恢复会替换当前数据库，必须明确确认（confirm: true）' }),
      })
      .strict(),
    '从备份恢复（当前数据库先另存为恢复前副本）/ restore from a backup (the current database is kept as an undo copy)',
    // its entry goes into the restored database, once it is in place
    writesFile,
  ),
  backupStatus: op<BackupStatus>()(z.object({}).strict(), '备份状况 / how recent the last backup is', true),
} as const;
