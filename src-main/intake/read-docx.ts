/**
 * Word drafts: the archive is checked first (zip-check.ts), then mammoth turns the document into
 * HTML with a style map that marks titles and keeps Heading 1–4 — Word's built-in styles, WPS's
 * (which uses the same names) and the bulletin's own 简报… styles — and the HTML's blocks become
 * the draft's blocks: paragraphs, tables (rows and cells), notes and pictures (issue 19: their
 * bytes and captions are kept with the draft; the original file is kept whole besides).
 */
import { normalizeTable, type BodyTable, type TableMerge } from '../api/body-tables';
import { cleanLine } from '../api/text';
import { draftFromBlocks, type DraftPicture, type DraftText, type RawBlock } from './draft';
import { IntakeRefusal } from './formats';
import { checkDocxZip } from './zip-check';

const TITLE_CLASS = 'bd-title';

const STYLE_MAP = [
  `p[style-name='Title'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='title'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='简报标题'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='标题'] => h1.${TITLE_CLASS}:fresh`,
  ...[1, 2, 3, 4].flatMap((n) => [
    `p[style-name='Heading ${n}'] => h${n}:fresh`,
    `p[style-name='heading ${n}'] => h${n}:fresh`,
    `p[style-name='标题 ${n}'] => h${n}:fresh`,
    `p[style-name='简报${'一二三四'[n - 1]}级标题'] => h${n}:fresh`,
  ]),
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BOUNDARY = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote']);
const TABLE_TAGS = new Set(['table', 'tr', 'td', 'th', 'thead', 'tbody']);
const CJK_EDGE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** mammoth's <img src> for a picture read from the file (its index) or one linked from outside it. */
const PICTURE_SRC = /src="bd-picture:(\d+|linked)"/;

interface CellDraft {
  text: string;
  colSpan: number;
  rowSpan: number;
  header: boolean;
}

/** HTML rows with colspan/rowspan → a rectangular grid and its merges (the HTML table model). */
function tableFromCells(rows: CellDraft[][]): BodyTable {
  const grid: string[][] = [];
  const merges: TableMerge[] = [];
  const headerFlags: boolean[] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      for (let i = r; i < r + cell.rowSpan; i++) {
        grid[i] ??= [];
        for (let k = c; k < c + cell.colSpan; k++) grid[i]![k] = i === r && k === c ? cell.text : '';
      }
      if (cell.rowSpan > 1 || cell.colSpan > 1) merges.push({ row: r, col: c, rows: cell.rowSpan, cols: cell.colSpan });
      c += cell.colSpan;
    }
    headerFlags[r] = row.length > 0 && row.every((cell) => cell.header);
  });
  let headerRows = 0;
  while (headerRows < headerFlags.length && headerFlags[headerRows]) headerRows++;
  const width = Math.max(1, ...grid.map((r) => r.length));
  const rect = grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  return normalizeTable({ caption: '', unit: '', headerRows, rows: rect, merges });
}

/**
 * mammoth's HTML → one block per paragraph, in reading order (a text box's paragraphs where the
 * box is anchored). Tables become one block each with their rows and cells; footnote and
 * endnote markers are dropped and the notes themselves gathered as note blocks at the end;
 * pictures become picture blocks. A manual line break inside a paragraph (a balanced title's
 * second line) joins without a space between Chinese characters and with one between Latin words.
 */
