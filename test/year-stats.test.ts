/**
 * 年度统计 (issue 16 part 6): the year's figures on the scoring tests' county (with a second
 * series, a supplement, a voided issue and packets added), each figure checked against a count
 * made here by hand or in JavaScript from the rows; the units' figures equal the circular's for
 * the same period; the demo; the refusals; the Word and Excel files read back.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countChars, type Paragraph } from '../src-main/api/text';
import { circularModel } from '../src-main/services/scoring';
import { YEAR_STATS_SECTIONS } from '../src-main/services/year-stats';
import { runDemo } from '../src-main/demo/run';
import { issueArticles } from '../src-main/services/issues';
import { createCtx } from '../src-main/services/context';
import { openDatabase } from '../src-main/store/db';
import { dispatch } from '../src-main/wiring/dispatch';
import type { YearStats } from '../src-main/api/ops/stats';
import { buildCounty, voidI2, type County } from './helpers/scoring-county';
import { snapshotAll, tempDir } from './helpers/db';

let county: County;
let extra: { a6: number; a7: number; seriesB: number };
let stats: YearStats;

/** Characters of items as the word count counts them, from their stored paragraphs. */
function charsOf(c: County, ids: number[]): number {
  return ids.reduce((n, id) => {
    const row = c.t.db.prepare('SELECT paragraphs FROM articles WHERE id = ?').get(id) as { paragraphs: string };
    return n + countChars(JSON.parse(row.paragraphs) as Paragraph[]);
  }, 0);
}

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file('word/document.xml')!.async('string');
}

function addPacket(c: County, createdAt: string, items: { kind: 'issue' | 'article'; id: number }[]): void {
  const sha = 'a'.repeat(64);
  const id = Number(
    c.t.db
      .prepare(
        `INSERT INTO packets (created_at, file_name, path, sha256, size, manifest, issue_count, article_count)
         VALUES (?, 'packet.zip', '/tmp/packet.zip', ?, 100, '{}', ?, ?)`,
      )
      .run(createdAt, sha, items.filter((i) => i.kind === 'issue').length, items.filter((i) => i.kind === 'article').length).lastInsertRowid,
  );
  for (const i of items) c.t.db.prepare('INSERT INTO packet_items (packet_id, kind, ref_id, sha256) VALUES (?, ?, ?, ?)').run(id, i.kind, i.id, sha);
}

beforeAll(async () => {
  county = await buildCounty();
  await voidI2(county);
  const { t, units, articles, issues } = county;
  const seriesB = (await t.call('seriesAdd', { name: '城关县情况反映', org: '城关县人民政府办公室' })).id;
  const a6 = (await t.call('articleAdd', { title: '关于汛期地质灾害隐患的情况反映', body: '一、基本情况\n全县排查隐患点　12处。\n二、建议\n加强 monitoring 监测。', unit: units.fagai })).id;
  const a7 = (await t.call('articleAdd', { title: '西河镇秋收工作', body: '西河镇秋收进度过半。', unit: units.xihe })).id;
  const b = await t.call('issueCreate', { series: seriesB, date: '2026-09-20' });
  await t.call('issueAddArticles', { id: b.id, articleIds: [a6] });
  await t.call('issueSubmit', { id: b.id });
  await t.call('issueSign', { id: b.id, signedBy: '张某某' });
  const seriesA = (t.db.prepare("SELECT id FROM series WHERE name = '城关县政务信息'").get() as { id: number }).id;
  const sup = await t.call('issueCreate', { series: seriesA, date: '2026-09-25', supplement: true });
  await t.call('issueAddArticles', { id: sup.id, articleIds: [a7] });
  await t.call('issueSubmit', { id: sup.id });
  await t.call('issueSign', { id: sup.id, signedBy: '张某某' });
  // Two packets this year (the issue I1 with A1, then A3 and A5 alone), one last year.
  addPacket(county, '2026-08-01T02:00:00.000Z', [
    { kind: 'issue', id: issues.i1 },
    { kind: 'article', id: articles.a3 },
  ]);
  addPacket(county, '2026-09-12T02:00:00.000Z', [{ kind: 'article', id: articles.a5 }]);
  addPacket(county, '2025-12-01T02:00:00.000Z', [{ kind: 'article', id: articles.a2 }]);
  extra = { a6, a7, seriesB };
  stats = await t.call('statsYear', { year: 2026 });
}, 120_000);

