/**
 * The sealed archive (store/seal.ts, migration 9): every signing and voiding appends a link to a
 * hash chain; `bulletin archive verify` recomputes it with every stored file's hash. Tampering
 * is tried the way an office PC allows it: the sqlite3 shell, whose foreign keys are off. Each
 * attempt is either refused by the database (and leaves every byte as it was) or, once the
 * triggers are dropped, found by verify (exit 3, naming the issue).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src-main/store/db';
import { verifyArchive } from '../src-main/store/seal';
import { cli } from './helpers/cli';
import { makeVersion1 } from './helpers/damage';
import { openTestDb, publish, seed, snapshotAll, tempDir, type TestDb } from './helpers/db';

const open: TestDb[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function sqlite3(file: string, sql: string): { code: number; stderr: string } {
  const r = spawnSync('sqlite3', [file, sql], { encoding: 'utf8' });
  return { code: r.status ?? -1, stderr: r.stderr };
}

function snapshotOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return snapshotAll(db);
  } finally {
    db.close();
  }
}

/** Issue 1 signed then voided, issue 2 signed (a correction), issue 3 signed: links 1s, 1v, 2s, 3s. */
async function archive(): Promise<TestDb> {
  const t = openTestDb();
  open.push(t);
  const { series, articles } = await seed(t, 4);
  await publish(t, series.id, [articles[0]!.id, articles[1]!.id], '2026-11-02');
  await t.call('issueVoid', { id: 1, reason: '数据有误' });
  await publish(t, series.id, [articles[0]!.id], '2026-11-03');
  await publish(t, series.id, [articles[2]!.id, articles[3]!.id], '2026-11-05');
  // The shell must see one self-contained file, as after the app closes.
  t.db.pragma('wal_checkpoint(TRUNCATE)');
  t.db.close();
  return t;
}

beforeAll(() => {
  expect(spawnSync('sqlite3', ['-version']).status, 'the sqlite3 shell is needed (apt install sqlite3)').toBe(0);
});

describe('the seal', () => {
  it('chains every signing and voiding, and verify exits 0 on the demo and on a sound archive', async () => {
    const dir = tempDir();
    expect((await cli(path.join(dir, 'unused.db'), 'demo', '--out', dir)).code).toBe(0);
    const demo = await cli(path.join(dir, 'demo.db'), 'archive', 'verify');
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('存档校验通过');

    const t = await archive();
    const db = new Database(t.file, { readonly: true });
    const links = db.prepare('SELECT seq, issue_id, status, prev_seal, seal FROM issue_seals ORDER BY seq').all() as {
      seq: number;
      issue_id: number;
      status: string;
      prev_seal: string | null;
      seal: string;
    }[];
    db.close();
    expect(links.map((l) => [l.issue_id, l.status])).toEqual([
      [1, 'signed'],
      [1, 'voided'],
      [2, 'signed'],
      [3, 'signed'],
    ]);
    expect(links[0]!.prev_seal).toBeNull();
    for (let i = 1; i < links.length; i++) expect(links[i]!.prev_seal).toBe(links[i - 1]!.seal);

    const r = await cli(t.file, '--json', 'archive', 'verify');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, sealed: true, issues: 3, files: 3, links: 4, findings: [] });
  });

  it('seals an older database’s signed and voided issues in the migration, in the order they happened', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    makeVersion1(file);
    const raw = new Database(file);
    raw.prepare("UPDATE issues SET status = 'voided', void_reason = '重复', voided_at = '2025-01-06T00:00:00.000Z' WHERE id = 1").run();
    raw.close();
    const db = openDatabase(file);
    const links = db.prepare('SELECT issue_id, status, file_sha256 FROM issue_seals ORDER BY seq').all();
    expect(links).toEqual([
      { issue_id: 1, status: 'signed', file_sha256: null },
      { issue_id: 1, status: 'voided', file_sha256: null },
    ]);
    expect(verifyArchive(db)).toMatchObject({ ok: true, sealed: true, issues: 1, links: 2 });
    expect((db.prepare('SELECT uuid FROM database_identity').get() as { uuid: string }).uuid).toMatch(/^[0-9a-f-]{36}$/);
    db.close();
  });
});

/**
 * What the shell tries, table by table. Issue 3 is signed with articles 3 and 4; its file and
 * its seal are link 4. Issue 1 is voided.
 */
