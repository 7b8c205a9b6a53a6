/**
 * The audit trail through the API table: one entry per operation that may change something,
 * written in the same transaction as the change — a refused operation leaves the database
 * byte-identical, log included (property-tested over random histories); who worked comes from
 * the door (operatorSet) and lands in the issue's workflow columns; item texts never enter the
 * log; downloads and exports are logged once they succeed; a restore's entry ends up in the
 * restored database; ops added later get an object and a kept reason without declaring them.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { auditFacts } from '../src-main/api/audit-entry';
import { contract, OP_NAMES, type OpName } from '../src-main/api/contract';
import { dispatch } from '../src-main/wiring/dispatch';
import { ApiError } from '../src-main/api/errors';
import { createCtx } from '../src-main/services/context';
import { openDatabase } from '../src-main/store/db';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';

const open: TestDb[] = [];
function testDb(): TestDb {
  const t = openTestDb();
  open.push(t);
  return t;
}
afterEach(() => {
  for (const t of open.splice(0)) {
    if (t.ctx.db.open) t.ctx.db.close();
    t.close();
  }
});

interface Row {
  id: number;
  operator: string;
  operation: string;
  object: string;
  summary: string;
  detail: string;
}
const rows = (t: TestDb) => t.ctx.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
const last = (t: TestDb) => rows(t).at(-1)!;

describe('one entry per change, in the same transaction', () => {
  it('over random histories: each accepted change adds exactly one entry; each refusal leaves every table byte-identical', async () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('issueCreate' as const), day: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ op: fc.constantFrom('issueSubmit' as const, 'issueWithdraw' as const, 'issueDelete' as const), id: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ op: fc.constant('issueAddArticles' as const), id: fc.integer({ min: 1, max: 4 }), article: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ op: fc.constant('issueVoid' as const), id: fc.integer({ min: 1, max: 4 }), reason: fc.constantFrom('数据有误', '重复刊发') }),
      fc.record({ op: fc.constant('issueSign' as const), id: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ op: fc.constant('articleDelete' as const), id: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ op: fc.constant('unitAdd' as const), name: fc.constantFrom('城关镇', '河口乡', '县财政局') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 7 }), async (steps) => {
        const t = openTestDb();
        try {
          await seed(t, 4);
          for (const s of steps) {
            const before = snapshotAll(t.ctx.db);
            const count = rows(t).length;
            const input =
              s.op === 'issueCreate' ? { series: 1, date: `2026-03-${String(s.day).padStart(2, '0')}` }
              : s.op === 'issueAddArticles' ? { id: s.id, articleIds: [s.article] }
              : s.op === 'issueVoid' ? { id: s.id, reason: s.reason }
              : s.op === 'issueSign' ? { id: s.id, signedBy: '张某某' }
              : s.op === 'unitAdd' ? { name: s.name }
              : { id: s.id };
            let accepted = true;
            try {
              await dispatch(t.ctx, s.op, input);
            } catch (e) {
              if (!(e instanceof ApiError) || e.code === 'INTERNAL') throw e;
              accepted = false;
            }
            if (accepted) {
              expect(rows(t).length).toBe(count + 1);
              expect(last(t).operation).toBe(s.op);
            } else {
              expect(snapshotAll(t.ctx.db)).toEqual(before);
            }
          }
        } finally {
          t.close();
        }
      }),
      { numRuns: 25, seed: 20261204 },
    );
  });

  it('an export that fails writes no entry; a read leaves none; a download is logged', async () => {
    const t = testDb();
    const { series, articles } = await seed(t, 1);
    const signed = await publish(t, series.id, [articles[0]!.id], '2026-03-02');
    const count = rows(t).length;
    await t.refuse('issueExport', { id: signed.id, out: path.join(t.dir, 'no-such-folder', 'x.docx') });
    await t.call('issueGet', { id: signed.id });
    await t.call('auditList', {});
    expect(rows(t).length).toBe(count);
    await t.call('issueDocx', { id: signed.id });
    expect(last(t)).toMatchObject({ operation: 'issueDocx', object: `issue:${signed.id}` });
    // On a read-only connection the download still works and writes nothing.
    const ro = createCtx(openDatabase(t.file, { readonly: true, integrityCheck: 'none' }));
    try {
      await dispatch(ro, 'issueDocx', { id: signed.id });
    } finally {
      ro.db.close();
    }
    expect(rows(t).length).toBe(count + 1);
  });

  it('never stores an item’s text; titles are cut short', async () => {
    const t = testDb();
    await seed(t, 0);
    const longTitle = `关于${'推进'.repeat(60)}的情况`;
    await t.call('articleAdd', { title: longTitle, body: '独一无二的正文标记XYZ\n第二段', unit: 1, category: 'news' });
    const r = last(t);
    expect(JSON.stringify(r)).not.toContain('独一无二的正文标记');
    expect(r.detail).not.toContain(longTitle);
    expect(r.summary.length).toBeLessThan(60);
    expect(r.object).toMatch(/^article:\d+$/);
  });
});

describe('the operator from the door', () => {
  it('operatorSet names who works in this window; the issue records who submitted, withdrew, signed and voided', async () => {
    const t = testDb();
    const { series, articles } = await seed(t, 1);
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-03-02' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [articles[0]!.id] });
    expect(await t.call('operatorSet', { name: ' 李四 ' })).toEqual({ operator: '李四' });
    await t.call('issueSubmit', { id: issue.id });
    await t.call('operatorSet', { name: '主任甲' });
    await t.call('issueWithdraw', { id: issue.id });
    await t.call('operatorSet', { name: '李四' });
    await t.call('issueSubmit', { id: issue.id });
    await t.call('operatorSet', { name: '赵六' });
    await t.call('issueSign', { id: issue.id, signedBy: '张某某' });
    await t.call('operatorSet', { name: '王五' });
    const voided = await t.call('issueVoid', { id: issue.id, reason: '数据有误' });
    expect(voided).toMatchObject({ submittedBy: '李四', withdrawnBy: '主任甲', signOperator: '赵六', signedBy: '张某某', voidedBy: '王五' });
    expect(voided.submittedAt && voided.withdrawnAt).toBeTruthy();
    const log = rows(t).filter((r) => r.object === `issue:${issue.id}`).map((r) => [r.operation, r.operator]);
    expect(log.slice(-5)).toEqual([
      ['issueSubmit', '李四'],
      ['issueWithdraw', '主任甲'],
      ['issueSubmit', '李四'],
      ['issueSign', '赵六'],
      ['issueVoid', '王五'],
    ]);
    // Setting the operator is not itself a change of data.
    expect(rows(t).some((r) => r.operation === 'operatorSet')).toBe(false);
    await t.refuse('operatorSet', { name: '   ' });
    // Who did what to a signed issue is frozen with it.
    expect(() => t.ctx.db.prepare('UPDATE issues SET submitted_by = ? WHERE id = ?').run('某人', issue.id)).toThrow(/FROZEN/);
  });

  it('a restore’s entry ends up in the restored database', async () => {
    const t = testDb();
    await seed(t, 1);
    const made = await t.call('backupCreate', {});
    await t.call('unitAdd', { name: '备份后的单位' });
    await t.call('operatorSet', { name: '钱七' });
    await t.call('backupRestore', { file: made.path, confirm: true });
    const log = rows(t);
    expect(log.some((r) => r.operation === 'unitAdd' && r.summary.includes('备份后的单位'))).toBe(false);
    expect(log.at(-1)).toMatchObject({ operation: 'backupRestore', operator: '钱七' });
    expect(JSON.parse(log.at(-1)!.detail)).toMatchObject({ result: { restoredFrom: made.path } });
    expect(fs.existsSync(made.path)).toBe(true);
  });
});

describe('defaults for every op, including ones added later', () => {
  it('names the object from id fields and keeps a reason whole', () => {
    const reason = '单位填错，应为河口乡人民政府报送，见来稿原件落款';
    const f = auditFacts('submissionCorrect', '更正来稿登记 / correct a draft', undefined, { id: 7, reason, title: '很长的标题'.repeat(20), body: '正文' }, { id: 7 });
    expect(f.object).toBe('submission:7');
    expect(f.summary).toContain(`原因：${reason}`);
    expect(f.detail).toMatchObject({ input: { id: 7, reason } });
    expect(JSON.stringify(f.detail)).not.toContain('正文');
    expect(auditFacts('adoptionAdd', '登记采用 / x', undefined, { articleId: 3, publication: '市政府信息' }, { id: 9 }).object).toBe('adoption:9');
    expect(auditFacts('packetExport', '导出上报包 / x', undefined, { issueIds: [1] }, { id: 4, path: '/a/b.zip' }).summary).toBe('文件：b.zip');
  });

  it('an op may name its object itself (the settings are one record)', async () => {
    const t = testDb();
    await t.call('settingsSet', { sender: { office: '城关县人民政府办公室' } });
    expect(last(t)).toMatchObject({ operation: 'settingsSet', object: 'settings' });
    expect((await t.call('auditList', { object: 'settings' })).total).toBe(1);
  });

  it('declares every operation that writes or hands out a file, so it is logged without a row changing', () => {
    const files = OP_NAMES.filter((n: OpName) => contract[n].audit?.file);
    expect(files.sort()).toEqual(
      [
        'auditExport',
        'auditXlsx',
        'backupCreate',
        'backupRestore',
        'circularExport',
        'circularFiles',
        'commissionNoticeExport',
        'commissionNoticeFile',
        'instructionFeedbackFile',
        'instructionFollowExport',
        'instructionFollowFiles',
        'issueDocx',
        'issueExport',
        'issueExportYear',
        'liaisonFeesExport',
        'liaisonFeesFile',
        'listExport',
        'listXlsx',
        'noticeExport',
        'packetExport',
        'packetFile',
        'statsYearExport',
        'statsYearFiles',
        'unitExport',
        'unitXlsx',
      ].sort(),
    );
  });

  it('an import that registers nothing (a duplicate, a refused file) is no change and leaves no entry', async () => {
    const t = testDb();
    await seed(t, 0);
    const file = path.join(t.dir, '城关镇-秋粮收购.txt');
    fs.writeFileSync(file, '城关镇秋粮收购进展\n今年秋粮收购进展顺利。');
    expect((await t.call('submissionImport', { path: file })).status).toBe('imported');
    const count = rows(t).length;
    expect(last(t)).toMatchObject({ operation: 'submissionImport' });
    const before = snapshotAll(t.ctx.db);
    expect((await t.call('submissionImport', { path: file })).status).toBe('duplicate');
    expect((await t.call('submissionImport', { path: path.join(t.dir, '没有.docx') })).status).toBe('refused');
    expect(rows(t).length).toBe(count);
    expect(snapshotAll(t.ctx.db)).toEqual(before);
  });
});
