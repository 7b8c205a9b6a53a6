/** The shapes the API returns. Plain JSON: the same through IPC, HTTP and `--json`. */
import type { Category, Classification, IssueStatus, UnitKind } from './schemas';
import type { Paragraph } from './text';

export interface Series {
  id: number;
  name: string;
  org: string;
  firstNumber: number;
  firstTotal: number;
  continuous: boolean;
  /** True once any issue of the series has a number: the first numbers can no longer change. */
  numbered: boolean;
  createdAt: string;
}

export interface Unit {
  id: number;
  name: string;
  kind: UnitKind;
  active: boolean;
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
  createdAt: string;
  updatedAt: string;
}

export type ArticleSummary = Omit<Article, 'paragraphs'>;

export interface IssueArticle {
  id: number;
  position: number;
  title: string;
  unitId: number | null;
  unit: string | null;
  category: Category;
  classification: Classification;
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
