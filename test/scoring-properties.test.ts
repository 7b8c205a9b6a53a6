/**
 * One truth for units and counts, over random histories (test/helpers/scoring-history.ts):
 * the rows add up to the totals, every adoption is counted for exactly its item's units (or
 * 未填单位), the silent list is the units with no draft and no adoption, and the circular's Word
 * and Excel files say the same — read back with mammoth, exceljs and, independently, Python's
 * openpyxl.
 *
 * The engine property runs 200 histories straight through the engine (every fourth also through
 * both renderers); the
 * database property enters fewer histories through the real API (signing renders Word files,
 * which takes time) and exports the circular from the database.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_UNIT_NAME, scorePeriod, type ScoreEvent, type ScoreTotals, type UnitScore } from '../src-main/scoring/compute';
import { circularTitle, openingText, silentText, tableRow, totalsRow, type CircularModel } from '../src-main/scoring/circular-model';
import { renderCircularDocx } from '../src-main/scoring/circular-docx';
import { renderCircularXlsx } from '../src-main/scoring/circular-xlsx';
import { openTestDb, tempDir } from './helpers/db';
import { applyHistory, expected, historyArb, periodRange, scoreDataOf, TODAY, TODAY_ISO, UNIT_NAMES, type History } from './helpers/scoring-history';

const SEED = Number(process.env.SCORING_SEED ?? 20261204);
const out = tempDir('bulletin-scoring-props-');
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** What the Excel files must hold, checked at the end by openpyxl in one run of Python. */
const workbooks: { file: string; rows: Record<string, number[]>; sent: number; silent: string }[] = [];

