/**
 * The even half of the bigram index (search_bi_even, migration 21) written by a worker thread
 * while the rebuild writes the rest on the main thread: FTS5 spends nearly all of a rebuild's time
 * in SQLite's C code, one connection on one core, so two connections on the machine's two cores
 * rebuild 100,000 items in about two thirds of the time (README, Search).
 *
 * The worker writes its half into a scratch database of its own (a database has one writer at a
 * time), merges it into one segment, then copies FTS5's tables of it into the live database in one
 * transaction of its own connection. That the copy comes from another connection matters: the
 * app's connection then sees the database changed (PRAGMA data_version) and FTS5 reads the new
 * index instead of what it kept in memory. Writes the app makes meanwhile to that half are written
 * again after the copy (search-index.ts), so none is lost under it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MessagePort, Worker } from 'node:worker_threads';
import { ApiError } from '../api/errors';
import type { DB } from './db-handle';
import { processAlive } from './check-state';
import { driverForWorkers, nativeBindingForWorkers, WORKER_PRELUDE } from './native-binding';

/** What the worker needs besides its rows: FTS5's settings while loading and after (search-merge.ts). */
export interface HalfSettings {
  bulk: Record<string, number>;
  defaults: Record<string, number>;
  stepPages: number;
  cacheKb: number;
}

// Plain CommonJS. state[0]: slices written; state[1]: 0 working, 1 copied in, 2 failed (the
// reason on the port). A slice arrives as its rowids and its texts.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
${WORKER_PRELUDE}
const state = new Int32Array(workerData.shared);
const port = workerData.port;
let db;
const set = (k, v) => db.exec("INSERT INTO search_bi_even(search_bi_even, rank) VALUES ('" + k + "', " + Math.trunc(v) + ")");
function finished(code, error) {
  try { if (db && db.open) db.close(); } catch {}
  if (error) port.postMessage({ error: String((error && error.message) || error) });
  Atomics.store(state, 1, code);
  Atomics.notify(state, 1);
  port.close();
}
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.scratch, { timeout: 10000 });
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -' + workerData.settings.cacheKb);
  db.exec(workerData.ddl);
  for (const [k, v] of Object.entries(workerData.settings.bulk)) set(k, v);
  const insert = db.prepare('INSERT INTO search_bi_even (rowid, text) VALUES (?, ?)');
  const put = db.transaction((m) => { for (let i = 0; i < m.rowids.length; i++) insert.run(m.rowids[i], m.texts[i]); });
  port.on('message', (m) => {
    try {
      if (m.rowids) {
        put(m);
        Atomics.add(state, 0, 1);
        Atomics.notify(state, 0);
        return;
      }
      set('usermerge', 2);
      const changes = db.prepare('SELECT total_changes()').pluck();
      for (;;) {
        const before = changes.get();
        set('merge', -workerData.settings.stepPages);
        if (changes.get() - before < 2) break;
      }
      for (const [k, v] of Object.entries(workerData.settings.defaults)) set(k, v);
      // FTS5's own tables are written directly: SQLite's defensive mode forbids that by default.
      db.unsafeMode(true);
      db.prepare('ATTACH DATABASE ? AS live').run(workerData.live);
      db.transaction(() => {
        for (const t of ['data', 'idx', 'docsize', 'config']) {
          db.exec('DELETE FROM live.search_bi_even_' + t);
          db.exec('INSERT INTO live.search_bi_even_' + t + ' SELECT * FROM main.search_bi_even_' + t);
        }
      }).immediate();
      db.exec('DETACH DATABASE live');
      finished(1);
    } catch (e) {
      finished(2, e);
    }
  });
} catch (e) {
  finished(2, e);
}
`;

const SCRATCH_PREFIX = 'bulletin-reindex-';

/** Scratch folders of rebuilds whose process was killed (a half of the index each: hundreds of MB). */
function removeLeftovers(): void {
  try {
    for (const name of fs.readdirSync(os.tmpdir())) {
      if (!name.startsWith(SCRATCH_PREFIX)) continue;
      const pid = Number(/^(\d+)-/.exec(name.slice(SCRATCH_PREFIX.length))?.[1]);
      if (pid > 0 && !processAlive(pid)) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  } catch {
    // a folder that cannot be read or removed is left: it costs room, never data
  }
}

export class EvenHalf {
  private sent = 0;
  /** Set when the worker stopped on its own before copying in (seen between yields). */
  private lost: string | null = null;
  private constructor(
    private readonly worker: Worker,
    private readonly state: Int32Array,
    private readonly port: MessagePort,
    readonly scratchDir: string,
  ) {}

  /** A worker for the half, or null where none can run (a database in memory, no driver found). */
  static start(db: DB, settings: HalfSettings): EvenHalf | null {
    const live = path.resolve(db.name);
    const driver = driverForWorkers();
    if (!driver || db.memory || !fs.existsSync(live)) return null;
    const ddl = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_bi_even'").pluck().get() as string | undefined;
    if (!ddl) return null;
    removeLeftovers();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${SCRATCH_PREFIX}${process.pid}-`));
    const shared = new SharedArrayBuffer(8);
    // node:worker_threads loaded here, not when every command starts (issue 14).
    const { MessageChannel, Worker } = process.getBuiltinModule('node:worker_threads');
    const { port1, port2 } = new MessageChannel();
    try {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { driver, binding: nativeBindingForWorkers(), scratch: path.join(dir, 'half.db'), live, ddl, settings, shared, port: port2 },
        transferList: [port2],
      });
      worker.unref();
      const half = new EvenHalf(worker, new Int32Array(shared), port1, dir);
      worker.once('error', (e) => (half.lost ??= e.message));
      worker.once('exit', () => (half.lost ??= '后台线程意外停止'));
      return half;
    } catch {
      port1.close();
      fs.rmSync(dir, { recursive: true, force: true });
      return null;
    }
  }

  /** A committed slice's even documents: their rowids and texts. */
  put(rowids: readonly number[], texts: readonly string[]): void {
    this.failed();
    this.port.postMessage({ rowids, texts });
    this.sent += 1;
  }

  /** Slices sent and not yet written. */
  behind(): number {
    return this.sent - Atomics.load(this.state, 0);
  }

  /** All slices are sent: merge, then copy into the live database. */
  finish(): void {
    this.port.postMessage({ finish: true });
  }

  /** Whether the half is in the live database; throws if the worker failed. */
  copied(): boolean {
    this.failed();
    return Atomics.load(this.state, 1) === 1;
  }

  /** Blocks at most `ms` for the worker's next step (the callers yield between waits). */
  waitAWhile(ms: number): void {
    Atomics.wait(this.state, 0, Atomics.load(this.state, 0), ms);
  }

  /** Ends the worker (if still working) and removes its scratch database. */
  stop(): void {
    this.port.close();
    const dir = this.scratchDir;
    void this.worker.terminate().finally(() => fs.rmSync(dir, { recursive: true, force: true }));
  }

  private failed(): void {
    const state = Atomics.load(this.state, 1);
    if (state === 1 || (state === 0 && this.lost === null)) return;
    const m = state === 2 ? (process.getBuiltinModule('node:worker_threads').receiveMessageOnPort(this.port)?.message as { error?: string } | undefined) : undefined;
    throw new ApiError('INTERNAL', `重建检索索引时出错，未完成：${m?.error ?? this.lost ?? '后台线程意外停止'}。请稍后再重建一次；已有资料不受影响。`);
  }
}
