/**
 * Opening the one database file: pragmas, the version check, a consistent backup before any
 * migration, and the migrations themselves. Never imports Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { damagedDatabaseMessage } from '../backup/inspect';
import { backupDirFor, backupFileName } from '../backup/names';
import { APPLICATION_ID } from './identity';
import { checkNow } from './integrity';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type DB = Database.Database;
export { APPLICATION_ID };

export interface OpenOptions {
  readonly?: boolean;
  /** Where the pre-migration backup goes; default: a `backups` folder beside the database. */
  backupDir?: string;
  /** False only for a scratch copy that is itself made from a backup (see backup/restore.ts). */
  backupBeforeMigration?: boolean;
  /**
   * 'at-open' (the default) runs the start-up check here. 'deferred' leaves it to the door, which
   * runs it in the background and holds every write until it passes (services/write-gate.ts):
   * on a large archive the check takes seconds. 'none' is for a connection that will only read
   * (a read-only command): it cannot make damage worse, and reading damaged pages still fails
   * with DB_DAMAGED. A migration is always preceded by the check.
   */
  integrityCheck?: 'at-open' | 'deferred' | 'none';
  /** Milliseconds to wait for another writer before giving up. */
  busyTimeoutMs?: number;
  now?: () => Date;
}

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  const exists = fs.existsSync(file);
  if (!exists && options.readonly) {
    throw new ApiError('NOT_FOUND', `找不到数据库文件：${file}`);
  }
  if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });

  let db: DB;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, timeout: options.busyTimeoutMs ?? 10_000 });
  } catch (e) {
    throw new ApiError('DB_DAMAGED', `无法打开数据库文件“${file}”：${(e as Error).message}`);
  }
  try {
    db.pragma('trusted_schema = OFF');
    checkOwnership(db, file);
    // Before anything is written (even the switch to WAL): a damaged file is left exactly as it is.
    const version = db.pragma('user_version', { simple: true }) as number;
    if ((options.integrityCheck ?? 'at-open') === 'at-open' || version < SCHEMA_VERSION) checkIntact(db, file, options);
    configure(db, options.readonly ?? false);
    if (version > SCHEMA_VERSION) {
      throw new ApiError(
        'DB_TOO_NEW',
        `数据库“${file}”由更新版本的编印台写入（数据版本 ${version}），本程序只认识到版本 ${SCHEMA_VERSION}。` +
          '请安装最新版本的编印台后再打开；为保护数据，旧版本不会修改它。',
      );
    }
    if (version < SCHEMA_VERSION) {
      if (options.readonly) {
        throw new ApiError('INVALID_STATE', `数据库“${file}”需要升级（版本 ${version} → ${SCHEMA_VERSION}），只读方式无法打开。`);
      }
      if (version > 0 && options.backupBeforeMigration !== false) backupBeforeMigration(db, file, options);
      migrate(db, version);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function configure(db: DB, readonly: boolean): void {
  if (!readonly) {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new ApiError('DB_DAMAGED', `数据库无法切换到 WAL 模式（当前为 ${String(mode)}）。`);
  }
  // FULL: a signed issue reported as saved must survive a power cut right after.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
}

function checkOwnership(db: DB, file: string): void {
  let appId: number;
  let tables: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
  } catch (e) {
    throw new ApiError('DB_NOT_OURS', `文件“${file}”不是编印台的数据库，或已损坏：${(e as Error).message}`);
  }
  if (appId === APPLICATION_ID) return;
  if (appId === 0 && tables === 0) return; // a new, empty file: ours to set up
  throw new ApiError('DB_NOT_OURS', `文件“${file}”不是编印台的数据库。请检查所选文件，或使用 --db 指定正确的数据库。`);
}

/** Reads every page's structure (not the index contents: that is integrity_check, too slow at every start). */
function checkIntact(db: DB, file: string, options: OpenOptions): void {
  if (!checkNow(db).ok) throw new ApiError('DB_DAMAGED', damagedDatabaseMessage(file, options.backupDir ?? backupDirFor(file)));
}

/** VACUUM INTO writes a consistent copy even while the WAL holds unmerged pages. */
function backupBeforeMigration(db: DB, file: string, options: OpenOptions): string {
  const dir = options.backupDir ?? backupDirFor(file);
  fs.mkdirSync(dir, { recursive: true });
  const at = options.now?.() ?? new Date();
  let seq = 1;
  while (fs.existsSync(path.join(dir, backupFileName('before-migration', at, seq)))) seq++;
  const target = path.join(dir, backupFileName('before-migration', at, seq));
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

function migrate(db: DB, from: number): void {
  for (const m of MIGRATIONS.filter((x) => x.version > from)) {
    db.transaction(() => {
      db.exec(m.sql);
      m.after?.(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

/**
 * Run fn in one write transaction, taken up front (BEGIN IMMEDIATE) so that two processes
 * reading "the last number" cannot interleave. SQLITE_BUSY after the timeout becomes a refusal.
 */
export function writeTx<T>(db: DB, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (e) {
    throw translateSqliteError(e);
  }
}

export function translateSqliteError(e: unknown): unknown {
  if (e instanceof ApiError) return e;
  const err = e as { code?: string; message?: string };
  if (err.code === 'SQLITE_BUSY' || err.code === 'SQLITE_LOCKED') {
    return new ApiError('BUSY', '数据库正被另一个程序或窗口占用，请稍候再试。');
  }
  if (typeof err.message === 'string' && err.message.startsWith('FROZEN:')) {
    return new ApiError('FROZEN', '已签发或已作废的期次及其信息不能修改。如需更正，请作废该期或在新的一期中刊发更正。');
  }
  if (err.code === 'SQLITE_CORRUPT' || err.code === 'SQLITE_NOTADB') {
    return new ApiError('DB_DAMAGED', '数据库文件已损坏，请停止使用并从备份恢复。');
  }
  return e;
}
