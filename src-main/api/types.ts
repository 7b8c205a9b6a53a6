/** The shapes the API returns. Plain JSON: the same through IPC, HTTP and `--json`. */
import type { Category, Classification, IssueStatus, UnitKind } from './schemas';
import type { Paragraph } from './text';
import type { SeriesScoreRule } from '../scoring/rules';

/** How a series prints (docs/layout.md): stored with the series, every field editable. */
export interface PrintSettings {
  /** The masthead text, e.g. 城关县政务信息 (defaults to the series name). */
  mastheadName: string;
  /** The compiling office (the series' org), printed as `${org}编` left of the masthead's date line. */
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
  /** Straight quotes next to Chinese text print as “” ‘’ (text.ts chineseQuotes); on unless turned off. */
  chineseQuotes: boolean;
}

export interface Series {
  id: number;
  name: string;
  org: string;
  firstNumber: number;
  firstTotal: number;
  continuous: boolean;
  /** The highest 密级 it may print: an item above it cannot be added, submitted or signed in its issues. */
  maxClassification: Classification;
  /** The county rule its items score under when printed (单条, 简讯, 每日要情, 网站栏目). */
  scoreRule: SeriesScoreRule;
  /** True once any issue of the series has a number: the first numbers can no longer change. */
  numbered: boolean;
  print: PrintSettings;
  createdAt: string;
}

export interface Unit {
  id: number;
  name: string;
  kind: UnitKind;
  active: boolean;
  /** 简称, e.g. 县发改局; null when none. Like the aliases, unique across all units' names. */
  shortName: string | null;
  /** 别称: other names the unit is known by (in file names, in talk). */
  aliases: string[];
}

export interface ArticleIssueRef {
  issueId: number;
  seriesId: number;
  series: string;
  status: IssueStatus;
  year: number;
  number: number | null;
  date: string;
}

export interface Article {
  id: number;
  title: string;
  paragraphs: Paragraph[];
  unitId: number | null;
  unit: string | null;
  category: Category;
  classification: Classification;
  chars: number;
  /** The issue that is not voided and holds this article, if any. */
  issue: ArticleIssueRef | null;
  /** True while that issue is signed: the article can no longer change. */
  frozen: boolean;
  /** 已上报: sent to the city office in a packet, alone or inside a sent issue. */
  submitted: SubmittedMark | null;
  createdAt: string;
  updatedAt: string;
}

/** How often and when an item went upward (from the packet register). */
export interface SubmittedMark {
  count: number;
  firstAt: string;
  lastAt: string;
}

export type ArticleSummary = Omit<Article, 'paragraphs'> & {
  /** Listed for a series (`forSeries`): why it may not go into that series' issues (密级), or null. */
  blocked?: string | null;
};

export interface IssueArticle {
  id: number;
  position: number;
  title: string;
  unitId: number | null;
  unit: string | null;
  category: Category;
  classification: Classification;
  /** Marked as a 简讯 in this issue: it scores under the brief rule instead of the series'. */
  brief: boolean;
}

export interface Issue {
  id: number;
  seriesId: number;
  series: string;
  status: IssueStatus;
  supplement: boolean;
  year: number;
  number: number | null;
  totalNumber: number | null;
  date: string;
  signedBy: string | null;
  signedAt: string | null;
  voidReason: string | null;
  voidedAt: string | null;
  /** Who moved it along (操作人, see the audit trail), and when; null before that step. */
  submittedBy: string | null;
  submittedAt: string | null;
  /** The last time it was sent back from review to draft (退回修改). */
  withdrawnBy: string | null;
  withdrawnAt: string | null;
  /** Who recorded the signing at this PC; signedBy is the signer printed on the issue. */
  signOperator: string | null;
  voidedBy: string | null;
  articles: IssueArticle[];
  createdAt: string;
  updatedAt: string;
}

export type IssueSummary = Omit<Issue, 'articles'> & { articleCount: number };

export interface NextNumber {
  seriesId: number;
  year: number;
  number: number;
  totalNumber: number | null;
  supplement: boolean;
}

export interface ExportResult {
  /** The file written. */
  path: string;
  sha256: string;
  size: number;
  /** True: the stored bytes of a signed issue. False: a preview rendered now (送审稿). */
  archived: boolean;
}

export interface DocxFile {
  fileName: string;
  /** The file's bytes, base64: JSON carries it through every door. */
  base64: string;
  sha256: string;
  archived: boolean;
}
