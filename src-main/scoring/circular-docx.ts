/**
 * The circular (通报) as a Word file in the same official layout as the bulletin (docs/layout.md,
 * GB/T 9704-2012): 小标宋 title, 仿宋 body with 黑体 headings, the ranked table across the
 * text block (header row repeated on every page), the office and date at the end, and
 * `— N —` page numbers. Reuses the layout profile and paragraph builders.
 */
import { AlignmentType, Paragraph, type Table } from 'docx';
import { bodyParagraph, exact, run, safeText, STYLE, textWidth, titleParagraph } from '../export/docx-blocks';
import { breakLongLatin } from '../export/latin-breaks';
import { packDocument } from '../export/docx-document';
import type { PartEdit } from '../export/docx-zip';
import { formatDate } from '../export/docx-frontback';
import { cellParagraph, ruledTable, tableCell, type CellAlign } from '../export/docx-table';
import { LAYOUT_PROFILE, type FontSpec, type LayoutProfile } from '../export/layout-profile';
import {
  ADDRESSEE,
  CLOSING,
  TABLE_HEADER,
  TABLE_INTRO,
  deductionText,
  openingText,
  silentText,
  tableRow,
  totalsRow,
  type CircularModel,
} from './circular-model';

function tableFont(base: FontSpec, profile: LayoutProfile, bold = false): FontSpec {
  return { ...base, size: profile.tables.circular.fontSize, bold, characterSpacing: 0 };
}

function columnWidths(profile: LayoutProfile): number[] {
  const { rank, unit, reward } = profile.tables.circular.widths;
  const figures = TABLE_HEADER.length - 3;
  const rest = textWidth(profile) - rank - unit - reward;
  const each = Math.floor(rest / figures);
  // The reward column takes the rounding so the table is exactly as wide as the text block.
  return [rank, unit, ...Array.from({ length: figures }, () => each), reward + rest - each * figures];
}

/**
 * The unit rows are all alike but for their text, and the docx library spends about a
 * millisecond on each cell: the table is built with one row whose cells hold numbered slots, and
 * that row's XML is repeated with each unit's figures put into the slots (`fillRows`). The bytes
 * are those of the table built cell by cell (test/circular-docx-rows.test.ts).
 */
const SLOT_OPEN = '\uE000';
const SLOT_CLOSE = '\uE001';
const slot = (i: number) => `${SLOT_OPEN}${i}${SLOT_CLOSE}`;

/** Text as `run` prepares it and the docx library escapes it: markup characters as entities, control characters dropped. */
function escapeText(text: string): string {
  const s = breakLongLatin(safeText(text));
  const entities: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry
  return s.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => entities[c] ?? '');
}

/** Replaces the slotted row of document.xml by one copy per row of texts. */
export function fillRows(xml: string, rows: string[][]): string {
  const mark = xml.indexOf(SLOT_OPEN);
  if (mark < 0) throw new Error('circular table has no row to fill');
  const start = Math.max(xml.lastIndexOf('<w:tr>', mark), xml.lastIndexOf('<w:tr ', mark));
  const end = xml.indexOf('</w:tr>', mark) + '</w:tr>'.length;
  const parts = xml.slice(start, end).split(new RegExp(`${SLOT_OPEN}(\\d+)${SLOT_CLOSE}`));
  const filled = rows.map((r) => parts.map((p, k) => (k % 2 ? escapeText(r[Number(p)] ?? '') : p)).join('')).join('');
  return xml.slice(0, start) + filled + xml.slice(end);
}

function scoreTable(m: CircularModel, profile: LayoutProfile, slotted: boolean): Table {
  const spec = profile.tables.circular;
  const widths = columnWidths(profile);
  const cell = (text: string, width: number, font: FontSpec, align: CellAlign, span = 1) =>
    tableCell([cellParagraph(text, font, spec, align)], width, spec, { span });
  const head = tableFont(profile.fonts.sourceLine, profile, true);
  const body = tableFont(profile.fonts.body, profile);
  const bold = tableFont(profile.fonts.body, profile, true);
  const align = (i: number): CellAlign => (i === 1 ? 'left' : i === 0 ? 'center' : 'right');
  const t = totalsRow(m.rows);
  return ruledTable(
    profile,
    widths,
    TABLE_HEADER.map((h, i) => cell(h, widths[i]!, head, 'center')),
    [
      ...(slotted
        ? [TABLE_HEADER.map((_, i) => cell(slot(i), widths[i]!, body, align(i)))]
        : m.rows.map((r) => tableRow(r).map((v, i) => cell(v, widths[i]!, body, align(i))))),
      [cell(t[0]!, widths[0]! + widths[1]!, bold, 'center', 2), ...t.slice(2).map((v, i) => cell(v, widths[i + 2]!, bold, 'right'))],
    ],
  );
}

function plain(text: string, profile: LayoutProfile, options: { indent?: boolean; align?: 'right'; before?: number } = {}): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.BOTH,
    spacing: exact(profile.grid.lineSpacing, options.before ?? 0),
    indent: options.indent === false ? { firstLine: 0, firstLineChars: 0 } : { firstLineChars: profile.indent.firstLineChars, firstLine: profile.indent.firstLine },
    children: [run(text, profile.fonts.body)],
  });
}

/** `cellByCell` builds every row with the docx library: the slower way, kept to test the other against. */
export async function renderCircularDocx(m: CircularModel, profile: LayoutProfile = LAYOUT_PROFILE, cellByCell = false): Promise<Buffer> {
  const line = profile.grid.lineSpacing;
  const signatureIndent = { right: profile.indent.firstLine * 2 };
  const children: Array<Paragraph | Table> = [
    titleParagraph(m.title, profile, false),
    plain(ADDRESSEE, profile, { indent: false, before: line }),
    plain(openingText(m), profile),
    bodyParagraph({ level: 1, text: '一、各单位报送及得分情况' }, profile),
    plain(TABLE_INTRO, profile),
    scoreTable(m, profile, !cellByCell),
    bodyParagraph({ level: 1, text: '二、未报送信息的单位' }, profile),
    plain(silentText(m), profile),
    bodyParagraph({ level: 1, text: '三、扣分情况' }, profile),
    plain(deductionText(m), profile),
    plain(CLOSING, profile),
    new Paragraph({
      style: STYLE.body,
      alignment: AlignmentType.RIGHT,
      spacing: exact(line, line * 2),
      indent: signatureIndent,
      keepNext: true,
      children: [run(m.org, profile.fonts.body)],
    }),
    new Paragraph({
      style: STYLE.body,
      alignment: AlignmentType.RIGHT,
      spacing: exact(line),
      indent: signatureIndent,
      children: [run(formatDate(m.date, 'arabic'), profile.fonts.body)],
    }),
  ];
  const edits: Record<string, PartEdit> = cellByCell ? {} : { 'word/document.xml': (xml) => fillRows(xml, m.rows.map(tableRow)) };
  return packDocument(profile, m.title, m.date, children, undefined, edits);
}
