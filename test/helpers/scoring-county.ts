/**
 * The fixture county of the scoring tests: five units, a year with a rules change on 1 July,
 * items published in our own bulletin and adopted upward, instructions at each level, a combined
 * item, a commission answered on time, late and not at all, a monthly target met and missed,
 * manual deductions, and an issue voided after signing. "Today" is 2026-10-15.
 *
 * The expected figures are worked out by hand in test/scoring-county.test.ts.
 */
import type { DB } from '../../src-main/store/db';
import { DEFAULT_RULES, withRuleValue } from '../../src-main/scoring/rules';
import { openTestDb, publish, type TestDb } from './db';

export const TODAY = new Date(2026, 9, 15, 12, 0, 0);

/** Drafts in the intake register, inserted directly (the import is another part of the app). */
export function addSubmissions(db: DB, unitId: number | null, date: string, count: number): void {
  const insert = db.prepare(
    `INSERT INTO submissions (unit_id, received_date, title, paragraphs, original_format, created_at, updated_at)
     VALUES (?, ?, ?, '[{"level":0,"text":"正文。"}]', 'typed', ?, ?)`,
  );
  for (let i = 0; i < count; i++) insert.run(unitId, date, `来稿 ${date} ${i + 1}`, `${date}T01:00:00.000Z`, `${date}T01:00:00.000Z`);
}

export interface County {
  t: TestDb;
  units: { chengguan: number; dongshan: number; fagai: number; shuili: number; xihe: number };
  articles: { a1: number; a2: number; a3: number; a5: number };
  issues: { i1: number; i2: number; i3: number };
  commission: number;
}

/** Builds the county up to, but not including, the void of issue I2 (call voidI2 for that). */
export async function buildCounty(): Promise<County> {
  const t = openTestDb({ now: () => TODAY });
  const series = await t.call('seriesAdd', { name: '城关县政务信息', org: '城关县人民政府办公室' });
  const unit = async (name: string) => (await t.call('unitAdd', { name })).id;
  const units = {
    chengguan: await unit('城关镇'),
    dongshan: await unit('东山镇'),
    fagai: await unit('县发改局'),
    shuili: await unit('县水利局'),
    xihe: await unit('西河镇'),
  };
  const article = async (title: string, unitId: number) => (await t.call('articleAdd', { title, body: `${title}。正文。`, unit: unitId })).id;
  const articles = {
    a1: await article('城关镇推进老旧小区改造', units.chengguan),
    a2: await article('东山镇发展特色产业', units.dongshan),
    a3: await article('全县水利项目建设情况综述', units.fagai),
    a5: await article('城关镇上半年经济运行分析', units.chengguan),
  };

  // From 1 July a city single item scores 60 points and 120 yuan instead of 50 and 100.
  const july = withRuleValue(withRuleValue(DEFAULT_RULES, ['adoption', 'city', 'single', 'points'], 60), ['adoption', 'city', 'single', 'reward'], 120);
  await t.call('rulesAdd', { validFrom: '2026-07-01', rules: july });

  // A3 combines the material of 县发改局 (its own unit) and 县水利局.
  await t.call('articleSetUnits', { id: articles.a3, unitIds: [units.shuili] });

  const i1 = await publish(t, series.id, [articles.a1], '2026-07-20');
  const i2 = await publish(t, series.id, [articles.a2], '2026-07-25');
  const i3 = await publish(t, series.id, [articles.a3], '2026-08-15');

  await t.call('adoptionAdd', { articleId: articles.a1, publication: '政务信息快报', level: 'city', kind: 'single', date: '2026-08-03', issueRef: '2026年第15期' });
  await t.call('adoptionAdd', { articleId: articles.a1, publication: '省政府办公厅政务信息', level: 'province', kind: 'single', date: '2026-09-10', issueRef: '第88期' });
  await t.call('adoptionAdd', { articleId: articles.a2, publication: '每日要情', level: 'county', kind: 'daily', date: '2026-07-22' });
  await t.call('adoptionAdd', { articleId: articles.a5, publication: '政务信息快报', level: 'city', kind: 'single', date: '2026-06-20', issueRef: '2026年第9期' });

  await t.call('instructionAdd', { articleId: articles.a1, level: 'city', leader: '副市长李某某', date: '2026-08-05', text: '请各地学习借鉴。' });
  await t.call('instructionAdd', { articleId: articles.a2, level: 'county', leader: '县长王某某', date: '2026-08-10' });
  await t.call('instructionAdd', { articleId: articles.a3, level: 'province', leader: '副省长赵某某', date: '2026-09-01' });

  const c = await t.call('commissionAdd', { topic: '防汛工作', deadline: '2026-08-20', units: [units.chengguan, units.fagai, units.shuili] });
  await t.call('commissionAnswer', { id: c.id, unit: units.chengguan, date: '2026-08-18' });
  await t.call('commissionAnswer', { id: c.id, unit: units.fagai, date: '2026-08-25', articleId: articles.a3 });
  // a commission still open on "today": neither late nor missing yet
  await t.call('commissionAdd', { topic: '四季度重点工作', deadline: '2026-10-30', units: [units.xihe] });

  await t.call('deductionAdd', { unit: units.shuili, points: 100, reason: '被市政府办公室通报批评', date: '2026-03-10' });
  await t.call('deductionAdd', { unit: units.shuili, points: 60, reason: '紧急信息瞒报（县级）', date: '2026-09-05' });

  await t.call('targetSet', { unit: units.dongshan, monthly: 2, from: '2026-07-01' });

  addSubmissions(t.db, units.chengguan, '2026-06-12', 1);
  addSubmissions(t.db, units.xihe, '2026-05-08', 2);
  addSubmissions(t.db, units.chengguan, '2026-07-03', 3);
  addSubmissions(t.db, units.chengguan, '2026-08-04', 2);
  addSubmissions(t.db, units.chengguan, '2026-09-09', 1);
  addSubmissions(t.db, units.dongshan, '2026-07-06', 2);
  addSubmissions(t.db, units.dongshan, '2026-08-06', 1);
  addSubmissions(t.db, units.dongshan, '2026-09-02', 3);
  addSubmissions(t.db, units.fagai, '2026-07-15', 1);
  addSubmissions(t.db, units.fagai, '2026-08-15', 1);
  addSubmissions(t.db, units.shuili, '2026-08-20', 1);

  return { t, units, articles, issues: { i1: i1.id, i2: i2.id, i3: i3.id }, commission: c.id };
}

export async function voidI2(c: County): Promise<void> {
  await c.t.call('issueVoid', { id: c.issues.i2, reason: '数据有误' });
}
