/**
 * Issue 16 parts 1–3 through the API table on a real database: the month in progress (a unit
 * behind target mid-month), commissions answered by registered drafts on time and late, a
 * missed one, the ≥ 2 flag from the dated rules, an instruction passing its deadline, the
 * feedback file kept byte for byte, refusals that leave every table as it was, and the notice
 * and the follow-up list read back from the Word files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, withRuleValue } from '../src-main/scoring/rules';
import { followStatus } from '../src-main/services/instruction-followup';
import { buildDashboard } from '../src-main/services/dashboard';
import { openTestDb, snapshotAll, type TestDb } from './helpers/db';
import { addSubmissions } from './helpers/scoring-county';

const TODAY = new Date(2026, 9, 15, 12, 0, 0); // 2026-10-15, the middle of October

let t: TestDb;
const u = { a: 0, b: 0, c: 0 };
let article = 0;
let c1 = 0;
let c2 = 0;
let c3 = 0;
let ins = 0;

const draftOf = (unitId: number, date: string): number => {
  addSubmissions(t.db, unitId, date, 1);
  return (t.db.prepare('SELECT max(id) AS id FROM submissions').get() as { id: number }).id;
};

beforeAll(async () => {
  t = openTestDb({ now: () => TODAY });
  await t.call('seriesAdd', { name: '城关县政务信息', org: '城关县人民政府办公室' });
  u.a = (await t.call('unitAdd', { name: '城关镇' })).id;
  u.b = (await t.call('unitAdd', { name: '东山镇' })).id;
  u.c = (await t.call('unitAdd', { name: '县水利局' })).id;
  await t.call('targetSet', { unit: u.a, monthly: 8, from: '2026-10-01' });
  await t.call('targetSet', { unit: u.b, monthly: 8, from: '2026-10-01' });
  addSubmissions(t.db, u.a, '2026-10-03', 5);
  addSubmissions(t.db, u.b, '2026-10-02', 1);
  article = (await t.call('articleAdd', { title: '城关镇推进老旧小区改造', body: '正文。', unit: u.a })).id;

  c1 = (await t.call('commissionAdd', { topic: '秋粮收购', deadline: '2026-10-10', units: [u.a, u.b] })).id;
  await t.call('commissionNoticeSet', { id: c1, date: '2026-10-01', requirements: '突出实效，800字以内。', contact: '王某某 0000-1234567' });
  c2 = (await t.call('commissionAdd', { topic: '防汛总结', deadline: '2026-10-05', units: [u.b] })).id;
  c3 = (await t.call('commissionAdd', { topic: '四季度重点工作', deadline: '2026-10-17', units: [u.a, u.c] })).id;

  ins = (await t.call('instructionAdd', { articleId: article, level: 'county', leader: '县长王某某', date: '2026-10-01', text: '请水利局跟进。' })).id;
});
afterAll(() => t?.close());

describe('commissions answered by drafts', () => {
  it('a draft received by the deadline is on time, one after it is late, none is missing', async () => {
    await t.call('commissionDraft', { id: c1, draftId: draftOf(u.a, '2026-10-08') });
    const d = await t.call('commissionDraft', { id: c1, draftId: draftOf(u.b, '2026-10-12') });
    expect(d.units.map((x) => [x.unit, x.status, x.answeredDate])).toEqual([
      ['城关镇', 'onTime', '2026-10-08'],
      ['东山镇', 'late', '2026-10-12'],
    ]);
    expect(d.drafts).toHaveLength(2);
    const missed = await t.call('commissionGet', { id: c2 });
    expect(missed.units[0]!.status).toBe('missing');
  });

  it('flags a unit late or missing on 2 commissions in the year, by the rules in force', async () => {
    const flags = await t.call('commissionFlags', { year: 2026 });
    expect(flags).toEqual([{ unitId: u.b, unit: '东山镇', year: 2026, late: 1, missing: 1, threshold: 2, points: 0 }]);
    // a new rules version from 1 October: 3 times, 20 points
    const rules = withRuleValue(withRuleValue(DEFAULT_RULES, ['commission', 'flagAt'], 3), ['commission', 'flagPoints'], 20);
    const t2 = openTestDb({ now: () => TODAY });
    try {
      const x = (await t2.call('unitAdd', { name: '西河镇' })).id;
      for (const [topic, deadline] of [['一', '2026-03-01'], ['二', '2026-04-01'], ['三', '2026-05-01']] as const) {
        await t2.call('commissionAdd', { topic, deadline, units: [x] });
      }
      expect((await t2.call('commissionFlags', { year: 2026 }))[0]).toMatchObject({ missing: 3, threshold: 2 });
      await t2.call('rulesAdd', { validFrom: '2026-10-01', rules });
      expect((await t2.call('commissionFlags', { year: 2026 }))[0]).toMatchObject({ missing: 3, threshold: 3, points: 20 });
    } finally {
      t2.close();
    }
  });

  it('shows the flag in the score report with the other lines', async () => {
    const report = await t.call('scoreReport', { period: 'year', year: 2026 });
    expect(report.commissionFlagged).toEqual(['东山镇']);
  });
});

describe('refusals leave the database byte-identical', () => {
  const cases: [string, () => [string, unknown], RegExp][] = [
    ['a deadline before the notice date', () => ['commissionNoticeSet', { id: c3, date: '2026-10-12', deadline: '2026-10-11' }], /^截止日期 2026-10-11 早于发出约稿的日期 2026-10-12。请把截止日期改为 2026-10-12 或以后。$/],
    ['a notice date after the deadline', () => ['commissionNoticeSet', { id: c3, date: '2026-10-20' }], /截止日期 2026-10-17 早于发出约稿的日期 2026-10-20/],
    ['a new deadline once units answered', () => ['commissionNoticeSet', { id: c1, deadline: '2026-10-20' }], /已有2个单位报送/],
    ['a draft of a unit not asked', () => ['commissionDraft', { id: c3, draftId: draftOf(u.b, '2026-10-14') }], /不在约稿“四季度重点工作”的约稿单位之中/],
    ['a draft received before the notice', () => ['commissionDraft', { id: c1, draftId: draftOf(u.a, '2026-09-20') }], /早于约稿发出的日期 2026-10-01/],
    ['a draft already registered', () => ['commissionDraft', { id: c1, draftId: 8 }], /已登记为约稿“秋粮收购”的报送/],
    ['an instruction deadline before the instruction', () => ['instructionFollowSet', { id: ins, deadline: '2026-09-30' }], /^办理期限 2026-09-30 早于批示日期 2026-10-01，请填写 2026-10-01 或以后的日期。$/],
    ['a done date without done', () => ['instructionFollowSet', { id: ins, date: '2026-10-10' }], /只有“已办结”的批示才填写办结日期/],
    ['an unknown state', () => ['instructionFollowSet', { id: ins, state: 'finished' }], /办理状态只能是/],
    ['feedback with nothing in it', () => ['instructionFeedback', { id: ins }], /请给出反馈情况（文字或文件）/],
    ['a feedback file that is not there', () => ['instructionFeedback', { id: ins, path: '/nonexistent/反馈.docx' }], /找不到文件/],
    ['a waiting-days setting of 0', () => ['dashboardSettingsSet', { waitingDays: 0 }], /积压天数至少为 1 天/],
  ];
  for (const [what, call, message] of cases) {
    it(what, async () => {
      const [op, input] = call();
      const before = snapshotAll(t.db);
      const e = await t.refuse(op as never, input);
      expect(e.message).toMatch(message);
      expect(snapshotAll(t.db)).toEqual(before);
    });
  }
});

describe('批示督办', () => {
  it('passes its deadline: 逾期 is derived from the deadline and the day looked at', async () => {
    const f = await t.call('instructionFollowSet', { id: ins, unit: '县水利局', deadline: '2026-10-10' });
    expect(f.status).toBe('overdue');
    expect(f.state).toBe('todo');
    expect(buildDashboard(t.ctx, '2026-10-09').sections.find((s) => s.key === 'instructions')!.lines[0]!.tone).toBe('warn');
    expect(buildDashboard(t.ctx, '2026-10-11').sections.find((s) => s.key === 'instructions')!.lines[0]).toMatchObject({ tone: 'alert', open: { kind: 'instruction', id: ins } });
  });

  it('never calls a done instruction overdue, and a later deadline is never overdue (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('todo', 'doing', 'done') as fc.Arbitrary<'todo' | 'doing' | 'done'>, fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }), (state, d1, d2) => {
        const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const s = followStatus(state, day(d1), day(d2));
        if (state === 'done') return s === 'done';
        return s === (d2 > d1 ? 'overdue' : state);
      }),
    );
  });

  it('keeps a progress note, and the feedback file byte for byte', async () => {
    const noted = await t.call('instructionNote', { id: ins, text: '已召开专题会议部署。', date: '2026-10-05' });
    expect(noted.state).toBe('doing');
    const bytes = crypto.randomBytes(5000);
    const file = path.join(t.dir, '县水利局反馈.docx');
    fs.writeFileSync(file, bytes);
    const f = await t.call('instructionFeedback', { id: ins, path: file, text: '已完成整改。' });
    expect(f.feedbackFile).toEqual({ name: '县水利局反馈.docx', size: 5000, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    const back = await t.call('instructionFeedbackFile', { id: ins });
    expect(Buffer.from(back.base64, 'base64').equals(bytes)).toBe(true);
  });

  it('exports the follow-up list as Word and Excel', async () => {
    const out = fs.mkdtempSync(path.join(t.dir, 'out-'));
    const p = await t.call('instructionFollowExport', { out });
    const text = (await mammoth.extractRawText({ path: p.docx })).value;
    expect(text).toContain('领导批示督办情况');
    expect(text).toContain('城关镇推进老旧小区改造');
    expect(text).toContain('逾期');
    expect(text).toContain('已召开专题会议部署');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p.xlsx);
    const row = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(row.slice(1, 6)).toEqual([1, '城关镇推进老旧小区改造', '县级 县长王某某', '2026-10-01', '县水利局']);
  });

  it('is done on the day given, and leaves the dashboard', async () => {
    const f = await t.call('instructionFollowSet', { id: ins, state: 'done', date: '2026-10-14' });
    expect([f.status, f.doneDate]).toEqual(['done', '2026-10-14']);
    expect((await t.call('dashboard', {})).sections.find((s) => s.key === 'instructions')!.lines).toEqual([]);
  });
});

describe('工作台', () => {
  it('shows the month in progress: a unit behind target mid-month first, with days left', async () => {
    const d = await t.call('dashboard', {});
    expect(d.today).toBe('2026-10-15');
    const month = d.sections.find((s) => s.key === 'month')!;
    expect(month.title).toBe('本月报送进度（10月，还剩 16 天）');
    // 东山镇: 1 draft + the 2 registered against commissions = 3 of 8; by the 15th the pace is ceil(8 × 15 / 31) = 4
    expect(month.lines[0]).toMatchObject({ tone: 'alert', open: { kind: 'unit', id: u.b } });
    expect(month.lines[0]!.text).toMatch(/^东山镇：本月已报送 \d+ 篇 \/ 任务 8 篇，采用 0 篇，还剩 16 天 · 进度落后（按进度应有 4 篇）$/);
    expect(month.lines[1]!.text).toMatch(/^城关镇：本月已报送 \d+ 篇 \/ 任务 8 篇/);
    expect(month.lines[1]!.tone).toBe('info');
  });

  it('lists commissions overdue and due within 3 days, each opening its record', async () => {
    const lines = (await t.call('dashboard', {})).sections.find((s) => s.key === 'commissions')!.lines;
    expect(lines.map((l) => [l.text, l.tone, l.open])).toEqual([
      ['约稿“防汛总结”截止 2026-10-05，已逾期 10 天；未报：东山镇', 'alert', { kind: 'commission', id: c2 }],
      ['约稿“四季度重点工作”截止 2026-10-17，2 天后截止；未报：城关镇、县水利局', 'warn', { kind: 'commission', id: c3 }],
      ['东山镇：2026年约稿迟报 1 次、未报 1 次，达到 2 次，应予通报', 'alert', { kind: 'unit', id: u.b }],
    ]);
    // looked at on 2026-10-13, the commission due on the 17th is not yet within 3 days
    const earlier = buildDashboard(t.ctx, '2026-10-13').sections.find((s) => s.key === 'commissions')!.lines;
    expect(earlier.some((l) => l.open?.kind === 'commission' && l.open.id === c3)).toBe(false);
  });

  it('lists drafts waiting longer than the setting', async () => {
    const waiting = (await t.call('dashboard', {})).sections.find((s) => s.key === 'drafts')!;
    expect(waiting.title).toBe('积压来稿（收到超过 7 天未处理）');
    expect(waiting.lines.length).toBeGreaterThan(0);
    await t.call('dashboardSettingsSet', { waitingDays: 30 });
    expect((await t.call('dashboard', {})).sections.find((s) => s.key === 'drafts')!.lines).toEqual([]);
    await t.call('dashboardSettingsSet', { waitingDays: 7 });
  });

  it('ends with the last backup', async () => {
    const last = (await t.call('dashboard', {})).sections.at(-1)!;
    expect(last.key).toBe('backup');
    expect(last.lines[0]).toMatchObject({ tone: 'alert', open: { kind: 'backups' } });
  });
});

describe('约稿通知', () => {
  it('writes the notice in the office style and reads back its text', async () => {
    const out = fs.mkdtempSync(path.join(t.dir, 'notice-'));
    const p = await t.call('commissionNoticeExport', { id: c1, out });
    expect(path.basename(p.path)).toBe('约稿通知（秋粮收购）.docx');
    const text = (await mammoth.extractRawText({ path: p.path })).value;
    const lines = text.split('\n').filter(Boolean);
    expect(lines).toEqual([
      '约稿通知',
      '城关镇、东山镇：',
      '为做好“秋粮收购”有关信息的报送工作，现就有关事项通知如下：',
      '一、约稿主题：秋粮收购。',
      '二、报送要求：突出实效，800字以内。',
      '三、报送时限：请于2026年10月10日前报送。逾期未报或迟报的，按信息工作考核办法扣分。',
      '四、联系人及电话：王某某 0000-1234567。',
      '城关县人民政府办公室',
      '2026年10月1日',
    ]);
  });
});

describe('年度统计', () => {
  it('adds the 批示督办 figures to the year report, and keeps the instruction rate its own', async () => {
    const s = await t.call('statsYear', { year: 2026 });
    const section = s.sections.find((x) => x.key === 'instructionFollowup')!;
    expect(section.sentences).toEqual(['领导批示督办1件，已办结1件（其中按期办结0件），正在办理0件，逾期未办结0件。']);
    expect(section.table!.rows.at(-1)).toEqual(['合计', 1, 1, 0, 0, 0]);
    expect(s.sentences).toContain(section.sentences[0]);
    expect(s.instructions.total).toBe(1);
  });
});
