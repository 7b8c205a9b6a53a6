/**
 * Batch actions and list export (issue 15): `bulletin submission batch`, `bulletin article
 * batch` and `bulletin list export`, the same API entries the tables' buttons call.
 */
import type { BatchResult } from '../../api/ops/batch';
import type { ListExported } from '../../api/ops/list-export';
import type { CommandSpec, OptionSpec, PositionalSpec } from '../spec';

const ids = (name: string): PositionalSpec => ({ name, key: 'ids', type: 'int', variadic: true });

const batchLine = (what: string) => (r: BatchResult) =>
  `已处理 ${r.changed.length} ${what}${r.unchanged.length ? `，${r.unchanged.length} ${what}原本就是如此，未改动` : ''}。`;

/** The list's filters, as its own list command names them; each list takes those it knows. */
const query = (flag: string, type: OptionSpec['type'], value: string, zh: string, en: string): OptionSpec => ({ flag, key: `query.${flag}`, type, value, zh, en });

export const deskCommands: readonly CommandSpec[] = [
  {
    path: ['submission', 'batch'],
    op: 'submissionBatch',
    zh: '批量处理来稿：setUnit 设置来稿单位、setState 设置状态、setCategory 设置分类、delete 删除（整批一次完成；有一份不能改则整批不做）',
    en: 'Change several drafts in one go: setUnit, setState, setCategory or delete (all or nothing)',
    positionals: [{ name: 'ACTION', key: 'action', type: 'string' }, ids('SUBMISSION')],
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME', zh: '要设置的来稿单位（setUnit）', en: 'the unit to set (setUnit)' },
      { flag: 'state', key: 'state', type: 'string', value: 'S', zh: '要设置的状态：received 已收 / forwarded 已上报 / unused 未采用', en: 'the state to set' },
      { flag: 'category', key: 'category', type: 'string', value: 'C', zh: '要设置的分类（setCategory；none 为未定）', en: 'the category to set (setCategory; none: not decided)' },
      { flag: 'reason', key: 'reason', type: 'string', value: 'TEXT', zh: '原因（未采用时必填；更正已填的单位时必填）', en: 'reason (for unused, and for replacing a unit)' },
    ],
    print: batchLine('份来稿'),
    examples: ['bulletin submission batch setUnit 12 13 14 --unit 白沙镇', 'bulletin submission batch setState 5 6 --state unused --reason 内容重复', 'bulletin submission batch setCategory 7 8 --category practice'],
  },
  {
    path: ['article', 'batch'],
    op: 'articleBatch',
    zh: '批量处理稿件：setUnit 设置来稿单位、setCategory 设置分类、addToIssue 编入一期、delete 删除（整批一次完成）',
    en: 'Change several items in one go: setUnit, setCategory, addToIssue or delete (all or nothing)',
    positionals: [{ name: 'ACTION', key: 'action', type: 'string' }, ids('ARTICLE')],
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME', zh: '要设置的来稿单位（setUnit）', en: 'the unit to set (setUnit)' },
      { flag: 'category', key: 'category', type: 'string', value: 'C', zh: '要设置的分类（setCategory）', en: 'the category to set (setCategory)' },
      { flag: 'issue', key: 'issueId', type: 'int', value: 'ISSUE', zh: '要编入的期（草稿）编号（addToIssue）', en: 'the draft issue to add them to (addToIssue)' },
    ],
    print: batchLine('条稿件'),
    examples: ['bulletin article batch setCategory 3 4 5 --category problem', 'bulletin article batch addToIssue 3 4 5 --issue 12'],
  },
  {
    path: ['list', 'export'],
    op: 'listExport',
    zh: '把列表按筛选和排序导出为 Excel：articles 稿件、submissions 来稿、issues 期刊、archive 归档、packets 上报登记、scores 积分明细',
    en: 'Write a list, filtered and sorted, to .xlsx: articles, submissions, issues, archive, packets or scores',
    positionals: [{ name: 'LIST', key: 'list', type: 'string' }],
    options: [
      { flag: 'out', key: 'out', type: 'string', value: 'FILE.xlsx', zh: '保存的文件，或已有的文件夹', en: 'the file, or an existing folder' },
      query('unit', 'ref', 'NAME', '按来稿单位筛选', 'filter by unit'),
      query('category', 'string', 'C', '按分类筛选（稿件）', 'filter by category (articles)'),
      query('state', 'string', 'S', '按状态筛选（来稿）', 'filter by state (submissions)'),
      query('status', 'string', 'S', '按状态筛选（期刊）', 'filter by status (issues)'),
      query('series', 'ref', 'S', '按刊物筛选', 'filter by series'),
      query('year', 'int', 'Y', '按年份筛选（期刊、归档）', 'filter by year (issues, archive)'),
      query('from', 'string', 'YYYY-MM-DD', '起始日期（含）', 'from date'),
      query('to', 'string', 'YYYY-MM-DD', '截止日期（含）', 'to date'),
      query('text', 'string', 'WORDS', '标题关键字', 'words in the title'),
      query('sort', 'string', 'COL', '按此列排序（同该列表的 list 命令）', 'sort column, as the list command'),
      query('dir', 'string', 'D', '排序方向：asc 升序 / desc 降序', 'asc or desc'),
    ],
    print: (r: ListExported) => `已导出 ${r.rows} 行：${r.path}`,
    examples: ['bulletin list export submissions --state unused --out ~/文档/未采用来稿.xlsx', 'bulletin list export articles --unit 白沙镇 --sort title --out ~/文档'],
  },
];
