/**
 * Tables and notes inside an item's body (issue 19). A table is one body paragraph that also
 * carries `table`; its `text` is the table's plain text form (caption, unit line, cells), so
 * search, 字数 and every reader that knows nothing of tables still see its words, and items
 * written before tables existed are unchanged. Notes (注：…) are paragraphs marked `note`.
 *
 * In the editor's text box a table is written as lines between pipes, the way offices paste
 * tables into plain text:
 *
 *     表题：2026年前三季度主要经济指标
 *     单位：亿元
 *     | 指标 | 数值 | 增长（%） |
 *     | --- | --- | --- |
 *     | 地区生产总值 | 120.5 | 5.2 |
 *
 * The `| --- |` line ends the header rows; a cell holding only `<` joins the cell to its left,
 * one holding only `^` the cell above (Word's simple merged cells). Pure functions only: the
 * renderer imports this file.
 */

/** A rectangle of merged cells; its text is that of the top-left cell. */
export interface TableMerge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface BodyTable {
  /** The table's title line (表题), '' for none. */
  caption: string;
  /** The unit line, e.g. 单位：亿元, '' for none. */
  unit: string;
  /** Rows at the top repeated on every page the table runs onto (0 for none). */
  headerRows: number;
  /** Every row has the same number of cells; a merged cell's covered cells are ''. */
  rows: string[][];
  merges: TableMerge[];
}

export const TABLE_LIMITS = { rows: 300, cols: 20, cell: 500 } as const;

const CAPTION_PREFIX = '表题：';
const UNIT_LINE = /^(计量)?单位[:：]/;
const SEPARATOR = /^\|?(\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*$/;
const NOTE_START = /^注[:：]/;
/** A note after the first: 1. 2、 ① [3] … */
const NOTE_NEXT = /^([（(]?\d{1,3}[）).．、]|[\u2460-\u2473]|\[\d{1,3}\])/;

export function isUnitLine(text: string): boolean {
  return UNIT_LINE.test(text) && [...text].length <= 40;
}

/** Which cell covers (row, col): the merge's top-left cell, or the cell itself. */
export function mergeAt(t: BodyTable, row: number, col: number): TableMerge | null {
  return t.merges.find((m) => row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols) ?? null;
}

/** The plain text form of a table: what search indexes and what 字数 counts. */
export function tableText(t: BodyTable): string {
  const rows = t.rows.map((r) => r.filter((c) => c !== '').join(' ')).filter(Boolean);
  return [t.caption, t.unit, ...rows].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim() || '（空表格）';
}

/** Rows padded to one width, merges kept inside the table and apart from each other. */
export function normalizeTable(t: BodyTable): BodyTable {
  const width = Math.max(1, ...t.rows.map((r) => r.length));
  const rows = t.rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').replace(/\s+/g, ' ').trim()));
  const merges: TableMerge[] = [];
  for (const m of t.merges) {
    const rowsN = Math.min(m.rows, rows.length - m.row);
    const colsN = Math.min(m.cols, width - m.col);
    if (m.row < 0 || m.col < 0 || rowsN < 1 || colsN < 1 || (rowsN === 1 && colsN === 1)) continue;
    const merge = { row: m.row, col: m.col, rows: rowsN, cols: colsN };
    const overlaps = merges.some(
      (o) => merge.row < o.row + o.rows && o.row < merge.row + merge.rows && merge.col < o.col + o.cols && o.col < merge.col + merge.cols,
    );
    if (overlaps) continue;
    for (let r = merge.row; r < merge.row + merge.rows; r++) {
      for (let c = merge.col; c < merge.col + merge.cols; c++) if (r !== merge.row || c !== merge.col) rows[r]![c] = '';
    }
    merges.push(merge);
  }
  return {
    caption: t.caption.trim(),
    unit: t.unit.trim(),
    headerRows: Math.max(0, Math.min(t.headerRows, rows.length)),
    rows,
    merges,
  };
}

// ---- the text box's form ------------------------------------------------------------------

const cellOut = (s: string) => s.replace(/\|/g, '｜') || ' ';

/** A table as the editor's lines (see the header comment). */
export function tableToLines(t: BodyTable): string[] {
  const out: string[] = [];
  if (t.caption) out.push(`${CAPTION_PREFIX}${t.caption}`);
  if (t.unit) out.push(t.unit);
  t.rows.forEach((row, r) => {
    const cells = row.map((c, col) => {
      const m = mergeAt(t, r, col);
      if (!m || (m.row === r && m.col === col)) return cellOut(c);
      return m.row === r ? '<' : '^';
    });
    out.push(`| ${cells.join(' | ')} |`);
    if (r === t.headerRows - 1) out.push(`|${row.map(() => ' --- ').join('|')}|`);
  });
  return out;
}

function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((c) => c.trim());
}

