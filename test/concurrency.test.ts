import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleWorker } from './helpers/bundle-worker';
import { openTestDb, type TestDb } from './helpers/db';

let t: TestDb;
let worker: string;

beforeAll(async () => {
  t = openTestDb();
  worker = await bundleWorker(path.join(__dirname, 'helpers', 'sign-worker.ts'), 'sign-worker');
});
const children: ChildProcess[] = [];
afterAll(() => {
  // Workers left running by a failed or timed-out test would sign on for minutes.
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  t.close();
  fs.rmSync(worker, { force: true });
});

interface SignWorker {
  loaded: Promise<void>;
  go(): Promise<{ label: string; numbers: number[]; busyRetries: number }>;
}

function start(label: string, count: number): SignWorker {
  const child = spawn(process.execPath, [worker, t.file, '城关县政务信息', String(count), label]);
  children.push(child);
  let out = '';
  let err = '';
  let onLoaded!: () => void;
  const loaded = new Promise<void>((resolve) => (onLoaded = resolve));
  child.stdout.on('data', (d) => {
    out += d;
    if (out.startsWith('LOADED\n')) onLoaded();
  });
  child.stderr.on('data', (d) => (err += d));
  const done = new Promise<{ label: string; numbers: number[]; busyRetries: number }>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.replace('LOADED\n', ''))) : reject(new Error(`worker ${label} exited ${code}: ${err}`)))),
  );
  const failed = done.then(() => Promise.reject(new Error(`worker ${label} ended before GO: ${err}`)));
  return {
    loaded: Promise.race([loaded, failed]),
    go() {
      child.stdin.end('GO\n');
      return done;
    },
  };
}

it('two processes signing 200 issues each get 400 numbers with no duplicate and no gap', async () => {
  await t.call('seriesAdd', { name: '城关县政务信息', firstNumber: 101, firstTotal: 5001 });
  t.db.close(); // the workers are the only writers
  // Both loaded before either starts: on a busy machine one could otherwise finish before the
  // other has begun, and nothing would race.
  const [w1, w2] = [start('甲', 200), start('乙', 200)];
  await Promise.all([w1.loaded, w2.loaded]);
  const [a, b] = await Promise.all([w1.go(), w2.go()]);
  const all = [...a.numbers, ...b.numbers].sort((x, y) => x - y);
  expect(all).toHaveLength(400);
  expect(new Set(all).size).toBe(400);
  expect(all[0]).toBe(101);
  expect(all[399]).toBe(500);
  // the two really raced: each got numbers below the other's highest
  expect(Math.min(...a.numbers)).toBeLessThan(Math.max(...b.numbers));
  expect(Math.min(...b.numbers)).toBeLessThan(Math.max(...a.numbers));
  // each process saw its own numbers rise
  for (const r of [a, b]) expect(r.numbers).toEqual([...r.numbers].sort((x, y) => x - y));

  const { openDatabase } = await import('../src-main/store/db');
  const db = openDatabase(t.file);
  const rows = db.prepare("SELECT number, total_number FROM issues WHERE status = 'signed' ORDER BY number").all() as {
    number: number;
    total_number: number;
  }[];
  db.close();
  expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 400 }, (_, i) => 101 + i));
  expect(rows.map((r) => r.total_number)).toEqual(Array.from({ length: 400 }, (_, i) => 5001 + i));
}, 600_000);
