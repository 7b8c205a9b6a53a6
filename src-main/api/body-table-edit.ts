/**
 * Editing a table inside an item's body (issue 19): the editor shows each table as a grid and
 * its controls change the table through these functions; the body itself stays the text box's
 * text, the table written back as its pipe lines (body-tables.ts). Pure functions only: the
 * renderer imports this file.
 *
 * Merged cells follow the rows and columns they span: a row or column added inside a merge
 * widens it, one removed from it narrows it (the text of a removed top-left cell moves to the
 * cell that becomes the merge's top-left).
 */
import { isUnitLine, linesToTable, normalizeTable, tableToLines, TABLE_LIMITS, type BodyTable, type TableMerge } from './body-tables';

const UNIT_PREFIX = '单位：';
const CAPTION_PREFIX = '表题：';

/** A new table: a header row and empty cells. */
export function emptyTable(rows = 3, cols = 3): BodyTable {
  return normalizeTable({ caption: '', unit: '', headerRows: rows > 1 ? 1 : 0, rows: Array.from({ length: rows }, () => Array.from({ length: cols }, () => '')), merges: [] });
}

const width = (t: BodyTable) => t.rows[0]?.length ?? 0;

/** A cell's text as the pipe form can hold it: one line, | as ｜; a lone < or ^ would read back as a merge mark. */
export function cleanCell(text: string): string {
  const t = text.replace(/\s+/g, ' ').replace(/\|/g, '｜').trim().slice(0, TABLE_LIMITS.cell);
  return t === '<' ? '＜' : t === '^' ? '＾' : t;
}

/** What the user typed in the unit box → a unit line the body reads back as one ('' for none). */
export function unitLine(input: string): string {
  const t = input.replace(/\s+/g, ' ').trim();
  if (!t) return '';
  const line = isUnitLine(t) ? t : `${UNIT_PREFIX}${t.replace(/^[:：]/, '')}`;
  return [...line].slice(0, 40).join('');
}

/** The unit line without its 单位： (what the unit box shows). */
export function unitValue(unit: string): string {
  return unit.replace(/^(计量)?单位[:：]\s*/, '');
}

export function setCell(t: BodyTable, row: number, col: number, text: string): BodyTable {
  if (!t.rows[row] || col < 0 || col >= width(t)) return t;
  const rows = t.rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? cleanCell(text) : c)) : r));
  return { ...t, rows };
}

export function setCaption(t: BodyTable, caption: string): BodyTable {
  return { ...t, caption: caption.replace(/\s+/g, ' ').trim().slice(0, 200) };
}

export function setUnit(t: BodyTable, input: string): BodyTable {
  return { ...t, unit: unitLine(input) };
}

export function setHeaderRows(t: BodyTable, n: number): BodyTable {
  return { ...t, headerRows: Math.max(0, Math.min(Math.floor(n), t.rows.length)) };
}

/** Merges after inserting one line at `at` along an axis (rows when `rowAxis`). */
function mergesAfterInsert(merges: readonly TableMerge[], at: number, rowAxis: boolean): TableMerge[] {
  return merges.map((m) => {
    const start = rowAxis ? m.row : m.col;
    const span = rowAxis ? m.rows : m.cols;
    if (at <= start) return rowAxis ? { ...m, row: m.row + 1 } : { ...m, col: m.col + 1 };
    if (at < start + span) return rowAxis ? { ...m, rows: m.rows + 1 } : { ...m, cols: m.cols + 1 };
    return m;
  });
}

/** Merges after removing line `at` along an axis; a merge left one cell wide and high drops out in normalizeTable. */
function mergesAfterRemove(merges: readonly TableMerge[], at: number, rowAxis: boolean): TableMerge[] {
  const out: TableMerge[] = [];
  for (const m of merges) {
    const start = rowAxis ? m.row : m.col;
    const span = rowAxis ? m.rows : m.cols;
    if (at < start) out.push(rowAxis ? { ...m, row: m.row - 1 } : { ...m, col: m.col - 1 });
    else if (at < start + span) {
      if (span > 1) out.push(rowAxis ? { ...m, rows: m.rows - 1 } : { ...m, cols: m.cols - 1 });
    } else out.push(m);
  }
  return out;
}

/** A row inserted before `at` (at = rows.length: at the end). */
export function addRow(t: BodyTable, at: number): BodyTable {
  if (t.rows.length >= TABLE_LIMITS.rows) return t;
  const i = Math.max(0, Math.min(at, t.rows.length));
  const rows = [...t.rows.slice(0, i), Array.from({ length: Math.max(1, width(t)) }, () => ''), ...t.rows.slice(i)];
  const headerRows = i < t.headerRows ? t.headerRows + 1 : t.headerRows;
  return normalizeTable({ ...t, headerRows, rows, merges: mergesAfterInsert(t.merges, i, true) });
}

