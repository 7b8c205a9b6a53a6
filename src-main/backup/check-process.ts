/**
 * The check of a fresh backup copy, in a child process that a stop can kill.
 *
 * Why a process and not the copy's worker thread: SQLite checks one table in one call, and the
 * biggest table of a ten-year archive (the items' text) takes seconds to check. A thread cannot be
 * interrupted inside a native call, even by terminate(), so a door stopped mid-check used to wait
 * for it (7.7 s measured). A process is killed at once, wherever it is; it only reads the copy
 * (read-only, journal_mode DELETE, so no -wal or -shm is made), so killing it leaves nothing to
 * clean but the copy itself, which the caller removes.
 *
 * The child is this same executable as plain Node (ELECTRON_RUN_AS_NODE under Electron; Node
 * ignores it), loading the driver and native binding the parent uses (see native-binding.ts).
 * Where no process can be started, the check runs in a worker thread instead: never skipped,
 * only no longer cut short by a stop.
 */
import type { ChildProcess } from 'node:child_process';
import { checkInBackground } from '../store/integrity';
import { nativeBindingForWorkers, WORKER_PRELUDE } from '../store/native-binding';

export type CopyCheck = { kind: 'ok' } | { kind: 'damaged'; detail: string } | { kind: 'stopped' } | { kind: 'failed'; message: string };

// Plain CommonJS: `workerData` is named as in the threads so the prelude is shared.
const CHILD_SOURCE = `
const workerData = JSON.parse(process.argv[process.argv.length - 1]);
${WORKER_PRELUDE}
let db;
let answer;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 10000 });
  const rows = db.pragma('quick_check(1)');
  const first = rows[0] ? String(Object.values(rows[0])[0]) : '';
  answer = first === 'ok' ? { kind: 'ok' } : { kind: 'damaged', detail: first };
} catch (e) {
  answer = { kind: 'damaged', detail: String((e && e.message) || e) };
} finally {
  try { if (db) db.close(); } catch {}
}
process.stdout.write(JSON.stringify(answer) + '\\n');
`;

/** The same check in a worker thread, for where a child process cannot start. */
async function inThread(file: string): Promise<CopyCheck> {
  const r = await checkInBackground(file, 'quick_check');
  return r.ok ? { kind: 'ok' } : { kind: 'damaged', detail: r.detail };
}

/**
 * quick_check of `file` in a child process; a stop (`signal`) kills it and answers 'stopped' once
 * the process is gone. Never rejects.
 */
export function checkCopyInProcess(file: string, driver: string, signal?: AbortSignal): Promise<CopyCheck> {
  if (signal?.aborted) return Promise.resolve({ kind: 'stopped' });
  const data = JSON.stringify({ driver, file, binding: nativeBindingForWorkers() });
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      // node:child_process loaded here, not when every command starts (issue 14).
      child = process.getBuiltinModule('node:child_process').spawn(process.execPath, ['-e', CHILD_SOURCE, '--', data], {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch {
      void inThread(file).then(resolve);
      return;
    }
    let out = '';
    let err = '';
    let stopped = false;
    let spawnFailed = false;
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (err = (err + s).slice(-2000)));
    const stop = () => {
      stopped = true;
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', stop, { once: true });
    child.on('error', () => {
      // ENOENT/EACCES at start: no 'exit' may follow, so answer from here.
      spawnFailed = true;
      if (child.pid === undefined) finish(null);
    });
    let settled = false;
    const finish = (code: number | null) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', stop);
      if (stopped || signal?.aborted) return resolve({ kind: 'stopped' });
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        const answer = JSON.parse(line) as CopyCheck;
        if (answer.kind === 'ok' || answer.kind === 'damaged') return resolve(answer);
      } catch {
        // no answer: the process could not run the check (below)
      }
      if (spawnFailed || code !== 0) {
        // The executable would not run as Node (a build without it): the thread does the check.
        void inThread(file).then(resolve);
        return;
      }
      resolve({ kind: 'failed', message: err.trim() || `the check process ended (${code}) without an answer` });
    };
    // 'close' comes after the process ended and its output was read to the end.
    child.on('close', (code) => finish(code));
  });
}
