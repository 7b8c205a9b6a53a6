/** A fresh temporary database per test, the real SQLite, and calls through the real API table. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../src-main/wiring/dispatch';
import type { OpInput, OpName, OpResult } from '../../src-main/api/contract';
import { ApiError } from '../../src-main/api/errors';
import { createCtx, type Ctx } from '../../src-main/services/context';
import { openDatabase, type DB } from '../../src-main/store/db';

export interface TestDb {
  dir: string;
  file: string;
  db: DB;
  ctx: Ctx;
  call<K extends OpName>(name: K, input: OpInput<K>): Promise<OpResult<K>>;
  /** Expect a refusal; returns the error for further checks. */
  refuse(name: OpName, input: unknown): Promise<ApiError>;
  close(): void;
}

export function tempDir(prefix = 'bulletin-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTestDb(opts: { now?: () => Date } = {}): TestDb {
  const dir = tempDir();
  const file = path.join(dir, 'bulletin.db');
  const db = openDatabase(file);
  const ctx = createCtx(db, opts.now);
  return {
    dir,
    file,
    db,
    ctx,
    call: (name, input) => dispatch(ctx, name, input),
    async refuse(name, input) {
      try {
        await dispatch(ctx, name as never, input);
      } catch (e) {
        if (e instanceof ApiError) return e;
        throw e;
      }
      throw new Error(`expected ${name} to be refused`);
    },
    close() {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every row of every table (the search index's too), in a stable order: compare before and after a refused call. */
export function snapshotAll(db: DB): Record<string, unknown[]> {
  const tables = db
    .prepare(
      // virtual tables are views onto their shadow tables, which are compared instead
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  // some FTS shadow tables have no rowid: order rows by their content instead
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name}"`).all();
    out[name] = rows.map((r) => [JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)), r] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map((x) => x[1]);
  }
  return out;
}

/** A series, two units, and `n` articles ready to compose. */
export async function seed(t: TestDb, n = 3, series: OpInput<'seriesAdd'> = { name: '城关县政务信息', org: '城关县人民政府办公室' }) {
  const s = await t.call('seriesAdd', series);
  const u1 = await t.call('unitAdd', { name: '城关镇' });
  const u2 = await t.call('unitAdd', { name: '县发改局' });
  const articles = [];
  for (let i = 1; i <= n; i++) {
    articles.push(
      await t.call('articleAdd', {
        title: `第${i}条信息标题`,
        body: `一、总体情况\n今年以来，全县投入资金${i}.5亿元，完成“十件实事”。\n（一）具体做法\n正文第${i}段。`,
        unit: i % 2 ? u1.id : u2.id,
        category: 'news',
      }),
    );
  }
  return { series: s, units: [u1, u2], articles };
}

/** Create → add → submit → sign, returning the signed issue. */
export async function publish(t: TestDb, seriesId: number, articleIds: number[], date: string, by = '张某某') {
  const issue = await t.call('issueCreate', { series: seriesId, date });
  await t.call('issueAddArticles', { id: issue.id, articleIds });
  await t.call('issueSubmit', { id: issue.id });
  return t.call('issueSign', { id: issue.id, signedBy: by });
}
