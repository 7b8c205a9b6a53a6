/**
 * Opening the one database file: pragmas, the version check, a consistent backup before any
 * migration, and the migrations themselves. Never imports Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError, DISK_FULL_ADVICE } from '../api/errors';
import { damagedDatabaseMessage, identityOf } from './inspect';
import { backupDirFor, backupFileName } from './backup-names';
import { pendingAuditFor } from './audit-scope';
import { APPLICATION_ID } from './identity';
import { beginSession, clearSessions, readCheckRecord, staleSessions, writeCheckRecord, type CheckReason } from './check-state';
import { checkNow } from './integrity';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
// issue 16's records in search (branch search16)
import { flushSearchQueue } from './search-queue';

export type { DB } from './db-handle';
import type { DB } from './db-handle';
export { APPLICATION_ID };

export interface OpenOptions {
  readonly?: boolean;
  /** Where the pre-migration backup goes; default: a `backups` folder beside the database. */
  backupDir?: string;
  /** False only for a scratch copy that is itself made from a backup (see backup/restore.ts). */
  backupBeforeMigration?: boolean;
  /**
   * When the whole-file check (quick_check, seconds to a minute on a large archive) runs before
   * this connection may write (issue 14: never on the ordinary write path; store/check-state.ts).
   * 'unclean' (the default) runs it here only after an unclean stop (a session marker left by a
   * process that no longer runs), and refuses a file the last check found damaged. 'deferred'
   * leaves both to the door, which checks in the background (services/write-gate.ts). 'at-open'
   * always checks here. 'none' is for a connection that will only read (a read-only command): it
   * cannot make damage worse, and reading damaged pages still fails with DB_DAMAGED. A migration
   * is always preceded by the check.
   */
  integrityCheck?: 'unclean' | 'at-open' | 'deferred' | 'none';
  /**
   * Whether a missing folder is made for a new database. Only doors that create databases do
   * (`bulletin init`, the demo, the desktop's default location): a mistyped `--db` folder must
   * not turn into a new, empty database that looks like lost data.
   */
  createFolder?: boolean;
  /** Milliseconds to wait for another writer before giving up. */
  busyTimeoutMs?: number;
  now?: () => Date;
}

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  const exists = fs.existsSync(file);
  if (!exists && options.readonly) {
    throw new ApiError('NOT_FOUND', `找不到数据库文件：${file}`);
  }
  if (exists && fs.statSync(file).isDirectory()) {
    throw new ApiError('INVALID_INPUT', `“${file}”是一个文件夹，不是数据库文件。请在路径末尾写上文件名，例如 ${path.join(file, 'bulletin.db')}。`);
  }
  if (!exists) prepareNewFile(file, options.createFolder ?? false);

  let db: DB;
  let readonly = (options.readonly ?? false) || !writable(file);
  try {
    db = readonly ? openReadOnly(file, options) : new Database(file, { timeout: options.busyTimeoutMs ?? 10_000 });
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('DB_DAMAGED', `无法打开数据库文件“${file}”：${(e as Error).message}`);
  }
  if (!readonly && exists && !firstReadWorks(db) && diskFull(file)) {
    // A disk with no room left cannot even hold the -shm file a WAL database reads through:
    // read it as on a read-only disk, and refuse every write saying the disk is full.
    db.close();
    db = openReadOnly(file, options);
    readonly = true;
    writeRefusals.set(db, diskFullError);
  }
  try {
    db.pragma('trusted_schema = OFF');
    checkOwnership(db, file);
    // Before anything is written (even the switch to WAL): a damaged file is left exactly as it is.
    const version = db.pragma('user_version', { simple: true }) as number;
    const mode = options.integrityCheck ?? 'unclean';
    const tracked = !readonly && mode !== 'none';
    const stale = tracked ? staleSessions(file) : [];
    if (mode === 'at-open' || version < SCHEMA_VERSION || (mode === 'unclean' && stale.length > 0)) {
      // A new, empty file has nothing to check worth recording (the daily check is still due).
      checkIntact(db, file, options, version > 0 ? (stale.length > 0 ? 'unclean-stop' : 'at-open') : null);
      clearSessions(stale);
    } else if (mode === 'unclean' && !readonly && readCheckRecord(file)?.ok === false) {
      // The last check (scheduled, or `bulletin check`) found it damaged: still so until a restore or a check that passes.
      throw new ApiError('DB_DAMAGED', damagedDatabaseMessage(file, options.backupDir ?? backupDirFor(file), identityOf(db)));
    } else if (mode === 'deferred') uncleanStops.set(db, stale);
    configure(db, readonly);
    if (version > SCHEMA_VERSION) {
      throw new ApiError(
        'DB_TOO_NEW',
        `数据库“${file}”由更新版本的编印台写入（数据版本 ${version}），本程序只认识到版本 ${SCHEMA_VERSION}。` +
          '请安装最新版本的编印台后再打开；为保护数据，旧版本不会修改它。',
      );
    }
    if (version < SCHEMA_VERSION) {
      if (readonly) {
        throw new ApiError(
          options.readonly ? 'INVALID_STATE' : 'READ_ONLY',
          `数据库“${file}”需要升级（版本 ${version} → ${SCHEMA_VERSION}），只读方式无法打开。` +
            (options.readonly ? '' : '它所在的磁盘或文件是只读的：请把它复制到可写的磁盘后再打开。'),
        );
      }
      if (version > 0 && options.backupBeforeMigration !== false) backupBeforeMigration(db, file, options);
      migrate(db, version);
    }
    if (tracked) endSessionAtClose(db, beginSession(file));
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Markers of unclean stops a 'deferred' open found, for the door's background check to answer. */
const uncleanStops = new WeakMap<DB, string[]>();

/** The unclean stops seen when this connection was opened with integrityCheck 'deferred'. */
export function uncleanStopsAt(db: DB): string[] {
  return uncleanStops.get(db) ?? [];
}

/** A clean close removes this process's session marker (after SQLite has merged and removed its -wal). */
function endSessionAtClose(db: DB, end: () => void): void {
  const close = db.close.bind(db);
  db.close = () => {
    const r = close();
    end();
    return r;
  };
}

/** The file a connection read into memory (a read-only or full disk): its own name is ':memory:'. */
const memoryCopies = new WeakMap<DB, string>();

/** The database file behind a connection, also for one read into memory. */
export function databaseFile(db: DB): string {
  return memoryCopies.get(db) ?? db.name;
}

/** Why writes are refused on a connection opened for reading only, when it is not a read-only disk. */
const writeRefusals = new WeakMap<DB, () => ApiError>();

/** The refusal a write meets on a connection opened for reading only (a read-only disk or file, or a full disk). */
export function writeRefusal(db: DB): ApiError {
  return writeRefusals.get(db)?.() ?? new ApiError('READ_ONLY', readOnlyMessage());
}

const diskFullError = () => new ApiError('DISK_FULL', `磁盘空间不足，无法写入。${DISK_FULL_ADVICE}`);

function firstReadWorks(db: DB): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch {
    return false;
  }
}

