/**
 * A spreadsheet selection on the clipboard → a table for the item's body (issue 19). Excel, WPS
 * and LibreOffice Calc put a selection there twice: as text/html holding a <table> (with the
 * merged cells as colspan/rowspan) and as text/plain with tabs between cells and a line per
 * row. The HTML is read first (it knows the merges); the tabs are the fallback.
 *
 * A pure function reads the HTML (no DOM: the same code runs in the tests and the renderer, and
 * nothing from the clipboard is ever put into a page). A first row holding only one cell is
 * taken as the table's title (表题) and a row holding only 单位：… as its unit line, as offices
 * lay tables out in Excel.
 */
import { isUnitLine, normalizeTable, TABLE_LIMITS, type BodyTable, type TableMerge } from './body-tables';
import { cleanCell } from './body-table-edit';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", emsp: ' ', ensp: ' ', thinsp: ' ', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', times: '×', divide: '÷', deg: '°', yen: '¥', permil: '‰' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

function span(tag: string, name: string, limit: number): number {
  const n = parseInt(attr(tag, name) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, limit) : 1;
}

interface RawCell {
  text: string;
  colspan: number;
  rowspan: number;
  header: boolean;
}

/** The first top-level <table>'s rows of cells; text inside nested tables joins the cell holding them. */
function readRows(html: string): RawCell[][] | null {
  // Comments (Excel's conditional ones included), <style>, <script> and <head> hold no cell text.
  const src = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[[^\]]*\]>/g, '')
    .replace(/<(style|script|head|title)\b[\s\S]*?<\/\1\s*>/gi, '');
  const tokens = src.split(/(<[^>]*>)/);
  let depth = 0;
  let seen = false;
  const rows: RawCell[][] = [];
  let cell: RawCell | null = null;
  let text = '';
  const close = () => {
    if (cell) {
      cell.text = decodeEntities(text).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
      rows[rows.length - 1]?.push(cell);
    }
    cell = null;
    text = '';
  };
  for (const tok of tokens) {
    if (!tok.startsWith('<')) {
      if (cell && depth >= 1) text += tok;
      continue;
    }
    const m = /^<\s*(\/?)\s*([a-z0-9:]+)/i.exec(tok);
    if (!m) continue;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (name === 'table') {
      if (!closing) {
        if (depth === 0 && seen) break; // only the first table
        depth++;
        seen = true;
      } else if (depth > 0) {
        depth--;
        if (depth === 0) {
          close();
          break;
        }
      }
      continue;
    }
    if (depth !== 1) {
      // Inside a nested table: its cells and rows are only breaks in the outer cell's text.
      if (depth > 1 && /^(td|th|tr|br|p|div)$/.test(name)) text += ' ';
      continue;
    }
    if (name === 'tr') {
      close();
      if (!closing) rows.push([]);
    } else if (name === 'td' || name === 'th') {
      close();
      if (!closing) {
        if (rows.length === 0) rows.push([]);
        cell = { text: '', colspan: span(tok, 'colspan', TABLE_LIMITS.cols), rowspan: span(tok, 'rowspan', TABLE_LIMITS.rows), header: name === 'th' };
      }
    } else if (name === 'br' || name === 'p' || name === 'div') text += ' ';
  }
  close();
  return seen ? rows.filter((r) => r.length > 0) : null;
}

/** Without <th>: the first row is the header, with the rows its cells span down over. */
function defaultHeader(t: BodyTable): BodyTable {
  if (t.rows.length < 2) return { ...t, headerRows: 0 };
  return normalizeTable({ ...t, headerRows: Math.max(1, ...t.merges.filter((m) => m.row === 0).map((m) => m.rows)) });
}

/** Rows of cells with spans → a rectangular grid and its merges (the HTML table model). */
function place(raw: RawCell[][]): { rows: string[][]; merges: TableMerge[]; headerRows: number } {
  const grid: (string | null)[][] = [];
  const merges: TableMerge[] = [];
  const ensure = (r: number) => {
    while (grid.length <= r) grid.push([]);
    return grid[r]!;
  };
  let thRows = 0;
  raw.forEach((cells, r) => {
    const row = ensure(r);
    let c = 0;
    for (const cell of cells) {
      while (row[c] !== undefined) c++;
      const rows = Math.min(cell.rowspan, Math.max(1, raw.length - r));
      for (let i = 0; i < rows; i++) {
        const target = ensure(r + i);
        for (let k = 0; k < cell.colspan; k++) target[c + k] = i === 0 && k === 0 ? cell.text : '';
      }
      if (rows > 1 || cell.colspan > 1) merges.push({ row: r, col: c, rows, cols: cell.colspan });
      c += cell.colspan;
    }
    if (thRows === r && cells.every((x) => x.header)) thRows = r + 1;
  });
  const w = Math.max(1, ...grid.map((r) => r.length));
  const rows = grid.map((r) => Array.from({ length: w }, (_, i) => r[i] ?? ''));
  return { rows, merges, headerRows: thRows };
}

