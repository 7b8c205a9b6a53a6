/** `bulletin issue …`: composing, sign-off, voiding and the Word file. */
import type { OpName } from '../../api/contract';
import type { CommandSpec, PositionalSpec } from '../spec';
import { fmt } from '../format';
import { DATE, filterBy, idArg, pageOptions } from '../options';

const ISSUE = idArg('ISSUE');
/** The items of an issue, in the order they are to print. */
const ARTICLES: PositionalSpec = { name: 'ARTICLE', key: 'articleIds', type: 'int', variadic: true };

/** `bulletin issue VERB ISSUE …`: acts on one issue and shows it as it now stands. */
function onIssue(verb: string, op: OpName, zh: string, en: string, more: Partial<CommandSpec> = {}): CommandSpec {
  return { path: ['issue', verb], op, zh, en, positionals: [ISSUE], print: fmt.issue, ...more };
}

export const issueCommands: readonly CommandSpec[] = [
  {
    path: ['issue', 'create'],
    op: 'issueCreate',
    zh: '新建一期草稿（期号在签发时才给）',
    en: 'Create a draft issue (numbered at sign-off)',
    options: [
      { flag: 'series', key: 'series', type: 'ref', value: 'NAME|ID', zh: '刊物名称或编号', en: 'series name or id' },
      { flag: 'date', key: 'date', type: 'string', value: DATE, zh: '印在刊物上的日期，默认今天', en: 'printed date, default today' },
      { flag: 'supplement', key: 'supplement', type: 'bool', zh: '增刊（单独编号）', en: 'supplement (numbered on its own)' },
    ],
    print: fmt.issue,
  },
  onIssue('add', 'issueAddArticles', '按给出的顺序把信息加到一期末尾', 'Append items to an issue in the order given', {
    positionals: [ISSUE, ARTICLES],
  }),
  onIssue('remove', 'issueRemoveArticle', '从一期中移出一条信息', 'Remove an item from an issue', {
    positionals: [ISSUE, { name: 'ARTICLE', key: 'articleId', type: 'int' }],
  }),
  onIssue('brief', 'issueMarkBrief', '把一期中的一条信息标为简讯（按简讯规则计分）；--no-brief 取消；签发后不能再改', 'Mark an item of an issue as a brief (scores as 简讯); --no-brief to unmark', {
    positionals: [ISSUE, { name: 'ARTICLE', key: 'articleId', type: 'int' }],
    options: [{ flag: 'brief', key: 'brief', type: 'bool', zh: '标为简讯（默认）；--no-brief 取消标注', en: 'mark (default); --no-brief unmarks' }],
    examples: ['bulletin issue brief 12 5', 'bulletin issue brief 12 5 --no-brief'],
  }),
  onIssue('order', 'issueReorder', '按给出的顺序重排一期中的全部信息', 'Put all items of an issue in the order given', {
    positionals: [ISSUE, ARTICLES],
  }),
  onIssue('date', 'issueSetDate', '修改尚未签发的一期的日期', 'Change the date of an unsigned issue', {
    positionals: [ISSUE, { name: DATE, key: 'date', type: 'string' }],
  }),
  onIssue('submit', 'issueSubmit', '提交审核（办公室主任审核）；同时列出办公字体无法显示的字符（只提醒，不阻止）', 'Submit for review; lists characters the office fonts lack (a warning)', {
    print: fmt.submitted,
  }),
  onIssue('check', 'issueCoverage', '检查本期文字：列出办公电脑的仿宋_GB2312等字体无法显示的字符', 'List characters of an issue the office fonts cannot print', {
    print: fmt.coverage,
    examples: ['bulletin issue check 12'],
  }),
  onIssue('withdraw', 'issueWithdraw', '把待签发的一期退回修改', 'Send an issue in review back to draft'),
  onIssue('next-number', 'issueNextNumber', '查看签发后这一期将得到的期号', 'Show the number signing would give', {
    options: [{ flag: 'date', key: 'date', type: 'string', value: DATE, zh: '按这个日期计算', en: 'compute for this date' }],
    print: fmt.nextNumber,
  }),
  onIssue('sign', 'issueSign', '领导签发：给出期号和总期号，此后不可修改', 'Sign off: assigns the number; the issue is frozen from then on', {
    options: [
      { flag: 'by', key: 'signedBy', type: 'string', value: 'NAME', zh: '签发人姓名', en: 'name of the signing leader' },
      { flag: 'date', key: 'date', type: 'string', value: DATE, zh: '签发日期（印在刊物上），默认为该期原定日期', en: 'printed date, default the issue date' },
    ],
    examples: ['bulletin issue sign 12 --by 张某某 --date 2026-11-21'],
  }),
  onIssue('void', 'issueVoid', '作废已签发的一期（期号保留、不再使用）', 'Void a signed issue (its number stays used)', {
    options: [{ flag: 'reason', key: 'reason', type: 'string', value: 'TEXT', zh: '作废原因', en: 'reason' }],
  }),
  onIssue('export', 'issueExport', '导出一期的 Word 文件：已签发的导出存档原件（逐字节相同），未签发的导出送审稿', 'Write an issue as Word: the archived bytes once signed, a 送审稿 preview before', {
    options: [{ flag: 'out', key: 'out', type: 'string', value: 'FILE.docx', zh: '保存到的文件（或文件夹）', en: 'file (or folder) to write' }],
    print: (r: { path: string; archived: boolean; sha256: string }) =>
      `已导出${r.archived ? '存档原件' : '送审稿'}：${r.path}\nSHA-256：${r.sha256}`,
    examples: ['bulletin issue export 12 --out 第12期.docx'],
  }),
  onIssue('delete', 'issueDelete', '删除尚未签发的草稿', 'Delete an unsigned draft', { print: fmt.deleted }),
  onIssue('show', 'issueGet', '查看一期', 'Show an issue'),
  {
    path: ['issue', 'list'],
    op: 'issueList',
    zh: '列出期次',
    en: 'List issues',
    options: [
      filterBy.series,
      filterBy.year,
      { flag: 'status', key: 'status', type: 'string', value: 'S', zh: '按状态筛选：draft 编辑中 / review 待签发 / signed 已签发 / voided 已作废', en: 'filter by status' },
      { flag: 'archived', key: 'archived', type: 'bool', zh: '只列出归档的期次（已签发和已作废）', en: 'only signed and voided issues' },
      ...pageOptions('issue'),
    ],
    paged: true,
    print: fmt.issueList,
  },
];