/** Less room than SQLite needs to start a write (its -shm file alone takes 32 KB). */
function diskFull(file: string): boolean {
  try {
    const s = fs.statfsSync(path.dirname(file));
    return s.bavail * s.bsize < 256 * 1024;
  } catch {
    return false;
  }
}

/** A new database's folder must exist unless the caller creates databases; and it must take writes. */
function prepareNewFile(file: string, createFolder: boolean): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) {
    if (!createFolder) {
      throw new ApiError(
        'INVALID_INPUT',
        `找不到文件夹“${dir}”，没有打开也没有新建数据库。请检查 --db 的路径是否写错；` +
          `确要在新位置建立数据库，请用 bulletin init ${file}。`,
      );
    }
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw translateSqliteError(e);
    }
  }
  if (!writable(dir)) {
    throw new ApiError('READ_ONLY', `文件夹“${dir}”在只读的磁盘上，或没有写入权限，不能在这里新建数据库。请换一个可写的位置。`);
  }
}

/** The file and its folder (where SQLite keeps the -wal and -shm files) both take writes. */
function writable(file: string): boolean {
  try {
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A database on a read-only disk or a read-only file: reading works, every write is refused
 * (dispatch says "只读" before a handler runs). A WAL database needs its -shm file, which SQLite
 * cannot make on a read-only disk; when there is no unmerged -wal file the main file holds
 * everything, so it is read into memory with its header marked as a rollback journal (bytes
 * 18-19), which changes nothing on disk.
 */
function openReadOnly(file: string, options: OpenOptions): DB {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs ?? 10_000 });
    if (firstReadWorks(db)) return db;
    db.close();
  } catch {
    // No -shm file can be made (CANTOPEN), or no room for it (an I/O error): read it from memory.
  }
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    throw new ApiError('READ_ONLY', `${readOnlyMessage(file)}（它还有未合并的日志文件“${path.basename(wal)}”，在只读的磁盘上无法读取。）`);
  }
  const bytes = fs.readFileSync(file);
  if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  const db = new Database(bytes, { readonly: true });
  memoryCopies.set(db, file);
  return db;
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
function checkIntact(db: DB, file: string, options: OpenOptions, reason: CheckReason | null): void {
  const r = checkNow(db);
  if (reason) writeCheckRecord(file, { at: (options.now?.() ?? new Date()).toISOString(), ok: r.ok, reason, detail: r.ok ? '' : r.detail.slice(0, 200) });
  if (!r.ok) throw new ApiError('DB_DAMAGED', damagedDatabaseMessage(file, options.backupDir ?? backupDirFor(file), identityOf(db)));
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
  // The running operation's audit entry goes into the same transaction (store/audit-scope.ts).
  const audit = pendingAuditFor(db);
  try {
    let logged = false;
    const result = db
      .transaction(() => {
        const before = audit ? totalChanges(db) : 0;
        const r = fn();
        // Records named by migration 17's triggers enter the search index in this transaction.
        flushSearchQueue(db);
        // Only a transaction that changed something carries the entry: an import that found a
        // duplicate opens one to look, and records nothing.
        if (audit && totalChanges(db) > before) {
          audit.write(db, r);
          logged = true;
        }
        return r;
      })
      .immediate();
    if (audit && logged) audit.written = true;
    return result;
  } catch (e) {
    throw translateSqliteError(e);
  }
}

function totalChanges(db: DB): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
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
  if (typeof err.message === 'string' && err.message.startsWith('AUDIT:')) {
    return new ApiError('FROZEN', '操作日志只能追加，不能修改或删除。');
  }
  // A full disk or a read-only one is the place's fault, not the data's: say so, never "damaged".
  if (err.code === 'SQLITE_FULL' || err.code === 'ENOSPC') {
    return new ApiError('DISK_FULL', `磁盘空间不足，无法写入。${DISK_FULL_ADVICE}`);
  }
  if (err.code?.startsWith('SQLITE_READONLY') || err.code === 'EROFS') {
    return new ApiError('READ_ONLY', readOnlyMessage());
  }
  if (err.code === 'SQLITE_CORRUPT' || err.code === 'SQLITE_NOTADB') {
    return new ApiError('DB_DAMAGED', '数据库文件已损坏，请停止使用并从备份恢复。');
  }
  return e;
}

export function readOnlyMessage(file?: string): string {
  return `数据库${file ? `“${file}”` : ''}所在的磁盘或文件是只读的，只能查看，不能修改。` +
    '请把数据库复制到可写的磁盘（如本机硬盘），或取消文件的“只读”属性后再试。';
}
