/**
 * SQLite's page checks (quick_check, integrity_check) read every page of the file: about a second
 * per 100 MB here, so over ten seconds for an archive of 100,000 items. Run on the main thread
 * they would freeze the window (and Electron's IPC) for that long, so a door runs them in a worker
 * thread on a read-only connection of its own, and waits for the answer only before it writes.
 */
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { driverForWorkers, nativeBindingForWorkers, WORKER_PRELUDE } from './native-binding';

export type Check = 'quick_check' | 'integrity_check';

export interface CheckResult {
  ok: boolean;
  /** SQLite's first complaint, or the error that kept the check from running. */
  detail: string;
}

/** SQLite's first answer to the check ('ok' when sound); throws where SQLite cannot even run it. */
export function checkAnswer(db: Database.Database, check: Check): string {
  const rows = db.pragma(`${check}(1)`) as Record<string, unknown>[];
  return String(Object.values(rows[0] ?? {})[0] ?? '');
}

/** The check on a connection of the caller's: the synchronous way, for a database about to be written. */
export function checkNow(db: Database.Database, check: Check = 'quick_check'): CheckResult {
  try {
    const first = checkAnswer(db, check);
    return { ok: first === 'ok', detail: first };
  } catch (e) {
    return { ok: false, detail: (e as Error).message };
  }
}

// The worker gets the path of the driver the main thread loaded, so it finds the same native
// module wherever the app is installed (a bundle, an asar archive, the test tree).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${WORKER_PRELUDE}
let db;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 10000 });
  const rows = db.pragma(workerData.check + '(1)');
  const first = rows[0] ? String(Object.values(rows[0])[0]) : '';
  parentPort.postMessage({ ok: first === 'ok', detail: first });
} catch (e) {
  parentPort.postMessage({ ok: false, detail: String((e && e.message) || e) });
} finally {
  if (db) db.close();
}
`;


/**
 * The check of a file in a worker thread. Where a worker cannot start (it should always can),
 * the check runs here instead: slower for the window, never skipped.
 */
export function checkInBackground(file: string, check: Check = 'quick_check'): Promise<CheckResult> {
  const driver = driverForWorkers();
  const inline = (): CheckResult => {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
      return checkNow(db, check);
    } catch (e) {
      return { ok: false, detail: (e as Error).message };
    } finally {
      db?.close();
    }
  };
  if (!driver) return Promise.resolve(inline());
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: CheckResult) => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    let worker: Worker;
    try {
      // node:worker_threads loaded here, not when every command starts (issue 14).
      worker = new (process.getBuiltinModule('node:worker_threads').Worker)(WORKER_SOURCE, { eval: true, workerData: { driver, file, check, binding: nativeBindingForWorkers() } });
    } catch {
      return done(inline());
    }
    // The answer counts once the worker has exited: its connection is closed by then. Answered on
    // the message alone, a door could close its own connection first, and the worker's read-only
    // connection, closing last, cannot merge and remove the -wal file.
    let answer: CheckResult | null = null;
    worker.once('message', (r: CheckResult) => {
      answer = r;
    });
    worker.once('error', () => done(inline()));
    worker.once('exit', () => done(answer ?? { ok: false, detail: 'the check stopped without an answer' }));
  });
}