export function removeRow(t: BodyTable, at: number): BodyTable {
  if (t.rows.length <= 1 || at < 0 || at >= t.rows.length) return t;
  const rows = t.rows.map((r) => [...r]);
  // A merge anchored on this row keeps its text: it moves to the row that becomes its top.
  for (const m of t.merges) if (m.row === at && m.rows > 1) rows[at + 1]![m.col] = rows[at]![m.col]!;
  rows.splice(at, 1);
  const headerRows = at < t.headerRows ? t.headerRows - 1 : t.headerRows;
  return normalizeTable({ ...t, headerRows, rows, merges: mergesAfterRemove(t.merges, at, true) });
}

/** A column inserted before `at`. */
export function addColumn(t: BodyTable, at: number): BodyTable {
  if (width(t) >= TABLE_LIMITS.cols) return t;
  const i = Math.max(0, Math.min(at, width(t)));
  const rows = t.rows.map((r) => [...r.slice(0, i), '', ...r.slice(i)]);
  return normalizeTable({ ...t, rows, merges: mergesAfterInsert(t.merges, i, false) });
}

export function removeColumn(t: BodyTable, at: number): BodyTable {
  if (width(t) <= 1 || at < 0 || at >= width(t)) return t;
  const rows = t.rows.map((r) => [...r]);
  for (const m of t.merges) if (m.col === at && m.cols > 1) rows[m.row]![at + 1] = rows[m.row]![at]!;
  for (const r of rows) r.splice(at, 1);
  return normalizeTable({ ...t, rows, merges: mergesAfterRemove(t.merges, at, false) });
}

// ---- where the tables are in the text box ---------------------------------------------------

export interface TableSpan {
  /** Line indices in body.split('\n'): the first line (a 表题： or unit line when it has one) and one past the last. */
  from: number;
  to: number;
  table: BodyTable;
}

const trimLine = (s: string) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

/**
 * The tables of a body in the order parseBody finds them, with the lines each takes in the
 * text box: a run of pipe lines (a blank line ends it, as in parseBody), with the unit line
 * and the 表题： line right above it.
 */
export function locateTables(body: string): TableSpan[] {
  const lines = body.split('\n').map(trimLine);
  const out: TableSpan[] = [];
  const prevFilled = (i: number) => {
    let k = i - 1;
    while (k >= 0 && lines[k] === '') k--;
    return k;
  };
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|')) continue;
    const run: string[] = [];
    let end = i;
    for (let k = i; k < lines.length; k++) {
      if (!lines[k]!.startsWith('|')) break;
      run.push(lines[k]!);
      end = k + 1;
    }
    let from = i;
    let unit = '';
    let caption = '';
    let k = prevFilled(i);
    const taken = out[out.length - 1]?.to ?? 0;
    if (k >= taken && isUnitLine(lines[k]!)) {
      unit = lines[k]!;
      from = k;
      k = prevFilled(k);
    }
    if (k >= taken && lines[k]!.startsWith(CAPTION_PREFIX)) {
      caption = lines[k]!.slice(CAPTION_PREFIX.length).trim();
      from = k;
    }
    out.push({ from, to: end, table: linesToTable(run, caption, unit) });
    i = end - 1;
  }
  return out;
}

/** The body with its `index`-th table replaced by `table` (null: the table and its caption and unit lines removed). */
export function replaceTable(body: string, index: number, table: BodyTable | null): string {
  const span = locateTables(body)[index];
  if (!span) return body;
  const lines = body.split('\n');
  lines.splice(span.from, span.to - span.from, ...(table ? tableToLines(normalizeTable(table)) : []));
  return lines.join('\n');
}

/**
 * The body with `table` put in at the caret (character offset), on lines of its own: the line
 * the caret is in is split there. Returns the new body and the caret just after the table.
 */
export function insertTable(body: string, caret: number, table: BodyTable): { body: string; caret: number } {
  const at = Math.max(0, Math.min(caret, body.length));
  let before = body.slice(0, at);
  let after = body.slice(at);
  if (before !== '' && !before.endsWith('\n')) before += '\n';
  if (after !== '' && !after.startsWith('\n')) after = `\n${after}`;
  const lines = tableToLines(normalizeTable(table));
  // Right against another table's rows, a blank line keeps the two tables apart.
  const lastBefore = before.slice(0, -1).split('\n').pop() ?? '';
  if (trimLine(lastBefore).startsWith('|') && lines[0]!.startsWith('|')) before += '\n';
  const firstAfter = after.slice(1).split('\n')[0] ?? '';
  if (trimLine(firstAfter).startsWith('|')) after = `\n${after}`;
  const text = lines.join('\n');
  return { body: before + text + after, caret: before.length + text.length };
}
