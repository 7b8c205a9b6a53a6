/** Ways a database file goes bad on an office PC, made on purpose for the backup tests. */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../../src-main/store/identity';
import { MIGRATIONS } from '../../src-main/store/migrations';

/** Overwrites the pages of one table's b-tree with noise, so that quick_check fails. */
export function corruptTable(file: string, table = 'articles'): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(table) as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

/** Cuts a file short, as a copy interrupted by pulling out the USB stick. */
export function truncate(file: string, keepFraction = 0.5): void {
  const size = fs.statSync(file).size;
  fs.truncateSync(file, Math.floor(size * keepFraction));
}

/** A database exactly as version 1 of the app left it, with one signed issue (rollback journal). */
export function makeVersion1(file: string): void {
  const db = new Database(file);
  db.exec(MIGRATIONS[0]!.sql);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 1');
  const now = '2025-01-05T00:00:00.000Z';
  db.prepare("INSERT INTO series (name, org, created_at, updated_at) VALUES ('旧县政务信息', '旧县人民政府办公室', ?, ?)").run(now, now);
  db.prepare("INSERT INTO articles (title, paragraphs, created_at, updated_at) VALUES ('版本一的信息', '[{\"level\":0,\"text\":\"旧正文。\"}]', ?, ?)").run(now, now);
  db.prepare("INSERT INTO issues (series_id, status, date, created_at, updated_at) VALUES (1, 'review', '2025-01-05', ?, ?)").run(now, now);
  db.prepare('INSERT INTO issue_articles (issue_id, article_id, position) VALUES (1, 1, 1)').run();
  db.prepare("UPDATE issues SET status = 'signed', number = 7, total_number = 107, signed_by = '张某某', signed_at = ? WHERE id = 1").run(now);
  db.close();
}

/**
 * Flips one byte inside an issue's stored Word file, in the file's bytes on disk: the damage
 * of a bad sector inside a blob, which SQLite's integrity_check does not see.
 */
export function flipByteInStoredFile(file: string, issueId: number): void {
  const db = new Database(file, { readonly: true });
  const { docx } = db.prepare('SELECT docx FROM issue_files WHERE issue_id = ?').get(issueId) as { docx: Buffer };
  db.close();
  const bytes = fs.readFileSync(file);
  // A blob runs over several pages; a 64-byte run from inside one page is found whole.
  for (let k = 256; k + 64 < docx.length; k += 256) {
    const at = bytes.indexOf(docx.subarray(k, k + 64));
    if (at >= 0 && bytes.indexOf(docx.subarray(k, k + 64), at + 1) < 0) {
      bytes[at + 32]! ^= 0x01;
      fs.writeFileSync(file, bytes);
      return;
    }
  }
  throw new Error('the stored file was not found in the database file');
}
