/** Plain-text rendering of API results for people at a terminal. */
import { coverageMessages, type CoverageReport } from '../api/coverage-types';
import { proofWarningLines, proofWarningText, type ProofWarning } from '../api/proof-warning';
import { CATEGORY_LABELS, CLASSIFICATION_LABELS, ISSUE_STATUS_LABELS, UNIT_KIND_LABELS } from '../api/schemas';
import type { Paragraph } from '../api/text';
import { ADOPTION_KIND_LABELS } from '../scoring/rules';
import { localTimeNumeric } from '../api/display';
import type { Article, ArticleSummary, Issue, IssueSummary, NextNumber, Series, Unit } from '../api/types';

const HEADING_MARK = ['', '【一级标题】', '【二级标题】', '【三级标题】', '【四级标题】'];

/** Body text one paragraph a line, headings marked with their level since a terminal has no bold. */
export const bodyLines = (paragraphs: readonly Paragraph[]) => paragraphs.map((p) => `${HEADING_MARK[p.level]}${p.text}`);

/** One line per entry, or what to say when there are none. */
export const listText = <T>(list: readonly T[], line: (x: T) => string, empty: string) => (list.length ? list.map(line).join('\n') : empty);

export function issueName(i: Pick<IssueSummary, 'series' | 'year' | 'number' | 'supplement' | 'totalNumber' | 'id'>): string {
  if (i.number === null) return `《${i.series}》草稿 #${i.id}`;
  const total = i.totalNumber ? `（总第${i.totalNumber}期）` : '';
  return `《${i.series}》${i.year}年${i.supplement ? '增刊' : ''}第${i.number}期${total}`;
}

/** Who moved the issue along, and when (操作人 from the audit trail). */
function workflowLines(i: Issue): string[] {
  const at = (iso: string | null) => (iso ? localTimeNumeric(iso) : '');
  return [
    i.submittedBy ? `  提交审核：${i.submittedBy} ${at(i.submittedAt)}` : '',
    i.withdrawnBy ? `  退回修改：${i.withdrawnBy} ${at(i.withdrawnAt)}` : '',
    i.signOperator ? `  签发登记：${i.signOperator} ${at(i.signedAt)}（签发人 ${i.signedBy ?? ''}）` : '',
    i.voidedBy ? `  作废：${i.voidedBy} ${at(i.voidedAt)}` : '',
  ].filter(Boolean);
}

export const fmt = {
  series: (s: Series) =>
    `#${s.id} 《${s.name}》 编印：${s.org || '（未设）'}  起始：第${s.firstNumber}期/总第${s.firstTotal}期  ${s.continuous ? '跨年连续编号' : '每年从第1期起'}  最高密级：${CLASSIFICATION_LABELS[s.maxClassification]}  计分：县级${ADOPTION_KIND_LABELS[s.scoreRule]}`,
  seriesList: (list: Series[]) => listText(list, fmt.series, '还没有刊物。用 bulletin series add --name 名称 新建。'),
  unit: (u: Unit) =>
    `#${u.id} ${u.name}（${UNIT_KIND_LABELS[u.kind]}）${u.shortName ? ` 简称：${u.shortName}` : ''}${u.aliases.length ? ` 别称：${u.aliases.join('、')}` : ''}${u.active ? '' : ' [停用]'}`,
  unitList: (list: Unit[]) => listText(list, fmt.unit, '还没有来稿单位。用 bulletin unit add --name 名称 添加。'),
  articleLine: (a: ArticleSummary) =>
    `#${a.id} ${a.title}  [${CATEGORY_LABELS[a.category]}·${CLASSIFICATION_LABELS[a.classification]}] ${a.unit ?? '（无单位）'} ${a.chars}字` +
    (a.issue ? `  → ${issueName({ ...a.issue, supplement: false, totalNumber: null, id: a.issue.issueId })}` : ''),
  article: (a: Article) =>
    [fmt.articleLine(a), '', ...bodyLines(a.paragraphs)].join('\n'),
  articleList: (list: ArticleSummary[]) => listText(list, fmt.articleLine, '没有符合条件的信息。'),
  issueLine: (i: IssueSummary) =>
    `#${i.id} ${issueName(i)}  ${i.date}  ${ISSUE_STATUS_LABELS[i.status]}  ${i.articleCount}条` +
    (i.signedBy ? `  签发：${i.signedBy}` : '') +
    (i.voidReason ? `  作废原因：${i.voidReason}` : ''),
  issue: (i: Issue) =>
    [
      fmt.issueLine({ ...i, articleCount: i.articles.length }),
      ...workflowLines(i),
      ...i.articles.map((a) => `  ${a.position}. #${a.id} ${a.title}${a.unit ? `（${a.unit}）` : ''}${a.brief ? '  [简讯]' : ''}`),
    ].join('\n'),
  issueList: (list: IssueSummary[]) => listText(list, fmt.issueLine, '没有符合条件的期次。'),
  nextNumber: (n: NextNumber) =>
    `签发后将是 ${n.year}年${n.supplement ? '增刊' : ''}第${n.number}期${n.totalNumber ? `（总第${n.totalNumber}期）` : ''}`,
  deleted: (r: { id: number }) => `已删除 #${r.id}`,
  /** The coverage check: every font's warning with its characters, or that all is well. */
  coverage: (r: CoverageReport) =>
    r.chars.length === 0
      ? '所有文字都在办公字体的字符范围内。'
      : coverageMessages(r)
          .map((m) => [`注意：${m.text}`, ...m.lines.map((l) => `  ${l}`)].join('\n'))
          .join('\n'),
  submitted: (r: Issue & CoverageReport & ProofWarning) => {
    const proof = proofWarningText(r);
    return [fmt.issue(r), r.chars.length ? fmt.coverage(r) : '', proof ? [proof, ...proofWarningLines(r).map((l) => `  ${l}`)].join('\n') : ''].filter(Boolean).join('\n\n');
  },
};
