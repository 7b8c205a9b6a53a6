/**
 * Backups: create, list and restore round-trip through the API and the CLI; an older schema
 * version is migrated on restore; damaged, foreign, too-new and truncated files are refused
 * and change nothing; the start-up check refuses a damaged database without writing to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBackup, ensureDailyBackup } from '../src-main/backup/create';
import { backupFilesIn } from '../src-main/store/inspect';
import { backupFileName, parseBackupName } from '../src-main/store/backup-names';
import { dispatch } from '../src-main/wiring/dispatch';
import { ApiError } from '../src-main/api/errors';
import { openDatabase } from '../src-main/store/db';
import { APPLICATION_ID } from '../src-main/store/identity';
import { SCHEMA_VERSION } from '../src-main/store/migrations';
import { startBridge } from '../src-main/bridge/http-server';
import { TOKEN_HEADER } from '../src-main/api/transport';
import { cli } from './helpers/cli';
import { removeStage, runMainProcess, stageMainBundle } from './helpers/fake-electron';
import { request } from './helpers/http';
import { corruptTable, makeVersion1, truncate } from './helpers/damage';
import { openTestDb, publish, seed, snapshotAll, tempDir, type TestDb } from './helpers/db';

const open: TestDb[] = [];
const dirs: string[] = [];
function testDb(now?: () => Date): TestDb {
  const t = openTestDb(now ? { now } : {});
  open.push(t);
  return t;
}
function dir(): string {
  const d = tempDir('bulletin-backup-');
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const t of open.splice(0)) {
    if (t.ctx.db.open) t.ctx.db.close();
    t.close();
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const backupsDir = (t: TestDb) => path.join(t.dir, 'backups');
const listing = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).sort() : []);
const titles = (t: TestDb) => (t.ctx.db.prepare('SELECT title FROM articles ORDER BY id').all() as { title: string }[]).map((r) => r.title);

describe('backup, list and restore', () => {
  it('round-trips: restore brings the data back as it was and keeps the replaced database as an undo copy', async () => {
    const t = testDb();
    const { series, articles } = await seed(t, 2);
    const signed = await publish(t, series.id, [articles[0]!.id], '2026-03-02');

    const made = await t.call('backupCreate', {});
    expect(made).toMatchObject({ reason: 'manual', external: false });
    expect(made.name).toMatch(/^bulletin-\d{8}-\d{6}-manual\.db$/);
    expect(path.dirname(made.path)).toBe(backupsDir(t));
    // A self-contained file: rollback journal, no -wal needed beside it.
    const copy = new Database(made.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(listing(backupsDir(t)).some((n) => n.endsWith('-wal') || n.endsWith('.part'))).toBe(false);

    const before = snapshotAll(t.ctx.db);
    await t.call('articleAdd', { title: '备份之后录入的信息', body: '这条在备份里没有。' });
    await t.call('issueVoid', { id: signed.id, reason: '测试作废' });

    const list = await t.call('backupList', {});
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0]).toMatchObject({ name: made.name, reason: 'manual', health: 'ok', schemaVersion: SCHEMA_VERSION, size: made.size });

    const restored = await t.call('backupRestore', { file: made.path, confirm: true });
    expect(restored).toMatchObject({ restoredFrom: made.path, fromVersion: SCHEMA_VERSION, schemaVersion: SCHEMA_VERSION });
    expect(restored.undoBackup).toMatch(/-before-restore\.db$/);
    // The same ctx now reads the restored file: the door needs no new handle. Its audit log is
    // the backup's (made before the backup's own entry was written), then the restore's entry.
    const { audit_log: restoredLog, ...restored_ } = snapshotAll(t.ctx.db);
    const { audit_log: beforeLog, ...before_ } = before;
    expect(restored_).toEqual(before_);
    const inOrder = (log: unknown[] | undefined) => [...(log as { id: number }[])].sort((a, b) => a.id - b.id);
    expect(inOrder(restoredLog).slice(0, -1)).toEqual(inOrder(beforeLog).slice(0, -1));
    expect(inOrder(beforeLog).at(-1)).toMatchObject({ operation: 'backupCreate' });
    expect(inOrder(restoredLog).at(-1)).toMatchObject({ operation: 'backupRestore' });
    expect((await t.call('issueGet', { id: signed.id })).status).toBe('signed');
    expect(fs.existsSync(`${t.file}.restoring-${process.pid}`)).toBe(false);

    // Undo: the before-restore copy holds what was replaced.
    await t.call('backupRestore', { file: restored.undoBackup!, confirm: true });
    expect(titles(t)).toContain('备份之后录入的信息');
    expect((await t.call('issueGet', { id: signed.id })).status).toBe('voided');
    // Writing still works on the swapped connection, and the search index came along.
    await t.call('articleAdd', { title: '恢复后新增', body: '正文。' });
    expect(t.ctx.db.prepare("INSERT INTO search_bi(search_bi) VALUES ('integrity-check')").run().changes).toBeGreaterThanOrEqual(0);
  });

  it('restores a backup from an older schema version, migrating a scratch copy, never the backup itself', async () => {
    const t = testDb();
    await seed(t, 1);
    const old = path.join(dir(), 'bulletin-20250105-090000-daily.db');
    makeVersion1(old);
    const oldBytes = fs.readFileSync(old);

    const r = await t.call('backupRestore', { file: old, confirm: true });
    expect(r).toMatchObject({ fromVersion: 1, schemaVersion: SCHEMA_VERSION });
    expect(t.ctx.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(t.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const issue = await t.call('issueGet', { id: 1 });
    expect(issue).toMatchObject({ status: 'signed', number: 7, totalNumber: 107, series: '旧县政务信息' });
    expect(issue.articles.map((a) => a.title)).toEqual(['版本一的信息']);
    expect(fs.readFileSync(old).equals(oldBytes)).toBe(true);
    // The restore made no migration backup of its scratch copy: the backup itself is that.
    expect(listing(backupsDir(t)).filter((n) => n.includes('before-migration'))).toEqual([]);
    // The old file is listed with its version when it sits in the backups folder.
    fs.copyFileSync(old, path.join(backupsDir(t), path.basename(old)));
    const listed = (await t.call('backupList', { verify: true })).backups.find((b) => b.name === path.basename(old));
    expect(listed).toMatchObject({ schemaVersion: 1, health: 'ok', reason: 'daily', checked: 'full' });
  });

  describe('refuses a backup it cannot trust, and changes nothing', () => {
    async function expectRefused(t: TestDb, file: string, code: string, text: RegExp) {
      const before = snapshotAll(t.ctx.db);
      const backupsBefore = listing(backupsDir(t));
      const liveBefore = listing(t.dir);
      const e = await t.refuse('backupRestore', { file, confirm: true });
      expect(e.code).toBe(code);
      expect(e.message).toMatch(text);
      expect(e.message).toMatch(/当前数据库没有改动|找不到|不是文件/);
      expect(snapshotAll(t.ctx.db)).toEqual(before);
      expect(listing(backupsDir(t))).toEqual(backupsBefore);
      expect(listing(t.dir)).toEqual(liveBefore);
      expect(t.ctx.db.open).toBe(true);
    }

    it('a damaged backup (integrity check fails)', async () => {
      const t = testDb();
      await seed(t, 3);
      const made = await t.call('backupCreate', {});
      corruptTable(made.path);
      await expectRefused(t, made.path, 'DB_DAMAGED', /损坏|完整性/);
      const listed = (await t.call('backupList', { verify: true })).backups.find((b) => b.name === made.name);
      expect(listed).toMatchObject({ health: 'damaged' });
    });

    it('a truncated copy', async () => {
      const t = testDb();
      await seed(t, 3);
      const made = await t.call('backupCreate', {});
      truncate(made.path);
      await expectRefused(t, made.path, 'DB_DAMAGED', /不完整|损坏/);
      expect((await t.call('backupList', {})).backups[0]).toMatchObject({ health: 'damaged', checked: 'header' });
    });

    it("another program's database, a text file and an empty file", async () => {
      const t = testDb();
      await seed(t, 1);
      const d = dir();
      const other = path.join(d, 'other.db');
      const raw = new Database(other);
      raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
      raw.close();
      await expectRefused(t, other, 'DB_NOT_OURS', /不是编印台/);
      fs.writeFileSync(path.join(d, 'notes.db'), '这是一份文本，不是数据库。'.repeat(300));
      await expectRefused(t, path.join(d, 'notes.db'), 'DB_NOT_OURS', /不是数据库/);
      fs.writeFileSync(path.join(d, 'empty.db'), '');
      await expectRefused(t, path.join(d, 'empty.db'), 'DB_DAMAGED', /空/);
    });

    it('a backup written by a newer version', async () => {
      const t = testDb();
      await seed(t, 1);
      const made = await t.call('backupCreate', {});
      const raw = new Database(made.path);
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      raw.close();
      await expectRefused(t, made.path, 'DB_TOO_NEW', /更新版本/);
    });

    it('a file that claims to be ours but carries a trigger of its own', async () => {
      const t = testDb();
      await seed(t, 1);
      const made = await t.call('backupCreate', {});
      const raw = new Database(made.path);
      raw.exec("CREATE TRIGGER sneaky AFTER INSERT ON articles BEGIN DELETE FROM units; END");
      raw.close();
      await expectRefused(t, made.path, 'DB_NOT_OURS', /表结构/);
    });

    it('a missing file, a folder, and the live database itself', async () => {
      const t = testDb();
      await seed(t, 1);
      await expectRefused(t, path.join(t.dir, 'nope.db'), 'NOT_FOUND', /找不到/);
      await expectRefused(t, t.dir, 'INVALID_INPUT', /不是文件/);
      const e = await t.refuse('backupRestore', { file: t.file, confirm: true });
      expect(e).toMatchObject({ code: 'INVALID_INPUT' });
      expect(e.message).toMatch(/正在使用的数据库/);
    });

    it('without confirm: true', async () => {
      const t = testDb();
      const made = await t.call('backupCreate', {});
      for (const confirm of [false, undefined, 'true', 1]) {
        const e = await t.refuse('backupRestore', { file: made.path, confirm });
        expect(e.code).toBe('INVALID_INPUT');
        expect(e.message).toMatch(/确认/);
      }
    });

    it('while another program holds the database open (BUSY), keeping the door working', async () => {
      const t = testDb();
      await seed(t, 2);
      const made = await t.call('backupCreate', {});
      await t.call('articleAdd', { title: '另一个窗口也开着', body: '正文。' });
      const other = new Database(t.file);
      other.prepare('SELECT count(*) FROM articles').get();
      const before = snapshotAll(t.ctx.db);
      const e = await t.refuse('backupRestore', { file: made.path, confirm: true });
      other.close();
      expect(e.code).toBe('BUSY');
      expect(e.message).toMatch(/另一个编印台窗口或命令/);
      expect(t.ctx.db.open).toBe(true);
      expect(snapshotAll(t.ctx.db)).toEqual(before);
      expect(titles(t)).toContain('另一个窗口也开着');
    });
  });

  it('backs up to a chosen folder (a USB drive) and records it; refuses a folder that is not there', async () => {
    const t = testDb();
    await seed(t, 1);
    const usb = dir();
    const made = await t.call('backupCreate', { to: usb });
    expect(made).toMatchObject({ external: true, reason: 'manual' });
    expect(path.dirname(made.path)).toBe(usb);
    expect((await t.call('backupStatus', {})).lastExternal).toMatchObject({ path: made.path, ageDays: 0 });
    // Two copies in the same second get different names: nothing is ever overwritten.
    const again = await t.call('backupCreate', { to: usb });
    expect(again.path).not.toBe(made.path);

    const before = listing(usb);
    for (const to of [path.join(usb, '不存在的文件夹'), made.path]) {
      const e = await t.refuse('backupCreate', { to });
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/不存在|不是文件夹/);
    }
    expect(listing(usb)).toEqual(before);
  });

  it('refuses a second backup while one is running (BUSY) instead of racing it', async () => {
    const t = testDb();
    await seed(t, 1);
    const [first, second] = await Promise.allSettled([t.call('backupCreate', {}), t.call('backupCreate', {})]);
    expect(first.status).toBe('fulfilled');
    expect(second.status === 'rejected' && (second.reason as ApiError).code).toBe('BUSY');
    expect((await t.call('backupStatus', {})).running).toBeNull();
  });

  it('reports progress page by page while copying', async () => {
    const d = dir();
    const src = new Database(path.join(d, 'big.db'));
    src.exec('CREATE TABLE blobs (b BLOB)');
    const insert = src.prepare('INSERT INTO blobs VALUES (?)');
    for (let i = 0; i < 40; i++) insert.run(Buffer.alloc(512 * 1024, i));
    const seen: [number, number][] = [];
    const made = await writeBackup(src, path.join(d, 'out'), 'manual', new Date(2026, 10, 21, 9, 0, 0), (done, total) => seen.push([done, total]));
    src.close();
    expect(made.name).toBe('bulletin-20261121-090000-manual.db');
    expect(seen.length).toBeGreaterThan(1);
    const total = seen[0]![1];
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
  });
});

describe('backup status', () => {
  it('warns when there is no backup, or the newest is more than 7 days old', async () => {
    let now = new Date(2026, 10, 1, 9, 0, 0);
    const t = testDb(() => now);
    const none = await t.call('backupStatus', {});
    expect(none).toMatchObject({ lastBackup: null, lastExternal: null, running: null });
    expect(none.warning).toMatch(/还没有任何备份/);
    expect(none.externalWarning).toMatch(/还没有备份到U盘/);

    await t.call('backupCreate', {});
    now = new Date(2026, 10, 8, 8, 0, 0);
    expect(await t.call('backupStatus', {})).toMatchObject({ warning: null, lastBackup: { ageDays: 6 } });
    now = new Date(2026, 10, 10, 9, 0, 0);
    const late = await t.call('backupStatus', {});
    expect(late.lastBackup?.ageDays).toBe(9);
    expect(late.warning).toMatch(/9 天前/);
  });
});

describe('the daily backup at start', () => {
  it('makes one copy a day, keeps 7 daily / 4 weekly / 12 monthly, and never deletes manual or before-* copies', async () => {
    const t = testDb();
    await seed(t, 1);
    const keepers = [backupFileName('manual', new Date(2024, 0, 2, 10, 0, 0)), backupFileName('before-migration', new Date(2024, 0, 3, 10, 0, 0))];
    fs.mkdirSync(backupsDir(t), { recursive: true });
    for (const k of keepers) fs.copyFileSync(t.file, path.join(backupsDir(t), k));

    const start = new Date(2026, 0, 1, 8, 30, 0);
    let created = 0;
    for (let day = 0; day < 120; day++) {
      const now = new Date(start.getFullYear(), start.getMonth(), start.getDate() + day, 8, 30, 0);
      const r = await ensureDailyBackup(t.file, now);
      expect(r.status).toBe('created');
      created++;
      // Started again the same day: nothing new.
      expect((await ensureDailyBackup(t.file, new Date(now.getTime() + 3 * 3600_000))).status).toBe('exists');
    }
    expect(created).toBe(120);
    const left = backupFilesIn(backupsDir(t));
    const daily = left.filter((b) => b.reason === 'daily');
    // 7 newest days + the newest of each older week (4 weeks overlap the days) + the newest of each month.
    expect(daily.length).toBeGreaterThanOrEqual(7);
    expect(daily.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(daily.slice(0, 7).map((b) => b.at.getDate())).toEqual([30, 29, 28, 27, 26, 25, 24]); // April 30 back to 24
    const months = new Set(daily.map((b) => b.at.getMonth()));
    expect(months).toEqual(new Set([0, 1, 2, 3]));
    for (const k of keepers) expect(fs.existsSync(path.join(backupsDir(t), k))).toBe(true);
  });

  it('skips a database that does not exist yet, and never keeps a copy of a damaged one', async () => {
    const d = dir();
    expect(await ensureDailyBackup(path.join(d, 'none.db'))).toMatchObject({ status: 'skipped', code: 'NO_DATABASE' });

    const t = testDb();
    await seed(t, 3);
    t.ctx.db.close();
    corruptTable(t.file);
    const r = await ensureDailyBackup(t.file, new Date(2026, 5, 1, 9, 0, 0));
    expect(r).toMatchObject({ status: 'failed', code: 'DB_DAMAGED', removed: [] });
    expect(listing(backupsDir(t))).toEqual([]);
  });
});

describe('the check before writing', () => {
  it('refuses a damaged database without writing to it, naming the newest good backup', async () => {
    const t = testDb();
    await seed(t, 3);
    const good = await t.call('backupCreate', {});
    // A newer backup that is itself damaged must not be the one offered.
    const bad = path.join(backupsDir(t), backupFileName('daily', new Date(Date.now() + 3600_000)));
    fs.copyFileSync(good.path, bad);
    corruptTable(bad);
    t.ctx.db.close();
    corruptTable(t.file);
    const bytes = fs.readFileSync(t.file);

    let err: ApiError | undefined;
    try {
      // What a write does after an unclean stop (test/check-schedule.test.ts), or on demand.
      openDatabase(t.file, { integrityCheck: 'at-open' });
    } catch (e) {
      err = e as ApiError;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect(err!.code).toBe('DB_DAMAGED');
    expect(err!.message).toContain(good.name);
    expect(err!.message).not.toContain(path.basename(bad));
    expect(err!.message).toMatch(/不会再写入/);
    expect(fs.readFileSync(t.file).equals(bytes)).toBe(true);

    // once found damaged (by that check, recorded beside the file), a command that would write is refused, naming the backup
    const r = await cli(t.file, 'article', 'add', '--title', '不应写入', '--body', '正文');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(good.name);
    // one that only reads skips the check, and reading the damaged pages is refused all the same
    const read = await cli(t.file, 'article', 'list');
    expect(read.code).toBe(2);
    expect(read.stderr).toMatch(/损坏/);
    expect(fs.readFileSync(t.file).equals(bytes)).toBe(true);
  });

  it('restores from the CLI even though the damaged database cannot be opened, keeping the damaged file', async () => {
    const t = testDb();
    await seed(t, 3);
    const good = await t.call('backupCreate', {});
    t.ctx.db.close();
    corruptTable(t.file);
    const damaged = fs.readFileSync(t.file);

    const r = await cli(t.file, '--json', 'backup', 'restore', good.path, '--yes');
    expect(r.code).toBe(0);
    const out = r.json() as { undoBackup: string };
    expect(fs.readFileSync(out.undoBackup).equals(damaged)).toBe(true);
    const db = openDatabase(t.file);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(3);
    db.close();
  });
});

describe('the CLI', () => {
  it('creates, lists and restores; asks before restoring and refuses with exit 2 when nobody can answer', async () => {
    const t = testDb();
    await seed(t, 2);
    t.ctx.db.close();
    const made = await cli(t.file, '--json', 'backup', 'create');
    expect(made.code).toBe(0);
    const { path: file } = made.json() as { path: string };

    const list = await cli(t.file, 'backup', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(path.basename(file));
    expect(list.stdout).toMatch(/手动.*完好/);

    const status = await cli(t.file, 'backup', 'status');
    expect(status.stdout).toMatch(/最近一次备份：.*0 天前/);

    await cli(t.file, 'article', 'add', '--title', '恢复后应消失', '--body', '正文');
    const snap = () => {
      const db = new Database(t.file, { readonly: true });
      const s = snapshotAll(db);
      db.close();
      return s;
    };
    const before = snap();
    // vitest has no terminal: without --yes there is no one to ask.
    const refused = await cli(t.file, 'backup', 'restore', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    expect(snap()).toEqual(before);

    const done = await cli(t.file, 'backup', 'restore', file, '--yes');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/已从“.*”恢复数据库/);
    expect(done.stdout).toMatch(/恢复前的数据库已另存为/);
    const db = new Database(t.file, { readonly: true });
    expect((db.prepare("SELECT count(*) AS n FROM articles WHERE title = '恢复后应消失'").get() as { n: number }).n).toBe(0);
    db.close();

    const bad = await cli(t.file, 'backup', 'restore', path.join(t.dir, 'nope.db'), '--yes');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/找不到备份文件/);
  });
});

describe('through a running door', () => {
  it('restores under the HTTP bridge: later calls see the restored data, and stopping closes the new connection', async () => {
    const d = dir();
    const file = path.join(d, 'bulletin.db');
    const token = 'x'.repeat(32);
    const bridge = await startBridge({ dbPath: file, token, staticDir: d });
    const api = async (op: string, body: unknown) => {
      const r = await request({ port: bridge.port, method: 'POST', path: `/api/${op}`, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body: JSON.stringify(body) });
      return r.json() as { ok: boolean; result?: Record<string, unknown>; error?: { code: string } };
    };
    try {
      await api('articleAdd', { title: '备份前的信息', body: '正文。' });
      const made = await api('backupCreate', {});
      expect(made.ok).toBe(true);
      await api('articleAdd', { title: '备份后的信息', body: '正文。' });
      const restored = await api('backupRestore', { file: made.result!.path, confirm: true });
      expect(restored).toMatchObject({ ok: true, result: { undoBackup: expect.stringMatching(/before-restore/) } });
      const list = await api('articleList', {});
      expect((list.result as unknown as { rows: { title: string }[] }).rows.map((a) => a.title)).toEqual(['备份前的信息']);
      expect((await api('backupRestore', { file: made.result!.path })).error?.code).toBe('INVALID_INPUT');
    } finally {
      await bridge.close();
    }
    // The connection to the restored file was the one closed: SQLite removed its WAL files.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(`${file}-shm`)).toBe(false);
    const log = fs.readFileSync(path.join(d, 'logs', 'bulletin.log'), 'utf8');
    expect(log).toMatch(/op=backupRestore ms=\d+ result=ok/);
  });
});

describe('the desktop app meets a damaged database', () => {
  it('offers the newest good backup at start, restores it when accepted, keeps the damaged file and opens the window', async () => {
    const stage = tempDir('bulletin-electron-damaged-');
    const file = path.join(stage, 'data', 'bulletin.db');
    const db = openDatabase(file, { createFolder: true });
    const ctx = (await import('../src-main/services/context')).createCtx(db);
    await dispatch(ctx, 'articleAdd', { title: '备份里的信息', body: '正文。' });
    const good = await dispatch(ctx, 'backupCreate', {});
    db.close();
    corruptTable(file);
    const damaged = fs.readFileSync(file);
    try {
      // The stand-in's message box answers with the first button: 恢复.
      const fake = await runMainProcess(stageMainBundle(stage, '<!doctype html><title>编印台</title>'), { BULLETIN_DB: file });
      // start() goes on asynchronously (the restore) after the stand-in says ready.
      // The window opens at once; the check runs in the background, and its failure brings the offer.
      const logFile = path.join(stage, 'data', 'logs', 'bulletin.log');
      const restored = () => fs.existsSync(logFile) && /event=restore/.test(fs.readFileSync(logFile, 'utf8'));
      for (let waited = 0; waited < 60_000 && !restored() && !fake.calls.some((c) => c[0] === 'dialog.showErrorBox'); waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const names = fake.calls.map((c) => c[0]);
      expect(names).toContain('new BrowserWindow');
      expect(names).not.toContain('dialog.showErrorBox');
      // the page was loaded again, from the restored database
      for (let waited = 0; waited < 60_000 && !fake.calls.some((c) => c[0] === 'reload'); waited += 50) await new Promise((r) => setTimeout(r, 50));
      expect(fake.calls.map((c) => c[0])).toContain('reload');
      const after = new Database(file, { readonly: true });
      expect(after.pragma('quick_check', { simple: true })).toBe('ok');
      expect((after.prepare('SELECT title FROM articles').get() as { title: string }).title).toBe('备份里的信息');
      after.close();
      const undo = listing(path.join(stage, 'data', 'backups')).find((n) => n.endsWith('-before-restore.db'))!;
      expect(fs.readFileSync(path.join(stage, 'data', 'backups', undo)).equals(damaged)).toBe(true);
      expect(good.name).toMatch(/manual/);
      fake.appListeners['will-quit']?.();
      const log = fs.readFileSync(path.join(stage, 'data', 'logs', 'bulletin.log'), 'utf8');
      // No check had run on this file yet, so the daily one was due at start.
      expect(log).toMatch(/ERROR event=check reason=scheduled pages=false/);
      expect(log).toMatch(/event=restore damaged=true/);
    } finally {
      removeStage(stage);
    }
  });
});

describe('names', () => {
  it('parse back what they write, and nothing else', () => {
    const at = new Date(2026, 10, 21, 8, 5, 9);
    expect(parseBackupName(backupFileName('before-restore', at, 3))).toEqual({ name: 'bulletin-20261121-080509-before-restore-3.db', reason: 'before-restore', at });
    for (const n of ['bulletin-20261321-080509-daily.db', 'bulletin-20261121-080509-weekly.db', 'x-20261121-080509-daily.db', 'bulletin-20261121-080509-daily.db-wal']) {
      expect(parseBackupName(n)).toBeNull();
    }
    expect(APPLICATION_ID).toBe(0x42444b31);
  });
});
