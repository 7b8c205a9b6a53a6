/**
 * A backup that yields: SQLite's online backup in small steps, in a worker thread, stoppable
 * between any two steps.
 *
 * Why a worker and small steps: on the main thread a 1.4 GB copy held the event loop for long
 * stretches, and a door that stopped had to wait for the whole copy (48.6 s measured). Here every
 * call into SQLite is short (one step of a few MB), and a stop flag
 * shared with the main thread is read before and after each; a stop wakes a pause at once
 * (Atomics.wait/notify). A worker cannot be interrupted inside a native call, even by
 * terminate() or process.exit(), so keeping each call short is what bounds the stop.
 *
 * Why a read transaction across the copy: SQLite restarts a backup whenever another connection
 * writes to the source, so on a desk where an item autosaves every few seconds a big copy might
 * never finish. Holding one read transaction (WAL) pins a snapshot: the copy is the database as
 * it was at the start, writers go on into the WAL meanwhile.
 *
 * The copy is checked before it counts: switched to a self-contained file (journal_mode DELETE,
 * no -wal beside it), then quick_check'ed in a child process that a stop kills at once
 * (check-process.ts: checking the biggest table is one native call of seconds, which no thread
 * can cut short). The caller writes it under a temporary name and renames it only after this
 * answered "sound".
 */
import type { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import { driverForWorkers, nativeBindingForWorkers, WORKER_PRELUDE } from '../store/native-binding';
import { checkCopyInProcess } from './check-process';

export interface CopyOptions {
  /** Pages copied per step (a page is 4 KB by default). */
  pagesPerStep: number;
  /** Pause after each step, so a background copy leaves the disk and the CPU to the office. */
  pauseMs: number;
  onProgress?: (donePages: number, totalPages: number) => void;
  signal?: AbortSignal;
}

export type CopyOutcome =
  | { kind: 'done'; pages: number }
  | { kind: 'stopped' }
  | { kind: 'damaged'; detail: string }
  | { kind: 'failed'; code: string; message: string };

// Plain CommonJS for the worker, given the path of the driver the main thread loaded so it
// finds the same native module wherever the app is installed (see store/integrity.ts).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${WORKER_PRELUDE}
const fs = require('node:fs');
const { driver, source, tmp, pagesPerStep, pauseMs, flags } = workerData;
const flag = new Int32Array(flags);
class Stopped extends Error {}
const stopNow = () => { if (Atomics.load(flag, 0) !== 0) throw new Stopped('stopped'); };
const post = (m) => parentPort.postMessage(m);
const removeTmp = () => { for (const f of [tmp, tmp + '-journal', tmp + '-wal', tmp + '-shm']) { try { fs.rmSync(f, { force: true }); } catch {} } };
let src, out;
(async () => {
  try {
    const Database = require(driver);
    stopNow();
    src = new Database(source, { readonly: true, fileMustExist: true, timeout: 10000 });
    src.exec('BEGIN');
    src.prepare('SELECT count(*) FROM sqlite_schema').get();
    let total = 0;
    await src.backup(tmp, {
      progress: ({ totalPages, remainingPages }) => {
        stopNow();
        total = totalPages;
        post({ type: 'progress', done: totalPages - remainingPages, total: totalPages });
        if (pauseMs > 0) Atomics.wait(flag, 0, 0, pauseMs);
        stopNow();
        return pagesPerStep;
      },
    });
    src.exec('COMMIT');
    src.close();
    src = undefined;
    stopNow();
    out = new Database(tmp, { fileMustExist: true });
    out.pragma('journal_mode = DELETE');
    total = out.pragma('page_count', { simple: true });
    post({ type: 'progress', done: total, total });
    out.close();
    out = undefined;
    post({ type: 'done', pages: total });
  } catch (e) {
    try { if (src) src.close(); } catch {}
    try { if (out) out.close(); } catch {}
    src = out = undefined;
    removeTmp();
    if (e instanceof Stopped) post({ type: 'stopped' });
    else post({ type: 'failed', code: String((e && e.code) || ''), message: String((e && e.message) || e) });
  }
})();
`;

/**
 * A last resort for a worker that never answers a stop (it reads the flag after every step, so
 * it only would if SQLite hung). Terminating earlier gains nothing, as the native call in progress
 * ends first anyway, and loses the worker's own clean close: its connection then closes from a
 * thread being torn down, and the door's last close may find the -wal file still in use.
 */
const STOP_GRACE_MS = 10_000;

/**
 * Copies `source` (a database file, opened read-only in the worker) into `tmp` and checks the
 * copy. Resolves when the worker has ended, never rejects; on anything but 'done' the temporary
 * file is gone by then.
 */
export async function copyInWorker(source: string, tmp: string, options: CopyOptions): Promise<CopyOutcome> {
  const driver = driverForWorkers();
  if (!driver) return { kind: 'failed', code: 'NO_DRIVER', message: 'better-sqlite3 not found' };
  const removeTmp = () => {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  };
  const copied = await copyOnly(driver, source, tmp, options);
  if (copied.kind !== 'done') {
    removeTmp();
    return copied;
  }
  const checked = await checkCopyInProcess(tmp, driver, options.signal);
  if (checked.kind === 'ok') return copied;
  removeTmp();
  if (checked.kind === 'damaged') return { kind: 'damaged', detail: checked.detail };
  if (checked.kind === 'stopped') return checked;
  return { kind: 'failed', code: 'CHECK', message: checked.message };
}

/** The copy itself, in the worker; the file is self-contained (no -wal) when this answers 'done'. */
function copyOnly(driver: string, source: string, tmp: string, options: CopyOptions): Promise<CopyOutcome> {
  const flags = new SharedArrayBuffer(4);
  const flag = new Int32Array(flags);
  return new Promise((resolve) => {
    let outcome: CopyOutcome | undefined;
    let worker: Worker;
    try {
      // node:worker_threads loaded here, not when every command starts (issue 14).
      worker = new (process.getBuiltinModule('node:worker_threads').Worker)(WORKER_SOURCE, {
        eval: true,
        workerData: { driver, source, tmp, pagesPerStep: options.pagesPerStep, pauseMs: options.pauseMs, flags, binding: nativeBindingForWorkers() },
      });
    } catch (e) {
      resolve({ kind: 'failed', code: 'NO_WORKER', message: (e as Error).message });
      return;
    }
    let grace: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      grace ??= setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
    };
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', (m: { type: string; done?: number; total?: number; pages?: number; detail?: string; code?: string; message?: string }) => {
      if (m.type === 'progress') options.onProgress?.(m.done!, m.total!);
      else if (m.type === 'done') outcome = { kind: 'done', pages: m.pages! };
      else if (m.type === 'stopped') outcome = { kind: 'stopped' };
      else if (m.type === 'damaged') outcome = { kind: 'damaged', detail: m.detail! };
      else if (m.type === 'failed') outcome = { kind: 'failed', code: m.code!, message: m.message! };
    });
    worker.on('error', (e) => {
      outcome ??= { kind: 'failed', code: 'WORKER', message: e.message };
    });
    // Settled only when the thread is gone: then nothing holds the temporary file open, and a
    // door that waits for this may close and exit.
    worker.on('exit', () => {
      clearTimeout(grace);
      options.signal?.removeEventListener('abort', stop);
      if (outcome?.kind === 'done' && Atomics.load(flag, 0) !== 0) outcome = { kind: 'stopped' };
      resolve(outcome ?? (Atomics.load(flag, 0) !== 0 ? { kind: 'stopped' } : { kind: 'failed', code: 'WORKER', message: 'the backup worker stopped without an answer' }));
    });
  });
}
