/**
 * The circular's workbook, written directly since issue 14, reads back cell for cell as the
 * workbook exceljs wrote before (test/helpers/circular-xlsx-exceljs.ts): the same sheets, values,
 * types, number formats, bold and aligned cells, row heights, column widths, frozen header and
 * autofilter; and the same model always gives the same bytes.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { periodOf } from '../src-main/scoring/periods';
import { renderCircularXlsx } from '../src-main/scoring/circular-xlsx';
import { columnLetter } from '../src-main/export/xlsx-write';
import { circularModel } from '../src-main/services/scoring';
import type { CircularModel } from '../src-main/scoring/circular-model';
import { renderCircularXlsxWithExceljs } from './helpers/circular-xlsx-exceljs';
import { buildCounty, voidI2, type County } from './helpers/scoring-county';

let c: County;
beforeAll(async () => {
  c = await buildCounty();
  await voidI2(c);
});
afterAll(() => c?.t.close());

/** What a reader sees of a workbook, as plain data. */
async function readBack(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return {
    title: wb.title,
    creator: wb.creator,
    created: wb.created?.toISOString(),
    sheets: wb.worksheets.map((s) => {
      const cells: string[] = [];
      const rows: string[] = [];
      s.eachRow((row, r) => {
        if (row.height || row.font?.bold) rows.push(`${r}:${row.height}:${Boolean(row.font?.bold)}:${row.alignment?.horizontal ?? ''}`);
        row.eachCell((cell) => {
          if (cell.value === null) return;
          const value = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
          const a = cell.alignment ?? {};
          cells.push(
            JSON.stringify([cell.address, value, cell.type, cell.numFmt ?? '', Boolean(cell.font?.bold), a.horizontal ?? '', a.vertical ?? '', Boolean(a.wrapText)]),
          );
        });
      });
      const view = s.views[0];
      return {
        name: s.name,
        widths: s.columns.map((col) => col.width),
        frozen: view ? [view.state, (view as { ySplit?: number }).ySplit ?? 0] : [],
        autoFilter: s.autoFilter ?? null,
        rows,
        cells,
      };
    }),
  };
}

async function compare(m: CircularModel) {
  const direct = await renderCircularXlsx(m);
  const reference = await renderCircularXlsxWithExceljs(m);
  const [got, want] = await Promise.all([readBack(direct), readBack(reference)]);
  // exceljs writes its autofilter as a range string, the direct writer as the same range
  const norm = (f: unknown) => (typeof f === 'string' ? f : f && typeof f === 'object' ? JSON.stringify(f) : f);
  for (const s of [...got.sheets, ...want.sheets]) s.autoFilter = norm(s.autoFilter) as never;
  expect(got.sheets.map((s) => s.name)).toEqual(want.sheets.map((s) => s.name));
  for (let i = 0; i < want.sheets.length; i++) {
    const g = got.sheets[i]!;
    const w = want.sheets[i]!;
    expect(g.cells).toEqual(w.cells);
    // exceljs reads a run of equal columns it wrote as one <col min max> back without a width;
    // the direct writer names each column, so compare where the reference reads a width
    expect(g.widths.every((x) => typeof x === 'number')).toBe(true);
    expect(g.widths.map((x, k) => (w.widths[k] === undefined ? undefined : x))).toEqual(w.widths);
    expect(g.frozen).toEqual(w.frozen);
    expect(g.rows).toEqual(w.rows);
  }
  expect([got.title, got.creator, got.created]).toEqual([want.title, want.creator, want.created]);
  return { direct, got };
}

it('reads back as the exceljs workbook did: a quarter and the whole year of the fixture county', async () => {
  for (const period of [periodOf('quarter', 2026, 3), periodOf('year', 2026)]) {
    const m = circularModel(c.t.ctx, { period, date: '2026-10-15' });
    expect(m.events.length).toBeGreaterThan(0);
    const { direct, got } = await compare(m);
    // the autofilter covers the header and the unit rows (not the totals row)
    expect(JSON.stringify(got.sheets[0]!.autoFilter)).toContain(`${columnLetter(18)}${m.rows.length + 1}`);
    // the same model, the same bytes
    expect(Buffer.compare(direct, await renderCircularXlsx(m))).toBe(0);
  }
});

it('keeps text that XML would refuse or trim: control characters dropped, spaces and markup kept', async () => {
  const m = circularModel(c.t.ctx, { period: periodOf('year', 2026), date: '2026-10-15', org: ' 城关县<人民政府>&办公室 ' });
  m.events = m.events.map((e, i) => (i === 0 ? { ...e, title: `A\u0001B "引号" 'x' ${e.title ?? ''}\n第二行` } : e));
  const { got } = await compare(m);
  const about = got.sheets[2]!.cells.map((s) => JSON.parse(s) as unknown[]);
  expect(about.find((cell) => cell[0] === 'B6')?.[1]).toBe(' 城关县<人民政府>&办公室 ');
});