export function htmlBlocks(html: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const notes: RawBlock[] = [];
  const stack: { tag: string; title: boolean }[] = [];
  let text = '';
  let skipping = false; // inside a note marker ([1]) or a note's back-link (↑)
  let note: string | null = null; // text of the footnote or endnote being read
  let tableDepth = 0;
  let cells: CellDraft[][] = [];
  let cell: CellDraft | null = null;
  const flush = () => {
    if (note !== null || tableDepth > 0) {
      // Paragraphs inside a note or a cell run on in it, a space apart.
      if (text.trim()) {
        if (note !== null) note += ` ${text}`;
        else if (cell) cell.text += ` ${text}`;
      }
      text = '';
      return;
    }
    const top = [...stack].reverse().find((s) => /^(p|h\d|li)$/.test(s.tag));
    if (text.trim()) {
      const level = top && /^h\d$/.test(top.tag) ? Number(top.tag[1]) : 0;
      blocks.push({ text, styleLevel: level, titleStyle: top?.title ?? false });
    }
    text = '';
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    const [, closing, rawTag, attrs = '', chars] = m;
    if (chars !== undefined) {
      if (!skipping) text += decodeEntities(chars);
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === 'br') {
      text += '\u2028';
      continue;
    }
    if (tag === 'a') {
      if (closing) skipping = false;
      else if (/href="#(footnote|endnote)-/.test(attrs)) skipping = true;
      continue;
    }
    if (tag === 'img') {
      const pic = PICTURE_SRC.exec(attrs);
      if (pic && tableDepth === 0 && note === null) {
        flush();
        blocks.push({ text: '', picture: pic[1] === 'linked' ? -1 : Number(pic[1]) });
      }
      continue;
    }
    if (TABLE_TAGS.has(tag)) {
      flush();
      if (tag === 'table') {
        if (!closing) {
          if (tableDepth++ === 0) cells = [];
        } else if (tableDepth > 0 && --tableDepth === 0) {
          if (cells.some((r) => r.some((c) => cleanLine(c.text)))) {
            const rows = cells.map((r) => r.map((c) => ({ ...c, text: cleanLine(c.text) })));
            blocks.push({ text: '', table: tableFromCells(rows) });
          }
          cell = null;
        }
      } else if (tableDepth === 1 && tag === 'tr' && !closing) {
        cells.push([]);
      } else if (tableDepth === 1 && (tag === 'td' || tag === 'th')) {
        if (!closing) {
          const span = (name: string) => Math.max(1, Math.min(50, Number(new RegExp(`${name}="(\\d+)"`).exec(attrs)?.[1] ?? 1)));
          cell = { text: '', colSpan: span('colspan'), rowSpan: span('rowspan'), header: tag === 'th' };
          (cells[cells.length - 1] ?? (cells[0] = [])).push(cell);
        } else cell = null;
      }
      continue;
    }
    if (!BOUNDARY.has(tag)) continue;
    flush();
    if (tag === 'li' && !closing && /id="(footnote|endnote)-/.test(attrs)) {
      note = '';
      continue;
    }
    if (tag === 'li' && closing && note !== null) {
      if (cleanLine(note)) notes.push({ text: note, note: true });
      note = null;
      continue;
    }
    if (closing) {
      const at = stack.map((s) => s.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
    } else {
      stack.push({ tag, title: attrs.includes(TITLE_CLASS) });
    }
  }
  flush();
  return [...blocks, ...notes].map((b) => (b.text ? { ...b, text: joinBreaks(b.text) } : b));
}

function joinBreaks(text: string): string {
  return text.replace(/\s*\u2028\s*/g, (_m, offset: number, whole: string) => {
    const before = whole.slice(0, offset).trimEnd().slice(-1);
    const after = whole.slice(offset + _m.length, offset + _m.length + 1);
    return CJK_EDGE.test(before) || CJK_EDGE.test(after) ? '' : ' ';
  });
}

/** Picture types a draft's pictures are kept as; anything else is dropped with the draft's original keeping it. */
const PICTURE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/bmp', 'image/tiff']);
/** More pictures than this in one draft are left in the original file only. */
const MAX_PICTURES = 50;

/** A .docx → title, paragraphs and pictures. Refusals (damage, bombs, no text) are IntakeRefusal. */
export async function readDocx(bytes: Buffer): Promise<DraftText> {
  await checkDocxZip(bytes);
  // Loaded at first use, not at start: every command would pay for it (issue 14).
  const mammoth = (await import('mammoth')).default;
  const pictures: DraftPicture[] = [];
  // A picture's bytes come from inside the file (whose size zip-check has bounded); a picture
  // linked to a file elsewhere is never fetched (externalFileAccess off), only noted.
  const keepPictures = mammoth.images.imgElement(async (image) => {
    let data: Buffer;
    try {
      data = await image.readAsBuffer();
    } catch {
      return { src: 'bd-picture:linked' };
    }
    const type = (image.contentType ?? '').toLowerCase();
    if (!PICTURE_TYPES.has(type) || pictures.length >= MAX_PICTURES) return { src: '' };
    pictures.push({ contentType: type, bytes: Buffer.from(data), caption: '' });
    return { src: `bd-picture:${pictures.length - 1}` };
  });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { styleMap: STYLE_MAP, convertImage: keepPictures, ignoreEmptyParagraphs: true, externalFileAccess: false },
    );
    html = result.value;
  } catch {
    throw new IntakeRefusal('Word 文件的内容已损坏（XML 结构错误），无法读取。请用 Word 或 WPS 打开，确认内容完整后选择“文件 → 另存为”，保存为“Word 文档（*.docx）”再导入。');
  }
  return draftFromBlocks(htmlBlocks(html), pictures);
}