/** Pipe lines (with the optional caption and unit lines before them) → a table. */
export function linesToTable(lines: readonly string[], caption = '', unit = ''): BodyTable {
  let headerRows = 0;
  const grid: string[][] = [];
  for (const line of lines) {
    if (SEPARATOR.test(line.trim())) {
      if (headerRows === 0 && grid.length > 0) headerRows = grid.length;
      continue;
    }
    grid.push(splitRow(line));
  }
  const width = Math.max(1, ...grid.map((r) => r.length));
  const rows = grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  // Marks → merges: each anchor grows right over its `<` cells, then down over rows whose cells below it are all `^`.
  const merges: TableMerge[] = [];
  const taken = rows.map((r) => r.map(() => false));
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (taken[r]![c] || cell === '<' || cell === '^') return;
      let cols = 1;
      while (c + cols < width && row[c + cols] === '<') cols++;
      let down = 1;
      while (r + down < rows.length && Array.from({ length: cols }, (_, k) => rows[r + down]![c + k]).every((x) => x === '^')) down++;
      if (cols > 1 || down > 1) {
        merges.push({ row: r, col: c, rows: down, cols });
        for (let i = r; i < r + down; i++) for (let k = c; k < c + cols; k++) taken[i]![k] = true;
      }
    }),
  );
  const cleaned = rows.map((row) => row.map((cell) => (cell === '<' || cell === '^' ? '' : cell)));
  return normalizeTable({ caption, unit, headerRows, rows: cleaned, merges });
}

export interface BodyLine {
  text: string;
  table?: BodyTable;
  note?: true;
}

/**
 * The text box's lines (trimmed) → body lines: runs of pipe lines become one table each, taking
 * a 表题： line and a unit line right above them; an empty line is no body line but ends a run,
 * so two tables one after the other stay two; a line opening with 注： and the numbered lines
 * after it are notes.
 */
export function groupBodyLines(lines: readonly string[]): BodyLine[] {
  const out: BodyLine[] = [];
  let inNotes = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    if (line.startsWith('|')) {
      const run: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) run.push(lines[i++]!);
      i--;
      let unit = '';
      let caption = '';
      const prev = out[out.length - 1];
      if (prev && !prev.table && !prev.note && isUnitLine(prev.text)) unit = out.pop()!.text;
      const before = out[out.length - 1];
      if (before && !before.table && !before.note && before.text.startsWith(CAPTION_PREFIX)) caption = out.pop()!.text.slice(CAPTION_PREFIX.length).trim();
      const table = linesToTable(run, caption, unit);
      out.push({ text: tableText(table), table });
      inNotes = false;
      continue;
    }
    if (NOTE_START.test(line) || (inNotes && NOTE_NEXT.test(line))) {
      inNotes = true;
      out.push({ text: line, note: true });
      continue;
    }
    inNotes = false;
    out.push({ text: line });
  }
  return out;
}

/** Tab-separated text as Excel and WPS put it on the clipboard → a table, or null when it is not one. */
export function tableFromTabs(clip: string): BodyTable | null {
  const lines = clip.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length < 1 || !lines.some((l) => l.includes('\t'))) return null;
  const rows = lines.map((l) => l.split('\t').map((c) => c.replace(/^"|"$/g, '').trim()));
  if (rows.length > TABLE_LIMITS.rows || rows.some((r) => r.length > TABLE_LIMITS.cols)) return null;
  return normalizeTable({ caption: '', unit: '', headerRows: rows.length > 1 ? 1 : 0, rows, merges: [] });
}
