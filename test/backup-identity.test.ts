/**
 * Backups that belong to their database and are verified whole: every database carries an
 * identity (kept across restore), its backups carry it inside, and advice and restore only take
 * the database's own backups unless told `foreign`. Restore and `backup list --verify` run the
 * archive's verify on a backup first: one flipped byte inside a stored Word file (which
 * integrity_check calls ok) makes it 损坏 and unrestorable.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../src-main/wiring/dispatch';
import type { BackupList } from '../src-main/api/ops/backups';
import { newestGoodBackup } from '../src-main/store/inspect';
import { createCtx } from '../src-main/services/context';
import { gateWritesOnCheck } from '../src-main/services/write-gate';
import { openDatabase } from '../src-main/store/db';
import { databaseIdentity } from '../src-main/store/seal';
import { cli } from './helpers/cli';
import { corruptTable, flipByteInStoredFile } from './helpers/damage';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';

const open: TestDb[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function snapshotOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return snapshotAll(db);
  } finally {
    db.close();
  }
}

const identityOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return databaseIdentity(db);
  } finally {
    db.close();
  }
};

/** A database with a signed issue and one backup of it, made at `at`. */
async function withBackup(at = new Date(2026, 10, 1, 9)): Promise<{ t: TestDb; backup: string }> {
  const t = openTestDb({ now: () => at });
  open.push(t);
  const { series, articles } = await seed(t, 2);
  await t.call('settingsSet', { sender: { office: '城关县人民政府办公室' } });
  await publish(t, series.id, [articles[0]!.id], '2026-11-01');
  const backup = (await t.call('backupCreate', {})).path;
  return { t, backup };
}

/** A second database in the same folder (so sharing its backups/), with a newer backup of its own. */
async function otherDatabaseBeside(t: TestDb, at = new Date(2026, 10, 2, 9)) {
  const file = path.join(t.dir, 'other.db');
  const ctx = createCtx(openDatabase(file), () => at);
  await dispatch(ctx, 'seriesAdd', { name: '河口县政务信息', org: '河口县人民政府办公室' });
  await dispatch(ctx, 'settingsSet', { sender: { office: '河口县人民政府办公室' } });
  const backup = (await dispatch(ctx, 'backupCreate', {})).path;
  const id = databaseIdentity(ctx.db);
  ctx.db.close();
  return { file, backup, id: id! };
}

describe('the database identity', () => {
  it('is made at creation, stays the same when reopened, and is kept across a restore', async () => {
    const { t, backup } = await withBackup();
    const id = databaseIdentity(t.db);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(identityOf(backup)).toBe(id);
    const restored = await t.call('backupRestore', { file: backup, confirm: true });
    expect(restored.warning).toBeNull();
    expect(databaseIdentity(t.ctx.db)).toBe(id);
    const list = (await t.call('backupList', {})) as BackupList;
    expect(list.databaseId).toBe(id);
    expect(list.backups.every((b) => b.own && b.databaseId === id)).toBe(true);
  });
});

