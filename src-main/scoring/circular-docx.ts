/**
 * The circular (通报) as a Word file in the same official layout as the bulletin (FORMAT.md,
 * GB/T 9704-2012): 小标宋 title, 仿宋 body with 黑体 headings, the ranked table across the
 * text block (header row repeated on every page), the office and date at the end, and
 * `— N —` page numbers. Reuses the layout profile and paragraph builders.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import {
  bodyParagraph,
  buildStyles,
  exact,
  externalStylesXml,
  pageNumberFooter,
  run,
  STYLE,
  textWidth,
  titleParagraph,
} from '../export/docx-blocks';
import { formatDate } from '../export/docx-frontback';
import { coreXml, fixZipTimestamps } from '../export/docx-zip';
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

/**
 * The table is set in 五号 (10.5 pt), as official tables often are, so eleven columns fit the
 * 156 mm text block: every header is two or four characters (two lines of two), a figure column
 * holds five digits, the unit name about eight characters, and the reward column a year's sums.
 */
const TABLE = {
  fontSize: 21,
  lineHeight: 320,
  widths: { rank: 700, unit: 1900, reward: 980 },
  cellMargin: { vertical: 40, horizontal: 60 },
  border: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
} as const;

function tableFont(base: FontSpec, bold = false): FontSpec {
  return { ...base, size: TABLE.fontSize, bold, characterSpacing: 0 };
}

function columnWidths(profile: LayoutProfile): number[] {
  const { rank, unit, reward } = TABLE.widths;
  const figures = TABLE_HEADER.length - 3;
  const rest = textWidth(profile) - rank - unit - reward;
  const each = Math.floor(rest / figures);
  // The reward column takes the rounding so the table is exactly as wide as the text block.
  return [rank, unit, ...Array.from({ length: figures }, () => each), reward + rest - each * figures];
}

function cell(text: string, width: number, font: FontSpec, align: 'left' | 'center' | 'right', span = 1): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: TABLE.cellMargin.vertical, bottom: TABLE.cellMargin.vertical, left: TABLE.cellMargin.horizontal, right: TABLE.cellMargin.horizontal },
    children: [
      new Paragraph({
        // Off the document grid: on it, LibreOffice would give every table line a full body line.
        style: STYLE.noGrid,
        alignment: align === 'left' ? AlignmentType.LEFT : align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
        spacing: exact(TABLE.lineHeight),
        children: [run(text, font)],
      }),
    ],
  });
}

function scoreTable(m: CircularModel, profile: LayoutProfile): Table {
  const widths = columnWidths(profile);
  const head = tableFont(profile.fonts.sourceLine, true);
  const body = tableFont(profile.fonts.body);
  const bold = tableFont(profile.fonts.body, true);
  const align = (i: number) => (i === 1 ? 'left' : i === 0 ? 'center' : 'right') as 'left' | 'center' | 'right';
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: TABLE_HEADER.map((h, i) => cell(h, widths[i]!, head, 'center')),
  });
  const rows = m.rows.map(
    (r) => new TableRow({ cantSplit: true, children: tableRow(r).map((v, i) => cell(v, widths[i]!, body, align(i))) }),
  );
  const t = totalsRow(m.rows);
  const totals = new TableRow({
    cantSplit: true,
    children: [
      cell(t[0]!, widths[0]! + widths[1]!, bold, 'center', 2),
      ...t.slice(2).map((v, i) => cell(v, widths[i + 2]!, bold, 'right')),
    ],
  });
  return new Table({
    width: { size: textWidth(profile), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: TABLE.border,
      bottom: TABLE.border,
      left: TABLE.border,
      right: TABLE.border,
      insideHorizontal: TABLE.border,
      insideVertical: TABLE.border,
    },
    rows: [header, ...rows, totals],
  });
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

function section(profile: LayoutProfile, children: Array<Paragraph | Table>): ISectionOptions {
  const { page, margins, grid } = profile;
  return {
    properties: {
      page: {
        size: { width: page.width, height: page.height },
        margin: { top: margins.top, bottom: margins.bottom, left: margins.left, right: margins.right, header: margins.header, footer: margins.footer, gutter: 0 },
      },
      grid: { type: DocumentGridType.LINES, linePitch: grid.linePitch },
    },
    footers: { default: pageNumberFooter(profile, 'odd'), even: pageNumberFooter(profile, 'even') },
    children,
  };
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
  const creator = profile.documentInfo.creator;
  const doc = new Document({
    creator,
    lastModifiedBy: creator,
    title: m.title,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    externalStyles: externalStylesXml(),
    styles: buildStyles(profile),
    theme: {
      fonts: {
        body: { latin: profile.fonts.body.ascii, eastAsia: profile.fonts.body.eastAsia },
        headings: { latin: profile.fonts.title.ascii, eastAsia: profile.fonts.title.eastAsia },
      },
    },
    sections: [section(profile, children)],
  });
  const zip = await Packer.toBuffer(doc, false, [coreXml({ title: m.title, creator, date: m.date })]);
  return fixZipTimestamps(Buffer.from(zip));
}
