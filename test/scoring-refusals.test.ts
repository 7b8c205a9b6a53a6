/**
 * Every refused assessment input leaves the database exactly as it was (every table compared),
 * and says in Chinese what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../src-main/scoring/rules';
import { snapshotAll } from './helpers/db';
import { buildCounty, type County } from './helpers/scoring-county';

let c: County;
beforeAll(async () => {
  c = await buildCounty();
});
afterAll(() => c?.t.close());

/** A copy of the default rules without one value. */
function rulesWithout(path: string[]): unknown {
  const copy = structuredClone(DEFAULT_RULES) as unknown as Record<string, unknown>;
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string, unknown>;
  delete node[path.at(-1)!];
  return copy;
}

const cases: [string, string, () => unknown, RegExp][] = [
  ['adoptionAdd', 'a date that does not exist', () => ({ articleId: c.articles.a1, publication: '政务信息快报', level: 'city', kind: 'single', date: '2026-02-30' }), /采用日期不是有效的日期/],
  ['adoptionAdd', 'a date in the wrong format', () => ({ articleId: c.articles.a1, publication: '政务信息快报', level: 'city', kind: 'single', date: '2026/8/3' }), /采用日期格式应为 年-月-日/],
  ['adoptionAdd', 'a date after today', () => ({ articleId: c.articles.a1, publication: '政务信息快报', level: 'city', kind: 'single', date: '2026-12-01' }), /晚于今天/],
  ['adoptionAdd', 'a kind the level does not know', () => ({ articleId: c.articles.a1, publication: '政务信息快报', level: 'city', kind: 'web' }), /市级刊物的采用类型只能是：single（单条）、research（综合调研）/],
  ['adoptionAdd', 'an unknown level', () => ({ articleId: c.articles.a1, publication: '政务信息快报', level: 'town', kind: 'single' }), /级别只能是/],
  ['adoptionAdd', 'an item that does not exist', () => ({ articleId: 9999, publication: '政务信息快报', level: 'city', kind: 'single' }), /没有编号为 9999 的信息/],
  ['adoptionAdd', 'our own series, entered by hand', () => ({ articleId: c.articles.a1, publication: '《城关县政务信息》', level: 'county', kind: 'single' }), /自动计入/],
  ['adoptionAdd', 'the same adoption twice', () => ({ articleId: c.articles.a1, publication: '政务信息快报', level: 'city', kind: 'single', date: '2026-08-03', issueRef: '2026年第15期' }), /已经登记过了/],
  ['adoptionDelete', 'an own-series adoption (it has no record to delete)', () => ({ id: 9999 }), /作废该期/],
  ['instructionAdd', 'a leader left empty', () => ({ articleId: c.articles.a1, level: 'county', leader: '　' }), /批示领导不能为空/],
  ['instructionAdd', 'a date after today', () => ({ articleId: c.articles.a1, level: 'county', leader: '县长王某某', date: '2027-01-01' }), /晚于今天/],
  ['commissionAdd', 'an unknown unit', () => ({ topic: '秋粮收购', deadline: '2026-11-01', units: ['城关镇', '不存在的镇'] }), /没有名称、简称或别称为“不存在的镇”的来稿单位/],
  ['commissionAdd', 'no unit at all', () => ({ topic: '秋粮收购', deadline: '2026-11-01', units: [] }), /请至少给出一个单位/],
  ['commissionAdd', 'the same unit twice', () => ({ topic: '秋粮收购', deadline: '2026-11-01', units: ['城关镇', '城关镇'] }), /重复出现/],
  ['commissionAdd', 'a deadline that does not exist', () => ({ topic: '秋粮收购', deadline: '2026-13-01', units: ['城关镇'] }), /截止日期不是有效的日期/],
  ['commissionAnswer', 'a unit that was not asked', () => ({ id: c.commission, unit: '东山镇' }), /不在约稿“防汛工作”的约稿单位之中/],
  ['commissionAnswer', 'a second answer', () => ({ id: c.commission, unit: '城关镇', date: '2026-08-19' }), /已于 2026-08-18 登记报送/],
  ['commissionAnswer', 'an item of another unit', () => ({ id: c.commission, unit: '县水利局', articleId: c.articles.a1, date: '2026-09-01' }), /不是“县水利局”报送的/],
  ['commissionAnswer', 'an unknown commission', () => ({ id: 999, unit: '城关镇' }), /没有编号为 999 的约稿/],
  ['deductionAdd', 'negative points', () => ({ unit: '城关镇', points: -50, reason: '迟报' }), /扣分请填写扣去的分数（正整数）/],
  ['deductionAdd', 'zero points', () => ({ unit: '城关镇', points: 0, reason: '迟报' }), /正整数/],
  ['deductionAdd', 'fractional points', () => ({ unit: '城关镇', points: 12.5, reason: '迟报' }), /扣分必须是整数/],
  ['deductionAdd', 'an unknown unit', () => ({ unit: '不存在的局', points: 50, reason: '迟报' }), /没有名称、简称或别称为“不存在的局”的来稿单位/],
  ['deductionAdd', 'no reason', () => ({ unit: '城关镇', points: 50 }), /请给出扣分原因/],
  ['deductionAdd', 'a date after today', () => ({ unit: '城关镇', points: 50, reason: '迟报', date: '2026-10-16' }), /晚于今天/],
  ['targetSet', 'a negative target', () => ({ unit: '城关镇', monthly: -1 }), /月度任务不能为负/],
  ['targetSet', 'an unknown unit', () => ({ unit: 99, monthly: 3 }), /没有编号为 99 的来稿单位/],
  ['rulesAdd', 'rules missing a value', () => ({ validFrom: '2027-01-01', rules: rulesWithout(['adoption', 'city', 'single', 'points']) }), /计分规则缺少“市级刊物采用·单条·得分”/],
  ['rulesAdd', 'rules missing a whole group', () => ({ validFrom: '2027-01-01', rules: rulesWithout(['thresholds']) }), /计分规则缺少“扣分线”/],
  ['rulesAdd', 'a negative value', () => ({ validFrom: '2027-01-01', rules: { ...DEFAULT_RULES, commission: { late: -50, missing: 50 } } }), /“约稿迟报扣分”必须是 0 到 10000 之间的整数/],
  ['rulesAdd', 'a value the rules do not know', () => ({ validFrom: '2027-01-01', rules: { ...DEFAULT_RULES, bonus: 5 } }), /不认识的项：bonus/],
  ['rulesAdd', 'JSON that does not parse', () => ({ validFrom: '2027-01-01', rules: '{"adoption": ' }), /不是有效的 JSON/],
  ['rulesAdd', 'no rules', () => ({ validFrom: '2027-01-01' }), /请给出计分规则/],
  ['rulesAdd', 'a version date already used', () => ({ validFrom: '2026-07-01', rules: DEFAULT_RULES }), /已有自 2026-07-01 起的计分规则/],
  ['rulesAdd', 'lines the wrong way round', () => ({ validFrom: '2027-01-01', rules: { ...DEFAULT_RULES, thresholds: { notAdvanced: 300, criticised: 200 } } }), /扣分线不能高于/],
  ['articleSetUnits', 'the item\'s own unit as a further unit', () => ({ id: c.articles.a5, unitIds: ['城关镇'] }), /已是本条信息的来稿单位/],
  ['articleSetUnits', 'an unknown unit', () => ({ id: c.articles.a5, unitIds: ['县水利局', '没有这个局'] }), /没有名称、简称或别称为“没有这个局”的来稿单位/],
  ['articleSetUnits', 'an item printed in a signed issue', () => ({ id: c.articles.a3, unitIds: ['县水利局', '西河镇'] }), /已签发.*来稿单位和合报单位不能再改/],
  ['articleDelete', 'an item with adoptions on record', () => ({ id: c.articles.a5 }), /已有采用、批示或约稿报送记录，不能删除/],
  ['score', 'a start after the end', () => ({ from: '2026-09-30', to: '2026-07-01' }), /起始日期 2026-09-30 晚于截止日期 2026-07-01/],
  ['score', 'no period at all', () => ({}), /请给出起止日期/],
  ['score', 'a fifth quarter', () => ({ period: 'quarter', year: 2026, n: 5 }), /季度只能是 1 到 4/],
  ['score', 'dates and a period together', () => ({ from: '2026-07-01', to: '2026-09-30', period: 'year', year: 2026 }), /只用一种方式/],
  ['circularExport', 'a folder that does not exist', () => ({ from: '2026-07-01', to: '2026-09-30', out: '/nonexistent/通报' }), /文件夹“\/nonexistent\/通报”不存在/],
];