/** The report's rows and totals against the figures worked out independently. */
function checkFigures(h: History, rows: UnitScore[], totals: ScoreTotals, silentUnits: string[], events: ScoreEvent[], nameOf: (unitIndex: number) => string) {
  const want = expected(h);
  const keyOf = (r: UnitScore) => (r.noUnit ? 'none' : UNIT_NAMES.indexOf(r.unit));
  // exactly one row per unit, and a 未填单位 row when (and only when) something has no unit
  expect(rows.map((r) => r.unit).sort()).toEqual([...want.rows.keys()].map((k) => (k === 'none' ? NO_UNIT_NAME : nameOf(k))).sort());
  for (const r of rows) {
    const w = want.rows.get(keyOf(r))!;
    expect({ unit: r.unit, sent: r.sent, county: r.adoptedCounty, city: r.adoptedCity, province: r.adoptedProvince, points: r.points, reward: r.reward, deducted: r.deductions, adopted: r.adopted }).toEqual({
      unit: r.unit,
      sent: w.sent,
      county: w.adopted.county,
      city: w.adopted.city,
      province: w.adopted.province,
      points: w.points + 0,
      reward: w.reward,
      deducted: w.deductions,
      adopted: w.adoptedItems.size,
    });
    expect([r.instructionsCounty, r.instructionsCity, r.instructionsProvince]).toEqual([w.instructions.county, w.instructions.city, w.instructions.province]);
    expect(r.net).toBe(r.points - r.deductions);
    expect(r.rank === null).toBe(r.noUnit);
  }
  // totals = the sum of the rows they stand under
  const sum = (f: (r: UnitScore) => number) => rows.reduce((n, r) => n + f(r), 0);
  expect(totals.sent).toBe(sum((r) => r.sent));
  expect(totals.sent).toBe(want.sent);
  expect(totals.points).toBe(sum((r) => r.points));
  expect(totals.deductions).toBe(sum((r) => r.deductions));
  expect(totals.net).toBe(sum((r) => r.net));
  expect(totals.reward).toBe(sum((r) => r.reward));
  expect(totals.adoptions).toBe(want.adoptions.length);
  expect(totals.units).toBe(h.units);
  // the silent: no draft and no adoption in the period, never 未填单位
  expect([...silentUnits].sort()).toEqual(want.silent.map(nameOf).sort());
  expect(totals.silentUnits).toBe(want.silent.length);
  // each adoption credited to exactly its item's units (or 未填单位), once each
  const credited = events
    .filter((e) => e.type === 'adoption' || e.type === 'combined')
    .map((e) => `${e.date}|${e.articleId}|${e.label}|${e.unit}`)
    .sort();
  const wanted = want.adoptions.flatMap((a) => a.units.map((u) => ({ a, unit: u === 'none' ? NO_UNIT_NAME : nameOf(u) })));
  expect(credited).toHaveLength(wanted.length);
  for (const u of [...Array(h.units).keys()].map(nameOf).concat(NO_UNIT_NAME)) {
    expect(events.filter((e) => (e.type === 'adoption' || e.type === 'combined') && e.unit === u)).toHaveLength(wanted.filter((w) => w.unit === u).length);
  }
  // every ledger line names the rule it was scored under, brief or the series' rule included
  for (const e of events) if (e.type !== 'deduction') expect(e.rule).toBeTruthy();
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** The circular's Word and Excel files, read back: the table, its totals row, the opening and the silent list. */
async function checkFiles(m: CircularModel, docx: Buffer, xlsx: Buffer, name: string) {
  const text = (await mammoth.extractRawText({ buffer: docx })).value;
  const cells = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const start = cells.indexOf('排名') + 11;
  const body = cells.slice(start, start + m.rows.length * 11);
  expect(body).toEqual(m.rows.flatMap(tableRow));
  expect(cells.slice(start + m.rows.length * 11, start + m.rows.length * 11 + 10)).toEqual(totalsRow(m.rows).filter((_, i) => i !== 1));
  expect(squash(text)).toContain(squash(openingText(m)));
  expect(squash(text)).toContain(squash(silentText(m)));
  // the Word table's totals row = the sum of its rows, column by column
  const totals = totalsRow(m.rows);
  expect(Number(totals[2])).toBe(m.totals.sent);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('得分排名')!;
  const byUnit: Record<string, number[]> = {};
  for (let i = 0; i < m.rows.length; i++) {
    const row = sheet.getRow(i + 2);
    const r = m.rows[i]!;
    expect(row.getCell(1).value).toBe(r.rank);
    expect(row.getCell(2).value).toBe(r.unit);
    const figures = [3, 5, 6, 7, 11, 12, 13, 14].map((c) => row.getCell(c).value as number);
    expect(figures).toEqual([r.sent, r.adoptedCounty, r.adoptedCity, r.adoptedProvince, r.points, r.deductions, r.net, r.reward]);
    byUnit[r.unit] = figures;
  }
  const totalRow = sheet.getRow(m.rows.length + 2);
  expect(totalRow.getCell(2).value).toBe('合计');
  expect(totalRow.getCell(3).value).toBe(m.totals.sent);
  expect(totalRow.getCell(11).value).toBe(m.totals.points);
  // versions and counts are never dates: only the ledger's 日期 and the three dates of 说明 are
  const isDate = (where: string, row: number, col: number, label: string) =>
    (where === '积分明细' && col === 1 && row > 1) || (where === '说明' && col === 2 && ['起始日期', '截止日期', '成文日期'].includes(label));
  for (const s of wb.worksheets) {
    s.eachRow((row, r) =>
      row.eachCell((c, col) => expect(`${s.name}!${c.address}:${c.value instanceof Date}`).toBe(`${s.name}!${c.address}:${isDate(s.name, r, col, String(row.getCell(1).value))}`)),
    );
  }
  expect(wb.getWorksheet('说明')!.getRow(4).getCell(2).value).toEqual(new Date(`${m.asOf}T00:00:00Z`));
  const file = path.join(out, `${name}.xlsx`);
  fs.writeFileSync(file, xlsx);
  workbooks.push({ file, rows: byUnit, sent: m.totals.sent, silent: m.silentUnits.join('、') || '无' });
}

function modelOf(h: History, rows: UnitScore[], totals: ScoreTotals, events: ScoreEvent[], silentUnits: string[]): CircularModel {
  const { from, to } = periodRange(h.period);
  return {
    title: circularTitle('2026年'),
    label: '2026年',
    from,
    to,
    asOf: to < TODAY_ISO ? to : TODAY_ISO,
    org: '城关县人民政府办公室',
    date: TODAY_ISO,
    rows,
    totals,
    silentUnits,
    criticised: [],
    notAdvanced: [],
    thresholds: { notAdvanced: 100, criticised: 200 },
    events,
  };
}

describe('the engine over random histories', () => {
  it('adds up, credits each adoption to its units, names the silent rightly, and the files say the same (200 histories)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(historyArb, async (h) => {
        const { from, to } = periodRange(h.period);
        const scored = scorePeriod(scoreDataOf(h), from, to);
        const silent = scored.rows.filter((r) => r.silent).map((r) => r.unit);
        checkFigures(h, scored.rows, scored.totals, silent, scored.events, (u) => UNIT_NAMES[u]!);
        const m = modelOf(h, scored.rows, scored.totals, scored.events, silent);
        // Every fourth history is also written as Word and Excel and read back (rendering is the
        // slow part); fast-check's shrinking reruns only the checks above.
        n += 1;
        if (n <= 200 && n % 4 === 0) {
          const [docx, xlsx] = await Promise.all([renderCircularDocx(m), renderCircularXlsx(m)]);
          await checkFiles(m, docx, xlsx, `engine-${n}`);
        }
      }),
      { numRuns: 200, seed: SEED },
    );
  }, 600_000);
});

