/**
 * A signed issue keeps the series name it was printed under, and a frozen item keeps its units
 * (issue 12, part 8): renaming a series later does not retitle its archive, and the units an
 * item's points were counted for stay.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../src-main/store/db';
import { MIGRATIONS } from '../src-main/store/migrations';
import { cli } from './helpers/cli';
import { openTestDb, publish, seed, snapshotAll, tempDir, type TestDb } from './helpers/db';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

describe('a renamed series', () => {
  it('leaves its signed and voided issues titled, listed, searched and exported under the old name', async () => {
    const { series, articles } = await seed(t, 3);
    const signed = await publish(t, series.id, [articles[0]!.id], '2026-11-01');
    const voided = await publish(t, series.id, [articles[1]!.id], '2026-11-02');
    await t.call('issueVoid', { id: voided.id, reason: '数据有误' });
    const draft = await t.call('issueCreate', { series: series.id, date: '2026-11-03' });

    await t.call('seriesUpdate', { series: series.id, name: '城关县政务快报' });

    expect((await t.call('issueGet', { id: signed.id })).series).toBe('城关县政务信息');
    expect((await t.call('issueGet', { id: voided.id })).series).toBe('城关县政务信息');
    // An issue not yet signed prints under the name the series has when it is signed.
    expect((await t.call('issueGet', { id: draft.id })).series).toBe('城关县政务快报');
    const listed = await t.call('issueList', {});
    expect(listed.rows.find((i) => i.id === signed.id)!.series).toBe('城关县政务信息');
    expect((await t.call('articleGet', { id: articles[0]!.id })).issue!.series).toBe('城关县政务信息');
    const hits = await t.call('search', { query: '政务信息', kinds: ['issue'] });
    expect(hits.hits.map((h) => h.id)).toContain(signed.id);

    const out = path.join(t.dir, 'out');
    fs.mkdirSync(out);
    const exported = await cli(t.file, '--json', 'issue', 'export', String(signed.id), '--out', out);
    expect(exported.code).toBe(0);
    expect(path.basename((exported.json() as { path: string }).path)).toBe('城关县政务信息2026年第1期.docx');

    // The next issue signed takes the new name, and keeps it.
    await t.call('issueAddArticles', { id: draft.id, articleIds: [articles[2]!.id] });
    await t.call('issueSubmit', { id: draft.id });
    await t.call('issueSign', { id: draft.id, signedBy: '张某某' });
    await t.call('seriesUpdate', { series: series.id, name: '第三个名字' });
    expect((await t.call('issueGet', { id: draft.id })).series).toBe('城关县政务快报');
  });

  it('the stored name cannot be changed, replaced or deleted, even from the sqlite3 shell', async () => {
    const { series, articles } = await seed(t, 1);
    const signed = await publish(t, series.id, [articles[0]!.id], '2026-11-01');
    t.db.close();
    const raw = new Database(t.file);
    raw.pragma('foreign_keys = OFF');
    for (const sql of [
      `UPDATE issue_series_names SET name = '别的名字' WHERE issue_id = ${signed.id}`,
      `DELETE FROM issue_series_names WHERE issue_id = ${signed.id}`,
      `REPLACE INTO issue_series_names (issue_id, name) VALUES (${signed.id}, '别的名字')`,
    ]) {
      expect(() => raw.exec(sql), sql).toThrow(/FROZEN/);
    }
    expect(raw.prepare('SELECT name FROM issue_series_names').all()).toEqual([{ name: '城关县政务信息' }]);
    raw.close();
  });

  it('migration 11 stores the current name for issues signed before it, and sets every series to 内部', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'old.db');
      const old = new Database(file);
      old.pragma('journal_mode = WAL');
      const eleven = MIGRATIONS.find((m) => m.sql.includes('CREATE TABLE issue_series_names'))!;
      const before = MIGRATIONS.filter((m) => m.version < eleven.version);
      for (const m of before) {
        old.exec(m.sql);
        m.after?.(old);
      }
      old.pragma(`application_id = ${APPLICATION_ID}`);
      old.pragma(`user_version = ${before.length}`);
      const now = '2026-01-05T00:00:00.000Z';
      old.prepare("INSERT INTO series (name, created_at, updated_at) VALUES ('旧刊物', ?, ?)").run(now, now);
      old.prepare("INSERT INTO articles (title, paragraphs, created_at, updated_at) VALUES ('旧信息', '[]', ?, ?)").run(now, now);
      old.prepare("INSERT INTO issues (series_id, status, date, created_at, updated_at) VALUES (1, 'review', '2026-01-05', ?, ?)").run(now, now);
      old.prepare('INSERT INTO issue_articles (issue_id, article_id, position) VALUES (1, 1, 1)').run();
      old.prepare("UPDATE issues SET status = 'signed', number = 1, total_number = 1, signed_by = '张某某', signed_at = ? WHERE id = 1").run(now);
      old.close();

      const db = openDatabase(file);
      expect(db.prepare('SELECT issue_id, name FROM issue_series_names').all()).toEqual([{ issue_id: 1, name: '旧刊物' }]);
      expect(db.prepare('SELECT max_classification FROM series').get()).toEqual({ max_classification: 'internal' });
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a frozen item's units", () => {
  it('cannot change once printed in a signed issue: refused in Chinese, nothing changed, and the schema holds the line', async () => {
    const { series, articles, units } = await seed(t, 2);
    const printed = articles[0]!.id;
    await t.call('articleSetUnits', { id: printed, unitIds: [units[1]!.id] });
    await publish(t, series.id, [printed], '2026-11-01');
    const before = snapshotAll(t.db);

    const e = await t.refuse('articleSetUnits', { id: printed, unitIds: [] });
    expect(e.code).toBe('FROZEN');
    expect(e.message).toContain('已刊于《城关县政务信息》2026年第1期（已签发），来稿单位和合报单位不能再改');
    expect(e.message).toContain('作废该期');
    const viaCli = await cli(t.file, 'article', 'units', String(printed), '--unit', '城关镇');
    expect(viaCli.code).toBe(2);
    expect(viaCli.stderr).toContain('不能再改');
    expect(snapshotAll(t.db)).toEqual(before);

    // An item not printed yet may still change its units.
    await t.call('articleSetUnits', { id: articles[1]!.id, unitIds: [units[0]!.id] });

    t.db.close();
    const raw = new Database(t.file);
    raw.pragma('foreign_keys = OFF');
    expect(() => raw.exec(`DELETE FROM article_units WHERE article_id = ${printed}`)).toThrow(/FROZEN/);
    expect(() => raw.exec(`INSERT INTO article_units (article_id, unit_id) VALUES (${printed}, ${units[0]!.id})`)).toThrow(/FROZEN/);
    expect(() => raw.exec(`UPDATE article_units SET unit_id = ${units[0]!.id} WHERE article_id = ${printed}`)).toThrow(/FROZEN/);
    raw.close();
  });
});
