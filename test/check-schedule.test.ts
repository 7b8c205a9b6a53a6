/**
 * No whole-file check on the write path (issue 14): a database closed cleanly is opened for
 * writing without a check; after an unclean stop (a writer killed with kill -9) the next open
 * checks it; a damaged file found by the scheduled or the forced check (`bulletin check`)
 * refuses writes, naming the newest good backup, until it is restored; the last check's time and
 * answer are kept and shown; a write never waits long for a running check.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../src-main/wiring/dispatch';
import type { ApiError } from '../src-main/api/errors';
import { createCtx } from '../src-main/services/context';
import { gateWritesOnCheck } from '../src-main/services/write-gate';
import { readCheckRecord, sessionsDir, staleSessions, writeCheckRecord } from '../src-main/store/check-state';
import { openDatabase, uncleanStopsAt } from '../src-main/store/db';
import { bundleWorker } from './helpers/bundle-worker';
import { cli } from './helpers/cli';
import { corruptTable } from './helpers/damage';
import { openTestDb, seed, type TestDb } from './helpers/db';

let worker = '';
beforeAll(async () => {
  worker = await bundleWorker(path.join(__dirname, 'helpers', 'hold-open-worker.ts'), 'hold-open-worker');
});
afterAll(() => fs.rmSync(worker, { force: true }));

const open: TestDb[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function closedDb(): TestDb {
  const t = openTestDb();
  open.push(t);
  return t;
}

/** Runs the writer until OPEN; then closes it cleanly or kills it (kill -9). */
async function writer(file: string, unit: string, end: 'close' | 'kill'): Promise<void> {
  const child = spawn(process.execPath, [worker, file, unit], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('OPEN\n')) resolve();
    });
    void closed.then(() => reject(new Error(`writer ended early: ${err}`)));
  });
  if (end === 'kill') child.kill('SIGKILL');
  else child.stdin.write('CLOSE\n');
  await closed;
}

