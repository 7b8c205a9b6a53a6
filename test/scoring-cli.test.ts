/** The assessment commands exactly as issue 7 lists them, run through the real `bulletin` command table. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { snapshotAll } from './helpers/db';
import { buildCounty, voidI2, type County } from './helpers/scoring-county';

let c: County;
let db: string;
beforeAll(async () => {
  c = await buildCounty();
  await voidI2(c);
  db = c.t.file;
});
afterAll(() => c?.t.close());

describe('recording', () => {
  it('adoption add', async () => {
    const r = await cli(db, 'adoption', 'add', '--article', String(c.articles.a3), '--publication', '政务信息快报', '--level', 'city', '--kind', 'research', '--date', '2026-09-20', '--ref', '2026年第20期');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已登记');
    expect(r.stdout).toContain('市级·综合调研');
  });

  it('instruction add', async () => {
    const r = await cli(db, '--json', 'instruction', 'add', '--article', String(c.articles.a1), '--level', 'province', '--leader', '省长孙某某', '--date', '2026-09-25', '--text', '阅。');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ articleId: c.articles.a1, level: 'province', leader: '省长孙某某', date: '2026-09-25', text: '阅。', units: ['城关镇'] });
  });

  it('commission add and answer', async () => {
    const add = await cli(db, '--json', 'commission', 'add', '--topic', '秋粮收购', '--deadline', '2026-09-10', '--unit', '城关镇', '--unit', '西河镇');
    expect(add.code).toBe(0);
    const id = (add.json() as { id: number }).id;
    const answer = await cli(db, 'commission', 'answer', String(id), '--unit', '西河镇', '--date', '2026-09-12');
    expect(answer.code).toBe(0);
    expect(answer.stdout).toContain('西河镇：迟报（2026-09-12报送）');
    expect(answer.stdout).toContain('城关镇：未报');
  });

  it('deduction add, and a negative deduction refused with exit 2', async () => {
    const ok = await cli(db, 'deduction', 'add', '--unit', '东山镇', '--points', '30', '--reason', '紧急信息迟报（县级）', '--date', '2026-09-15');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('东山镇 扣30分：紧急信息迟报（县级）');
    const before = snapshotAll(c.t.db);
    const bad = await cli(db, 'deduction', 'add', '--unit', '东山镇', '--points=-30', '--reason', '迟报');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^错误：.*正整数/);
    expect(snapshotAll(c.t.db)).toEqual(before);
  });

  it('target set', async () => {
    const r = await cli(db, 'target', 'set', '--unit', '城关镇', '--monthly', '3', '--from', '2026-10-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('已设置：城关镇 自2026-10起 每月3篇（现行）');
  });

  it('article units', async () => {
    const r = await cli(db, '--json', 'article', 'units', String(c.articles.a2), '--unit', '西河镇');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ unit: '东山镇', extra: [{ name: '西河镇' }] });
    const cleared = await cli(db, '--json', 'article', 'units', String(c.articles.a2));
    expect(cleared.json()).toMatchObject({ extra: [] });
  });
});

describe('score', () => {
  it('--json: a list with unit, sent, points, deductions, net, reward, rank for every unit', async () => {
    const r = await cli(db, '--json', 'score', '--from', '2026-07-01', '--to', '2026-09-30');
    expect(r.code).toBe(0);
    const rows = r.json() as Record<string, unknown>[];
    expect(rows.map((x) => x.unit).sort()).toEqual(['东山镇', '县发改局', '县水利局', '城关镇', '西河镇'].sort());
    for (const row of rows) {
      for (const key of ['unit', 'sent', 'points', 'deductions', 'net', 'reward', 'rank']) expect(row, key).toHaveProperty(key);
    }
    // 城关镇: 210 (hand-checked in scoring-county) + province instruction 80 on 09-25; the commission
    // 秋粮收购 (due 09-10) was never answered: −50 → 290 − 50 = 240
    expect(rows.find((x) => x.unit === '城关镇')).toMatchObject({ points: 290, deductions: 50, net: 240, reward: 1140, rank: 1 });
    // 西河镇: answered late −50 → −50
    expect(rows.find((x) => x.unit === '西河镇')).toMatchObject({ sent: 0, deductions: 50, net: -50 });
  });

  it('prints a table for people', async () => {
    const r = await cli(db, 'score', '--period', 'quarter', '--year', '2026', '--n', '3');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^排名\s+单位/);
    expect(r.stdout).toContain('城关镇');
    expect(r.stdout).toMatch(/县水利局.*通报批评/);
  });

  it('refuses a start after the end, with exit 2', async () => {
    const r = await cli(db, 'score', '--from', '2026-09-30', '--to', '2026-07-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('起始日期 2026-09-30 晚于截止日期 2026-07-01');
  });
});

describe('circular', () => {
  it('writes the .docx and the .xlsx into the folder', async () => {
    const dir = path.join(c.t.dir, 'out');
    fs.mkdirSync(dir);
    const r = await cli(db, '--json', 'circular', '--from', '2026-07-01', '--to', '2026-09-30', '--out', dir);
    expect(r.code).toBe(0);
    const paths = r.json() as { docx: string; xlsx: string };
    expect(fs.statSync(paths.docx).size).toBeGreaterThan(5000);
    expect(fs.statSync(paths.xlsx).size).toBeGreaterThan(5000);
    expect(path.dirname(paths.docx)).toBe(dir);
  });
});

describe('rules', () => {
  it('show, edit the JSON, add from a date; the new version applies from then on', async () => {
    const shown = await cli(db, '--json', 'rules', 'show');
    expect(shown.code).toBe(0);
    const version = shown.json() as { validFrom: string; rules: { commission: { late: number } } };
    expect(version.validFrom).toBe('2026-07-01');
    version.rules.commission.late = 70;
    const file = path.join(c.t.dir, 'rules.json');
    fs.writeFileSync(file, JSON.stringify(version, null, 2));
    const added = await cli(db, 'rules', 'add', '--from', '2027-01-01', '--file', file);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/约稿迟报扣分\s*70 分/);
    const later = await cli(db, 'rules', 'show', '--date', '2027-03-01');
    expect(later.stdout).toContain('自 2027-01-01 起适用');
    const earlier = await cli(db, '--json', 'rules', 'show', '--date', '2026-12-31');
    expect((earlier.json() as typeof version).rules.commission.late).toBe(50);
  });

  it('refuses a rules file missing a value, and changes nothing', async () => {
    const shown = (await cli(db, '--json', 'rules', 'show')).json() as { rules: { instruction: { city: Record<string, number> } } };
    delete shown.rules.instruction.city.reward;
    const file = path.join(c.t.dir, 'bad-rules.json');
    fs.writeFileSync(file, JSON.stringify(shown.rules));
    const before = snapshotAll(c.t.db);
    const r = await cli(db, 'rules', 'add', '--from', '2027-06-01', '--file', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('计分规则缺少“市级领导批示·奖励”');
    expect(snapshotAll(c.t.db)).toEqual(before);
  });

  it('has help in Chinese and English', async () => {
    const r = await cli(db, 'circular', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法 Usage: bulletin circular');
    expect(r.stdout).toContain('--out DIR');
  });
});
