import { spawn } from 'node:child_process';
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
afterAll(() => {
  t.close();
  fs.rmSync(worker, { force: true });
});

function run(label: string, count: number): Promise<{ label: string; numbers: number[]; busyRetries: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, t.file, '城关县政务信息', String(count), label]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker ${label} exited ${code}: ${err}`))));
  });
}

it('two processes signing 200 issues each get 400 numbers with no duplicate and no gap', async () => {
  await t.call('seriesAdd', { name: '城关县政务信息', firstNumber: 101, firstTotal: 5001 });
  t.db.close(); // the workers are the only writers
  const [a, b] = await Promise.all([run('甲', 200), run('乙', 200)]);
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
}, 180_000);
