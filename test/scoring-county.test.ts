/**
 * Scores of the fixture county (test/helpers/scoring-county.ts), checked against figures worked
 * out by hand. Rules: DOMAIN.md's defaults until 30 June; from 1 July a city single item is
 * 60 points / 120 yuan (was 50 / 100). Today is 2026-10-15, so July–September have ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitScore } from '../src-main/scoring/compute';
import { buildCounty, voidI2, type County } from './helpers/scoring-county';

let c: County;
const row = (rows: UnitScore[], unit: string) => {
  const r = rows.find((x) => x.unit === unit);
  if (!r) throw new Error(`no row for ${unit}`);
  return r;
};

beforeAll(async () => {
  c = await buildCounty();
});
afterAll(() => c?.t.close());

describe('before the void of issue I2', () => {
  it('counts the item of the signed issue I2 as a county adoption of 东山镇', async () => {
    const rows = await c.t.call('score', { from: '2026-07-01', to: '2026-09-30' });
    const dongshan = row(rows, '东山镇');
    // own bulletin 10 (I2, 07-25) + 每日要情 10 + county instruction 20 + July target 20 + September target 20 = 80
    expect(dongshan.points).toBe(80);
    expect(dongshan.adoptedCounty).toBe(2);
    // 20 (I2) + 20 (每日要情) + 100 (instruction) = 140 yuan
    expect(dongshan.reward).toBe(140);
  });
});

describe('third quarter of 2026, after issue I2 was voided', () => {
  let rows: UnitScore[];
  beforeAll(async () => {
    await voidI2(c);
    rows = await c.t.call('score', { period: 'quarter', year: 2026, n: 3 });
  });

  it('城关镇: one item adopted by three publications, plus a city instruction', () => {
    const r = row(rows, '城关镇');
    // drafts: July 3 + August 2 + September 1 = 6
    expect(r.sent).toBe(6);
    // A1: own bulletin (I1, 07-20) 10 + city single (08-03, July rules) 60 + province single 100
    //     + city instruction 40 = 210 points; nothing deducted (the commission was answered on 08-18, before 08-20)
    expect(r.points).toBe(210);
    expect(r.deductions).toBe(0);
    expect(r.net).toBe(210);
    // 20 + 120 + 200 + 300 = 640 yuan
    expect(r.reward).toBe(640);
    expect([r.adoptedCounty, r.adoptedCity, r.adoptedProvince]).toEqual([1, 1, 1]);
    expect(r.instructionsCity).toBe(1);
    expect(r.adopted).toBe(1); // one item, however many publications
    expect(r.adoptionRate).toBeCloseTo(1 / 6, 10);
    expect(r.rank).toBe(1);
  });

  it('东山镇: the void removed its own-bulletin adoption; its target was missed in August', () => {
    const r = row(rows, '东山镇');
    // drafts: 2 + 1 + 3 = 6; target 2 a month: July met +20, August missed −30, September met +20
    expect(r.sent).toBe(6);
    expect([r.targetMonthsMet, r.targetMonthsMissed]).toEqual([2, 1]);
    // 每日要情 10 + county instruction 20 + 20 + 20 = 70 points; 30 deducted; net 40
    expect(r.points).toBe(70);
    expect(r.deductions).toBe(30);
    expect(r.net).toBe(40);
    // 每日要情 20 + instruction 100 = 120 yuan
    expect(r.reward).toBe(120);
    expect(r.adoptedCounty).toBe(1);
    expect(r.instructionsCounty).toBe(1);
  });

  it('县发改局: a combined item scores 10, its instruction in full, and its late commission is deducted', () => {
    const r = row(rows, '县发改局');
    // A3 in I3 (08-15) is combined with 县水利局: 10 points, 0 yuan; province instruction 80 / 500
    // commission due 08-20, answered 08-25: late −50
    expect(r.sent).toBe(2);
    expect(r.points).toBe(90);
    expect(r.deductions).toBe(50);
    expect(r.net).toBe(40);
    expect(r.reward).toBe(500);
    expect(r.commissionsLate).toBe(1);
    expect(r.instructionsProvince).toBe(1);
  });

  it('东山镇 and 县发改局 tie at 40 and share rank 2; the next rank is 4', () => {
    expect(row(rows, '东山镇').rank).toBe(2);
    expect(row(rows, '县发改局').rank).toBe(2);
    expect(row(rows, '西河镇').rank).toBe(4);
  });

  it('县水利局: combined item, missing commission, manual deduction; criticised for the year', () => {
    const r = row(rows, '县水利局');
    // A3 combined 10 + province instruction 80 = 90 points; commission never answered −50, deduction −60
    expect(r.sent).toBe(1);
    expect(r.points).toBe(90);
    expect(r.deductions).toBe(110);
    expect(r.net).toBe(-20);
    expect(r.reward).toBe(500);
    expect(r.commissionsMissing).toBe(1);
    // the year so far: 100 (03-10) + 50 + 60 = 210 ≥ 200 → criticised, and so not advanced either
    expect(r.yearDeductions).toBe(210);
    expect(r.criticised).toBe(true);
    expect(r.cannotBeAdvanced).toBe(true);
    expect(r.rank).toBe(5);
  });

  it('西河镇 sent nothing; its open commission (due 10-30) is not deducted yet', () => {
    const r = row(rows, '西河镇');
    expect(r).toMatchObject({ sent: 0, points: 0, deductions: 0, net: 0, reward: 0, adoptionRate: null, commissionsMissing: 0 });
  });

  it('totals: 15 drafts, 3 items adopted in 5 adoptions, rate 20%', async () => {
    const report = await c.t.call('scoreReport', { from: '2026-07-01', to: '2026-09-30' });
    expect(report.label).toBe('2026年第三季度');
    expect(report.title).toBe('关于2026年第三季度全县政务信息报送情况的通报');
    // 6 + 6 + 2 + 1 = 15 drafts; items A1, A2, A3; adoptions: A1 ×3, A2 每日要情, A3 own = 5
    expect(report.totals).toMatchObject({
      units: 5,
      sent: 15,
      adoptedItems: 3,
      adoptions: 5,
      adoptedCounty: 3,
      adoptedCity: 1,
      adoptedProvince: 1,
      instructions: 3,
      // 210 + 70 + 90 + 90 + 0 = 460; 0 + 30 + 50 + 110 = 190; 460 − 190 = 270
      points: 460,
      deductions: 190,
      net: 270,
      // 640 + 120 + 500 + 500 = 1760
      reward: 1760,
      silentUnits: 1,
    });
    expect(report.totals.adoptionRate).toBeCloseTo(0.2, 10);
    expect(report.silentUnits).toEqual(['西河镇']);
    expect(report.criticised).toEqual(['县水利局']);
    expect(report.notAdvanced).toEqual(['县水利局']);
    expect(report.rulesFrom).toBe('2026-07-01');
    // the trend: July, August, September
    expect(report.months.map((m) => m.month)).toEqual(['2026-07', '2026-08', '2026-09']);
    // July: drafts 3 + 2 + 1 = 6; I1 10, 每日要情 10, 东山镇 target +20 → 40 points, nothing deducted
    expect(report.months[0]).toMatchObject({ sent: 6, adoptions: 2, points: 40, deductions: 0, net: 40 });
  });

  it('the ledger explains every point of 县水利局', async () => {
    const ledger = await c.t.call('scoreLedger', { from: '2026-07-01', to: '2026-09-30', unit: '县水利局' });
    expect(ledger.map((e) => [e.date, e.type, e.points, e.deducted])).toEqual([
      ['2026-08-15', 'combined', 10, 0],
      ['2026-08-20', 'commissionMissing', 0, 50],
      ['2026-09-01', 'instruction', 80, 0],
      ['2026-09-05', 'deduction', 0, 60],
    ]);
  });
});

describe('a rules change mid-year', () => {
  it('scores a city single item 50 in June and 60 in August', async () => {
    const ledger = await c.t.call('scoreLedger', { period: 'year', year: 2026, unit: '城关镇' });
    const city = ledger.filter((e) => e.label.includes('政务信息快报'));
    expect(city.map((e) => [e.date, e.points, e.reward, e.rulesFrom])).toEqual([
      ['2026-06-20', 50, 100, '1900-01-01'],
      ['2026-08-03', 60, 120, '2026-07-01'],
    ]);
  });

  it('first half: the old rules; 县水利局 is over the not-advanced line but not criticised', async () => {
    const rows = await c.t.call('score', { period: 'half', year: 2026, n: 1 });
    // 城关镇: 1 draft in June; A5 city single on 06-20 under the old rules: 50 points, 100 yuan
    expect(row(rows, '城关镇')).toMatchObject({ sent: 1, points: 50, reward: 100, net: 50, rank: 1 });
    expect(row(rows, '西河镇')).toMatchObject({ sent: 2, net: 0, rank: 2 });
    // 县水利局: 100 deducted on 03-10; by 06-30 that is ≥ 100 but < 200
    expect(row(rows, '县水利局')).toMatchObject({ net: -100, yearDeductions: 100, cannotBeAdvanced: true, criticised: false, rank: 5 });
    // no target before July, so 东山镇 loses nothing for sending nothing in the first half
    expect(row(rows, '东山镇')).toMatchObject({ deductions: 0, targetMonthsMissed: 0 });
    const report = await c.t.call('scoreReport', { period: 'half', year: 2026, n: 1 });
    expect(report.label).toBe('2026年上半年');
    expect(report.silentUnits).toEqual(['东山镇', '县发改局', '县水利局']);
  });

  it('the whole year adds both halves: 城关镇 50 + 210 = 260', async () => {
    const rows = await c.t.call('score', { period: 'year', year: 2026 });
    // sent: 7 drafts in the register, and A1 and A5, typed in for 城关镇 on 2026-10-15
    expect(row(rows, '城关镇')).toMatchObject({ sent: 9, points: 260, reward: 740, adoptedCity: 2 });
  });

  it('a later rules version does not change a past period', async () => {
    const before = await c.t.call('score', { period: 'quarter', year: 2026, n: 3 });
    const rules = (await c.t.call('rulesGet', {})).rules;
    await c.t.call('rulesAdd', { validFrom: '2026-10-01', rules: { ...rules, commission: { late: 80, missing: 80 } } });
    expect(await c.t.call('score', { period: 'quarter', year: 2026, n: 3 })).toEqual(before);
    expect((await c.t.call('rulesList', {})).map((v) => v.validFrom)).toEqual(['2026-10-01', '2026-07-01', '1900-01-01']);
  });
});

describe('one month', () => {
  it('August: 东山镇 missed its target; the month has ended so it is judged', async () => {
    const rows = await c.t.call('score', { period: 'month', year: 2026, n: 8 });
    expect(row(rows, '东山镇')).toMatchObject({ sent: 1, targetMonthsMissed: 1, deductions: 30 });
  });

  it('October has not ended on 2026-10-15: no target is judged', async () => {
    const rows = await c.t.call('score', { period: 'month', year: 2026, n: 10 });
    expect(row(rows, '东山镇')).toMatchObject({ targetMonthsMet: 0, targetMonthsMissed: 0, deductions: 0 });
  });

  it('a range that cuts a month judges only the whole months inside it', async () => {
    const rows = await c.t.call('score', { from: '2026-07-15', to: '2026-09-30' });
    // August and September only: −30 + 20
    expect(row(rows, '东山镇')).toMatchObject({ targetMonthsMet: 1, targetMonthsMissed: 1 });
  });
});

describe('adoption records', () => {
  it('lists our own series (from the signed issues) and the hand-entered ones for an item', async () => {
    const list = await c.t.call('adoptionList', { articleId: c.articles.a1 });
    expect(list.rows.map((a) => [a.source, a.publication, a.level, a.kind, a.date])).toEqual([
      ['manual', '省政府办公厅政务信息', 'province', 'single', '2026-09-10'],
      ['manual', '政务信息快报', 'city', 'single', '2026-08-03'],
      ['issue', '城关县政务信息', 'county', 'single', '2026-07-20'],
    ]);
    expect(list.rows[2]).toMatchObject({ id: null, issueRef: '2026年第1期', issueId: c.issues.i1, units: ['城关镇'] });
  });

  it('an item of a voided issue is no longer listed as adopted by our series', async () => {
    const list = await c.t.call('adoptionList', { articleId: c.articles.a2 });
    expect(list.rows.map((a) => a.publication)).toEqual(['每日要情']);
  });

  it('lists the combined item under each of its units', async () => {
    const shuili = await c.t.call('adoptionList', { unit: '县水利局' });
    expect(shuili.rows.map((a) => [a.articleId, a.units])).toEqual([[c.articles.a3, ['县发改局', '县水利局']]]);
    expect((await c.t.call('instructionList', { unit: '县水利局' })).rows.map((i) => i.leader)).toEqual(['副省长赵某某']);
  });

  it('shows each unit\'s answer to a commission', async () => {
    const [c1] = await c.t.call('commissionList', { to: '2026-09-30' });
    expect(c1?.units.map((u) => [u.unit, u.status])).toEqual([
      ['城关镇', 'onTime'],
      ['县发改局', 'late'],
      ['县水利局', 'missing'],
    ]);
    const open = await c.t.call('commissionList', { from: '2026-10-01' });
    expect(open[0]?.units.map((u) => u.status)).toEqual(['pending']);
  });
});

describe('drafts sent', () => {
  it('counts an item typed in for a unit as a draft it sent, and an item made from a draft once', async () => {
    const d = await buildCounty();
    try {
      const sent = async () => row(await d.t.call('score', { from: '2026-10-15', to: '2026-10-15' }), '西河镇').sent;
      expect(await sent()).toBe(0);
      await d.t.call('articleAdd', { title: '西河镇秋收进度', body: '正文。', unit: d.units.xihe });
      expect(await sent()).toBe(1);
      const draft = await d.t.call('submissionAdd', { title: '西河镇冬修水利', body: '正文。', unit: d.units.xihe, receivedDate: '2026-10-15' });
      expect(await sent()).toBe(2);
      await d.t.call('submissionEdit', { id: draft.id });
      expect(await sent()).toBe(2);
      // an item with no unit is nobody's draft
      await d.t.call('articleAdd', { title: '县政府常务会议', body: '正文。' });
      expect(await sent()).toBe(2);
    } finally {
      d.t.close();
    }
  });
});
