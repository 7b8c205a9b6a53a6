/** A database written by an older version is backed up, then migrated, keeping every row. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../src-main/store/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../src-main/store/migrations';
import { cli } from './helpers/cli';
import { tempDir } from './helpers/db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Builds a database exactly as version 1 of the app left it, with a signed issue in it. */
function makeVersion1(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(MIGRATIONS[0]!.sql);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 1');
  const now = '2026-01-05T00:00:00.000Z';
  db.prepare("INSERT INTO series (name, org, created_at, updated_at) VALUES ('城关县政务信息', '城关县人民政府办公室', ?, ?)").run(now, now);
  db.prepare("INSERT INTO articles (title, paragraphs, created_at, updated_at) VALUES ('旧信息', '[{\"level\":0,\"text\":\"旧正文。\"}]', ?, ?)").run(now, now);
  db.prepare("INSERT INTO issues (series_id, status, date, created_at, updated_at) VALUES (1, 'review', '2026-01-05', ?, ?)").run(now, now);
  db.prepare('INSERT INTO issue_articles (issue_id, article_id, position) VALUES (1, 1, 1)').run();
  db.prepare(
    "UPDATE issues SET status = 'signed', number = 1, total_number = 1, signed_by = '张某某', signed_at = ? WHERE id = 1",
  ).run(now);
  db.close();
}

it('backs up a version-1 database before migrating it, and keeps its signed issue', async () => {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'bulletin.db');
  makeVersion1(file);

  const db = openDatabase(file);
  expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  db.close();

  const backups = fs.readdirSync(path.join(dir, 'backups'));
  expect(backups).toHaveLength(1);
  expect(backups[0]).toMatch(/^bulletin-\d{8}-\d{6}-before-migration\.db$/);
  const old = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
  expect(old.pragma('user_version', { simple: true })).toBe(1);
  expect(old.pragma('integrity_check', { simple: true })).toBe('ok');
  expect((old.prepare('SELECT number FROM issues').get() as { number: number }).number).toBe(1);
  old.close();

  const shown = await cli(file, '--json', 'issue', 'show', '1');
  expect(shown.json()).toMatchObject({ status: 'signed', number: 1, articles: [{ title: '旧信息' }] });
  // an issue signed before the archive existed still exports, rendered from what was signed
  const out = await cli(file, '--json', 'issue', 'export', '1', '--out', dir);
  expect(out.code).toBe(0);
  expect(out.json()).toMatchObject({ archived: false });
});

it('keeps the points of issues signed before scoring per series: they score as 单条, and their rule is frozen', async () => {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'bulletin.db');
  makeVersion1(file);
  openDatabase(file).close();
  const ledger = await cli(file, '--json', 'score', 'ledger', '--period', 'month', '--year', '2026', '--n', '1');
  // the old item has no unit: its points show in the 未填单位 row, under the rule it was signed under
  expect(ledger.json()).toMatchObject([{ unit: '未填单位', rule: '县级单条', points: 10 }]);
  const db = new Database(file);
  expect(db.prepare('SELECT score_rule FROM issues').get()).toEqual({ score_rule: 'single' });
  expect(() => db.prepare("UPDATE issues SET score_rule = 'brief'").run()).toThrow(/FROZEN/);
  db.close();
});
