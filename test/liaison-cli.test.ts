/**
 * `bulletin liaison add|list|end|fees`, `bulletin score --by person` and `bulletin urgent
 * add|report|list|apply` as the issue spells them: the real built binary for the path an office
 * takes, the same code in-process for the rest (spawning is slow on a shared machine).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { binary } from './helpers/binary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { openTestDb, snapshotAll, type TestDb } from './helpers/db';

let t: TestDb;
let db: string;
beforeAll(async () => {
  t = openTestDb();
  db = t.file;
  await t.call('unitAdd', { name: '城关镇' });
  await t.call('unitAdd', { name: '县发改局' });
  // No monthly quota, so the figures below are the adoptions only.
  const rules = (await t.call('rulesGet', {})).rules;
  await t.call('rulesAdd', { validFrom: '2026-01-01', rules: { ...rules, person: { ...rules.person, monthlyQuota: { count: 0, met: 0, missed: 0 } } } });
  t.db.close();
});
afterAll(() => t?.close());

describe('bulletin liaison', () => {
  it('add, a refused overlap (exit 2, database byte-identical), end, add the next, list --all', async () => {
    const add = binary(db, 'liaison', 'add', '--unit', '城关镇', '--name', '张敏', '--phone', '13800000001', '--from', '2026-01-01');
    expect(add.stderr).toBe('');
    expect(add.stdout).toBe('已添加：#1 城关镇 张敏 13800000001  2026-01-01 至 今（在任）  来稿0篇\n');

    const bytes = fs.readFileSync(db);
    const refused = binary(db, 'liaison', 'add', '--unit', '城关镇', '--name', '李强', '--from', '2026-07-01');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('“城关镇”的现任信息员是张敏（自 2026-01-01 起）。更换信息员请先结束其任职（bulletin liaison end 1 --to 截止日期），再添加新任。');
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);

    expect((await cli(db, 'liaison', 'end', '1', '--to', '2026-06-30')).stdout).toContain('已结束任职：#1 城关镇 张敏 13800000001  2026-01-01 至 2026-06-30');
    expect((await cli(db, 'liaison', 'add', '--unit', '城关镇', '--name', '李强', '--from', '2026-07-01')).code).toBe(0);
    expect((await cli(db, 'liaison', 'list')).stdout).toBe('#2 城关镇 李强  2026-07-01 至 今（在任）  来稿0篇');
    expect((await cli(db, '--json', 'liaison', 'list', '--all')).json()).toMatchObject([{ name: '张敏', validTo: '2026-06-30' }, { name: '李强', validTo: null }]);
  });

  it('score --by person: points follow the person who wrote the draft; fees export to Excel', async () => {
    const d1 = await cli(db, '--json', 'submission', 'add', '--title', '城关镇春耕', '--body', '春耕正文。', '--unit', '城关镇', '--liaison', '张敏', '--date', '2026-03-10');
    const d2 = await cli(db, '--json', 'submission', 'add', '--title', '城关镇秋收', '--body', '秋收正文。', '--unit', '城关镇', '--liaison', '李强', '--date', '2026-08-10');
    expect(d1.code, d1.stderr).toBe(0);
    expect(d2.code, d2.stderr).toBe(0);
    for (const [d, date] of [[d1, '2026-03-20'], [d2, '2026-08-20']] as const) {
      const edit = await cli(db, '--json', 'submission', 'edit', String((d.json() as { id: number }).id));
      expect(edit.code, edit.stderr).toBe(0);
      const articleId = (edit.json() as { article: { id: number } }).article.id;
      expect((await cli(db, 'adoption', 'add', '--article', String(articleId), '--publication', '政务信息快报', '--level', 'city', '--kind', 'single', '--date', date)).code).toBe(0);
    }
    const people = await cli(db, '--json', 'score', '--by', 'person', '--period', 'year', '--year', '2026');
    expect((people.json() as { name: string; points: number; fee: number }[]).map((p) => [p.name, p.points, p.fee])).toEqual([
      ['张敏', 50, 100],
      ['李强', 50, 100],
    ]);
    const text = await cli(db, 'score', '--by', 'person', '--period', 'half', '--year', '2026', '--n', '2');
    expect(text.stdout).toContain('1  李强  城关镇  1  0/1/0  0  50  0  50  100');
    // Units as before, and a wrong --by refused.
    expect((await cli(db, '--json', 'score', '--period', 'year', '--year', '2026')).json()).toMatchObject([{ unit: '城关镇', adoptedCity: 2 }, { unit: '县发改局' }]);
    const bad = await cli(db, 'score', '--by', 'team', '--period', 'year', '--year', '2026');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--by 只能是 unit（按单位）或 person（按信息员个人）。');

    const out = fs.mkdtempSync(path.join(path.dirname(db), 'fees-'));
    const fees = await cli(db, 'liaison', 'fees', '--period', 'year', '--year', '2026', '--out', out);
    expect(fees.code, fees.stderr).toBe(0);
    expect(fees.stdout).toContain('2 人，合计 200 元');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '2026年度信息员稿酬发放表.xlsx'));
    expect(wb.getWorksheet('稿酬发放表')!.getRow(4).values).toEqual([undefined, '合计', '', '', 2, 200, '']);
  });
});

describe('bulletin urgent', () => {
  it('add, report upward, list, apply the proposed deduction once', async () => {
    const add = binary(db, '--json', 'urgent', 'add', '--unit', '城关镇', '--what', '幸福路燃气泄漏', '--place', '幸福路', '--at', '2026-08-12 09:00', '--reported', '2026-08-12 10:05');
    expect(add.stderr).toBe('');
    const id = (JSON.parse(add.stdout) as { id: number }).id;
    const report = await cli(db, 'urgent', 'report', String(id), '--level', 'city', '--at', '2026-08-12 10:20');
    expect(report.stdout).toContain('向市级报送：2026-08-12 10:20');
    expect(report.stdout).toContain(`建议扣分：50 分（紧急信息迟报（市级，超时5分钟）：幸福路燃气泄漏）——确认后用 bulletin urgent apply ${id} 登记`);
    expect((await cli(db, 'deduction', 'list')).stdout).toBe('没有扣分记录。');

    const before = fs.readFileSync(db);
    const early = binary(db, 'urgent', 'report', String(id), '--kind', 'followup', '--at', '2026-08-12 08:00');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('报送时间（2026-08-12 08:00）早于事发时间（2026-08-12 09:00），请核对时间。');
    expect(fs.readFileSync(db).equals(before)).toBe(true);

    const applied = binary(db, 'urgent', 'apply', String(id));
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toContain('已扣分：50 分（扣分记录 #1）');
    expect((await cli(db, 'deduction', 'list')).stdout).toContain('城关镇 扣50分：紧急信息迟报（市级，超时5分钟）：幸福路燃气泄漏');
    const again = await cli(db, 'urgent', 'apply', String(id));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('的扣分已登记（扣分记录 #1），不能重复登记。');

    await cli(db, 'urgent', 'add', '--unit', '县发改局', '--what', '仓库火情', '--at', '2026-09-01 14:00', '--reported', '2026-09-01 14:10');
    const pending = await cli(db, '--json', 'urgent', 'list', '--pending');
    expect((pending.json() as { what: string }[]).map((e) => e.what)).toEqual(['仓库火情']);
    expect((await cli(db, 'urgent', 'list', '--unit', '县发改局')).stdout).toContain('尚未向上报送');
  });

  it('a refusal through the CLI changes no row', async () => {
    const t2 = openTestDb();
    t2.db.close();
    await cli(t2.file, 'unit', 'add', '--name', '城关镇');
    const { openDatabase } = await import('../src-main/store/db');
    const h = openDatabase(t2.file);
    const before = snapshotAll(h);
    h.close();
    const r = await cli(t2.file, 'urgent', 'add', '--unit', '城关镇', '--what', '事件', '--at', '2026-08-12 09:00', '--reported', '2026-08-12 08:00');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('单位报告时间（2026-08-12 08:00）早于事发时间（2026-08-12 09:00），请核对时间。');
    const h2 = openDatabase(t2.file);
    expect(snapshotAll(h2)).toEqual(before);
    h2.close();
    t2.close();
  });
});
