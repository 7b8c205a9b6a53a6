/**
 * Ruled tables across the text block (the packet's contents list, the circular's scores): fixed
 * columns, lines all round and inside, the header row repeated on every page. Text in them is set off the line grid: on it, LibreOffice would give every table
 * line a full body line.
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
  WidthType,
} from 'docx';
import { exact, run, STYLE, textWidth } from './docx-blocks';
import type { FontSpec, LayoutProfile, TableSpec } from './layout-profile';

export type CellAlign = 'left' | 'center' | 'right';

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export function cellParagraph(text: string, font: FontSpec, spec: TableSpec, align: CellAlign): Paragraph {
  return new Paragraph({ style: STYLE.noGrid, alignment: ALIGNMENT[align], spacing: exact(spec.lineHeight), children: [run(text, font)] });
}

export function tableCell(
  children: Paragraph[],
  width: number,
  spec: TableSpec,
  options: { span?: number; fill?: string } = {},
): TableCell {
  const { vertical, horizontal } = spec.cellMargin;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(options.span && options.span > 1 ? { columnSpan: options.span } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: vertical, bottom: vertical, left: horizontal, right: horizontal },
    ...(options.fill ? { shading: { fill: options.fill, color: 'auto' } } : {}),
    children,
  });
}

/**
 * `header` is repeated at the top of every page the table runs onto. A row stays on one page
 * unless `rowsMaySplit`: a tall row (an issue with all its items) would otherwise leave most of
 * a page blank before it.
 */
export function ruledTable(profile: LayoutProfile, widths: number[], header: TableCell[], rows: TableCell[][], rowsMaySplit = false): Table {
  const line = { style: BorderStyle.SINGLE, ...profile.tables.border };
  return new Table({
    width: { size: textWidth(profile), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header }),
      ...rows.map((children) => new TableRow({ cantSplit: !rowsMaySplit, children })),
    ],
  });
}