describe('refusals leave the database unchanged', () => {
  it.each(cases)('%s: %s', async (op, _what, input, message) => {
    const before = snapshotAll(c.t.db);
    const err = await c.t.refuse(op as never, input());
    expect(err.message).toMatch(message);
    expect(snapshotAll(c.t.db)).toEqual(before);
  });
});

describe('the schema itself', () => {
  it('refuses to change or delete a saved rules version', () => {
    const before = snapshotAll(c.t.db);
    expect(() => c.t.db.prepare("UPDATE score_rules SET rules = '{}' WHERE valid_from = '1900-01-01'").run()).toThrow(/不能修改/);
    expect(() => c.t.db.prepare('DELETE FROM score_rules').run()).toThrow(/不能删除/);
    expect(snapshotAll(c.t.db)).toEqual(before);
  });

  it('refuses to rewrite an answer on record', () => {
    expect(() =>
      c.t.db.prepare("UPDATE commission_units SET answered_date = '2026-08-01' WHERE commission_id = ? AND answered_date IS NOT NULL").run(c.commission),
    ).toThrow(/不能更改/);
  });

  it('refuses an adoption kind the level does not have, and negative deductions', () => {
    expect(() =>
      c.t.db.prepare("INSERT INTO adoptions (article_id, publication, level, kind, date, created_at) VALUES (?, 'x', 'city', 'web', '2026-01-01', 'now')").run(c.articles.a1),
    ).toThrow(/CHECK/);
    expect(() => c.t.db.prepare("INSERT INTO deductions (unit_id, points, reason, date, created_at) VALUES (?, -5, 'x', '2026-01-01', 'now')").run(c.units.xihe)).toThrow(/CHECK/);
  });

  it('seeds the default rules from 1900-01-01, equal to DOMAIN.md\'s table in the code', async () => {
    const v = await c.t.call('rulesGet', { date: '2000-01-01' });
    expect(v).toMatchObject({ validFrom: '1900-01-01', rules: DEFAULT_RULES });
  });
});
