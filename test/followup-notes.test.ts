/**
 * The follow-up list reads every instruction's progress notes in one statement: each
 * instruction in the list carries exactly its own notes, in date order, as reading it alone
 * gives — for notes added in any order across instructions (fast-check).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDb, type TestDb } from './helpers/db';

let t: TestDb;
const ins: number[] = [];

beforeAll(async () => {
  t = openTestDb({ now: () => new Date(2026, 9, 31, 12) });
  await t.call('seriesAdd', { name: '城关县政务信息', org: '城关县人民政府办公室' });
  const article = (await t.call('articleAdd', { title: '城关镇推进老旧小区改造', body: '正文。' })).id;
  for (const leader of ['县长甲', '副县长乙', '副县长丙', '县长丁']) {
    ins.push((await t.call('instructionAdd', { articleId: article, level: 'county', leader, date: '2026-10-01', text: '请跟进。' })).id);
  }
});
afterAll(() => t?.close());

it('each instruction in the list has its own notes, in date order, the same as read one by one', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 30 })), { maxLength: 8 }), async (notes) => {
      for (const [which, day] of notes) {
        await t.call('instructionNote', { id: ins[which]!, date: `2026-10-${String(day).padStart(2, '0')}`, text: `进展${++n}` });
      }
      const list = await t.call('instructionFollowList', {});
      expect(list.map((f) => f.id).sort()).toEqual([...ins].sort());
      for (const f of list) {
        const alone = await t.call('instructionFollowGet', { id: f.id });
        expect(f.notes).toEqual(alone.notes);
        const dates = f.notes.map((x) => x.date);
        expect(dates).toEqual([...dates].sort());
        // every note of this instruction and no other's
        expect(f.notes.length).toBe(t.db.prepare('SELECT count(*) FROM instruction_notes WHERE instruction_id = ?').pluck().get(f.id));
      }
    }),
    { numRuns: 15 },
  );
});
