/**
 * Looking at a database file without trusting it: a backup on a USB drive may be truncated,
 * damaged, another program's, or made by a newer version of the app. Files are opened
 * read-only, with the schema untrusted, and nothing in them runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { localTimeLabel } from '../api/display';
import { APPLICATION_ID } from './identity';
import { checkAnswer } from './integrity';
import { SCHEMA_VERSION } from './migrations';
import { databaseIdentity, findingsSummary, officeName, verifyArchive, type ArchiveReport } from './seal';
import { parseBackupName, type ParsedName } from './backup-names';

export type BackupHealth = 'ok' | 'damaged' | 'not-ours' | 'too-new';
/**
 * header: the file's first page and size only (fast); quick/full: SQLite's quick_check/integrity_check,
 * then the archive's verify (every stored file's hash and the seal chain: damage inside a blob
 * passes integrity_check).
 */
export type CheckDepth = 'header' | 'quick' | 'full';

export interface Inspection {
  health: BackupHealth;
  schemaVersion: number | null;
  checked: CheckDepth;
  /** What is wrong, in words for the user; null when healthy. */
  problem: string | null;
  /** The identity of the database it is a copy of; null when unreadable or made before version 9. */
  databaseId: string | null;
  /** The office its settings name (or its first series' organ), '' when none. */
  office: string;
  /** The archive verify's answer (quick and full only). */
  archive: ArchiveReport | null;
}

export function openUntrusted(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('trusted_schema = OFF');
  return db;
}

export function inspectDatabaseFile(file: string, depth: CheckDepth): Inspection {
  const who = { databaseId: null as string | null, office: '', archive: null as ArchiveReport | null };
  const damaged = (problem: string, schemaVersion: number | null = null): Inspection => ({ health: 'damaged', schemaVersion, checked: depth, problem, ...who });
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return damaged('不是文件。');
    size = stat.size;
  } catch {
    return damaged('找不到这个文件。');
  }
  if (size === 0) return damaged('文件是空的。');
  let db: Database.Database | undefined;
  try {
    db = openUntrusted(file);
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      return { health: 'not-ours', schemaVersion: null, checked: depth, problem: '这不是编印台的数据库文件。', ...who };
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      return {
        health: 'too-new',
        schemaVersion: version,
        checked: depth,
        problem: `由更新版本的编印台写入（数据版本 ${version}，本程序只认识到 ${SCHEMA_VERSION}），请先升级编印台。`,
        ...who,
      };
    }
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    // A copy cut short (a USB stick pulled out) is smaller than its header says.
    if (!fs.existsSync(`${file}-wal`) && size < pages * pageSize) return damaged('文件不完整（比记录的长度短），可能复制时被中断。', version);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    // One row each: cheap enough for every listing.
    who.databaseId = databaseIdentity(db);
    who.office = officeName(db);
    if (depth !== 'header') {
      const result = checkAnswer(db, depth === 'full' ? 'integrity_check' : 'quick_check');
      if (result !== 'ok') return damaged('完整性检查未通过，文件已损坏。', version);
      who.archive = verifyArchive(db);
      if (!who.archive.ok) return damaged(`存档已损坏：${findingsSummary(who.archive, 3)}`, version);
    }
    return { health: 'ok', schemaVersion: version, checked: depth, problem: null, ...who };
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') return { health: 'not-ours', schemaVersion: null, checked: depth, problem: '这不是数据库文件。', ...who };
    return damaged(`无法读取（${code || (e as Error).message}），文件已损坏。`);
  } finally {
    db?.close();
  }
}

export interface FoundBackup extends ParsedName {
  path: string;
}

/** The backup files in a folder, by their names, newest first. Other files are ignored. */
export function backupFilesIn(dir: string): FoundBackup[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => parseBackupName(n))
    .filter((p): p is ParsedName => p !== null)
    .map((p) => ({ ...p, path: path.join(dir, p.name) }))
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
}

/**
 * The newest backup of this database (same identity) that passes quick_check and the archive
 * verify; stops at the first good one. Another database's backup (the data folder's backups/
 * is shared by every database in it) and one too old to record an identity are never offered.
 * `identity` null: the damaged database's own identity could not be read, so none is filtered.
 */
export function newestGoodBackup(dir: string, identity: string | null): FoundBackup | null {
  for (const b of backupFilesIn(dir)) {
    if (identity !== null && inspectDatabaseFile(b.path, 'header').databaseId !== identity) continue;
    if (inspectDatabaseFile(b.path, 'quick').health === 'ok') return b;
  }
  return null;
}

/** The identity of a database that may be damaged: null when it cannot be read. */
export function identityOf(db: Database.Database): string | null {
  try {
    return databaseIdentity(db);
  } catch {
    return null;
  }
}

/** The same, for a file not open here (a damaged live database, a backup): opened read-only, untrusted. */
export function identityOfFile(file: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = openUntrusted(file);
    return identityOf(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

function adviceFor(file: string, backupDir: string, identity: string | null): string {
  const good = newestGoodBackup(backupDir, identity);
  const unknown = identity === null ? '（无法读出本数据库的标识，请确认这份备份属于本数据库。）' : '';
  if (!good) {
    return `在“${backupDir}”中没有找到本数据库的完好备份。请不要再使用这台电脑上的数据，把整个数据文件夹复制到U盘，并联系维护人员；如有U盘上的备份，可用 bulletin backup restore 备份文件 恢复。`;
  }
  return (
    `最新的完好备份是“${good.name}”（${localTimeLabel(good.at)}）${unknown}。` +
    `请用它恢复：在编印台提示中选择“恢复”，或运行 bulletin backup restore "${good.path}"。` +
    `恢复前，“${path.basename(file)}”会另存一份，不会丢失。`
  );
}

/** What the user reads when the live database fails its start-up check. */
export function damagedDatabaseMessage(file: string, backupDir: string, identity: string | null): string {
  return `数据库“${file}”已损坏（完整性检查未通过）。为保护数据，编印台不会再写入它。${adviceFor(file, backupDir, identity)}`;
}

/** What the user reads when the pages are sound but the archive's verify finds something changed or damaged. */
export function brokenArchiveMessage(file: string, backupDir: string, identity: string | null, report: ArchiveReport): string {
  return (
    `数据库“${file}”的存档校验未通过：${findingsSummary(report)}。` +
    '已签发的期次、存档文件或封印被改动或损坏（运行 bulletin archive verify 可看全部问题）。为保护存档，编印台不会再写入它。' +
    adviceFor(file, backupDir, identity)
  );
}
