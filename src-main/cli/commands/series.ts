/** `bulletin series …`: publications and their settings. */
import type { CommandSpec, OptionSpec } from '../spec';
import { fmt } from '../format';

const SERIES_OPTIONS: OptionSpec[] = [
  { flag: 'org', key: 'org', type: 'string', value: 'ORG', zh: '编印单位，如“城关县人民政府办公室”', en: 'compiling office' },
  { flag: 'first-number', key: 'firstNumber', type: 'int', value: 'N', zh: '第一期的期号（已在纸面上出过的刊物从这里接续）', en: 'number of the first issue' },
  { flag: 'first-total', key: 'firstTotal', type: 'int', value: 'M', zh: '第一期的总期号', en: 'running number of the first issue' },
  { flag: 'continuous', key: 'continuous', type: 'bool', zh: '期号跨年连续，不在每年1月1日从第1期重新开始', en: 'numbers run on across years' },
  {
    flag: 'classification',
    key: 'maxClassification',
    type: 'string',
    value: 'C',
    zh: '本刊可刊印的最高密级：public 公开 / internal 内部（默认）/ classified 涉密；高于它的信息不能编入、提交或签发',
    en: 'highest classification the series may print (default internal)',
  },
  {
    flag: 'score-rule',
    key: 'scoreRule',
    type: 'string',
    value: 'single|brief|daily|web',
    zh: '本刊刊发的信息按哪条县级规则计分：single 单条（默认）/ brief 简讯 / daily 每日要情 / web 网站“今日”栏目；已签发的期次仍按签发时的规则',
    en: 'county rule its items score under; signed issues keep theirs',
  },
];

export const seriesCommands: readonly CommandSpec[] = [
  {
    path: ['series', 'add'],
    op: 'seriesAdd',
    zh: '新建一种刊物（如《城关县政务信息》）',
    en: 'Add a publication series',
    options: [{ flag: 'name', key: 'name', type: 'string', value: 'NAME', zh: '刊物名称', en: 'series name' }, ...SERIES_OPTIONS],
    print: fmt.series,
    examples: ['bulletin series add --name 城关县政务信息 --org 城关县人民政府办公室 --first-number 433 --first-total 2045'],
  },
  {
    path: ['series', 'set'],
    op: 'seriesUpdate',
    zh: '修改刊物设置：名称、编印单位、起始期号（签发后不能改），以及报头、版记等印制设置',
    en: 'Change a series: name, office, first numbers (fixed once signed), and how it prints',
    positionals: [{ name: 'SERIES', key: 'series', type: 'ref' }],
    options: [
      { flag: 'name', key: 'name', type: 'string', value: 'NAME', zh: '新名称', en: 'new name' },
      ...SERIES_OPTIONS,
      { flag: 'masthead', key: 'print.mastheadName', type: 'string', value: 'TEXT', zh: '报头名称（默认为刊物名称）', en: 'masthead text (default: the series name)' },
      { flag: 'mark', key: 'print.sensitivityMark', type: 'string', value: 'none|internal|TEXT', zh: '左上角标志：none 不印 / internal “内部资料 注意保存” / 自定文字', en: 'top-left mark: none, internal, or your own text' },
      { flag: 'show-total', key: 'print.showTotal', type: 'bool', zh: '印“（总第M期）”（--no-show-total 不印）', en: 'print the running number' },
      { flag: 'date-style', key: 'print.dateStyle', type: 'string', value: 'arabic|chinese', zh: '日期样式：arabic 2026年11月21日 / chinese 二〇二六年十一月二十一日', en: 'date style' },
      { flag: 'contents', key: 'print.contentsHeading', type: 'string', value: '本期要目|目录|none', zh: '目录标题，none 不印目录', en: 'contents heading, or none' },
      { flag: 'new-page', key: 'print.newPagePerItem', type: 'bool', zh: '每条信息另起一页（--no-new-page 接排）', en: 'each item on a new page' },
      { flag: 'to', key: 'print.distribution.to', type: 'string', value: 'A，B', zh: '版记“报：”的单位，用逗号或顿号分隔；空字符串清除', en: 'recipients above (报), comma-separated' },
      { flag: 'cc', key: 'print.distribution.cc', type: 'string', value: 'A，B', zh: '版记“送：”的单位', en: 'recipients alongside (送)' },
      { flag: 'down', key: 'print.distribution.down', type: 'string', value: 'A，B', zh: '版记“发：”的单位', en: 'recipients below (发)' },
      { flag: 'reviewer', key: 'print.reviewer', type: 'string', value: 'NAME', zh: '版记“审核：”的姓名', en: 'reviewer named in the colophon' },
      { flag: 'editor', key: 'print.editor', type: 'string', value: 'NAME', zh: '版记“编辑：”的姓名', en: 'editor named in the colophon' },
      { flag: 'chinese-quotes', key: 'print.chineseQuotes', type: 'bool', zh: '印刷时把中文旁的直引号改为“”‘’（--no-chinese-quotes 保留原样）', en: 'print straight quotes next to Chinese as “” ‘’' },
      { flag: 'copies', key: 'print.copies', type: 'int', value: 'N', zh: '印数“（共印N份）”，0 不印', en: 'print run, 0 for none' },
    ],
    print: fmt.series,
    examples: [
      'bulletin series set 城关县政务信息 --mark internal --to 市政府办公室 --cc "县委办公室，县人大常委会办公室" --copies 60',
      'bulletin series set 每日要情 --score-rule daily',
    ],
  },
  { path: ['series', 'list'], op: 'seriesList', zh: '列出全部刊物', en: 'List series', print: fmt.seriesList },
  {
    path: ['series', 'show'],
    op: 'seriesGet',
    zh: '查看一种刊物',
    en: 'Show a series',
    positionals: [{ name: 'SERIES', key: 'series', type: 'ref' }],
    print: fmt.series,
  },
];