/** Drops row 0, moving merges up (a merge starting on row 0 is gone with it). */
function dropFirstRow(t: BodyTable): BodyTable {
  return {
    ...t,
    rows: t.rows.slice(1),
    headerRows: Math.max(0, t.headerRows - 1),
    merges: t.merges.filter((m) => m.row > 0).map((m) => ({ ...m, row: m.row - 1 })),
  };
}

const onlyCell = (row: readonly string[]) => {
  const filled = row.filter((c) => c !== '');
  return filled.length === 1 ? filled[0]! : null;
};

/** A title row and a unit row at the top of the selection become the caption and unit line. */
export function liftCaption(t: BodyTable): BodyTable {
  let out = t;
  if ((out.rows[0]?.length ?? 0) < 2 || out.rows.length < 3) return t;
  const first = onlyCell(out.rows[0]!);
  if (first !== null && !isUnitLine(first) && !out.merges.some((m) => m.row === 0 && m.rows > 1)) {
    out = { ...dropFirstRow(out), caption: first };
  }
  const unit = out.rows.length > 2 ? onlyCell(out.rows[0]!) : null;
  if (unit !== null && isUnitLine(unit) && !out.merges.some((m) => m.row === 0 && m.rows > 1)) {
    out = { ...dropFirstRow(out), unit };
  }
  if (out !== t && out.headerRows === 0 && out.rows.length > 1) out = { ...out, headerRows: 1 };
  return normalizeTable(out);
}

function withinLimits(t: BodyTable): boolean {
  return t.rows.length >= 1 && t.rows.length <= TABLE_LIMITS.rows && (t.rows[0]?.length ?? 0) <= TABLE_LIMITS.cols;
}

/** The first <table> of clipboard HTML as a body table, or null when there is none (or it is empty or too big). */
export function tableFromHtml(html: string): BodyTable | null {
  const raw = readRows(html);
  if (!raw || raw.length === 0) return null;
  const placed = place(raw);
  const rows = placed.rows.map((r) => r.map(cleanCell));
  if (!rows.some((r) => r.some((c) => c !== ''))) return null;
  const t = normalizeTable({ caption: '', unit: '', headerRows: placed.headerRows, rows, merges: placed.merges });
  if (!withinLimits(t)) return null;
  const lifted = liftCaption(t);
  return placed.headerRows > 0 ? lifted : defaultHeader(lifted);
}

/** Tab-separated rows, as spreadsheets write them: a cell in double quotes may hold tabs, newlines and "" for ". */
export function tsvRows(text: string): string[][] {
  const s = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const rows: string[][] = [[]];
  let i = 0;
  while (i <= s.length) {
    let cell = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) break;
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += s[i++];
      }
      // Text after the closing quote belongs to the cell too (a quote that was not a quoting one).
      while (i < s.length && s[i] !== '\t' && s[i] !== '\n') cell += s[i++];
    } else {
      while (i < s.length && s[i] !== '\t' && s[i] !== '\n') cell += s[i++];
    }
    rows[rows.length - 1]!.push(cell);
    if (i >= s.length) break;
    if (s[i] === '\n') rows.push([]);
    i++;
  }
  return rows;
}

/**
 * Plain text from a spreadsheet → a table, or null when it is not one: every line has the same
 * number of cells, at least two, so a line of text with a tab in it stays text.
 */
export function tableFromTsv(text: string): BodyTable | null {
  if (!text.includes('\t')) return null;
  const rows = tsvRows(text);
  const w = rows[0]?.length ?? 0;
  if (w < 2 || rows.some((r) => r.length !== w)) return null;
  const cells = rows.map((r) => r.map(cleanCell));
  if (!cells.some((r) => r.some((c) => c !== ''))) return null;
  const t = normalizeTable({ caption: '', unit: '', headerRows: cells.length > 1 ? 1 : 0, rows: cells, merges: [] });
  return withinLimits(t) ? liftCaption(t) : null;
}

/** What a paste holds as a table: the HTML's first table, else the tab-separated text; null: paste as text. */
export function tableFromClipboard(html: string, text: string): BodyTable | null {
  return (html ? tableFromHtml(html) : null) ?? tableFromTsv(text);
}
