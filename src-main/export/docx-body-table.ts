/**
 * Tables and notes inside an item, as Word prints them (issue 19): the table across the full
 * text block, ruled like the office's other tables, in 仿宋 at the size body-table-fit.ts picks,
 * its header rows repeated on every page it runs onto, no row split across pages; the caption
 * and unit line above it kept with it. Notes: 注： in 四号仿宋 hanging at the margin.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { mergeAt, type BodyTable } from '../api/body-tables';
import type { Paragraph as BodyParagraph } from '../api/text';
import { cellAlign, fitTable } from './body-table-fit';
import { exact, run, safeLine, STYLE, textWidth } from './docx-blocks';
import type { LayoutProfile } from './layout-profile';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export function tableCaptionParagraphs(t: BodyTable, profile: LayoutProfile): Paragraph[] {
  const spec = profile.bodyTables;
  const out: Paragraph[] = [];
  if (t.caption) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(profile.grid.lineSpacing),
        keepNext: true,
        keepLines: true,
        children: [run(safeLine(t.caption), spec.caption)],
      }),
    );
  }
  if (t.unit) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: exact(profile.grid.lineSpacing),
        keepNext: true,
        keepLines: true,
        children: [run(safeLine(t.unit), spec.unit)],
      }),
    );
  }
  return out;
}

export function bodyTable(t: BodyTable, profile: LayoutProfile): Table {
  const spec = profile.bodyTables;
  const fit = fitTable(t, profile);
  const line = { style: BorderStyle.SINGLE, ...profile.tables.border };
  const { vertical, horizontal } = spec.cellMargin;
  const rows = t.rows.map((row, r) => {
    const header = r < t.headerRows;
    const font = header ? spec.header : spec.cell;
    const cells: TableCell[] = [];
    for (let c = 0; c < row.length; c++) {
      const m = mergeAt(t, r, c);
      if (m && m.col !== c) continue; // covered by the merge's first column
      const cols = m ? m.cols : 1;
      const width = fit.widths.slice(c, c + cols).reduce((a, b) => a + b, 0);
      const text = m && m.row !== r ? '' : safeLine(row[c] ?? '');
      cells.push(
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          ...(cols > 1 ? { columnSpan: cols } : {}),
          ...(m && m.rows > 1 ? { verticalMerge: m.row === r ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { top: vertical, bottom: vertical, left: horizontal, right: horizontal },
          children: [
            new Paragraph({
              style: STYLE.noGrid,
              alignment: ALIGN[cellAlign(text, header)],
              spacing: exact(fit.lineHeight),
              // Header rows keep with the first row below them, so a header never ends a page.
              keepNext: header,
              children: [run(text, font, { size: fit.size })],
            }),
          ],
        }),
      );
    }
    return new TableRow({ tableHeader: header, cantSplit: true, children: cells });
  });
  return new Table({
    width: { size: textWidth(profile), type: WidthType.DXA },
    columnWidths: fit.widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows,
  });
}

/** One line of the 注： block: the first hangs 注： out at the margin, the rest align after it. */
export function noteParagraph(p: BodyParagraph, profile: LayoutProfile): Paragraph {
  const n = profile.notes;
  const hang = n.hangChars * n.font.size * 10;
  const first = /^注[:：]/.test(p.text);
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: exact(profile.grid.lineSpacing),
    indent: first ? { left: hang, hanging: hang } : { left: hang },
    children: [run(safeLine(p.text), n.font)],
  });
}
