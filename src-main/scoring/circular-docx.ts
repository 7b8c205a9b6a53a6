/**
 * The circular (通报) as a Word file in the same official layout as the bulletin (docs/layout.md,
 * GB/T 9704-2012): 小标宋 title, 仿宋 body with 黑体 headings, the ranked table across the
 * text block (header row repeated on every page), the office and date at the end, and
 * `— N —` page numbers. Reuses the layout profile and paragraph builders.
 */
import { AlignmentType, Paragraph, type Table } from 'docx';
import { bodyParagraph, exact, run, STYLE, textWidth, titleParagraph } from '../export/docx-blocks';
import { packDocument } from '../export/docx-document';
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

function scoreTable(m: CircularModel, profile: LayoutProfile): Table {
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
      ...m.rows.map((r) => tableRow(r).map((v, i) => cell(v, widths[i]!, body, align(i)))),
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

export async function renderCircularDocx(m: CircularModel, profile: LayoutProfile = LAYOUT_PROFILE): Promise<Buffer> {
  const line = profile.grid.lineSpacing;
  const signatureIndent = { right: profile.indent.firstLine * 2 };
  const children: Array<Paragraph | Table> = [
    titleParagraph(m.title, profile, false),
    plain(ADDRESSEE, profile, { indent: false, before: line }),
    plain(openingText(m), profile),
    bodyParagraph({ level: 1, text: '一、各单位报送及得分情况' }, profile),
    plain(TABLE_INTRO, profile),
    scoreTable(m, profile),
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
  return packDocument(profile, m.title, m.date, children);
}
