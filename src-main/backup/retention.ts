/**
 * Which automatic copies to keep: the newest copy of each of the last 7 days, 4 weeks and 12
 * months that have one (the same rule as restic's --keep-daily/--keep-weekly/--keep-monthly).
 * Counting days that have a copy, not calendar days, matters on an office PC that stays off
 * over a holiday: coming back after three weeks must not find every daily copy expired.
 *
 * Only `daily` copies are ever chosen for deletion. A `manual` copy is a person's deliberate
 * act (often just before something risky) and `before-migration` / `before-restore` copies are
 * the only way back from a step that cannot be undone; deleting either behind the user's back
 * would break "nothing is ever lost". They are made rarely, so keeping them costs little; the
 * backup page lists them with their size, for the user to remove by hand if ever needed.
 */
import type { BackupReason } from '../store/backup-names';

export interface Dated {
  name: string;
  reason: BackupReason;
  at: Date;
}

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** The Monday that starts the week, in local time: a key for "the same week" across a year's end. */
function weekKey(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return dayKey(monday);
}
const monthKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

/** The newest copy in each of the `count` newest buckets; `sorted` is newest first. */
function newestPerBucket<T extends Dated>(sorted: readonly T[], key: (d: Date) => string, count: number): T[] {
  const kept: T[] = [];
  let last: string | undefined;
  for (const b of sorted) {
    if (kept.length >= count) break;
    const k = key(b.at);
    if (k === last) continue;
    kept.push(b);
    last = k;
  }
  return kept;
}

export function chooseKept<T extends Dated>(backups: readonly T[], policy: RetentionPolicy = RETENTION): { keep: T[]; remove: T[] } {
  const daily = backups.filter((b) => b.reason === 'daily').sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
  const kept = new Set<T>([
    ...newestPerBucket(daily, dayKey, policy.daily),
    ...newestPerBucket(daily, weekKey, policy.weekly),
    ...newestPerBucket(daily, monthKey, policy.monthly),
  ]);
  return {
    keep: backups.filter((b) => b.reason !== 'daily' || kept.has(b)),
    remove: daily.filter((b) => !kept.has(b)),
  };
}