const ATTEMPTS: { table: string; sql: string }[] = [
  { table: 'issues', sql: "UPDATE issues SET signed_by = '李某某' WHERE id = 3" },
  { table: 'issues', sql: "UPDATE issues SET status = 'signed', void_reason = NULL, voided_at = NULL WHERE id = 1" },
  { table: 'issues', sql: "REPLACE INTO issues (id, series_id, status, date, created_at, updated_at) VALUES (3, 1, 'draft', '2026-11-05', 'x', 'x')" },
  {
    table: 'issues',
    sql: "REPLACE INTO issues (id, series_id, status, date, number, total_number, signed_by, signed_at, created_at, updated_at) SELECT 99, series_id, 'signed', date, number, total_number + 100, '李某某', signed_at, created_at, updated_at FROM issues WHERE id = 3",
  },
  {
    table: 'issues',
    sql: "REPLACE INTO issues (id, series_id, status, date, number, total_number, signed_by, signed_at, created_at, updated_at) SELECT 99, series_id, 'signed', date, number + 100, total_number, '李某某', signed_at, created_at, updated_at FROM issues WHERE id = 3",
  },
  { table: 'issues', sql: 'DELETE FROM issues WHERE id = 3' },
  { table: 'issue_articles', sql: 'UPDATE issue_articles SET position = position + 10 WHERE issue_id = 3' },
  { table: 'issue_articles', sql: 'REPLACE INTO issue_articles (issue_id, article_id, position, live) VALUES (3, 4, 1, 1)' },
  { table: 'issue_articles', sql: 'REPLACE INTO issue_articles (issue_id, article_id, position, live) VALUES (3, 2, 1, 1)' },
  { table: 'issue_articles', sql: 'DELETE FROM issue_articles WHERE issue_id = 3' },
  { table: 'issue_articles', sql: 'DELETE FROM issue_articles WHERE issue_id = 1' },
  { table: 'articles', sql: "UPDATE articles SET title = '改过的标题' WHERE id = 3" },
  { table: 'articles', sql: "REPLACE INTO articles (id, title, paragraphs, created_at, updated_at) VALUES (3, '改过的标题', '[]', 'x', 'x')" },
  { table: 'articles', sql: 'DELETE FROM articles WHERE id = 4' },
  { table: 'issue_files', sql: "UPDATE issue_files SET docx = zeroblob(100), size = 100 WHERE issue_id = 3" },
  { table: 'issue_files', sql: "REPLACE INTO issue_files (issue_id, docx, sha256, size, created_at) SELECT issue_id, zeroblob(100), sha256, 100, created_at FROM issue_files WHERE issue_id = 3" },
  { table: 'issue_files', sql: 'DELETE FROM issue_files WHERE issue_id = 3' },
  { table: 'issue_series_names', sql: "UPDATE issue_series_names SET name = '改过的刊名' WHERE issue_id = 3" },
  { table: 'issue_series_names', sql: "REPLACE INTO issue_series_names (issue_id, name) VALUES (3, '改过的刊名')" },
  { table: 'issue_seals', sql: "UPDATE issue_seals SET seal = replace(seal, substr(seal, 1, 1), 'f') WHERE seq = 4" },
  { table: 'issue_seals', sql: "REPLACE INTO issue_seals (seq, issue_id, status, prev_seal, file_sha256, seal, created_at) SELECT seq, issue_id, status, prev_seal, file_sha256, printf('%064d', 0), created_at FROM issue_seals WHERE seq = 4" },
  { table: 'issue_seals', sql: "INSERT INTO issue_seals (seq, issue_id, status, prev_seal, seal, created_at) VALUES (9, 3, 'voided', NULL, printf('%064d', 7), 'x')" },
  { table: 'issue_seals', sql: 'DELETE FROM issue_seals WHERE seq = 4' },
  { table: 'issue_seals', sql: 'DELETE FROM issue_seals WHERE seq = 1' },
];

describe('tampering through the sqlite3 shell (foreign keys off)', () => {
  it.each(ATTEMPTS)('$table: $sql — refused, every byte as it was', async ({ sql }) => {
    const t = await archive();
    const before = snapshotOf(t.file);
    const r = sqlite3(t.file, sql);
    expect(r.code, r.stderr).not.toBe(0);
    expect(r.stderr).toContain('FROZEN');
    expect(snapshotOf(t.file)).toEqual(before);
    expect((await cli(t.file, 'archive', 'verify')).code).toBe(0);
  });

  it.each(ATTEMPTS)('$table: $sql — past dropped triggers, found by verify (exit 3, naming the issue)', async ({ sql }) => {
    const t = await archive();
    const raw = new Database(t.file);
    const triggers = raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string }[];
    for (const { name } of triggers) raw.exec(`DROP TRIGGER "${name}"`);
    raw.close();
    const r = sqlite3(t.file, sql);
    expect(r.code, r.stderr).toBe(0);
    const v = await cli(t.file, 'archive', 'verify');
    expect(v.code).toBe(3);
    expect(v.stdout).toContain('存档校验未通过');
    // Issue 1 is the voided one; every other attempt is on issue 3 (or a link of it).
    const named = /WHERE issue_id = 1|WHERE id = 1|seq = 1/.test(sql) ? '（编号 1）' : '（编号 3）';
    expect(v.stdout).toContain(named);
    const json = (await cli(t.file, '--json', 'archive', 'verify')).json() as { ok: boolean; findings: { problem: string }[] };
    expect(json.ok).toBe(false);
    expect(json.findings.length).toBeGreaterThan(0);
  });

  it('finds one flipped byte inside a stored file that SQLite’s own check calls ok', async () => {
    const t = await archive();
    const raw = new Database(t.file);
    raw.exec('DROP TRIGGER issue_files_no_update');
    const { docx } = raw.prepare('SELECT docx FROM issue_files WHERE issue_id = 2').get() as { docx: Buffer };
    docx[Math.floor(docx.length / 2)]! ^= 0x01;
    raw.prepare('UPDATE issue_files SET docx = ? WHERE issue_id = 2').run(docx);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const v = await cli(t.file, 'archive', 'verify');
    expect(v.code).toBe(3);
    expect(v.stdout).toMatch(/（编号 2）：存档的 Word 文件已损坏或被改动/);
    // Exporting the archived original refuses the damaged bytes instead of writing them.
    const out = await cli(t.file, 'issue', 'export', '2', '--out', t.dir);
    expect(out.code).toBe(2);
  });
});
