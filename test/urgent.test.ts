/**
 * 紧急信息 (issue 16 part 5): lateness against the rules' time limits at each level, concealed
 * or omitted events, the deduction proposed and applied only on request (through the
 * deductions records, once), refusals that leave the database byte-identical, and the list of
 * events with no upward report for the dashboard.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, withRuleValue } from '../src-main/scoring/rules';
import { urgentWithoutUpwardReport } from '../src-main/services/urgent';
import { openTestDb, snapshotAll, type TestDb } from './helpers/db';

const NOW = () => new Date(2026, 11, 5, 10, 0);
let t: TestDb;
afterEach(() => t?.close());

async function refusedUnchanged(name: Parameters<TestDb['refuse']>[0], input: unknown, message: RegExp) {
  const before = snapshotAll(t.db);
  const bytes = fs.readFileSync(t.file);
  const e = await t.refuse(name, input);
  expect(e.message).toMatch(message);
  expect(snapshotAll(t.db)).toEqual(before);
  expect(fs.readFileSync(t.file).equals(bytes)).toBe(true);
}

async function setup() {
  t = openTestDb({ now: NOW });
  await t.call('unitAdd', { name: '城关镇' });
  await t.call('unitAdd', { name: '县发改局' });
  await t.call('liaisonAdd', { unit: '城关镇', name: '张敏', from: '2026-01-01' });
}

/** An event at 09:00 on 2026-08-12; the default limits are county 30, city 60, province 120 minutes. */
async function event(unitReportedAt: string | undefined, upward: ['city' | 'province', string][] = []) {
  let e = await t.call('urgentAdd', { unit: '城关镇', what: '幸福路燃气泄漏', place: '城关镇幸福路', eventTime: '2026-08-12 09:00', ...(unitReportedAt ? { unitReportedAt } : {}) });
  for (const [level, at] of upward) e = await t.call('urgentReport', { id: e.id, level, at });
  return e;
}

