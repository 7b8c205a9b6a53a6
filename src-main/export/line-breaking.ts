/**
 * Where a paragraph's lines break, as LibreOffice and Word break a justified Chinese paragraph on
 * the line grid (docs/layout.md "Pagination model"): fill each line as far as it goes, break
 * anywhere between Chinese characters, between Latin words only at spaces (a Latin word wider than
 * the line breaks by letters), never put 。，、；：？！）》” at a line start or （《“ at a line end
 * (禁则), and let 。，、 hang past the right edge rather than pull a character down (标点悬挂,
 * Word's overflowPunct, LibreOffice's hanging punctuation). Pure functions only.
 */
import { LONG_LATIN_RUN } from './latin-breaks';
import { advance, gapBetween, type TextPiece } from './metrics';

/** May not start a line: it goes up to the line before, with the character before it. */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』〕】〉”’…·％,.;:?!)]}%']);
/** May not end a line: it goes down with the character after it. */
export const NO_LINE_END = new Set([...'（《「『〔【〈“‘([{']);
/** Quotation marks (Unicode class QU). */
const QUOTES = new Set([...'“”‘’"\'']);
/** Punctuation that may hang past the right edge of a full line. */
export const HANGING = new Set([...'，。、；：？！）》」』〕】〉”’．']);

interface Cell {
  ch: string;
  width: number;
  size: number;
}

interface Cluster {
  cells: Cell[];
  /** A space between Latin words: breakable after, takes no room at a line end. */
  space: boolean;
  /** Latin letters/digits/marks without a space: one word, never broken unless wider than a line. */
  latin: boolean;
}

function cellsOf(pieces: readonly TextPiece[]): Cell[] {
  const cells: Cell[] = [];
  for (const p of pieces) {
    const size = p.size ?? p.font.size;
    for (const ch of p.text) cells.push({ ch, width: advance(ch, p.font, size) + p.font.characterSpacing, size });
  }
  return cells;
}

/** Printable ASCII other than the space: a run of them is one word (PM2.5、12.3%、COVID-19). */
const isLatinWordChar = (ch: string) => /[\x21-\x7e]/.test(ch);

/**
 * Cells inside a Latin run of LONG_LATIN_RUN or more characters: the Word file writes a zero-width
 * space between them (latin-breaks.ts), so Word and LibreOffice break such a run at any character.
 */
function inLongLatinRun(cells: readonly Cell[]): boolean[] {
  const out = cells.map(() => false);
  const isRunChar = (ch: string) => /[\u0021-\u007E\u00A0-\u024F]/u.test(ch);
  for (let i = 0; i < cells.length; ) {
    let j = i;
    while (j < cells.length && isRunChar((cells[j] as Cell).ch)) j++;
    if (j - i >= LONG_LATIN_RUN) for (let k = i; k < j; k++) out[k] = true;
    i = j === i ? i + 1 : j;
  }
  return out;
}

function clusters(cells: readonly Cell[]): Cluster[] {
  const out: Cluster[] = [];
  const breakable = inLongLatinRun(cells);
  let carry: Cell[] = [];
  // Quotation marks bind to Latin text beside them (Unicode line-breaking rule LB19, which ICU and
  // so LibreOffice apply): 12.3%“办事大厅” and ”ETC never break at the quote.
  let glue = false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as Cell;
    const prev = out[out.length - 1];
    const prevCh = prev?.cells[prev.cells.length - 1]?.ch ?? '';
    if (prev && !carry.length && cell.ch !== ' ' && !breakable[i]) {
      const quoteAfterLatin = QUOTES.has(cell.ch) && isLatinWordChar(prevCh);
      const latinAfterQuote = isLatinWordChar(cell.ch) && QUOTES.has(prevCh);
      if (glue || quoteAfterLatin || latinAfterQuote) {
        prev.cells.push(cell);
        prev.latin = isLatinWordChar(cell.ch);
        glue = NO_LINE_END.has(cell.ch);
        continue;
      }
    }
    glue = false;
    if (cell.ch === ' ') {
      out.push({ cells: [...carry, cell], space: true, latin: false });
      carry = [];
      continue;
    }
    const latin = isLatinWordChar(cell.ch) && !breakable[i];
    if (latin && prev && prev.latin && !prev.space && !carry.length && isLatinWordChar(prev.cells[prev.cells.length - 1]?.ch ?? '')) {
      prev.cells.push(cell);
      continue;
    }
    if (NO_LINE_START.has(cell.ch) && prev && !carry.length) {
      prev.cells.push(cell);
      continue;
    }
    if (NO_LINE_END.has(cell.ch)) {
      carry.push(cell);
      continue;
    }
    out.push({ cells: [...carry, cell], space: false, latin });
    carry = [];
  }
  if (carry.length) out.push({ cells: carry, space: false, latin: false });
  return out;
}

/** Width of cells laid after `prevCh` (for the autospace gap), and the last character. */
function widthAfter(prevCh: string, cells: readonly Cell[]): number {
  let w = 0;
  let prev = prevCh;
  for (const c of cells) {
    if (prev) w += gapBetween(prev, c.ch, c.size);
    w += c.width;
    prev = c.ch;
  }
  return w;
}

/** How far a cluster may overflow the line: a trailing hanging punctuation mark. */
function hang(cells: readonly Cell[]): number {
  const last = cells[cells.length - 1];
  return last && HANGING.has(last.ch) ? last.width : 0;
}

/**
 * The lines of a paragraph: its pieces of text set in a measure of `width` twips, the first line
 * indented `firstIndent` twips. An empty paragraph still takes one line.
 */
export function breakLines(pieces: readonly TextPiece[], width: number, firstIndent = 0): string[] {
  const cells = cellsOf(pieces);
  if (!cells.length) return [''];
  const lines: string[] = [];
  let line: Cell[] = [];
  let used = firstIndent;
  const flush = () => {
    lines.push(line.map((c) => c.ch).join('').replace(/ +$/, ''));
    line = [];
    used = 0;
  };
  const queue = clusters(cells);
  for (let qi = 0; qi < queue.length; qi++) {
    const cl = queue[qi] as Cluster;
    const prevCh = line[line.length - 1]?.ch ?? '';
    const w = widthAfter(prevCh, cl.cells);
    // A space at the end of a line takes no room.
    const room = width - used + (cl.space ? (cl.cells[cl.cells.length - 1]?.width ?? 0) : 0) + hang(cl.cells);
    if (w <= room + 0.01) {
      line.push(...cl.cells);
      used += w;
      continue;
    }
    if (line.length === 0 || (line.length > 0 && widthAfter('', cl.cells) > width)) {
      // Wider than a whole line (a long Latin string or a run of glued punctuation): break it by character.
      let i = 0;
      for (; i < cl.cells.length; i++) {
        const c = cl.cells[i] as Cell;
        const cw = widthAfter(line[line.length - 1]?.ch ?? '', [c]);
        if (used + cw > width + (HANGING.has(c.ch) ? c.width : 0) + 0.01 && line.length) {
          flush();
          i--;
          continue;
        }
        line.push(c);
        used += cw;
      }
      continue;
    }
    flush();
    qi--;
  }
  if (line.length || !lines.length) flush();
  return lines;
}
