/**
 * 报送清单.docx: the printable list of what a packet holds, for the office's paper file and for
 * the city office's clerk. Same page, fonts and builders as the bulletin (layout-profile.ts,
 * docx-blocks.ts): a title, who sends it and when, a table of the issues with the items they
 * carry, a table of the single items, and the totals. The same manifest gives the same bytes.
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
  VerticalAlign,
  WidthType,
} from 'docx';
import { CATEGORY_LABELS, CLASSIFICATION_LABELS } from '../api/schemas';
import { bodyParagraph, buildStyles, exact, externalStylesXml, pageNumberFooter, run, safeLine, STYLE, textWidth, titleParagraph } from '../export/docx-blocks';
import { formatDate } from '../export/docx-frontback';
import { coreXml, fixZipTimestamps } from '../export/docx-zip';
import { LAYOUT_PROFILE, type FontSpec, type LayoutProfile } from '../export/layout-profile';
import type { Manifest } from './manifest';

export const CONTENTS_LIST_TITLE = '政务信息报送清单';

/** Table text: 四号 like the colophon, on its own line height so rows are not two grid lines tall. */
const TABLE_LINE = 400;
const CELL_MARGIN = 60;

function cellText(text: string, font: FontSpec, profile: LayoutProfile, align: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  return new Paragraph({ style: STYLE.noGrid, alignment: align, spacing: exact(TABLE_LINE), children: [run(text, font)] });
}

function table(profile: LayoutProfile, widths: number[], head: string[], rows: Paragraph[][][]): Table {
  const f = profile.fonts;
  const headFont: FontSpec = { ...f.contentsHeading, size: f.colophon.size };
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
  const cell = (children: Paragraph[], width: number, header = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: CELL_MARGIN, bottom: CELL_MARGIN, left: CELL_MARGIN, right: CELL_MARGIN },
      ...(header ? { shading: { fill: 'F2F2F2', color: 'auto' } } : {}),
      children,
    });
  return new Table({
    width: { size: textWidth(profile), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: head.map((h, i) => cell([cellText(h, headFont, profile, AlignmentType.CENTER)], widths[i]!, true)),
      }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((ps, i) => cell(ps, widths[i]!)) })),
    ],
  });
}

/**
 * Column widths in twips: fixed columns as wide as their longest text in table characters (plus
 * the cell margins), and one column (null) taking the rest of the text block.
 */
function columns(profile: LayoutProfile, chars: (number | null)[]): number[] {
  const charWidth = profile.fonts.colophon.size * 10;
  const fixed = chars.map((c) => (c === null ? 0 : c * charWidth + 2 * CELL_MARGIN));
  const rest = textWidth(profile) - fixed.reduce((a, b) => a + b, 0);
  return fixed.map((w, i) => (chars[i] === null ? rest : w));
}

function infoLine(label: string, value: string, profile: LayoutProfile): Paragraph {
  return new Paragraph({
    spacing: exact(profile.grid.lineSpacing),
    children: [run(`${label}：`, profile.fonts.h1), run(value, profile.fonts.body)],
  });
}

export async function renderContentsList(m: Manifest, packetFileName: string, localDate: string, profile: LayoutProfile = LAYOUT_PROFILE): Promise<Buffer> {
  const f = profile.fonts;
  const cellFont = f.colophon;
  const c = (text: string) => [cellText(text, cellFont, profile, AlignmentType.CENTER)];
  const l = (text: string) => [cellText(text, cellFont, profile, AlignmentType.LEFT)];
  const dateText = formatDate(localDate, 'arabic');
  const children: Array<Paragraph | Table> = [titleParagraph(CONTENTS_LIST_TITLE, profile, false)];
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(profile.grid.lineSpacing), children: [run(`（${dateText}）`, f.sourceLine)] }));
  children.push(infoLine('报送单位', safeLine(m.sender.office), profile));
  const contact = [m.sender.contactPerson, m.sender.phone ? `电话 ${m.sender.phone}` : ''].filter(Boolean).join('　');
  if (contact) children.push(infoLine('联 系 人', contact, profile));
  children.push(infoLine('报送日期', dateText, profile));
  children.push(infoLine('上报包', packetFileName, profile));

  let section = 0;
  const heading = (text: string) => bodyParagraph({ level: 1, text: `${'一二三'[section++]}、${text}` }, profile);
  if (m.issues.length) {
    children.push(heading(`刊物（${m.issues.length}期）`));
    const rows = m.issues.map((i, n) => [
      c(String(n + 1)),
      [
        cellText(i.title, { ...cellFont, eastAsia: f.h1.eastAsia }, profile, AlignmentType.LEFT),
        ...i.items.map((it) => cellText(`${it.position}. ${it.title}${it.unit ? `（${it.unit}）` : ''}`, cellFont, profile, AlignmentType.LEFT)),
      ],
      c(formatDate(i.date, 'arabic')),
      c(String(i.items.length)),
      c(String(i.chars)),
      c(CLASSIFICATION_LABELS[i.classification]),
    ]);
    children.push(table(profile, columns(profile, [2.5, null, 8, 2.5, 3, 2.5]), ['序号', '期次与所载信息', '日期', '条数', '字数', '密级'], rows));
  }
  if (m.articles.length) {
    children.push(heading(`单条信息（${m.articles.length}条）`));
    const rows = m.articles.map((a, n) => [
      c(String(n + 1)),
      l(a.title),
      l(a.unit ?? '—'),
      c(CATEGORY_LABELS[a.category]),
      c(String(a.chars)),
      c(CLASSIFICATION_LABELS[a.classification]),
    ]);
    children.push(table(profile, columns(profile, [2.5, null, 6, 4, 3, 2.5]), ['序号', '标题', '来稿单位', '分类', '字数', '密级'], rows));
  }
  children.push(
    bodyParagraph({ level: 0, text: `合计：${m.issues.length}期、${m.articles.length}条信息，共${m.totals.chars}字。` }, profile),
    new Paragraph({
      style: STYLE.noGrid,
      spacing: exact(TABLE_LINE, TABLE_LINE / 2),
      children: [run('说明：本清单随上报包生成，包内各文件的 SHA-256 见 manifest.json 和 SHA256SUMS。', f.colophon)],
    }),
  );

  const { page, margins, grid } = profile;
  const creator = profile.documentInfo.creator;
  const doc = new Document({
    creator,
    lastModifiedBy: creator,
    title: CONTENTS_LIST_TITLE,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    externalStyles: externalStylesXml(),
    styles: buildStyles(profile),
    theme: {
      fonts: {
        body: { latin: f.body.ascii, eastAsia: f.body.eastAsia },
        headings: { latin: f.title.ascii, eastAsia: f.title.eastAsia },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: margins.top, bottom: margins.bottom, left: margins.left, right: margins.right, header: margins.header, footer: margins.footer, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: grid.linePitch },
        },
        footers: { default: pageNumberFooter(profile, 'odd'), even: pageNumberFooter(profile, 'even') },
        children,
      },
    ],
  });
  const zip = await Packer.toBuffer(doc, false, [coreXml({ title: CONTENTS_LIST_TITLE, creator, date: localDate })]);
  return fixZipTimestamps(Buffer.from(zip));
}
