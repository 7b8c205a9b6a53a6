import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../src-main/api/errors';
import { APPLICATION_ID, openDatabase } from '../src-main/store/db';
import { SCHEMA_VERSION } from '../src-main/store/migrations';
import { defaultDataDir, resolveDbPath } from '../src-main/store/paths';
import { cli } from './helpers/cli';
import { snapshotAll, tempDir } from './helpers/db';

const dirs: string[] = [];
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('opening the database', () => {
  it('creates the file with WAL, foreign keys, a busy timeout and the current schema version', () => {
    const file = path.join(dir(), 'nested', 'bulletin.db');
    const db = openDatabase(file, { createFolder: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
    // opening again does not migrate twice
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', async () => {
    const file = path.join(dir(), 'bulletin.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    const before = snapshotAll(raw);
    raw.close();
    const bytes = fs.readFileSync(file);

    expect(() => openDatabase(file)).toThrow(ApiError);
    try {
      openDatabase(file);
    } catch (e) {
      expect((e as ApiError).code).toBe('DB_TOO_NEW');
      expect((e as ApiError).message).toContain('更新版本');
    }
    const r = await cli(file, 'series', 'list');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/更新版本的编印台/);

    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(snapshotAll(after)).toEqual(before);
    after.close();
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it("refuses another program's SQLite file", async () => {
    const file = path.join(dir(), 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
    raw.close();
    const r = await cli(file, 'series', 'list');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不是编印台的数据库/);
  });

  it('refuses a file that is not a database at all', async () => {
    const file = path.join(dir(), 'notes.db');
    fs.writeFileSync(file, '这是一份文本，不是数据库。'.repeat(100));
    const r = await cli(file, 'series', 'list');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不是编印台的数据库|已损坏/);
  });
});

describe('the default location', () => {
  it('follows the desktop app: %APPDATA% on Windows, ~/.config on Linux', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\li\\AppData\\Roaming\\bulletin-desk');
    expect(resolveDbPath(undefined, { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32')).toBe(
      'C:\\Users\\li\\AppData\\Roaming\\bulletin-desk\\bulletin.db',
    );
    expect(resolveDbPath(undefined, { HOME: '/home/li' }, 'linux')).toBe('/home/li/.config/bulletin-desk/bulletin.db');
    expect(resolveDbPath(undefined, { HOME: '/home/li', XDG_CONFIG_HOME: '/srv/cfg' }, 'linux')).toBe('/srv/cfg/bulletin-desk/bulletin.db');
  });

  it('is overridden by BULLETIN_DB, and --db overrides both', () => {
    expect(resolveDbPath(undefined, { HOME: '/home/li', BULLETIN_DB: '/data/b.db' }, 'linux')).toBe('/data/b.db');
    expect(resolveDbPath('/x/y.db', { HOME: '/home/li', BULLETIN_DB: '/data/b.db' }, 'linux')).toBe('/x/y.db');
  });

  it('is computed without importing Electron', () => {
    const src = fs.readFileSync(path.join(__dirname, '..', 'src-main', 'store', 'paths.ts'), 'utf8');
    expect(src).not.toMatch(/from ['"]electron['"]/);
  });
});