describe('the database over random histories', () => {
  it('scores what was entered through the API as worked out by hand, and exports the same circular', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(historyArb, async (h) => {
        const t = openTestDb({ now: () => TODAY });
        try {
          const { unitIds } = await applyHistory(t, h);
          const period = periodRange(h.period);
          const args = { period: h.period.kind, year: 2026, ...('n' in h.period ? { n: h.period.n } : {}) };
          const report = await t.call('scoreReport', args);
          const events = await t.call('scoreLedger', args);
          checkFigures(h, report.rows, report.totals, report.silentUnits, events, (u) => UNIT_NAMES[u]!);
          expect(unitIds).toHaveLength(h.units);
          n += 1;
          const files = await t.call('circularFiles', args);
          const bytes = (ext: string) => Buffer.from(files.find((f) => f.fileName.endsWith(ext))!.base64, 'base64');
          const docText = squash((await mammoth.extractRawText({ buffer: bytes('.docx') })).value);
          // a period not yet over is reported up to today
          if (period.to > TODAY_ISO) {
            expect(docText).toContain('截至2026年10月15日');
            expect(docText).not.toContain(`截至${Number(period.to.slice(0, 4))}年12月31日`);
          }
          const m = { ...modelOf(h, report.rows, report.totals, events, report.silentUnits), label: report.label, title: report.title };
          await checkFiles({ ...m, asOf: period.to < TODAY_ISO ? period.to : TODAY_ISO }, bytes('.docx'), bytes('.xlsx'), `db-${n}`);
        } finally {
          t.close();
        }
      }),
      { numRuns: Number(process.env.SCORING_DB_RUNS ?? 12), seed: SEED + 1 },
    );
  }, 900_000);
});

describe('an independent reader', () => {
  it('openpyxl reads the same numbers from every workbook, none of them as a date', () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(50);
    const script = `
import json, sys, datetime
from openpyxl import load_workbook
out = []
for f in json.load(sys.stdin):
    wb = load_workbook(f, data_only=True)
    ws = wb['得分排名']
    rows = {}
    for r in ws.iter_rows(min_row=2, values_only=True):
        if r[1] == '合计':
            total = r[2]
            continue
        rows[r[1]] = [r[i] for i in (2, 4, 5, 6, 10, 11, 12, 13)]
    ledger = wb['积分明细']
    assert ledger['K1'].value == '适用规则版本', ledger['K1'].value
    dates_in_versions = [c.value for c in ledger['K'][1:] if isinstance(c.value, datetime.datetime)]
    about = {r[0]: r[1] for r in wb['说明'].iter_rows(min_row=2, values_only=True)}
    out.append({'rows': rows, 'sent': total, 'silent': about['未报送信息的单位'], 'versionDates': len(dates_in_versions),
                'versionText': [c.value for c in ledger['K'][1:]]})
print(json.dumps(out, ensure_ascii=False))
`;
    const read = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(workbooks.map((w) => w.file)), maxBuffer: 64 << 20 }).toString()) as {
      rows: Record<string, number[]>;
      sent: number;
      silent: string;
      versionDates: number;
      versionText: unknown[];
    }[];
    expect(read).toHaveLength(workbooks.length);
    read.forEach((r, i) => {
      const w = workbooks[i]!;
      expect(r.rows).toEqual(w.rows);
      expect(r.sent).toBe(w.sent);
      expect(r.silent).toBe(w.silent);
      expect(r.versionDates).toBe(0);
      for (const v of r.versionText) expect(v === '最初版本（自启用起）' || v === '手工登记' || /^\d{4}-\d{2}-\d{2}起$/.test(String(v))).toBe(true);
    });
  }, 300_000);
});
