/** Issues (期): composing, the workflow to sign-off, numbering, voiding and the Word file. */
import { z } from 'zod';
import * as s from '../schemas';
import type { DocxFile, ExportResult, Issue, IssueSummary, NextNumber } from '../types';
import type { IssueLayout } from '../layout-types';
import type { CoverageReport } from '../coverage-types';
import type { ProofWarning } from '../proof-warning';
import { byId, download, op, writesFile } from './define';
import { pageQuery, type Page } from '../paging';


export const issueOps = {
  issueCreate: op<Issue>()(
    () => z.object({ series: s.ref('刊物'), date: s.isoDate('日期').optional(), supplement: z.boolean().optional() }).strict(),
    '新建一期（草稿）/ create a draft issue',
  ),
  issueAddArticles: op<Issue>()(
    () => z
      .object({
        id: s.id('期'),
        articleIds: z.array(s.id('信息')).min(1, { error: '请至少给出一条信息' }).max(s.LIMITS.articlesPerIssue),
      })
      .strict(),
    '向一期加入信息 / append items to an issue',
  ),
  issueRemoveArticle: op<Issue>()(
    () => z.object({ id: s.id('期'), articleId: s.id('信息') }).strict(),
    '从一期移出信息 / remove an item from an issue',
  ),
  issueReorder: op<Issue>()(
    () => z
      .object({ id: s.id('期'), articleIds: z.array(s.id('信息')).min(1).max(s.LIMITS.articlesPerIssue) })
      .strict(),
    '调整一期内信息的顺序 / reorder the items of an issue',
  ),
  issueMarkBrief: op<Issue>()(
    () => z
      .object({
        id: s.id('期'),
        articleId: s.id('信息'),
        brief: z.boolean({ error: '“简讯”只能是是或否' }).optional(),
      })
      .strict(),
    '把一期中的一条信息标为简讯（或取消），签发后不能再改 / mark an item of an issue as a brief',
  ),
  issueSetDate: op<Issue>()(
    () => z.object({ id: s.id('期'), date: s.isoDate('日期') }).strict(),
    '修改一期的日期 / change the date of an unsigned issue',
  ),
  // The answer carries the coverage check's warnings (chars) and the items' unfixed proofreading
  // 错误 (proofErrors), shown at submit by every door.
  issueSubmit: op<Issue & CoverageReport & ProofWarning>()(() => byId('期'), '提交审核 / submit for review'),
  issueCoverage: op<CoverageReport>()(
    () => byId('期'),
    '检查本期文字办公字体能否显示 / characters the office fonts lack',
    true,
  ),
  issueWithdraw: op<Issue>()(() => byId('期'), '退回修改 / send back from review to draft'),
  issueNextNumber: op<NextNumber>()(
    () => z.object({ id: s.id('期'), date: s.isoDate('日期').optional() }).strict(),
    '签发时将得到的期号 / the number signing would give',
    true,
  ),
  issueSign: op<Issue>()(
    () => z.object({ id: s.id('期'), signedBy: s.line('签发人', s.LIMITS.name), date: s.isoDate('日期').optional() }).strict(),
    '签发并编号 / sign off and number',
  ),
  issueVoid: op<Issue>()(
    () => z.object({ id: s.id('期'), reason: s.line('作废原因', s.LIMITS.reason) }).strict(),
    '作废已签发的一期 / void a signed issue',
  ),
  issueExport: op<ExportResult>()(
    () => z
      .object({
        id: s.id('期'),
        out: z.string({ error: '请给出保存位置' }).min(1, { error: '请给出保存位置' }).max(4096),
      })
      .strict(),
    '导出一期的 Word 文件 / export an issue as Word',
    writesFile,
  ),
  issueDocx: op<DocxFile>()(
    () => byId('期'),
    '取得一期的 Word 文件内容（浏览器模式下载用）/ the Word file as base64, for download',
    // a download is an export: it goes in the audit log
    download,
  ),
  issueLayout: op<IssueLayout>()(() => byId('期'), '版面分页：每页排到哪里、共几页 / the pages as laid out', true),
  issueDelete: op<{ id: number }>()(() => byId('期'), '删除未签发的草稿 / delete an unsigned issue'),
  issueGet: op<Issue>()(() => byId('期'), '查看一期 / show an issue', true),
  issueList: op<Page<IssueSummary>>()(
    () => z
      .object({
        series: s.ref('刊物').optional(),
        year: z.number({ error: '年份必须是数字' }).int().min(1949).max(2199).optional(),
        status: s.issueStatus.optional(),
        /** true: the archive (signed and voided); false: the issues still being made. */
        archived: z.boolean({ error: '“归档”只能是是或否' }).optional(),
        ...pageQuery('issue'),
      })
      .strict(),
    '列出期次（排序、分页）/ list issues, sorted and paged',
    true,
  ),
} as const;
