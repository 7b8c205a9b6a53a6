/** The pure parts of scoring: periods and their names, rule versions by date, ranking with ties. */
import { describe, expect, it } from 'vitest';
import { rulesAt, scorePeriod, type ScoreData } from '../src-main/scoring/compute';
import { customPeriod, monthSlices, periodOf } from '../src-main/scoring/periods';
import { percent } from '../src-main/scoring/circular-model';
import { DEFAULT_RULES, RULE_FIELDS, ruleValue, scoreRulesSchema, withRuleValue, type RulesVersion } from '../src-main/scoring/rules';

describe('periods', () => {
  it('names and bounds a month, a quarter, a half and a year', () => {
    expect(periodOf('month', 2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29', label: '2024年2月' });
    expect(periodOf('quarter', 2026, 3)).toEqual({ from: '2026-07-01', to: '2026-09-30', label: '2026年第三季度' });
    expect(periodOf('half', 2026, 2)).toEqual({ from: '2026-07-01', to: '2026-12-31', label: '2026年下半年' });
    expect(periodOf('year', 2026)).toEqual({ from: '2026-01-01', to: '2026-12-31', label: '2026年度' });
  });

  it('recognises a named period given as dates, and names any other range by its dates', () => {
    expect(customPeriod('2026-01-01', '2026-06-30').label).toBe('2026年上半年');
    expect(customPeriod('2026-07-15', '2026-08-20').label).toBe('2026年7月15日至8月20日');
    expect(customPeriod('2025-12-01', '2026-01-31').label).toBe('2025年12月1日至2026年1月31日');
  });

  it('cuts a range into calendar months and says which are whole', () => {
    expect(monthSlices('2026-07-15', '2026-09-30')).toEqual([
      { month: '2026-07', from: '2026-07-15', to: '2026-07-31', whole: false },
      { month: '2026-08', from: '2026-08-01', to: '2026-08-31', whole: true },
      { month: '2026-09', from: '2026-09-01', to: '2026-09-30', whole: true },
    ]);
    expect(monthSlices('2025-12-31', '2026-01-01').map((m) => m.month)).toEqual(['2025-12', '2026-01']);
  });
});

describe('rules', () => {
  it('the editor lists every number of the rules exactly once', () => {
    const leaves: string[] = [];
    const walk = (node: unknown, path: string[]) => {
      if (typeof node === 'number') leaves.push(path.join('.'));
      else for (const [k, v] of Object.entries(node as object)) walk(v, [...path, k]);
    };
    walk(DEFAULT_RULES, []);
    expect(RULE_FIELDS.map((f) => f.path.join('.')).sort()).toEqual(leaves.sort());
    expect(scoreRulesSchema.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it('changes one number without touching the original', () => {
    const changed = withRuleValue(DEFAULT_RULES, ['instruction', 'city', 'points'], 45);
    expect(ruleValue(changed, ['instruction', 'city', 'points'])).toBe(45);
    expect(DEFAULT_RULES.instruction.city.points).toBe(40);
  });

  it('finds the version in force on a date', () => {
    const v = (validFrom: string): RulesVersion => ({ id: 0, validFrom, rules: DEFAULT_RULES, createdAt: '' });
    const versions = [v('1900-01-01'), v('2026-07-01'), v('2027-01-01')];
    expect(rulesAt(versions, '2026-06-30').validFrom).toBe('1900-01-01');
    expect(rulesAt(versions, '2026-07-01').validFrom).toBe('2026-07-01');
    expect(rulesAt(versions, '2030-01-01').validFrom).toBe('2027-01-01');
  });
});

describe('ranking', () => {
  const data = (nets: number[]): ScoreData => ({
    units: nets.map((_, i) => ({ id: i + 1, name: `单位${i + 1}`, active: true })),
    rules: [{ id: 1, validFrom: '1900-01-01', rules: DEFAULT_RULES, createdAt: '' }],
    submissions: [],
    adoptions: [],
    instructions: [],
    articleUnits: new Map(),
    commissions: [],
    deductions: nets.map((n, i) => ({ id: i + 1, unitId: i + 1, points: -n, reason: '测试', date: '2026-03-01' })).filter((d) => d.points > 0),
    targets: [],
    today: '2026-12-31',
  });

  it('gives equal nets the same rank and skips the ranks they take (1, 1, 3)', () => {
    const rows = scorePeriod(data([0, -10, 0, -30, -10]), '2026-01-01', '2026-12-31').rows;
    expect(rows.map((r) => [r.unit, r.net, r.rank])).toEqual([
      ['单位1', 0, 1],
      ['单位3', 0, 1],
      ['单位2', -10, 3],
      ['单位5', -10, 3],
      ['单位4', -30, 5],
    ]);
  });

  it('leaves out a unit no longer in use unless it did something in the period', () => {
    const d = data([0, -10]);
    d.units = d.units.map((u) => ({ ...u, active: false }));
    expect(scorePeriod(d, '2026-01-01', '2026-12-31').rows.map((r) => r.unit)).toEqual(['单位2']);
  });

  it('writes rates as offices do', () => {
    expect([percent(0.2), percent(1 / 6), percent(null), percent(1)]).toEqual(['20%', '16.7%', '0%', '100%']);
  });
});
