/**
 * Issue 16's records in search: commissions (约稿), instructions (批示), liaison officers (信息员)
 * and urgent events (紧急信息) are found as soon as they are written, follow every change (a
 * notice rewritten, a note added, a unit renamed, a record deleted) with no stale hit, come out
 * of a full rebuild the same, and a refused write leaves every table as it was. A database of
 * version 16 gets its records indexed by migration 17.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchKind } from '../src-main/api/ops/search';
import { APPLICATION_ID, openDatabase } from '../src-main/store/db';
import { MIGRATIONS } from '../src-main/store/migrations';
import { reindexAll } from '../src-main/store/search-index';
import { createCtx } from '../src-main/services/context';
import { dispatch } from '../src-main/wiring/dispatch';
import { openTestDb, snapshotAll, tempDir, type TestDb } from './helpers/db';

const TODAY = new Date(2026, 9, 15, 12, 0, 0); // 2026-10-15

let t: TestDb;
const u = { a: 0, b: 0 };
let article = 0;
let commission = 0;
let instruction = 0;
let officer = 0;
let urgent = 0;

beforeAll(async () => {
  t = openTestDb({ now: () => TODAY });
  await t.call('seriesAdd', { name: '城关县政务信息', org: '城关县人民政府办公室' });
  u.a = (await t.call('unitAdd', { name: '城关镇' })).id;
  u.b = (await t.call('unitAdd', { name: '县水利局' })).id;
  article = (await t.call('articleAdd', { title: '城关镇推进老旧小区改造', body: '正文。', unit: u.a })).id;
  commission = (await t.call('commissionAdd', { topic: '秋粮收购进展', deadline: '2026-10-20', units: [u.a, u.b] })).id;
  await t.call('commissionNoticeSet', { id: commission, date: '2026-10-08', requirements: '突出烘干仓储能力建设，八百字以内。' });
  instruction = (await t.call('instructionAdd', { articleId: article, level: 'county', leader: '县长陈志远', date: '2026-10-02', text: '请研究加装电梯的资金渠道。' })).id;
  officer = (await t.call('liaisonAdd', { unit: u.b, name: '欧阳晓峰', phone: '13912345678', from: '2025-03-01' })).id;
  urgent = (await t.call('urgentAdd', { unit: u.a, what: '幸福路燃气管道泄漏', place: '城关镇幸福路', eventTime: '2026-10-12 09:00', unitReportedAt: '2026-10-12 09:20' })).id;
});
afterAll(() => t?.close());

async function hits(query: string, extra: { kinds?: SearchKind[]; unit?: number; year?: number; state?: string } = {}): Promise<string[]> {
  const r = await t.call('search', { query, limit: 200, ...extra });
  return r.hits.map((h) => `${h.kind}:${h.id}`).sort();
}

describe('found when created', () => {
  it('a commission by its topic, its requirements and the units asked', async () => {
    expect(await hits('秋粮')).toEqual([`commission:${commission}`]);
    expect(await hits('烘干仓储')).toEqual([`commission:${commission}`]);
    expect(await hits('水利局', { kinds: ['commission'] })).toEqual([`commission:${commission}`]);
    expect(await hits('秋粮', { unit: u.b })).toEqual([`commission:${commission}`]);
    expect(await hits('秋粮', { kinds: ['article', 'instruction'] })).toEqual([]);
    expect(await hits('秋粮', { year: 2025 })).toEqual([]);
    const r = await t.call('search', { query: '仓储' });
    expect(r.hits[0]).toMatchObject({ kind: 'commission', id: commission, title: '秋粮收购进展', date: '2026-10-20', unit: null });
    expect(r.hits[0]!.snippet).toContain('约稿单位：城关镇、县水利局');
    expect(r.hits[0]!.snippet).toContain('烘干仓储');
  });

  it('an instruction by its leader and its text; an officer by name, phone and unit; an urgent event by what, where and unit', async () => {
    expect(await hits('陈志远')).toEqual([`instruction:${instruction}`]);
    expect(await hits('加装电梯')).toEqual([`instruction:${instruction}`]);
    const ins = (await t.call('search', { query: '电梯' })).hits[0]!;
    expect(ins).toMatchObject({ kind: 'instruction', title: '县长陈志远批示：城关镇推进老旧小区改造', date: '2026-10-02', state: 'todo' });

    expect(await hits('欧阳晓峰')).toEqual([`liaison:${officer}`]);
    expect(await hits('13912345678')).toEqual([`liaison:${officer}`]);
    expect(await hits('水利局', { kinds: ['liaison'] })).toEqual([`liaison:${officer}`]);
    // in office since 2025 and still: found under either year, not before
    expect(await hits('欧阳', { year: 2026 })).toEqual([`liaison:${officer}`]);
    expect(await hits('欧阳', { year: 2024 })).toEqual([]);

    expect(await hits('燃气管道')).toEqual([`urgent:${urgent}`]);
    expect(await hits('幸福路', { kinds: ['urgent'] })).toEqual([`urgent:${urgent}`]);
    expect(await hits('城关镇', { kinds: ['urgent'] })).toEqual([`urgent:${urgent}`]);
    expect(await hits('燃气', { state: 'pending' })).toEqual([`urgent:${urgent}`]);
  });
});

describe('follows every change', () => {
  it('a rewritten notice: the new words are found, the old ones gone', async () => {
    await t.call('commissionNoticeSet', { id: commission, requirements: '重点反映订单收购和价格监测。' });
    expect(await hits('订单收购')).toEqual([`commission:${commission}`]);
    expect(await hits('烘干')).toEqual([]);
  });

  it('an instruction: the handling unit, a progress note and the feedback are found; state follows', async () => {
    await t.call('instructionFollowSet', { id: instruction, unit: u.b, deadline: '2026-10-30' });
    expect(await hits('水利局', { kinds: ['instruction'] })).toEqual([`instruction:${instruction}`]);
    await t.call('instructionNote', { id: instruction, date: '2026-10-10', text: '已召开专题协调会' });
    expect(await hits('协调会')).toEqual([`instruction:${instruction}`]);
    await t.call('instructionFeedback', { id: instruction, text: '争取到省级补助资金' });
    expect(await hits('补助资金')).toEqual([`instruction:${instruction}`]);
    expect(await hits('陈志远', { state: 'doing' })).toEqual([`instruction:${instruction}`]);
  });

  it('an officer ended, an urgent event reported upward with a note', async () => {
    await t.call('liaisonEnd', { id: officer, to: '2025-12-31' });
    expect(await hits('欧阳', { year: 2026 })).toEqual([]);
    expect(await hits('欧阳', { state: 'ended' })).toEqual([`liaison:${officer}`]);
    await t.call('urgentReport', { id: urgent, level: 'city', at: '2026-10-12 09:40', note: '已关阀抢修' });
    expect(await hits('抢修')).toEqual([`urgent:${urgent}`]);
    expect(await hits('燃气', { state: 'pending' })).toEqual([]);
    expect(await hits('燃气', { state: 'reported' })).toEqual([`urgent:${urgent}`]);
  });

  it('a unit renamed: its records are found by the new name, not the old', async () => {
    await t.call('unitUpdate', { unit: u.b, name: '县水务局' });
    expect(await hits('水务局')).toEqual([`commission:${commission}`, `instruction:${instruction}`, `liaison:${officer}`].sort());
    expect(await hits('水利局')).toEqual([]);
  });

  it('a refused write leaves every table, the index and its queue as they were', async () => {
    const before = snapshotAll(t.db);
    await t.refuse('commissionNoticeSet', { id: commission, date: '2026-10-08', deadline: '2026-10-01', requirements: '不该写入的要求' });
    await t.refuse('instructionNote', { id: instruction, date: '2026-09-01', text: '不该写入的进展' });
    await t.refuse('urgentReport', { id: urgent, level: 'city', at: '2026-10-11 08:00', note: '不该写入' });
    expect(snapshotAll(t.db)).toEqual(before);
    expect(t.db.prepare('SELECT count(*) FROM search_queue').pluck().get()).toBe(0);
    expect(await hits('不该写入')).toEqual([]);
  });

  it('a deleted instruction is gone from search', async () => {
    const other = (await t.call('instructionAdd', { articleId: article, level: 'city', leader: '副市长刘晓东', date: '2026-10-03', text: '请关注。' })).id;
    await t.call('instructionNote', { id: other, date: '2026-10-04', text: '转交住建局办理' });
    expect(await hits('刘晓东')).toEqual([`instruction:${other}`]);
    await t.call('instructionDelete', { id: other });
    expect(await hits('刘晓东')).toEqual([]);
    expect(await hits('住建局')).toEqual([]);
    expect(t.db.prepare("SELECT count(*) FROM search_docs WHERE kind = 'instruction' AND ref_id = ?").pluck().get(other)).toBe(0);
  });
});

describe('rebuilt from scratch', () => {
  const QUERIES = ['秋粮', '订单收购', '水务局', '陈志远', '协调会', '欧阳晓峰', '13912345678', '燃气', '抢修', '城关镇', '镇', '局'];

  async function answers() {
    const out: Record<string, string[]> = {};
    for (const q of QUERIES) out[q] = await hits(q);
    return out;
  }

  it('a rebuild (searchReindex and at migration) gives the same hits and the same documents', async () => {
    const before = await answers();
    const docs = () => t.db.prepare('SELECT kind, ref_id FROM search_docs ORDER BY kind, ref_id').all();
    const docsBefore = docs();
    expect(docsBefore).toEqual(expect.arrayContaining([{ kind: 'commission', ref_id: commission }, { kind: 'liaison', ref_id: officer }, { kind: 'urgent', ref_id: urgent }]));
    const r = await t.call('searchReindex', {});
    expect(r.documents).toBe(docsBefore.length);
    expect(await answers()).toEqual(before);
    expect(docs()).toEqual(docsBefore);
    t.db.transaction(() => reindexAll(t.db))();
    expect(await answers()).toEqual(before);
  });
});

it('migration 17 indexes the records a version-16 database already holds', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'bulletin.db');
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((x) => x.version <= 16)) {
    raw.transaction(() => {
      raw.exec(m.sql);
      m.after?.(raw);
      raw.pragma(`application_id = ${APPLICATION_ID}`);
      raw.pragma(`user_version = ${m.version}`);
    })();
  }
  const now = '2026-10-01T00:00:00.000Z';
  raw.prepare("INSERT INTO units (name, kind, created_at, updated_at) VALUES ('东山镇', 'town', ?, ?)").run(now, now);
  raw.prepare("INSERT INTO commissions (topic, deadline, created_at) VALUES ('冬季森林防火', '2026-11-01', ?)").run(now);
  raw.prepare('INSERT INTO commission_units (commission_id, unit_id) VALUES (1, 1)').run();
  raw.prepare("INSERT INTO liaisons (unit_id, name, phone, valid_from, created_at) VALUES (1, '司马青', '', '2026-01-01', ?)").run(now);
  raw.close();

  const db = openDatabase(file);
  try {
    const ctx = createCtx(db, () => TODAY);
    const found = async (query: string) => (await dispatch(ctx, 'search', { query })).hits.map((h) => `${h.kind}:${h.id}`);
    expect(await found('森林防火')).toEqual(['commission:1']);
    expect(await found('东山镇')).toEqual(expect.arrayContaining(['commission:1', 'liaison:1']));
    expect(await found('司马青')).toEqual(['liaison:1']);
    expect(db.prepare('SELECT count(*) FROM search_queue').pluck().get()).toBe(0);
  } finally {
    db.close();
  }
});
