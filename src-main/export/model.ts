/**
 * What the Word renderer needs to print one issue, and nothing else: built by the services from
 * the database (or by tests by hand), so the renderer never touches storage.
 */
import type { Paragraph } from '../api/text';

export interface PrintSettings {
  /** The masthead text, e.g. 城关县政务信息 (defaults to the series name). */
  mastheadName: string;
  /** The compiling office, printed as `${org}编` at the left of the masthead's date line. */
  org: string;
  /** Top-left mark, e.g. 内部资料 注意保存; empty for none. */
  sensitivityMark: string;
  /** Whether 第N期 is followed by （总第M期）. */
  showTotal: boolean;
  dateStyle: 'arabic' | 'chinese';
  /** Heading of the contents list; 'none' prints no list. */
  contentsHeading: '本期要目' | '目录' | 'none';
  newPagePerItem: boolean;
  /** 报 / 送 / 发 recipients; an empty list prints no line. */
  distribution: { to: string[]; cc: string[]; down: string[] };
  /** Names for the people line; the signer comes from the issue. Empty strings are left out. */
  reviewer: string;
  editor: string;
  /** 共印N份; 0 prints no print-run line. */
  copies: number;
}

export interface IssueDocArticle {
  title: string;
  paragraphs: Paragraph[];
  /** The source line, e.g. 城关镇 → （城关镇 供稿）; null prints none. */
  source: string | null;
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
