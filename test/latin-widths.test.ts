/**
 * The Latin width table the pagination model measures with (src-main/export/latin-widths.ts)
 * must equal what the font file says: scripts/font-widths.mjs reads Liberation Serif (the same
 * metrics as Times New Roman) and this test runs it again and compares.
 */
import { describe, expect, it } from 'vitest';
import { LATIN_WIDTHS } from '../src-main/export/latin-widths';
// @ts-expect-error -- a plain .mjs script without types
import { tableSource, widthsOf } from '../scripts/font-widths.mjs';

const DIR = '/usr/share/fonts/truetype/liberation';

describe('Latin width table', () => {
  it('equals Liberation Serif regular and bold, read from the font files', () => {
    expect([...LATIN_WIDTHS.regular]).toEqual(widthsOf(`${DIR}/LiberationSerif-Regular.ttf`));
    expect([...LATIN_WIDTHS.bold]).toEqual(widthsOf(`${DIR}/LiberationSerif-Bold.ttf`));
  });

  it('is what the script would write', async () => {
    const { readFileSync } = await import('node:fs');
    const shipped = readFileSync(new URL('../src-main/export/latin-widths.ts', import.meta.url), 'utf8');
    expect(shipped).toBe(tableSource());
  });

  it('has Times New Roman’s familiar widths: digits half an em, space a quarter', () => {
    const w = (ch: string) => LATIN_WIDTHS.regular[ch.charCodeAt(0) - 0x20];
    expect(w('0')).toBe(500);
    expect(w(' ')).toBe(250);
    expect(w('%')).toBe(833);
    expect(w('M')).toBe(889);
  });
});
