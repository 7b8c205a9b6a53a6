/**
 * A draft's category (来稿的分类, issue 15): guessed on import from its wording where clear,
 * else 未定; set in the register one by one or by batch (one transaction, refused whole, and
 * then the database is byte-identical); the item made from the draft takes it; the schema keeps
 * the category of a used draft.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../src-main/store/db';
import { MIGRATIONS } from '../src-main/store/migrations';
import { openTestDb, publish, seed, snapshotAll, tempDir, type TestDb } from './helpers/db';

const NOW = new Date('2026-11-21T02:00:00Z');
let t: TestDb;
beforeEach(() => {
  t = openTestDb({ now: () => NOW });
});
afterEach(() => t.close());

function state() {
  t.db.pragma('wal_checkpoint(TRUNCATE)');
  return { rows: snapshotAll(t.db), bytes: fs.readFileSync(t.file).toString('hex') };
}

const add = (title: string, body = '全县推进各项工作，取得阶段成效。') => t.call('submissionAdd', { title, body, receivedDate: '2026-11-20', allowDuplicate: true });

describe('guessed on the way in', () => {
  it('takes 问题建议 or 经验 where the wording is clear, and leaves the rest 未定', async () => {
    expect((await add('关于农村饮水安全存在问题的建议')).category).toBe('problem');
    expect((await add('白沙镇“三个一”做法推动秸秆禁烧')).category).toBe('practice');
    expect((await add('全县秋冬种生产进展顺利')).category).toBeNull();
    // both kinds in the title: not clear
    expect((await add('推广经验做法中发现的问题')).category).toBeNull();
    // the body decides when the title names none
    expect((await add('县发改局开展项目督查', '针对发现的问题，提出三条对策建议。')).category).toBe('problem');
    // given explicitly (none: 未定 whatever the wording says)
    expect((await t.call('submissionAdd', { title: '问题清单', body: '正文。', category: 'news' })).category).toBe('news');
    expect((await t.call('submissionAdd', { title: '问题清单二', body: '正文。', category: 'none' as never })).category).toBeNull();
  });

  it('guesses an uploaded file the same way', async () => {
    const text = Buffer.from('石桥镇森林防火的经验做法\n入冬以来，石桥镇组建巡山护林队伍12支。', 'utf8').toString('base64');
    const r = await t.call('submissionUpload', { fileName: '石桥镇-森林防火.txt', base64: text });
    expect(r.submission?.category).toBe('practice');
  });
});

describe('set in the register', () => {
  it('one by one, and the item made from the draft takes it', async () => {
    const d = await add('全县秋冬种生产进展顺利');
    expect((await t.call('submissionSetCategory', { id: d.id, category: 'research' })).category).toBe('research');
    const list = await t.call('submissionList', { category: 'research' });
    expect(list.rows.map((r) => r.id)).toEqual([d.id]);
    const { article } = await t.call('submissionEdit', { id: d.id });
    expect(article.category).toBe('research');
    // back to 未定 is allowed while the draft is not used
    expect((await t.call('submissionSetCategory', { id: d.id, category: null })).category).toBeNull();
  });

  it('a 未定 draft keeps the category chosen when it is made into an item', async () => {
    const d = await add('全县秋冬种生产进展顺利');
    expect((await t.call('submissionList', { withoutCategory: true })).rows.map((r) => r.id)).toEqual([d.id]);
    const { article, submission } = await t.call('submissionEdit', { id: d.id, category: 'followup' });
    expect(article.category).toBe('followup');
    expect(submission.category).toBe('followup');
  });

  it('sorts by category, 未定 first', async () => {
    const a = await add('关于问题的建议');
    const b = await add('一般动态');
    const c = await add('经验做法');
    const sorted = await t.call('submissionList', { sort: 'category', dir: 'asc' });
    expect(sorted.rows.map((r) => r.id)).toEqual([b.id, c.id, a.id]);
  });

  it('refuses a used draft, in words, and the database stays as it was', async () => {
    const { series } = await seed(t, 0);
    const d = await add('全县秋冬种生产进展顺利');
    const { article } = await t.call('submissionEdit', { id: d.id, category: 'news' });
    await publish(t, series.id, [article.id], '2026-11-20');
    const before = state();
    const e = await t.refuse('submissionSetCategory', { id: d.id, category: 'practice' });
    expect(e.code).toBe('FROZEN');
    expect(e.message).toMatch(/已被《城关县政务信息》2026年第1期采用，分类（“动态”）不能再改/);
    expect(state()).toEqual(before);
    // the schema says the same to anyone writing SQL
    expect(() => t.db.prepare("UPDATE submissions SET category = 'practice' WHERE id = ?").run(d.id)).toThrow(/FROZEN/);
    const other = await add('另一份来稿');
    expect(() => t.db.prepare("UPDATE submissions SET category = 'other' WHERE id = ?").run(other.id)).toThrow(/CHECK/);
  });
});

describe('by batch', () => {
  it('sets several in one action, counting those already so', async () => {
    const ds = [await add('一'), await add('二'), await add('经验做法三')];
    const r = await t.call('submissionBatch', { ids: ds.map((d) => d.id), action: 'setCategory', category: 'practice' });
    expect(r).toEqual({ changed: [ds[0]!.id, ds[1]!.id], unchanged: [ds[2]!.id] });
    for (const d of ds) expect((await t.call('submissionGet', { id: d.id })).category).toBe('practice');
    expect((await t.refuse('submissionBatch', { ids: [ds[0]!.id], action: 'setCategory' })).message).toContain('请给出要设置的分类');
  });

  it('is refused whole when one draft is used: nothing changes (fast-check over the rest)', async () => {
    const { series } = await seed(t, 0);
    const pool = [];
    for (let i = 1; i <= 6; i++) pool.push((await add(`来稿第${i}份`)).id);
    const used = await add('已采用的来稿');
    const { article } = await t.call('submissionEdit', { id: used.id, category: 'news' });
    await publish(t, series.id, [article.id], '2026-11-20');
    await fc.assert(
      fc.asyncProperty(fc.subarray(pool), fc.constantFrom('practice', 'problem', 'none'), async (some, category) => {
        const before = state();
        const e = await t.refuse('submissionBatch', { ids: [...some, used.id], action: 'setCategory', category });
        expect(e.message).toContain('没有任何改动');
        expect(e.message).toContain(`来稿 ${used.id}`);
        expect(state()).toEqual(before);
      }),
      { numRuns: 12 },
    );
  });
});

it('the migration files existing drafts: the item’s category, else the guess, else 未定', () => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'bulletin.db');
    const mine = MIGRATIONS.findIndex((m) => m.name === 'draft category');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('foreign_keys = ON');
    for (const m of MIGRATIONS.slice(0, mine)) {
      db.exec(m.sql);
      m.after?.(db as never);
    }
    db.pragma(`user_version = ${mine}`);
    const now = '2026-01-05T00:00:00.000Z';
    db.prepare("INSERT INTO articles (title, paragraphs, category, created_at, updated_at) VALUES ('调研', '[]', 'research', ?, ?)").run(now, now);
    const ins = db.prepare(
      "INSERT INTO submissions (title, paragraphs, received_date, original_name, original_format, state, article_id, created_at, updated_at) VALUES (?, ?, '2026-01-05', '', 'typed', 'received', ?, ?, ?)",
    );
    const p = (text: string) => JSON.stringify([{ level: 0, text }]);
    ins.run('关于问题的建议', p('正文。'), 1, now, now); // made into the 调研 item
    ins.run('经验做法', p('正文。'), null, now, now);
    ins.run('一般动态', p('正文。'), null, now, now);
    db.close();
    const after = openDatabase(file);
    expect(after.prepare('SELECT category FROM submissions ORDER BY id').all()).toEqual([{ category: 'research' }, { category: 'practice' }, { category: null }]);
    after.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