afterAll(() => county?.t.close());

describe('the year on the county, against counts made by hand', () => {
  it('names the report after the county and the year', () => {
    expect(stats.title).toBe('城关县2026年政务信息工作统计');
    expect(stats.county).toBe('城关县');
    expect(stats.label).toBe('2026年');
    expect(stats.year).toBe(2026);
  });

  it('counts issues per series: signed, supplements and voided apart, items and characters as printed', () => {
    const { a1, a3 } = county.articles;
    const a = stats.series.find((s) => s.series === '城关县政务信息')!;
    const b = stats.series.find((s) => s.series === '城关县情况反映')!;
    // I1 and I3 signed, I2 voided (its item no longer counts), one supplement with A7
    expect(a).toMatchObject({ signed: 2, supplements: 1, voided: 1, firstNumber: 1, lastNumber: 3, items: 3 });
    expect(a.chars).toBe(charsOf(county, [a1, a3, extra.a7]));
    expect(b).toMatchObject({ signed: 1, supplements: 0, voided: 0, firstNumber: 1, lastNumber: 1, items: 1 });
    // the 全角空格 and the spaces of the body are not characters
    expect(b.chars).toBe(charsOf(county, [extra.a6]));
    expect(stats.issues).toEqual({ signed: 3, supplements: 1, voided: 1, items: 4, chars: a.chars + b.chars });
  });

  it('counts drafts received as the circular does: the register, and items typed in without a draft', () => {
    // 18 drafts in the register in 2026, and six items typed in on "today" (2026-10-15)
    expect(stats.received).toBe(18 + 6);
    expect(stats.units.find((u) => u.unit === '城关镇')!.sent).toBe(1 + 3 + 2 + 1 + 2);
  });

  it('counts what went upward, the adoptions per level and the instruction rate', () => {
    // A1 (inside I1) and A3 in August, A5 in September; the packet of 2025 is not this year's
    expect(stats.upward).toEqual({ packets: 2, items: 3 });
    const level = (l: string) => stats.levels.find((x) => x.level === l)!;
    // own series: A1, A3, A6, A7; by hand: A2 in 每日要情
    expect(level('county')).toMatchObject({ adoptions: 5, adoptedItems: 5, instructions: 1, instructedItems: 1 });
    expect(level('city')).toMatchObject({ adoptions: 2, adoptedItems: 2, instructions: 1, instructedItems: 1 });
    expect(level('province')).toMatchObject({ adoptions: 1, adoptedItems: 1, instructions: 1, instructedItems: 1 });
    for (const l of stats.levels) expect(l.instructionRate).toBeCloseTo(1 / 3);
    expect(stats.instructions).toEqual({ total: 3, items: 3, rate: 1 });
  });

  it('counts commissions answered on time, late, missed and not yet due, and the deductions by kind', () => {
    expect(stats.commissions).toEqual({ commissions: 2, asked: 4, onTime: 1, late: 1, missing: 1, pending: 1 });
    // 100 + 60 by hand, 50 late + 50 missing, 东山镇's August target missed (30)
    expect(stats.deductions).toEqual({ points: 290, manualCount: 2, manualPoints: 160, targetMissedPoints: 30, commissionPoints: 100 });
  });

  it('goes month by month, and the months add up to the year', () => {
    const m = (month: string) => stats.months.find((x) => x.month === month)!;
    expect(stats.months).toHaveLength(12);
    expect(m('2026-07')).toMatchObject({ issues: 1, items: 1, instructions: 0 });
    expect(m('2026-08')).toMatchObject({ issues: 1, items: 1, sentUpward: 2, instructions: 2 });
    expect(m('2026-09')).toMatchObject({ issues: 1, supplements: 1, items: 2, sentUpward: 1, instructions: 1 });
    const total = (k: 'issues' | 'supplements' | 'items' | 'chars' | 'sent' | 'adoptions' | 'deductions' | 'instructions') => stats.months.reduce((n, x) => n + x[k], 0);
    expect(total('issues')).toBe(stats.issues.signed);
    expect(total('supplements')).toBe(stats.issues.supplements);
    expect(total('items')).toBe(stats.issues.items);
    expect(total('chars')).toBe(stats.issues.chars);
    expect(total('sent')).toBe(stats.received);
    expect(total('adoptions')).toBe(stats.totals.adoptions);
    expect(total('instructions')).toBe(stats.instructions.total);
  });

  it('says it in sentences for the 工作总结', () => {
    const text = stats.sentences.join('\n');
    expect(stats.sentences[0]).toBe(`全年编发《城关县政务信息》2期（另出增刊1期）、《城关县情况反映》1期，刊发信息4条、${stats.issues.chars}字；作废1期，期号保留不再使用。`);
    expect(text).toContain('共收到');
    expect(text).toContain('向上级报送信息3条（上报包2个），被市级采用2篇次、省级采用1篇次');
    expect(text).toContain('获得领导批示3次，其中县级领导批示1次、市级领导批示1次、省级领导批示1次，批示率100%');
    expect(text).toContain('发出约稿2次、涉及4个单位次，按时报送1个、迟报1个、未报1个、尚未到期1个。');
    expect(text).toContain('全年共扣分290分');
    expect(text).toContain('考核积分排名前');
  });
});

