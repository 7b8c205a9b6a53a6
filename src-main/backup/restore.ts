/**
 * Putting a backup back in place of the live database. Nothing touches the live file until the
 * replacement is known to be sound:
 *   1. the backup is copied to a scratch file beside the database (the backup itself is never
 *      opened for writing, and the final rename stays on one disk);
 *   2. the copy must pass integrity_check and the archive's verify (every stored file's hash and
 *      the seal chain: damage inside a blob passes integrity_check), carry our application_id and
 *      a schema version this program knows, and be a copy of this database (same identity)
 *      unless the caller says `foreign`; an older version is migrated here, and the result must
 *      have exactly the tables, indexes and triggers this version creates (a file merely
 *      claiming to be ours, with triggers of its own, is refused); it takes the live database's
 *      identity, which a restore keeps;
 *   3. the current database is saved as a before-restore backup: the undo copy;
 *   4. the live connection is closed, and the scratch file renamed over the database in one
 *      step, so a power cut leaves either the old file or the new one, never a mixture;
 *   5. the database is opened again through openDatabase, like at start.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { checkRecordFile, clearSessions, forgetCheckRecord, sessionsDir, staleSessions } from '../store/check-state';
import { openDatabase, type DB } from '../store/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../store/migrations';
import { writeBackup } from './create';
import { databaseIdentity, officeName } from '../store/seal';
import { identityOfFile, inspectDatabaseFile, type Inspection } from '../store/inspect';
import { backupDirFor, backupFileName } from '../store/backup-names';

export interface RestoreRequest {
  livePath: string;
  source: string;
  /** The open live database; null when it could not be opened (e.g. it is damaged). */
  current: DB | null;
  now: Date;
  /** Accept another database's backup. */
  foreign?: boolean;
}

