/**
 * Exports that take a while (a year's issues, a large packet) run in this process and yield to
 * the event loop between files, so a door can ask how far they got (exportProgress) and ask
 * them to stop (exportStop) while the call itself is still waiting for its answer — the
 * same polling the backup page does with backupStatus. One task of each kind per database at
 * a time: a second one started meanwhile is refused instead of racing the first for its files.
 */
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { ExportProgress, TaskKind } from '../api/ops/year-export';
import { databaseFile } from '../store/db';
import type { Ctx } from './context';

export interface Task {
  readonly kind: TaskKind;
  /** Files (or steps) done and to do. */
  done: number;
  total: number;
  /** What is being written now, e.g. 城关县政务信息2026年第12期.docx. */
  current: string;
  readonly startedAt: Date;
  /** Monotonic start, for the time-left estimate. */
  readonly started: number;
  readonly stop: AbortController;
}

const tasks = new Map<string, Task>();
const key = (ctx: Ctx, kind: TaskKind) => `${path.resolve(databaseFile(ctx.db))}\n${kind}`;

const BUSY: Record<TaskKind, string> = {
  yearExport: '正在导出全年的刊物，请等这次导出完成（或先停止它）后再试。',
  packetExport: '正在生成上报包，请等它完成后再试。',
};

export function beginTask(ctx: Ctx, kind: TaskKind, total: number): Task {
  if (tasks.has(key(ctx, kind))) throw new ApiError('BUSY', BUSY[kind]);
  const task: Task = { kind, done: 0, total, current: '', startedAt: ctx.now(), started: performance.now(), stop: new AbortController() };
  tasks.set(key(ctx, kind), task);
  return task;
}

export function endTask(ctx: Ctx, task: Task): void {
  if (tasks.get(key(ctx, task.kind)) === task) tasks.delete(key(ctx, task.kind));
}

/** Lets the event loop answer a progress or stop request between two files. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function progressOf(task: Task): ExportProgress {
  const elapsedMs = Math.round(performance.now() - task.started);
  // Time left from the pace so far; none before the first file, when there is no pace yet.
  const remainingMs = task.done > 0 && task.total >= task.done ? Math.round((elapsedMs / task.done) * (task.total - task.done)) : null;
  return {
    kind: task.kind,
    done: task.done,
    total: task.total,
    percent: task.total > 0 ? Math.floor((task.done / task.total) * 100) : 0,
    current: task.current,
    startedAt: task.startedAt.toISOString(),
    elapsedMs,
    remainingMs,
    stopping: task.stop.signal.aborted,
  };
}

export function exportProgress(ctx: Ctx, args: { kind: TaskKind }): { running: ExportProgress | null } {
  const task = tasks.get(key(ctx, args.kind));
  return { running: task ? progressOf(task) : null };
}

/** Asks the running task to stop after the file it is writing; it answers its own call with what it did. */
export function stopExport(ctx: Ctx, args: { kind: TaskKind }): { stopping: boolean } {
  const task = tasks.get(key(ctx, args.kind));
  if (!task) return { stopping: false };
  task.stop.abort();
  return { stopping: true };
}