describe('never counted differently from the circular', () => {
  it('the year\'s unit rows and totals are the circular\'s for the same period', async () => {
    const circular = circularModel(county.t.ctx, { period: { from: '2026-01-01', to: '2026-12-31', label: '2026年度' } });
    const byUnit = (rows: { unitId: number }[]) => [...rows].sort((a, b) => a.unitId - b.unitId);
    expect(byUnit(stats.units)).toEqual(byUnit(circular.rows));
    expect(stats.totals).toEqual(circular.totals);
    expect(stats.silentUnits).toEqual(circular.silentUnits);
    expect(stats.notAdvanced).toEqual(circular.notAdvanced);
    expect(stats.deductions.points).toBe(circular.rows.reduce((n, r) => n + r.deductions, 0));
  });

  it('and for any period given by dates', async () => {
    const half = await county.t.call('statsYear', { from: '2026-07-01', to: '2026-09-30' });
    const report = await county.t.call('scoreReport', { from: '2026-07-01', to: '2026-09-30' });
    expect(half.year).toBeNull();
    expect(half.title).toBe('城关县2026年第三季度政务信息工作统计');
    expect([...half.units].sort((a, b) => a.unitId - b.unitId)).toEqual([...report.rows].sort((a, b) => a.unitId - b.unitId));
    expect(half.totals).toEqual(report.totals);
    expect(half.months.map((m) => m.month)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(half.sentences[0]).toMatch(/^2026年第三季度编发/);
    const odd = await county.t.call('statsYear', { from: '2026-07-01', to: '2026-09-15' });
    expect(odd.title).toBe('城关县2026年7月1日至9月15日政务信息工作统计');
  });

  it('a whole calendar year given by dates is the year', async () => {
    const byDates = await county.t.call('statsYear', { from: '2026-01-01', to: '2026-12-31' });
    expect(byDates).toEqual(stats);
  });
});

describe('further sections (信息员排名, 紧急信息 … added at merge)', () => {
  it('a section source adds its sentences, a Word table and a sheet', async () => {
    YEAR_STATS_SECTIONS.push((_ctx, period) => ({
      key: 'test',
      title: '测试排名',
      sentences: [`${period.label}测试句子。`],
      table: { headers: ['姓名', '得分'], rows: [['张三', 12]] },
    }));
    try {
      const s = await county.t.call('statsYear', { year: 2026 });
      expect(s.sections.map((x) => x.key)).toEqual(['test']);
      expect(s.sentences.at(-1)).toBe('2026年测试句子。');
      const dir = tempDir('bulletin-ys-');
      const paths = await county.t.call('statsYearExport', { year: 2026, out: dir });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(paths.xlsx);
      expect(wb.getWorksheet('测试排名')!.getRow(2).getCell(2).value).toBe(12);
      const doc = await documentXml(paths.docx);
      expect(doc).toContain('测试排名');
      expect(doc).toContain('张三');
      fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      YEAR_STATS_SECTIONS.pop();
    }
  });
});

describe('refusals change nothing', () => {
  it('a period given wrong, or a folder that does not exist, is refused in plain Chinese', async () => {
    const before = snapshotAll(county.t.db);
    expect((await county.t.refuse('statsYear', {})).message).toContain('请给出年份');
    expect((await county.t.refuse('statsYear', { year: 2026, from: '2026-01-01', to: '2026-02-01' })).message).toContain('请只用一种方式');
    expect((await county.t.refuse('statsYear', { from: '2026-05-01', to: '2026-04-01' })).message).toContain('晚于截止日期');
    expect((await county.t.refuse('statsYear', { from: '2026-05-01' })).message).toContain('请同时给出');
    expect((await county.t.refuse('statsYear', { year: 1800 })).message).toContain('年份');
    expect((await county.t.refuse('statsYearExport', { year: 2026, out: path.join(county.t.dir, 'no-such') })).message).toContain('不存在');
    expect((await county.t.refuse('statsYearExport', { year: 2026 })).message).toContain('保存');
    expect(snapshotAll(county.t.db)).toEqual(before);
  });
});

describe('the files', () => {
  it('writes the Word report and the workbook: sentences, tables, numbers as numbers', async () => {
    const dir = tempDir('bulletin-ys-');
    const paths = await county.t.call('statsYearExport', { year: 2026, out: dir });
    expect(path.basename(paths.docx)).toBe('城关县2026年政务信息工作统计.docx');
    expect(path.basename(paths.xlsx)).toBe('城关县2026年政务信息工作统计.xlsx');
    const doc = await documentXml(paths.docx);
    expect(doc).not.toContain('\uE000');
    for (const s of stats.sentences) expect(doc).toContain(s.slice(0, 12));
    for (const u of stats.units) expect(doc).toContain(`>${u.unit}<`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(paths.xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '刊物编发', '上报采用与批示', '各单位报送与得分', '逐月情况', '约稿与扣分']);
    const units = wb.getWorksheet('各单位报送与得分')!;
    expect(units.getRow(1).getCell(2).value).toBe('单位');
    const first = stats.units[0]!;
    expect(units.getRow(2).getCell(2).value).toBe(first.unit);
    expect(units.getRow(2).getCell(3).value).toBe(first.sent);
    expect(units.getRow(2 + stats.units.length).getCell(3).value).toBe(stats.received);
    const levels = wb.getWorksheet('上报采用与批示')!;
    expect(levels.getRow(5).getCell(6).value).toBe(1);
    expect(levels.getRow(5).getCell(6).numFmt).toBe('0.0%');
    const months = wb.getWorksheet('逐月情况')!;
    expect(months.getRow(14).getCell(3).value).toBe(stats.issues.items);
    expect(months.getRow(2).getCell(1).value).toBe('1月');
    const summary = wb.getWorksheet('概况')!;
    const values = summary.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(values).toContain(stats.sentences[0]);
    expect(await dispatch(county.t.ctx, 'auditList', {})).toMatchObject({ rows: expect.arrayContaining([expect.objectContaining({ operation: 'statsYearExport' })]) });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hands the same files out for a download (browser mode)', async () => {
    const files = await county.t.call('statsYearFiles', { year: 2026 });
    expect(files.map((f) => f.fileName)).toEqual(['城关县2026年政务信息工作统计.docx', '城关县2026年政务信息工作统计.xlsx']);
    expect(Buffer.from(files[1]!.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the demo', () => {
  it('counts the demo county\'s year: the signed issue, its items and characters, as the circular', async () => {
    const dir = tempDir('bulletin-ys-demo-');
    try {
      const demo = await runDemo(dir);
      const ctx = createCtx(openDatabase(demo.database));
      const s = await dispatch(ctx, 'statsYear', { year: 2026 });
      const issue = ctx.db.prepare("SELECT id FROM issues WHERE status = 'signed'").all() as { id: number }[];
      expect(issue).toHaveLength(1);
      // a signed issue's items are frozen in place (a snapshot is kept only once voided)
      const printed = issueArticles(ctx, issue[0]!.id);
      const chars = printed.reduce((n, r) => n + countChars(r.paragraphs), 0);
      expect(s.title).toBe('清源县2026年政务信息工作统计');
      expect(s.series).toEqual([
        expect.objectContaining({ series: '清源县政务信息', signed: 1, supplements: 0, voided: 0, firstNumber: 41, lastNumber: 41, items: printed.length, chars }),
      ]);
      expect(s.sentences[0]).toBe(`全年编发《清源县政务信息》1期，刊发信息${printed.length}条、${chars}字。`);
      const report = await dispatch(ctx, 'scoreReport', { period: 'year', year: 2026 });
      expect(s.totals).toEqual(report.totals);
      ctx.db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
