/**
 * The backup or restore running on a database in this process, if any. A copy of a big
 * database takes a while and yields to the event loop between steps, so the UI can ask how far
 * it got (backupStatus) while the copy runs, and a second copy or a restore started meanwhile
 * is refused instead of racing the first.
 */
import path from 'node:path';
import { ApiError } from '../api/errors';

export interface Job {
  kind: 'backup' | 'restore';
  target: string;
  donePages: number;
  totalPages: number;
  startedAt: Date;
}

const jobs = new Map<string, Job>();
const key = (dbPath: string) => path.resolve(dbPath);

export function beginJob(dbPath: string, kind: Job['kind'], target: string, now: Date): Job {
  const running = jobs.get(key(dbPath));
  if (running) {
    throw new ApiError('BUSY', running.kind === 'backup' ? '正在备份，请等这次备份完成后再试。' : '正在恢复数据库，请等恢复完成后再试。');
  }
  const job: Job = { kind, target, donePages: 0, totalPages: 0, startedAt: now };
  jobs.set(key(dbPath), job);
  return job;
}

export function endJob(dbPath: string, job: Job): void {
  if (jobs.get(key(dbPath)) === job) jobs.delete(key(dbPath));
}

export function currentJob(dbPath: string): Job | undefined {
  return jobs.get(key(dbPath));
}