export interface RestoreOutcome {
  db: DB;
  restoredFrom: string;
  /** The before-restore copy of what the database held; null when there was no database yet. */
  undoBackup: string | null;
  /** The backup's schema version before it was migrated. */
  fromVersion: number;
  schemaVersion: number;
  /** Said when the backup was another database's or could not be matched to this one. */
  warning: string | null;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function schemaOf(db: Database.Database): string[] {
  return (db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as object[]).map(
    (r) => JSON.stringify(r),
  );
}

let fresh: string[] | undefined;
/** The schema this version of the program creates, built once in memory. */
function currentSchema(): string[] {
  if (!fresh) {
    const mem = new Database(':memory:');
    try {
      for (const m of MIGRATIONS) {
        mem.exec(m.sql);
        m.after?.(mem);
      }
      fresh = schemaOf(mem);
    } finally {
      mem.close();
    }
  }
  return fresh;
}

function removeWithSideFiles(file: string): void {
  for (const f of [file, ...SIDE_FILES.map((s) => file + s), checkRecordFile(file), sessionsDir(file)]) fs.rmSync(f, { force: true, recursive: true });
}

function sameFile(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

interface Owner {
  id: string | null;
  office: string;
}

function describe(what: string, owner: Owner, file: string): string {
  return `${what}“${owner.office || '未填写单位名称'}”（文件 ${file}，标识 ${owner.id ?? '无（旧版本制作）'}）`;
}

/**
 * Whose backup it is. Returns the warning to hand back (null when it is plainly this database's);
 * throws, leaving everything as it was, when it is not and the caller did not say `foreign`.
 */
function checkOwner(found: Inspection, source: string, live: Owner, livePath: string, foreign: boolean): string | null {
  const backup: Owner = { id: found.databaseId, office: found.office };
  if (live.id !== null && backup.id === live.id) return null;
  const both = `${describe('备份来自', backup, source)}；${describe('当前数据库是', live, livePath)}`;
  if (live.id === null) {
    // A damaged database whose identity cannot be read: the office must be able to restore it.
    return `无法读出当前数据库的标识，不能确认这份备份属于它（${both}）。请核对恢复后的内容。`;
  }
  if (backup.id === null) {
    // Made before databases had identities: whose it is cannot be proven either way. Advice
    // never offers such a file; chosen by hand (e.g. the copy made before the upgrade), it is
    // restored with this said.
    return `这份备份由旧版本的编印台制作，没有记录它属于哪个数据库（${both}）。请核对恢复后的内容。恢复后的数据库沿用当前数据库的标识。`;
  }
  if (!foreign) {
    throw new ApiError(
      'CONFLICT',
      `这份备份属于另一个数据库：${both}。为免用别的数据库替换本数据库，恢复被拒绝，当前数据库没有改动。确认要用它替换，请加 --foreign（界面中勾选“我确认要使用其他数据库的备份”）再恢复一次。`,
    );
  }
  return `已按要求用另一个数据库的备份恢复：${both}。恢复后的数据库沿用当前数据库的标识。`;
}

/** Steps 1–2: a sound, current-version copy of the backup, ready to be renamed into place. */
function prepareReplacement(source: string, scratch: string, live: Owner, livePath: string, foreign: boolean): { fromVersion: number; warning: string | null } {
  fs.copyFileSync(source, scratch);
  if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${scratch}-wal`);
  const found = inspectDatabaseFile(scratch, 'full');
  const named = `备份文件“${source}”`;
  if (found.health === 'not-ours') throw new ApiError('DB_NOT_OURS', `${named}不能用来恢复：${found.problem ?? ''}当前数据库没有改动。`);
  if (found.health === 'too-new') throw new ApiError('DB_TOO_NEW', `${named}不能用来恢复：${found.problem ?? ''}当前数据库没有改动。`);
  if (found.health !== 'ok') throw new ApiError('DB_DAMAGED', `${named}不能用来恢复：${found.problem ?? ''}当前数据库没有改动。`);
  const warning = checkOwner(found, source, live, livePath, foreign);
  const db = openDatabase(scratch, { backupBeforeMigration: false });
  try {
    // A restore keeps the database's identity: its own backups stay its own afterwards.
    if (live.id !== null) db.prepare('UPDATE database_identity SET uuid = ? WHERE singleton = 1').run(live.id);
    const got = schemaOf(db);
    const want = currentSchema();
    if (got.length !== want.length || got.some((x, i) => x !== want[i])) {
      throw new ApiError('DB_NOT_OURS', `${named}的表结构与编印台不符，不能用来恢复。当前数据库没有改动。`);
    }
    // One self-contained file: nothing may be left in a -wal that the rename would not carry.
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  return { fromVersion: found.schemaVersion ?? 0, warning };
}

/** The live database's identity and office, read from its connection or, when it could not be opened, from the file. */
function liveOwner(req: RestoreRequest, livePath: string): Owner {
  if (req.current) {
    try {
      return { id: databaseIdentity(req.current), office: officeName(req.current) };
    } catch {
      // a database gone bad while open: read what can be read below
    }
  }
  if (!fs.existsSync(livePath)) return { id: null, office: '' };
  const found = inspectDatabaseFile(livePath, 'header');
  return { id: found.databaseId ?? identityOfFile(livePath), office: found.office };
}

/** Step 3 when the live file cannot be opened: its bytes, WAL included, copied as they are. */
function rawUndoCopy(livePath: string, dir: string, now: Date): string {
  fs.mkdirSync(dir, { recursive: true });
  let seq = 1;
  while (fs.existsSync(path.join(dir, backupFileName('before-restore', now, seq)))) seq++;
  const target = path.join(dir, backupFileName('before-restore', now, seq));
  fs.copyFileSync(livePath, target, fs.constants.COPYFILE_EXCL);
  if (fs.existsSync(`${livePath}-wal`)) fs.copyFileSync(`${livePath}-wal`, `${target}-wal`);
  return target;
}

async function undoCopy(req: RestoreRequest, dir: string): Promise<string | null> {
  if (req.current) {
    try {
      return (await writeBackup(req.current, dir, 'before-restore', req.now)).path;
    } catch (e) {
      // A database that went bad while open is still kept, byte for byte.
      if (!(e instanceof ApiError && e.code === 'DB_DAMAGED')) throw e;
    }
  }
  return fs.existsSync(req.livePath) ? rawUndoCopy(req.livePath, dir, req.now) : null;
}

export async function restoreDatabase(req: RestoreRequest): Promise<RestoreOutcome> {
  const livePath = path.resolve(req.livePath);
  const source = path.resolve(req.source);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    throw new ApiError('NOT_FOUND', `找不到备份文件“${source}”。请检查路径，或插入存有备份的U盘。`);
  }
  if (!stat.isFile()) throw new ApiError('INVALID_INPUT', `“${source}”不是文件，请选择一个备份文件（.db）。`);
  if (fs.existsSync(livePath) && sameFile(source, livePath)) throw new ApiError('INVALID_INPUT', '所选文件就是正在使用的数据库，不能用它恢复自己。请选择一个备份文件。');

  const scratch = `${livePath}.restoring-${process.pid}`;
  removeWithSideFiles(scratch);
  try {
    const { fromVersion, warning } = prepareReplacement(source, scratch, liveOwner(req, livePath), livePath, req.foreign ?? false);
    const undoBackup = await undoCopy(req, backupDirFor(livePath));

    if (req.current) {
      req.current.close();
      // Our connection was the last one if SQLite removed the WAL on closing; otherwise another
      // window or command still has the file open and would keep writing to the old one.
      if (fs.existsSync(`${livePath}-wal`) || fs.existsSync(`${livePath}-shm`)) {
        throw new ApiError('BUSY', `另一个编印台窗口或命令正在使用数据库，请先关闭它再恢复。当前数据库没有改动${undoBackup ? `（已另存的恢复前副本“${path.basename(undoBackup)}”可以不管）` : ''}。`);
      }
    } else {
      // Left by a crash of the damaged database; already in the undo copy, and replayed onto the
      // restored file they would corrupt it.
      for (const s of ['-wal', '-shm']) fs.rmSync(livePath + s, { force: true });
    }
    try {
      fs.renameSync(scratch, livePath);
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new ApiError('BUSY', `无法替换数据库文件（${code ?? '未知原因'}），可能有其他程序正在使用它。当前数据库没有改动，请关闭其他程序后再试。`);
    }
    // What the last check found, and any crash of the old file, were about the file replaced:
    // the restored one passed its own check, and the scheduled check will look at it again.
    forgetCheckRecord(livePath);
    clearSessions(staleSessions(livePath));
    return { db: openDatabase(livePath), restoredFrom: source, undoBackup, fromVersion, schemaVersion: SCHEMA_VERSION, warning };
  } finally {
    removeWithSideFiles(scratch);
  }
}
