/** `bulletin stats year|figures`: 年度统计 — the year's figures, and the report as Word and Excel. */
import type { CommandSpec, OptionSpec } from '../spec';
import { DATE } from '../options';
import type { YearStats, YearStatsPaths } from '../../api/ops/stats';

const periodOptions: OptionSpec[] = [
  { flag: 'year', key: 'year', type: 'int', value: 'YYYY', zh: '年份（统计全年）', en: 'the year' },
  { flag: 'from', key: 'from', type: 'string', value: DATE, zh: '或起始日期（含，与 --to 同用）', en: 'or the first day (with --to)' },
  { flag: 'to', key: 'to', type: 'string', value: DATE, zh: '截止日期（含）', en: 'last day (included)' },
];

function figuresText(s: YearStats): string {
  const asOf = s.to < s.today ? s.to : s.today;
  return [`${s.title}（${s.from} 至 ${asOf}）`, '', ...s.sentences].join('\n');
}

export const statsCommands: CommandSpec[] = [
  {
    path: ['stats', 'year'],
    op: 'statsYearExport',
    zh: '导出年度统计：Word 报告（公文格式，含可直接用于工作总结的语句和表格）和 Excel 表格，保存到文件夹',
    en: 'Write the year\'s figures as a Word report and an Excel workbook into a folder',
    options: [...periodOptions, { flag: 'out', key: 'out', type: 'string', value: 'DIR', zh: '保存到的文件夹（须已存在）', en: 'folder (must exist)' }],
    print: (p: YearStatsPaths) => `已生成年度统计：\n  ${p.docx}\n  ${p.xlsx}`,
    examples: ['bulletin stats year --year 2026 --out D:\\年度统计', 'bulletin stats year --from 2026-01-01 --to 2026-06-30 --out D:\\年度统计'],
  },
  {
    path: ['stats', 'figures'],
    op: 'statsYear',
    zh: '显示年度统计的主要数字（可直接用于工作总结的语句）；--json 输出全部数字',
    en: 'Print the year\'s figures as sentences (--json: every figure)',
    options: periodOptions,
    print: figuresText,
    examples: ['bulletin stats figures --year 2026', 'bulletin --json stats figures --from 2026-01-01 --to 2026-06-30'],
  },
];