async function refused(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('when the whole file is checked', () => {
  it('a clean close leaves no marker, and the next open for writing does not check', async () => {
    const t = closedDb();
    await seed(t, 2);
    t.ctx.db.close();
    await writer(t.file, '河口乡', 'close');
    expect(fs.existsSync(sessionsDir(t.file))).toBe(false);
    const db = openDatabase(t.file);
    db.close();
    // No check ran, so none was recorded.
    expect(readCheckRecord(t.file)).toBeNull();
    // A CLI write neither: and it works.
    expect((await cli(t.file, 'unit', 'add', '--name', '石桥镇')).code).toBe(0);
    expect(readCheckRecord(t.file)).toBeNull();
  });

  it('after an unclean stop (kill -9 of a writer) the next open checks, and forgets the stop once it passes', async () => {
    const t = closedDb();
    await seed(t, 2);
    t.ctx.db.close();
    await writer(t.file, '河口乡', 'kill');
    expect(staleSessions(t.file)).toHaveLength(1);
    const r = await cli(t.file, 'unit', 'add', '--name', '石桥镇');
    expect(r.code, r.stderr).toBe(0);
    expect(readCheckRecord(t.file)).toMatchObject({ ok: true, reason: 'unclean-stop' });
    expect(staleSessions(t.file)).toEqual([]);
    // The killed writer's committed unit is there.
    const db = openDatabase(t.file);
    expect(db.prepare("SELECT count(*) AS n FROM units WHERE name IN ('河口乡', '石桥镇')").get()).toEqual({ n: 2 });
    db.close();
  });

  it('the app after an unclean stop: reads go on, writes wait for the check, then pass', async () => {
    const t = closedDb();
    t.ctx.db.close();
    await writer(t.file, '河口乡', 'kill');
    const ctx = createCtx(openDatabase(t.file, { integrityCheck: 'deferred' }));
    try {
      expect(uncleanStopsAt(ctx.db)).toHaveLength(1);
      const check = gateWritesOnCheck(ctx, t.file);
      expect(ctx.writeGate).toBeDefined();
      expect((await dispatch(ctx, 'unitList', {})).map((u) => u.name)).toContain('河口乡');
      expect(await check).toBeNull();
      await dispatch(ctx, 'unitAdd', { name: '石桥镇' });
      expect(readCheckRecord(t.file)).toMatchObject({ ok: true, reason: 'unclean-stop' });
      expect(staleSessions(t.file)).toEqual([]);
    } finally {
      ctx.stopChecks?.();
      ctx.db.close();
    }
  });

  it('a write waits for a running check no longer than a moment, then is refused saying why', async () => {
    const t = closedDb();
    t.ctx.db.close();
    const ctx = createCtx(openDatabase(t.file));
    try {
      ctx.writeGate = new Promise<void>(() => {}); // a check that never answers
      const e = await refused(dispatch(ctx, 'unitAdd', { name: '不应写入' }));
      expect(e.code).toBe('BUSY');
      expect(e.message).toMatch(/正在检查/);
      expect((await dispatch(ctx, 'unitList', {})).length).toBe(0);
    } finally {
      ctx.db.close();
    }
  });

  it('the daily check runs when due, not when the last one is recent', async () => {
    const t = closedDb();
    t.ctx.db.close();
    const at = new Date(2026, 11, 5, 8, 10);
    writeCheckRecord(t.file, { at: at.toISOString(), ok: true, reason: 'scheduled', detail: '' });
    const ctx = createCtx(openDatabase(t.file, { integrityCheck: 'deferred' }), () => new Date(at.getTime() + 3600_000));
    try {
      expect(await gateWritesOnCheck(ctx, t.file)).toBeNull();
      expect(readCheckRecord(t.file)!.at).toBe(at.toISOString()); // not run again
      expect((await dispatch(ctx, 'backupStatus', {})).check).toMatchObject({ ok: true, due: false, text: '上次检查：2026年12月5日 08:10，完好' });
      ctx.stopChecks?.();
      ctx.now = () => new Date(at.getTime() + 25 * 3600_000);
      expect(await gateWritesOnCheck(ctx, t.file)).toBeNull();
      expect(readCheckRecord(t.file)).toMatchObject({ ok: true, reason: 'scheduled', at: new Date(at.getTime() + 25 * 3600_000).toISOString() });
    } finally {
      ctx.stopChecks?.();
      ctx.db.close();
    }
  });
});

describe('bulletin check, and damage it finds', () => {
  it('prints the answer in Chinese with exit 0 when sound and 3 when damaged; then writes are refused naming the backup until restored', async () => {
    const t = closedDb();
    await seed(t, 3);
    const good = await t.call('backupCreate', {});
    t.ctx.db.close();

    const sound = await cli(t.file, 'check');
    expect(sound.code, sound.stderr).toBe(0);
    expect(sound.stdout).toMatch(/^上次检查：\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d，完好/);
    expect(sound.stdout).toContain('数据库文件逐页检查：完好');
    expect(sound.stdout).toContain('存档校验：完好');
    expect(readCheckRecord(t.file)).toMatchObject({ ok: true, reason: 'manual' });
    const json = await cli(t.file, '--json', 'check');
    expect(json.json()).toMatchObject({ ok: true, pages: { ok: true }, archive: { ok: true, findings: 0 }, advice: null });

    corruptTable(t.file, 'articles');
    const bytes = fs.readFileSync(t.file);
    const bad = await cli(t.file, 'check');
    expect(bad.code).toBe(3);
    expect(bad.stdout).toMatch(/发现损坏/);
    expect(bad.stdout).toMatch(/数据库文件逐页检查：未通过/);
    expect(bad.stdout).toContain(good.name);
    expect(readCheckRecord(t.file)).toMatchObject({ ok: false, reason: 'manual' });

    // Every later write is refused, naming the newest good backup, and changes nothing.
    const write = await cli(t.file, 'unit', 'add', '--name', '不应写入');
    expect(write.code).toBe(2);
    expect(write.stderr).toContain(good.name);
    expect(write.stderr).toMatch(/不会再写入/);
    expect(fs.readFileSync(t.file).equals(bytes)).toBe(true);
    const status = await cli(t.file, 'backup', 'status');
    expect(status.stdout).toMatch(/上次检查：.*发现损坏/);

    // The app refuses writes at once, and its own check agrees.
    const ctx = createCtx(openDatabase(t.file, { integrityCheck: 'deferred' }));
    try {
      const check = gateWritesOnCheck(ctx, t.file);
      expect((await refused(dispatch(ctx, 'unitAdd', { name: '不应写入' }))).code).toBe('DB_DAMAGED');
      expect((await check)?.message).toContain(good.name);
      expect(fs.readFileSync(t.file).equals(bytes)).toBe(true);
    } finally {
      ctx.stopChecks?.();
      ctx.db.close();
    }

    const restored = await cli(t.file, 'backup', 'restore', good.path, '--yes');
    expect(restored.code, restored.stderr).toBe(0);
    expect(readCheckRecord(t.file)).toBeNull();
    expect((await cli(t.file, 'unit', 'add', '--name', '恢复后可写')).code).toBe(0);
    expect((await cli(t.file, 'check')).code).toBe(0);
  });

  it('the scheduled check finds damage in the background and refuses writes from then on', async () => {
    const t = closedDb();
    await seed(t, 3);
    const good = await t.call('backupCreate', {});
    t.ctx.db.close();
    corruptTable(t.file, 'issues');
    const bytes = fs.readFileSync(t.file);
    const ctx = createCtx(openDatabase(t.file, { integrityCheck: 'deferred' }));
    try {
      const refusal = await gateWritesOnCheck(ctx, t.file);
      expect(refusal?.code).toBe('DB_DAMAGED');
      expect(readCheckRecord(t.file)).toMatchObject({ ok: false, reason: 'scheduled' });
      expect((await dispatch(ctx, 'articleList', {})).rows.length).toBe(3);
      const e = await refused(dispatch(ctx, 'articleAdd', { title: '不应写入', body: '正文。' }));
      expect(e.code).toBe('DB_DAMAGED');
      expect(e.message).toContain(good.name);
      expect(fs.readFileSync(t.file).equals(bytes)).toBe(true);
    } finally {
      ctx.stopChecks?.();
      ctx.db.close();
    }
  });
});