describe('a backup with a damaged stored file', () => {
  it('is marked 损坏 by backup list --verify and refused by restore, the database untouched', async () => {
    const { t, backup } = await withBackup();
    t.ctx.db.close();
    flipByteInStoredFile(backup, 1);
    const raw = new Database(backup, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const quick = (await cli(t.file, '--json', 'backup', 'list')).json() as BackupList;
    expect(quick.backups[0]!.health).toBe('ok'); // the header alone cannot tell
    const listed = await cli(t.file, '--json', 'backup', 'list', '--verify');
    expect(listed.code).toBe(0);
    const entry = (listed.json() as BackupList).backups.find((b) => b.path === backup)!;
    expect(entry.health).toBe('damaged');
    expect(entry.problem).toMatch(/存档已损坏.*（编号 1）.*Word 文件已损坏或被改动/);
    expect((await cli(t.file, 'backup', 'list', '--verify')).stdout).toMatch(/已损坏（存档已损坏/);

    const before = snapshotOf(t.file);
    const backupsBefore = fs.readdirSync(path.dirname(backup)).sort();
    const r = await cli(t.file, 'backup', 'restore', backup, '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不能用来恢复：存档已损坏.*当前数据库没有改动/);
    expect(snapshotOf(t.file)).toEqual(before);
    expect(fs.readdirSync(path.dirname(backup)).sort()).toEqual(backupsBefore);
  });
});

describe('another database’s backup', () => {
  it('is listed as another’s, refused without --foreign naming both databases, and taken with it', async () => {
    const { t } = await withBackup();
    const mine = databaseIdentity(t.db)!;
    t.ctx.db.close();
    const other = await otherDatabaseBeside(t);

    const list = (await cli(t.file, '--json', 'backup', 'list')).json() as BackupList;
    expect(list.backups.map((b) => [b.databaseId, b.own, b.office])).toEqual([
      [other.id, false, '河口县人民政府办公室'],
      [mine, true, '城关县人民政府办公室'],
    ]);
    expect((await cli(t.file, 'backup', 'list')).stdout).toContain(`其他数据库（河口县人民政府办公室，标识 ${other.id}）`);

    const before = snapshotOf(t.file);
    const refused = await cli(t.file, 'backup', 'restore', other.backup, '--yes');
    expect(refused.code).toBe(2);
    for (const part of ['属于另一个数据库', '河口县人民政府办公室', other.id, '城关县人民政府办公室', mine, t.file, '--foreign', '当前数据库没有改动']) {
      expect(refused.stderr).toContain(part);
    }
    expect(snapshotOf(t.file)).toEqual(before);

    const taken = await cli(t.file, 'backup', 'restore', other.backup, '--yes', '--foreign');
    expect(taken.stderr).toBe('');
    expect(taken.code).toBe(0);
    expect(taken.stdout).toMatch(/注意：已按要求用另一个数据库的备份恢复/);
    // The data is the other database's; the identity stays this database's.
    expect(((await cli(t.file, '--json', 'series', 'list')).json() as { name: string }[]).map((s) => s.name)).toEqual(['河口县政务信息']);
    expect(identityOf(t.file)).toBe(mine);
  });

  it('is never offered by the advice for a damaged database, even when newer', async () => {
    const { t, backup } = await withBackup();
    const mine = databaseIdentity(t.db)!;
    t.ctx.db.close();
    const other = await otherDatabaseBeside(t);
    const dir = path.dirname(backup);
    expect(newestGoodBackup(dir, mine)?.path).toBe(backup);
    expect(newestGoodBackup(dir, other.id)?.path).toBe(other.backup);

    corruptTable(t.file, 'issues');
    // Found by the check (`bulletin check`, the daily one or one after an unclean stop) …
    const check = await cli(t.file, 'check');
    expect(check.code).toBe(3);
    expect(check.stdout).toContain(path.basename(backup));
    expect(check.stdout).not.toContain(path.basename(other.backup));
    // … and from then on every write is refused with the same advice.
    const r = await cli(t.file, 'series', 'add', '--name', '新刊物');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path.basename(backup));
    expect(r.stderr).not.toContain(path.basename(other.backup));
  });
});

describe('the start-up check', () => {
  it('runs the archive verify after quick_check, and refuses writes naming what is wrong', async () => {
    const { t } = await withBackup();
    t.ctx.db.close();
    const raw = new Database(t.file);
    raw.exec("DROP TRIGGER issues_frozen; UPDATE issues SET signed_by = '李某某' WHERE id = 1");
    raw.close();
    const ctx = createCtx(openDatabase(t.file, { integrityCheck: 'deferred' }));
    try {
      const refusal = await gateWritesOnCheck(ctx, t.file);
      expect(refusal?.code).toBe('DB_DAMAGED');
      expect(refusal?.message).toMatch(/存档校验未通过：《城关县政务信息》2026年第1期（编号 1）：封印第 1 环与本期现在的内容不符/);
      // The newest backup of this database still verifies, so it is the one offered.
      expect(refusal?.message).toMatch(/最新的完好备份是“bulletin-20261101-090000-manual\.db”/);
      expect((await dispatch(ctx, 'issueList', {})).rows.length).toBe(1);
      await expect(dispatch(ctx, 'unitAdd', { name: '河口乡' })).rejects.toMatchObject({ code: 'DB_DAMAGED' });
    } finally {
      ctx.db.close();
    }
  });
});
