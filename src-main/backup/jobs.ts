/**
 * The backup or restore running on a database in this process, if any. A copy of a big
 * database takes a while and yields to the event loop between steps, so the UI can ask how far
 * it got (backupStatus) while the copy runs, and a second copy or a restore started meanwhile
 * is refused instead of racing the first.
 *
 * A door that closes stops every backup still running (stopBackups) and waits for it to end:
 * the copy stops within a step and removes its unfinished file, so the door stops in about a
 * second instead of waiting for the whole copy. A restore is never stopped halfway; a door waits
 * for it.
 */
import path from 'node:path';
import { ApiError } from '../api/errors';

export interface Job {
  kind: 'backup' | 'restore';
  target: string;
  donePages: number;
  totalPages: number;
  startedAt: Date;
  /** The daily copy, which the UI names as such. */
  daily: boolean;
  /** Aborted when a door closes (backups only). */
  abort: AbortController;
  /** Resolves when endJob has been called. */
  ended: Promise<void>;
}

const jobs = new Map<string, Job>();
const enders = new WeakMap<Job, () => void>();
const key = (dbPath: string) => path.resolve(dbPath);

export function beginJob(dbPath: string, kind: Job['kind'], target: string, now: Date, daily = false): Job {
  const running = jobs.get(key(dbPath));
  if (running) {
    throw new ApiError('BUSY', running.kind === 'backup' ? '正在备份，请等这次备份完成后再试。' : '正在恢复数据库，请等恢复完成后再试。');
  }
  let markEnded!: () => void;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const job: Job = { kind, target, donePages: 0, totalPages: 0, startedAt: now, daily, abort: new AbortController(), ended };
  enders.set(job, markEnded);
  jobs.set(key(dbPath), job);
  return job;
}

export function endJob(dbPath: string, job: Job): void {
  if (jobs.get(key(dbPath)) === job) jobs.delete(key(dbPath));
  enders.get(job)?.();
}

export function currentJob(dbPath: string): Job | undefined {
  return jobs.get(key(dbPath));
}

/** Whether any job is running in this process (the desktop asks before it quits). */
export function anyJobRunning(): boolean {
  return jobs.size > 0;
}

/**
 * Stops the backups running on this database (every database when none is named) and resolves
 * when every job there has ended, restores included.
 */
export async function stopBackups(dbPath?: string): Promise<void> {
  const chosen = [...jobs.entries()].filter(([k]) => dbPath === undefined || k === key(dbPath)).map(([, j]) => j);
  for (const j of chosen) if (j.kind === 'backup') j.abort.abort();
  await Promise.all(chosen.map((j) => j.ended));
}
