/**
 * How a table in an item sets (issue 19), decided once for the Word renderer and the pagination
 * model alike: the text size (the largest of the profile's sizes at which every column's longest
 * cell fits on one line, else the smallest), the column widths (each column's need, stretched to
 * the full text block), and every row's height in lines. Pure functions only.
 */
import { mergeAt, type BodyTable } from '../api/body-tables';
import { blockWidth } from './front-fit';
import type { FontSpec, LayoutProfile } from './layout-profile';
import { breakLines } from './line-breaking';
import { measureText } from './metrics';
import { safeLine } from './text-parts';

export interface TableFit {
  /** Half-points. */
  size: number;
  /** Exact line height of the table's text, twips. */
  lineHeight: number;
  /** Column widths in twips, adding up to the text block. */
  widths: number[];
  /** Each row's lines of text (its tallest cell) and height in twips, margins included. */
  rows: { lines: number; height: number }[];
  /** Each cell's lines as set: [row][col], '' lines for covered cells. */
  cellLines: string[][][];
}

/** Figures right-aligned, words left, the header centred: how offices set statistical tables. */
export function cellAlign(text: string, header: boolean): 'left' | 'center' | 'right' {
  if (header) return 'center';
  const t = text.trim();
  return t !== '' && /^[-+−]?[\d,.，．%％]+$/.test(t) ? 'right' : 'left';
}

const isHeader = (t: BodyTable, r: number) => r < t.headerRows;

function cellFont(t: BodyTable, r: number, profile: LayoutProfile): FontSpec {
  return isHeader(t, r) ? profile.bodyTables.header : profile.bodyTables.cell;
}

/** The width a column needs for its longest single-column cell on one line, at `size`. */
function needs(t: BodyTable, profile: LayoutProfile, size: number): number[] {
  const { cellMargin, minColumnChars } = profile.bodyTables;
  const width = t.rows[0]?.length ?? 1;
  const out = Array.from({ length: width }, () => minColumnChars * size * 10 + 2 * cellMargin.horizontal);
  t.rows.forEach((row, r) =>
    row.forEach((text, c) => {
      const m = mergeAt(t, r, c);
      if (m && m.cols > 1) return; // a spanning cell wraps in the columns it spans
      const w = measureText(safeLine(text), cellFont(t, r, profile), size) + 2 * cellMargin.horizontal + 20;
      out[c] = Math.max(out[c]!, w);
    }),
  );
  return out;
}

/** Widths stretched (or shrunk) to the text block, in whole twips adding up exactly. */
function stretch(need: readonly number[], total: number): number[] {
  const sum = need.reduce((a, b) => a + b, 0);
  const widths = need.map((n) => Math.floor((n / sum) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export function fitTable(t: BodyTable, profile: LayoutProfile): TableFit {
  const spec = profile.bodyTables;
  const total = blockWidth(profile);
  let pick = spec.sizes.length - 1;
  for (let i = 0; i < spec.sizes.length; i++) {
    if (needs(t, profile, spec.sizes[i]!).reduce((a, b) => a + b, 0) <= total) {
      pick = i;
      break;
    }
  }
  const size = spec.sizes[pick]!;
  const lineHeight = spec.lineHeights[pick] ?? spec.lineHeights[spec.lineHeights.length - 1]!;
  // A table too wide even at the smallest size shares the block by need, capped so no column starves.
  const need = needs(t, profile, size);
  const cap = total / Math.max(1, need.length) * 2.5;
  const widths = stretch(need.map((n) => Math.min(n, cap)), total);
  const cellLines = t.rows.map((row, r) =>
    row.map((text, c) => {
      const m = mergeAt(t, r, c);
      if (m && (m.row !== r || m.col !== c)) return [];
      const span = m ? widths.slice(c, c + m.cols).reduce((a, b) => a + b, 0) : widths[c]!;
      return breakLines([{ text: safeLine(text), font: cellFont(t, r, profile), size }], span - 2 * spec.cellMargin.horizontal);
    }),
  );
  const rows = cellLines.map((cells, r) => {
    // A cell merged down shares its lines among its rows; its first row holds at least one.
    const lines = Math.max(
      1,
      ...cells.map((ls, c) => {
        const m = mergeAt(t, r, c);
        return m && m.rows > 1 ? Math.ceil(ls.length / m.rows) : ls.length;
      }),
    );
    return { lines, height: lines * lineHeight + 2 * spec.cellMargin.vertical };
  });
  return { size, lineHeight, widths, rows, cellLines };
}
