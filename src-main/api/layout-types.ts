/**
 * What the pagination model (src-main/export/pagination*.ts) answers about an issue: its pages
 * as the 22-line grid lays them out, line by line. The composer's paged preview and the sign
 * dialog's 共 N 页 read this shape; the Word renderer uses the same model for its decisions
 * (keep-with-next, where the colophon goes), so preview and print agree.
 */

/** What a laid-out line is, so the preview can draw it in the right font, size and colour. */
export type LaidLineKind =
  | 'mark' // 内部资料 / copy serial, top of page 1
  | 'masthead' // the series name, red
  | 'number' // 第12期（总第2045期）
  | 'office-date' // 城关县人民政府办公室编 ... 2026年11月21日
  | 'rule' // the red rule under the masthead
  | 'contents-heading'
  | 'contents'
  | 'title'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'heading4'
  | 'body'
  | 'source'
  | 'colophon'
  | 'blank'
  // Issue 19: tables and notes inside items.
  | 'table-caption'
  | 'table-unit'
  | 'table-row'
  | 'note'
  // Issue 19: a placed picture (one line as tall as the picture) and its caption.
  | 'picture'
  | 'picture-caption';

/** One cell of a 'table-row' line: its text, its share of the text block's width (0–1), whether it is a header cell. */
export interface LaidCell {
  text: string;
  width: number;
  header: boolean;
  align: 'left' | 'center' | 'right';
  /** The cell is the lower part of a cell merged down from the row above (no rule between them). */
  continued?: true;
}

export interface LaidLine {
  kind: LaidLineKind;
  /** The characters that fall on this line (a wrapped paragraph gives several lines). */
  text: string;
  align: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in characters (2 for body paragraphs' first lines), else 0. */
  indent: number;
  /** Grid lines (579 tw each) this line occupies; the masthead name and titles may take more than 1. */
  height: number;
  /** For 'office-date': the right-hand part (the date), printed right-aligned on the same line. */
  right?: string;
  /** Index of the item (0-based) this line belongs to, when it belongs to one. */
  article?: number;
  /** For 'table-row': its cells, left to right (a merged cell once, with the width it spans). */
  cells?: LaidCell[];
  /** For 'table-row': a header row, repeated at the top of the next page the table runs onto. */
  repeated?: boolean;
  /** For 'table-row': the table's text size (half-points) and line height (twips), as body-table-fit.ts sets them. */
  textSize?: { size: number; lineHeight: number };
  /** For a table's last 'table-row': grid lines of its height that are space under the table (the grid's rounding), not row. */
  spaceBelow?: number;
  /** For 'picture': which kept picture, and its printed width as a share of the text block (0–1). */
  picture?: { id: number; width: number };
}

export interface LaidPage {
  /** 1-based physical page. */
  index: number;
  /** The number printed in the footer (— N —), or null when the page prints none (a colophon-only page). */
  pageNumber: number | null;
  lines: LaidLine[];
}

export interface IssueLayout {
  pages: LaidPage[];
  pageCount: number;
  /** True when the colophon would stand alone on its page (the renderer then prints no number there). */
  colophonAlone: boolean;
}
