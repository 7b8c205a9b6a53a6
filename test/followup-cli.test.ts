/**
 * `bulletin dashboard`, `commission notice-set|notice|draft|show|flags` and `instruction
 * follow|note|feedback|followups|export` through the real built binary (npm run build first):
 * a refusal exits 2 with its Chinese reason and leaves the database file byte-identical.
 */
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { binary as bulletin, sha256File as sha } from './helpers/binary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, tempDir, type TestDb } from './helpers/db';
import { addSubmissions } from './helpers/scoring-county';


let t: TestDb;
let db = '';
const ids = { commission: 0, instruction: 0, draft: 0 };

beforeAll(async () => {
  t = openTestDb();
  await t.call('seriesAdd', { name: '城关县政务信息', org: '城关县人民政府办公室' });
  const a = (await t.call('unitAdd', { name: '城关镇' })).id;
  const b = (await t.call('unitAdd', { name: '东山镇' })).id;
  await t.call('targetSet', { unit: a, monthly: 8, from: '2026-10-01' });
  await t.call('targetSet', { unit: b, monthly: 8, from: '2026-10-01' });
  addSubmissions(t.db, a, '2026-10-03', 6);
  addSubmissions(t.db, b, '2026-10-08', 1);
  ids.draft = (t.db.prepare('SELECT max(id) AS id FROM submissions').get() as { id: number }).id;
  ids.commission = (await t.call('commissionAdd', { topic: '秋粮收购', deadline: '2026-10-10', units: [a, b] })).id;
  const article = (await t.call('articleAdd', { title: '东山镇发展特色产业', body: '正文。', unit: b })).id;
  ids.instruction = (await t.call('instructionAdd', { articleId: article, level: 'city', leader: '副市长李某某', date: '2026-10-02' })).id;
  db = t.file;
  t.db.close();
});
afterAll(() => t?.close());

describe('bulletin commission', () => {
  it('notice-set refuses a deadline before the notice date, exit 2, the file untouched', () => {
    const before = sha(db);
    const r = bulletin(db, 'commission', 'notice-set', String(ids.commission), '--date', '2026-10-12');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('截止日期 2026-10-10 早于发出约稿的日期 2026-10-12。请把截止日期改为 2026-10-12 或以后。');
    expect(sha(db)).toBe(before);
  });

  it('notice-set, draft (received by the deadline: on time), show', () => {
    const set = bulletin(db, 'commission', 'notice-set', String(ids.commission), '--date', '2026-10-01', '--requirements', '突出实效。', '--contact', '王某某 1234567');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('#1 约稿“秋粮收购” 截止 2026-10-10（2026-10-01 发出）');
    const draft = bulletin(db, 'commission', 'draft', String(ids.commission), '--draft', String(ids.draft));
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stdout).toContain('东山镇：按时报送（2026-10-08报送）');
    const show = bulletin(db, '--json', 'commission', 'show', String(ids.commission));
    const c = JSON.parse(show.stdout) as { units: { unit: string; status: string }[]; drafts: unknown[] };
    expect(c.units.map((u) => [u.unit, u.status])).toEqual([
      ['城关镇', 'missing'],
      ['东山镇', 'onTime'],
    ]);
    expect(c.drafts).toHaveLength(1);
  });

  it('notice writes the Word notice', async () => {
    const out = tempDir('bulletin-notice-');
    try {
      const r = bulletin(db, 'commission', 'notice', String(ids.commission), '--out', out);
      expect(r.code, r.stderr).toBe(0);
      const file = path.join(out, '约稿通知（秋粮收购）.docx');
      expect(r.stdout).toBe(`已生成约稿通知：${file}\n`);
      const text = (await mammoth.extractRawText({ path: file })).value;
      expect(text).toContain('城关镇、东山镇：');
      expect(text).toContain('二、报送要求：突出实效。');
      expect(text).toContain('请于2026年10月10日前报送');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('bulletin instruction', () => {
  it('follow refuses a deadline before the instruction, exit 2, the file untouched', () => {
    const before = sha(db);
    const r = bulletin(db, 'instruction', 'follow', String(ids.instruction), '--deadline', '2026-09-30');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('办理期限 2026-09-30 早于批示日期 2026-10-02，请填写 2026-10-02 或以后的日期。');
    expect(sha(db)).toBe(before);
  });

  it('follow, note, feedback, followups --status overdue, export', async () => {
    expect(bulletin(db, 'instruction', 'follow', String(ids.instruction), '--unit', '东山镇', '--deadline', '2026-10-12').code).toBe(0);
    expect(bulletin(db, 'instruction', 'note', String(ids.instruction), '--text', '已部署。', '--date', '2026-10-05').code).toBe(0);
    const fb = bulletin(db, 'instruction', 'feedback', String(ids.instruction), '--text', '已落实。');
    expect(fb.stdout).toContain('反馈：已落实。');
    const overdue = bulletin(db, '--json', 'instruction', 'followups', '--status', 'overdue');
    expect((JSON.parse(overdue.stdout) as { id: number; status: string; handlingUnit: string }[]).map((f) => [f.id, f.status, f.handlingUnit])).toEqual([
      [ids.instruction, 'overdue', '东山镇'],
    ]);
    const out = tempDir('bulletin-follow-');
    try {
      const r = bulletin(db, 'instruction', 'export', '--out', out);
      expect(r.code, r.stderr).toBe(0);
      const docx = fs.readdirSync(out).find((f) => f.endsWith('.docx'))!;
      expect(fs.readdirSync(out).filter((f) => f.endsWith('.xlsx'))).toHaveLength(1);
      expect((await mammoth.extractRawText({ path: path.join(out, docx) })).value).toContain('东山镇发展特色产业');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('bulletin dashboard', () => {
  it('prints the month in progress as on the day given, --json the same sections', () => {
    const r = bulletin(db, 'dashboard', '--date', '2026-10-15');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('【本月报送进度（10月，还剩 16 天）】');
    expect(r.stdout).toContain('！ 东山镇：本月已报送 1 篇 / 任务 8 篇，采用 0 篇，还剩 16 天 · 进度落后（按进度应有 4 篇）');
    expect(r.stdout).toContain('  城关镇：本月已报送 6 篇 / 任务 8 篇');
    expect(r.stdout).toContain('！ 约稿“秋粮收购”截止 2026-10-10，已逾期 5 天；未报：城关镇  （bulletin commission show 1）');
    expect(r.stdout).toContain('批示“东山镇发展特色产业”：逾期，承办 东山镇，期限 2026-10-12，已有反馈待办结');
    const j = JSON.parse(bulletin(db, '--json', 'dashboard', '--date', '2026-10-15').stdout) as { today: string; sections: { key: string }[] };
    expect(j.today).toBe('2026-10-15');
    expect(j.sections.map((s) => s.key)).toEqual(['month', 'commissions', 'drafts', 'instructions', 'urgent', 'backup']);
  });
});
