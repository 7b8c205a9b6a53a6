/**
 * Where backups live and what they are called: `<data folder>/backups/bulletin-YYYYMMDD-HHMMSS-<reason>.db`,
 * in the PC's local time, so that an office worker sorting the folder by name sorts by date and
 * can tell a daily copy from one made before an upgrade. Pure: no file is touched here.
 */
import path from 'node:path';

export const BACKUP_REASONS = ['daily', 'manual', 'before-migration', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: '每日自动',
  manual: '手动',
  'before-migration': '升级前',
  'before-restore': '恢复前',
};

export const BACKUP_DIR_NAME = 'backups';
const PREFIX = 'bulletin';
// A second copy within the same second gets -2, -3 … so that nothing is ever overwritten.
const NAME = /^bulletin-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(daily|manual|before-migration|before-restore)(?:-(\d{1,3}))?\.db$/;

/** The folder beside the database where automatic and undo copies go. */
export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), BACKUP_DIR_NAME);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYYMMDD-HHMMSS in local time. */
export function stamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

export function backupFileName(reason: BackupReason, at: Date, seq = 1): string {
  return `${PREFIX}-${stamp(at)}-${reason}${seq > 1 ? `-${seq}` : ''}.db`;
}

export interface ParsedName {
  name: string;
  reason: BackupReason;
  /** Local time as written in the name. */
  at: Date;
}

/** The reason and time a backup's name records; null for any other file. */
export function parseBackupName(name: string): ParsedName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi, s);
  // 20261332-… parses into another date: such a name was not written by us.
  if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== d || at.getHours() !== h || at.getMinutes() !== mi) return null;
  return { name, reason: m[7] as BackupReason, at };
}

/** Same calendar day in local time. */
export function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}
