/**
 * The circular's Word table, since issue 14 built from one slotted row repeated as text, holds
 * exactly the XML the docx library writes when it builds every cell: every part of the package
 * is compared as text, for the fixture county and for unit names full of markup characters.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { periodOf } from '../src-main/scoring/periods';
import { renderCircularDocx } from '../src-main/scoring/circular-docx';
import { circularModel } from '../src-main/services/scoring';
import type { CircularModel } from '../src-main/scoring/circular-model';
import { buildCounty, voidI2, type County } from './helpers/scoring-county';

let c: County;
beforeAll(async () => {
  c = await buildCounty();
  await voidI2(c);
});
afterAll(() => c?.t.close());

async function parts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) out[name] = await zip.file(name)!.async('string');
  return out;
}

async function expectSame(m: CircularModel) {
  const [fast, slow] = await Promise.all([renderCircularDocx(m), renderCircularDocx(m, undefined, true)]);
  const [a, b] = await Promise.all([parts(fast), parts(slow)]);
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const name of Object.keys(b)) expect(a[name], name).toBe(b[name]);
  expect(a['word/document.xml']).not.toContain('\uE000');
}

it('writes the same parts as the table built cell by cell: a quarter, a year, and no units at all', async () => {
  for (const period of [periodOf('quarter', 2026, 3), periodOf('year', 2026)]) {
    const m = circularModel(c.t.ctx, { period, date: '2026-10-15' });
    expect(m.rows.length).toBeGreaterThan(3);
    await expectSame(m);
  }
  const m = circularModel(c.t.ctx, { period: periodOf('year', 2026), date: '2026-10-15' });
  await expectSame({ ...m, rows: [] });
});

it('escapes unit names as the docx library does', async () => {
  const m = circularModel(c.t.ctx, { period: periodOf('year', 2026), date: '2026-10-15' });
  const names = ['A&B "引号" \'单\' <局>', 'tab\there\u0001控制', '  前后空格  ', 'Qingyuan-County-Development-and-Reform-Bureau-Office'];
  await expectSame({ ...m, rows: m.rows.map((r, i) => ({ ...r, unit: names[i % names.length]! })) });
});
