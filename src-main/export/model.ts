/**
 * What the Word renderer needs to print one issue, and nothing else: built by the services from
 * the database (or by tests by hand), so the renderer never touches storage.
 */
import type { Paragraph } from '../api/text';
import type { PrintSettings } from '../api/types';

export type { PrintSettings };

export interface IssueDocArticle {
  title: string;
  paragraphs: Paragraph[];
  /** The source line, e.g. 城关镇 → （城关镇 供稿）; null prints none. */
  source: string | null;
  /**
   * Issue 19: the placed pictures this item prints, by id (a Map, so the model's JSON — which
   * signing compares — carries the ids in the paragraphs, not the bytes). A picture paragraph
   * whose id is not here prints nothing, caption included: the series does not allow pictures.
   */
  pictures?: ReadonlyMap<number, PrintPicture>;
}

/** A placed picture as the Word file prints it: its bytes as kept, type and pixel size. */
export interface PrintPicture {
  contentType: string;
  bytes: Buffer;
  width: number;
  height: number;
}

export interface IssueDocModel {
  settings: PrintSettings;
  /** null for a preview (draft or in review): prints 第, a full-width space, 期, and a 送审稿 mark. */
  number: number | null;
  totalNumber: number | null;
  supplement: boolean;
  /** YYYY-MM-DD, the date printed on the masthead. */
  date: string;
  signedBy: string | null;
  /** One-off extra recipients for this issue: 本期增发：… */
  extraRecipients: string[];
  /** A copy serial number, top right, for classified issues only. */
  copySerial: string | null;
  articles: IssueDocArticle[];
}