describe('urgent events', () => {
  it('computes lateness at each level and proposes the rules’ deduction, never applying it by itself', async () => {
    await setup();
    const onTime = await event('2026-08-12 09:20', [['city', '2026-08-12 09:50']]);
    expect(onTime.proposal).toBeNull();
    expect(onTime.liaison).toBe('张敏');
    expect(onTime.checks.map((c) => [c.level, c.deadline, c.unitLateMinutes])).toEqual([
      ['county', '2026-08-12T09:30', 0],
      ['city', '2026-08-12T10:00', 0],
    ]);

    const county = await event('2026-08-12 09:45');
    expect(county.proposal).toMatchObject({ kind: 'late', level: 'county', points: 30, reason: '紧急信息迟报（县级，超时15分钟）：幸福路燃气泄漏' });
    const city = await event('2026-08-12 10:05', [['city', '2026-08-12 10:20']]);
    expect(city.proposal).toMatchObject({ kind: 'late', level: 'city', points: 50 });
    expect(city.checks[1]).toMatchObject({ unitLateMinutes: 5, upwardLateMinutes: 20 });
    const province = await event('2026-08-12 11:30', [['city', '2026-08-12 11:40'], ['province', '2026-08-12 11:45']]);
    expect(province.proposal).toMatchObject({ kind: 'late', level: 'province', points: 100 });
    // On time for the county but after the city's deadline: our own late report is shown, not charged.
    const ours = await event('2026-08-12 09:10', [['city', '2026-08-12 12:00']]);
    expect(ours.proposal).toBeNull();
    expect(ours.checks[1]!.upwardLateMinutes).toBe(120);

    expect((await event(undefined)).proposal).toMatchObject({ kind: 'concealed', level: 'county', points: 60 });
    expect((await event(undefined, [['city', '2026-08-12 09:30']])).proposal).toMatchObject({ kind: 'concealed', level: 'city', points: 100 });
    expect((await event(undefined, [['province', '2026-08-12 09:30']])).proposal).toMatchObject({ kind: 'concealed', level: 'province', points: 200, reason: '紧急信息瞒报漏报（省级）：幸福路燃气泄漏' });

    // Proposed only: nothing in the deductions until applied.
    expect(await t.call('deductionList', {})).toEqual([]);
  });

  it('takes the limits and amounts from the dated rules', async () => {
    await setup();
    await t.call('rulesAdd', { validFrom: '2026-08-01', rules: withRuleValue(withRuleValue(DEFAULT_RULES, ['urgentLimits', 'county'], 60), ['deductions', 'urgentLate', 'county'], 40) });
    const e = await event('2026-08-12 09:45');
    expect(e.proposal).toBeNull();
    const late = await event('2026-08-12 10:30');
    expect(late.proposal).toMatchObject({ level: 'county', points: 40 });
    const before = await t.call('urgentAdd', { unit: '城关镇', what: '七月事件', eventTime: '2026-07-12 09:00', unitReportedAt: '2026-07-12 09:45' });
    expect(before.proposal).toMatchObject({ level: 'county', points: 30 });
  });

  it('applies a proposed deduction with one call, through the deductions records, once', async () => {
    await setup();
    const e = await event('2026-08-12 10:05', [['city', '2026-08-12 10:20']]);
    const applied = await t.call('urgentApply', { id: e.id });
    expect(applied.deductionId).not.toBeNull();
    const [d] = await t.call('deductionList', {});
    expect(d).toMatchObject({ id: applied.deductionId, unit: '城关镇', points: 50, date: '2026-08-12', reason: '紧急信息迟报（市级，超时5分钟）：幸福路燃气泄漏' });
    const units = await t.call('score', { period: 'year', year: 2026 });
    expect(units.find((u) => u.unit === '城关镇')!.deductions).toBe(50);
    // Charged to the reporting officer too: it counts against the person's 100-point bar.
    await t.call('rulesAdd', { validFrom: '2026-01-01', rules: withRuleValue(DEFAULT_RULES, ['person', 'monthlyQuota', 'count'], 0) });
    expect((await t.call('personScore', { period: 'year', year: 2026 }))[0]).toMatchObject({ name: '张敏', deductions: 50, yearDeductions: 50 });

    await refusedUnchanged('urgentApply', { id: e.id }, new RegExp(`紧急信息 ${e.id}“幸福路燃气泄漏”的扣分已登记（扣分记录 #${applied.deductionId}），不能重复登记。`));
    const fine = await event('2026-08-12 09:10');
    await refusedUnchanged('urgentApply', { id: fine.id }, /按时报送，按规则不扣分/);
    // Deleting the deduction makes it a proposal again.
    await t.call('deductionDelete', { id: applied.deductionId! });
    expect((await t.call('urgentGet', { id: e.id })).deductionId).toBeNull();
  });

  it('refuses a report before the event and other wrong input, leaving the database byte-identical', async () => {
    await setup();
    const e = await event('2026-08-12 09:20');
    await refusedUnchanged('urgentAdd', { unit: '城关镇', what: '事件', eventTime: '2026-08-12 09:00', unitReportedAt: '2026-08-12 08:59' }, /单位报告时间（2026-08-12 08:59）早于事发时间（2026-08-12 09:00），请核对时间。/);
    await refusedUnchanged('urgentReport', { id: e.id, level: 'city', at: '2026-08-12 08:30' }, /报送时间（2026-08-12 08:30）早于事发时间（2026-08-12 09:00），请核对时间。/);
    await refusedUnchanged('urgentReport', { id: e.id, at: '2026-08-12 10:30' }, /向上报送请给出报送级别/);
    await refusedUnchanged('urgentReport', { id: e.id, level: 'county', at: '2026-08-12 10:30' }, /报送级别只能是/);
    await refusedUnchanged('urgentAdd', { unit: '城关镇', what: '事件', eventTime: '2026-08-12 25:00' }, /事发时间的格式应为 2026-08-12 09:30/);
    await refusedUnchanged('urgentAdd', { unit: '城关镇', what: '事件', eventTime: '2026-12-06 09:00' }, /事发时间（2026-12-06 09:00）晚于现在/);
    await refusedUnchanged('urgentAdd', { unit: '县发改局', what: '事件', eventTime: '2026-08-12 09:00', liaisonId: 1 }, /张敏是“城关镇”的信息员，不是“县发改局”的信息员/);
    await refusedUnchanged('urgentAdd', { unit: '不存在的镇', what: '事件', eventTime: '2026-08-12 09:00' }, /没有名称、简称或别称为“不存在的镇”的来稿单位/);
    await refusedUnchanged('urgentReport', { id: 999, level: 'city', at: '2026-08-12 10:30' }, /没有编号为 999 的紧急信息/);
  });

  it('lists the events without an upward report for the dashboard, and follow-ups keep their times', async () => {
    await setup();
    const a = await event('2026-08-12 09:20');
    const b = await event('2026-08-12 09:20', [['city', '2026-08-12 09:40']]);
    const withFollowUp = await t.call('urgentReport', { id: b.id, kind: 'followup', at: '2026-08-12 15:00', note: '已控制' });
    expect(withFollowUp.reports.map((r) => [r.kind, r.level, r.reportedAt, r.note])).toEqual([
      ['upward', 'city', '2026-08-12T09:40', ''],
      ['followup', null, '2026-08-12T15:00', '已控制'],
    ]);
    expect(urgentWithoutUpwardReport(t.ctx).map((e) => e.id)).toEqual([a.id]);
    expect((await t.call('urgentList', { pending: true })).map((e) => e.id)).toEqual([a.id]);
    // the 工作台 lists it as an alert that opens the urgent register
    const board = (await t.call('dashboard', {})).sections.find((x) => x.key === 'urgent')!;
    expect(board.lines).toEqual([expect.objectContaining({ tone: 'alert', open: { kind: 'urgent', id: a.id } })]);
    expect((await t.call('urgentList', { unit: '城关镇' })).length).toBe(2);
    const stats = await t.call('statsYear', { year: 2026 });
    expect(stats.sentences).toContain('2026年，登记紧急信息2件，向上级报送1件；单位迟报0件，瞒报漏报0件。');
    expect(stats.sections.find((x) => x.key === 'urgent')!.table!.rows[1]).toEqual(['2026-08-12 09:00', '城关镇', '幸福路燃气泄漏', '2026-08-12 09:20', '市级 2026-08-12 09:40', '按时', 0]);
  });
});
