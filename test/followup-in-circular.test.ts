/**
 * Issue 16's records counted where the rules say, read back from the files the office sends:
 * a leader's instruction (entered by hand and imported from the city's notice alike) scores for
 * the item's unit and is counted in the opening; commissions missed and answered late deduct,
 * and twice in a year flags the unit in the circular's text; an urgent event's proposed
 * deduction counts only once applied (never silently), in the unit's 扣分 and in the ledger,
 * where it names the rule it came from.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../src-main/scoring/rules';
import { openTestDb, type TestDb } from './helpers/db';
import { addSubmissions } from './helpers/scoring-county';

let t: TestDb;
const u = { a: 0, b: 0 };
const YEAR = { period: 'year' as const, year: 2026 };

beforeAll(async () => {
  t = openTestDb({ now: () => new Date(2026, 10, 20, 12) }); // 2026-11-20
  await t.call('seriesAdd', { name: '城关县政务信息', org: '城关县人民政府办公室' });
  u.a = (await t.call('unitAdd', { name: '城关镇' })).id;
  u.b = (await t.call('unitAdd', { name: '东山镇' })).id;
  addSubmissions(t.db, u.a, '2026-10-03', 2);
  addSubmissions(t.db, u.b, '2026-10-04', 2);
  const article = (await t.call('articleAdd', { title: '城关镇推进老旧小区改造', body: '正文。', unit: u.a })).id;
  await t.call('instructionAdd', { articleId: article, level: 'city', leader: '副市长刘晓东', date: '2026-10-20', text: '请关注。' });
  // 东山镇: one commission missed, one answered late — two in the year, the rules' flag line
  const missed = (await t.call('commissionAdd', { topic: '秋粮收购', deadline: '2026-10-10', units: [u.a, u.b] })).id;
  await t.call('commissionAnswer', { id: missed, unit: u.a, date: '2026-10-09' });
  const late = (await t.call('commissionAdd', { topic: '防汛总结', deadline: '2026-10-15', units: [u.b] })).id;
  await t.call('commissionAnswer', { id: late, unit: u.b, date: '2026-10-18' });
  // 城关镇 reported an urgent event 65 minutes after it happened: late at county level
  await t.call('liaisonAdd', { unit: u.a, name: '张敏', from: '2026-01-01' });
  const e = await t.call('urgentAdd', { unit: u.a, what: '幸福路燃气泄漏', eventTime: '2026-08-12 09:00', unitReportedAt: '2026-08-12 10:05' });
  expect(e.proposal).not.toBeNull();
});
afterAll(() => t?.close());

it('a proposed urgent deduction is not counted until applied; then it is, with instructions and commissions', async () => {
  const before = await t.call('score', YEAR);
  expect(before.find((r) => r.unitId === u.a)!.deductions).toBe(0);

  const [event] = await t.call('urgentList', {});
  const applied = await t.call('urgentApply', { id: event!.id });
  const rows = await t.call('score', YEAR);
  const a = rows.find((r) => r.unitId === u.a)!;
  const b = rows.find((r) => r.unitId === u.b)!;
  expect(a).toMatchObject({ instructionsCity: 1, commissionsLate: 0, commissionsMissing: 0, deductions: applied.proposal!.points });
  expect(a.points).toBe(DEFAULT_RULES.instruction.city.points);
  expect(b).toMatchObject({ commissionsLate: 1, commissionsMissing: 1, deductions: DEFAULT_RULES.commission.late + DEFAULT_RULES.commission.missing });
  const report = await t.call('scoreReport', YEAR);
  expect(report.commissionFlagged).toEqual(['东山镇']);
});

it('the circular names them: the opening counts the instruction, the table the deductions, the text the flag; the workbook lists each', async () => {
  const out = await t.call('circularExport', { ...YEAR, out: t.dir });
  const text = (await mammoth.extractRawText({ path: out.docx })).value.replace(/\s+/g, ' ');
  expect(text).toContain('获得领导批示1次');
  expect(text).toContain('2026年约稿迟报或未报达到2次、予以通报的单位：东山镇。');
  const a = await t.call('score', YEAR);
  const rowText = (unit: string) => {
    const r = a.find((x) => x.unit === unit)!;
    return [r.unit, r.sent, r.adoptedCounty, r.adoptedCity, r.adoptedProvince, r.instructionsCounty + r.instructionsCity + r.instructionsProvince, r.points, r.deductions, r.net].join(' ');
  };
  expect(text).toContain(rowText('城关镇'));
  expect(text).toContain(rowText('东山镇'));

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out.xlsx);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => cells.push(row.values instanceof Array ? row.values.join('|') : '')));
  const all = cells.join('\n');
  expect(all).toContain('约稿“秋粮收购”未报');
  expect(all).toContain('约稿“防汛总结”迟报');
  expect(all).toContain('紧急信息迟报（县级，超时35分钟）：幸福路燃气泄漏');
  // a deduction the rules proposed names its rule and version in the ledger, not 手工登记
  const urgentLine = cells.find((c) => c.includes('幸福路燃气泄漏'))!;
  expect(urgentLine).toMatch(/\|紧急信息迟报\|最初版本（自启用起）$/);
  expect(all).toContain('副市长刘晓东');
  expect(path.basename(out.docx)).toMatch(/\.docx$/);
});
