/**
 * The app's check off the main thread (services/write-gate.ts): reading works while it runs;
 * once it finds the database damaged every write is refused, with nothing written; a restore is
 * still allowed and lifts the refusal. (When it runs: test/check-schedule.test.ts.)
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../src-main/wiring/dispatch';
import { ApiError } from '../src-main/api/errors';
import { createCtx } from '../src-main/services/context';
import { gateWritesOnCheck } from '../src-main/services/write-gate';
import { openDatabase } from '../src-main/store/db';
import { checkInBackground } from '../src-main/store/integrity';
import { corruptTable } from './helpers/damage';
import { openTestDb, seed, type TestDb } from './helpers/db';

const open: TestDb[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

async function damagedWithBackup(): Promise<{ t: TestDb; backup: string }> {
  const t = openTestDb();
  open.push(t);
  await seed(t, 3);
  const backup = (await t.call('backupCreate', {})).path;
  t.ctx.db.close();
  corruptTable(t.file, 'issues');
  return { t, backup };
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('the check in a worker thread', () => {
  it('says ok for a sound file and names the fault of a damaged one', async () => {
    const t = openTestDb();
    open.push(t);
    await seed(t, 2);
    expect(await checkInBackground(t.file)).toEqual({ ok: true, detail: 'ok' });
    const { t: bad } = await damagedWithBackup();
    const r = await checkInBackground(bad.file);
    expect(r.ok).toBe(false);
    expect(r.detail).not.toBe('ok');
    expect((await checkInBackground(`${bad.file}.missing`)).ok).toBe(false);
  });
});

describe('the write gate', () => {
  it('lets writes through once a sound database passes', async () => {
    const t = openTestDb();
    open.push(t);
    t.ctx.db.close();
    const ctx = createCtx(openDatabase(t.file, { integrityCheck: 'deferred' }));
    try {
      const check = gateWritesOnCheck(ctx, t.file);
      const added = await dispatch(ctx, 'articleAdd', { title: '检查通过后写入', body: '正文。' });
      expect(await check).toBeNull();
      expect((await dispatch(ctx, 'articleGet', { id: added.id })).title).toBe('检查通过后写入');
    } finally {
      ctx.db.close();
    }
  });

  it('on a damaged database: reads work, every write is refused naming the backup, nothing is written, and a restore lifts it', async () => {
    const { t, backup } = await damagedWithBackup();
    const bytes = fs.readFileSync(t.file);
    // opening does not check (it would take seconds on a large archive) …
    const ctx = createCtx(openDatabase(t.file, { integrityCheck: 'deferred' }));
    try {
      const check = gateWritesOnCheck(ctx, t.file);
      // … so the articles, which are sound, can still be read while the check (due: none ran yet) runs
      expect((await dispatch(ctx, 'articleList', {})).rows.length).toBe(3);
      expect((await check)?.code).toBe('DB_DAMAGED');
      for (const [op, input] of [
        ['articleAdd', { title: '不应写入', body: '正文。' }],
        ['articleEdit', { id: 1, title: '不应修改' }],
        ['unitAdd', { name: '新单位' }],
        ['settingsSet', { sender: { phone: '123' } }],
      ] as const) {
        const e = await refusal(dispatch(ctx, op, input));
        expect(e.code, op).toBe('DB_DAMAGED');
        expect(e.message).toContain('不会再写入');
        expect(e.message).toContain(backup.split(/[\\/]/).pop());
      }
      expect(fs.readFileSync(t.file).equals(bytes)).toBe(true);

      const restored = await dispatch(ctx, 'backupRestore', { file: backup, confirm: true });
      expect(restored.undoBackup).toBeTruthy();
      const added = await dispatch(ctx, 'articleAdd', { title: '恢复后可以写入', body: '正文。' });
      expect(added.id).toBe(4);
    } finally {
      ctx.stopChecks?.();
      ctx.db.close();
    }
  });
});
