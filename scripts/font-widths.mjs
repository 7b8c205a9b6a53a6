#!/usr/bin/env node
/**
 * Writes src-main/export/latin-widths.ts: the advance widths of printable ASCII in Times New
 * Roman, read from Liberation Serif (metric-compatible with it, and free), regular and bold, in
 * thousandths of an em. The pagination model measures Latin letters and digits with this table;
 * test/latin-widths.test.ts checks the shipped table still equals the font file.
 *
 *   node scripts/font-widths.mjs            # rewrite the table
 *   node scripts/font-widths.mjs --print    # print it instead (the test compares this)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { URL } from 'node:url';
import opentype from 'opentype.js';

const DIR = '/usr/share/fonts/truetype/liberation';

export function widthsOf(file) {
  const buf = readFileSync(file);
  const font = opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const out = [];
  for (let c = 0x20; c < 0x7f; c++) {
    const g = font.charToGlyph(String.fromCharCode(c));
    out.push(Math.round(((g.advanceWidth ?? 0) * 1000) / font.unitsPerEm));
  }
  return out;
}

export function tableSource() {
  const regular = widthsOf(`${DIR}/LiberationSerif-Regular.ttf`);
  const bold = widthsOf(`${DIR}/LiberationSerif-Bold.ttf`);
  const row = (a) => a.join(', ');
  return `/**
 * Advance widths of printable ASCII (U+0020–U+007E, index = code − 0x20) in Times New Roman, in
 * thousandths of an em, read from Liberation Serif (the same metrics) by scripts/font-widths.mjs.
 * Generated: do not edit by hand; test/latin-widths.test.ts checks it against the font file.
 */
export const LATIN_WIDTHS = {
  regular: [${row(regular)}],
  bold: [${row(bold)}],
} as const;
`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  if (process.argv.includes('--print')) process.stdout.write(tableSource());
  else writeFileSync(new URL('../src-main/export/latin-widths.ts', import.meta.url), tableSource());
}
