/**
 * The columns of each list as written to Excel (issue 15): the same columns, in the same words,
 * as the page shows; dates and times as text in local time (a date cell would be shown in the
 * reader's own zone, and WPS and Excel then disagree), counts as numbers.
 */
import { CATEGORY_LABELS, CLASSIFICATION_LABELS, ISSUE_STATUS_LABELS } from '../api/schemas';
import { localTimeNumeric } from '../api/display';
import type { ArticleIssueRef, ArticleSummary, IssueSummary } from '../api/types';
import { SUBMISSION_STATE_LABELS, type SubmissionSummary } from '../api/ops/submissions';
import type { PacketSummary } from '../api/ops/packets';
import type { ScoreEvent } from '../scoring/compute';
import type { ExportList } from '../api/ops/list-export';

export interface ListColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
}

const issueName = (i: { series: string; year: number; number: number | null; id?: number; issueId?: number }) =>
  i.number === null ? `《${i.series}》草稿（${i.year}年）` : `《${i.series}》${i.year}年第${i.number}期`;
const issueRef = (r: ArticleIssueRef | null) => (r ? issueName(r) : '');

const ARTICLES: ListColumn<ArticleSummary>[] = [
  { header: '编号', width: 8, value: (a) => a.id },
  { header: '标题', width: 50, value: (a) => a.title },
  { header: '来稿单位', width: 18, value: (a) => a.unit ?? '未填单位' },
  { header: '分类', width: 10, value: (a) => CATEGORY_LABELS[a.category] },
  { header: '密级', width: 8, value: (a) => CLASSIFICATION_LABELS[a.classification] },
  { header: '字数', width: 8, value: (a) => a.chars },
  { header: '使用情况', width: 30, value: (a) => issueRef(a.issue) },
  { header: '上报次数', width: 10, value: (a) => a.submitted?.count ?? 0 },
  { header: '修改时间', width: 18, value: (a) => localTimeNumeric(a.updatedAt) },
  { header: '录入时间', width: 18, value: (a) => localTimeNumeric(a.createdAt) },
];

const SUBMISSIONS: ListColumn<SubmissionSummary>[] = [
  { header: '编号', width: 8, value: (s) => s.id },
  { header: '收稿日期', width: 12, value: (s) => s.receivedDate },
  { header: '来稿单位', width: 18, value: (s) => s.unit ?? '未填单位' },
  { header: '标题', width: 50, value: (s) => s.title },
  { header: '分类', width: 10, value: (s) => (s.category ? CATEGORY_LABELS[s.category] : '未定') },
  { header: '信息员', width: 10, value: (s) => s.liaisonName },
  { header: '联系电话', width: 16, value: (s) => s.liaisonPhone },
  { header: '字数', width: 8, value: (s) => s.chars },
  { header: '原件', width: 30, value: (s) => s.originalName || '录入' },
  { header: '状态', width: 10, value: (s) => SUBMISSION_STATE_LABELS[s.state] },
  { header: '原因或说明', width: 30, value: (s) => s.stateReason ?? '' },
  { header: '采用情况', width: 30, value: (s) => issueRef(s.issue) },
];

const ISSUES: ListColumn<IssueSummary>[] = [
  { header: '刊物', width: 24, value: (i) => i.series },
  { header: '年份', width: 8, value: (i) => i.year },
  { header: '期号', width: 8, value: (i) => (i.number === null ? '未编号' : i.supplement ? `增刊${i.number}` : i.number) },
  { header: '总期号', width: 8, value: (i) => i.totalNumber },
  { header: '日期', width: 12, value: (i) => i.date },
  { header: '状态', width: 10, value: (i) => ISSUE_STATUS_LABELS[i.status] },
  { header: '信息条数', width: 10, value: (i) => i.articleCount },
  { header: '签发人', width: 10, value: (i) => i.signedBy ?? '' },
  { header: '签发时间', width: 18, value: (i) => (i.signedAt ? localTimeNumeric(i.signedAt) : '') },
  { header: '作废原因', width: 30, value: (i) => i.voidReason ?? '' },
];

const PACKETS: ListColumn<PacketSummary>[] = [
  { header: '生成时间', width: 18, value: (p) => localTimeNumeric(p.createdAt) },
  { header: '经办人', width: 10, value: (p) => p.createdBy },
  { header: '文件名', width: 40, value: (p) => p.fileName },
  { header: '大小（字节）', width: 12, value: (p) => p.size },
  { header: '含内部资料', width: 10, value: (p) => (p.includeInternal ? '是' : '否') },
  { header: '期刊', width: 40, value: (p) => p.issues.map((i) => i.title).join('；') },
  { header: '单条信息', width: 50, value: (p) => p.articles.map((a) => a.title).join('；') },
  { header: 'SHA-256', width: 20, value: (p) => p.sha256 },
];

const SCORES: ListColumn<ScoreEvent>[] = [
  { header: '日期', width: 12, value: (e) => e.date },
  { header: '来稿单位', width: 18, value: (e) => e.unit },
  { header: '事项', width: 16, value: (e) => e.label },
  { header: '标题', width: 50, value: (e) => e.title ?? '' },
  { header: '计分规则', width: 16, value: (e) => e.rule ?? '手工扣分' },
  { header: '得分', width: 8, value: (e) => e.points },
  { header: '扣分', width: 8, value: (e) => e.deducted },
  { header: '奖励（元）', width: 10, value: (e) => e.reward },
  { header: '规则版本', width: 12, value: (e) => e.rulesFrom },
];

export const LIST_COLUMNS: { [K in ExportList]: ListColumn<never>[] } = {
  articles: ARTICLES as ListColumn<never>[],
  submissions: SUBMISSIONS as ListColumn<never>[],
  issues: ISSUES as ListColumn<never>[],
  archive: ISSUES as ListColumn<never>[],
  packets: PACKETS as ListColumn<never>[],
  scores: SCORES as ListColumn<never>[],
};
