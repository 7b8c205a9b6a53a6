/** `bulletin adoption|instruction|commission|deduction|target|rules|score|circular …`: assessment (考核). */
import type { CommandSpec, OptionSpec } from '../spec';
import { listText } from '../format';
import { DATE, dateOption, deleteCommand, idArg, pageOptions } from '../options';
import {
  ADOPTION_KIND_LABELS,
  COMMISSION_STATUS_LABELS,
  LEVEL_LABELS,
  RULE_FIELDS,
  ruleValue,
  type AdoptionEntry,
  type ArticleUnits,
  type CircularPaths,
  type CommissionEntry,
  type DeductionEntry,
  type InstructionEntry,
  type RulesVersion,
  type ScoreEvent,
  type TargetEntry,
  type UnitScore,
} from '../../api/ops/scoring';
import { byOption, runScoreBy, scoreByPrint } from './liaison';

const periodOptions: OptionSpec[] = [
  { flag: 'from', key: 'from', type: 'string', value: DATE, zh: '起始日期（含）', en: 'first day (included)' },
  { flag: 'to', key: 'to', type: 'string', value: DATE, zh: '截止日期（含）', en: 'last day (included)' },
  { flag: 'period', key: 'period', type: 'string', value: 'KIND', zh: '或按期间：month 月 / quarter 季度 / half 半年 / year 年（与 --year、--n 同用）', en: 'or a period: month|quarter|half|year (with --year, --n)' },
  { flag: 'year', key: 'year', type: 'int', value: 'YYYY', zh: '期间所在年份', en: 'year of the period' },
  { flag: 'n', key: 'n', type: 'int', value: 'N', zh: '第几个月 / 季度 / 半年（1 起）', en: 'which month/quarter/half (from 1)' },
];

const listRangeOptions: OptionSpec[] = [
  { flag: 'from', key: 'from', type: 'string', value: DATE, zh: '只列此日及以后的', en: 'on or after this date' },
  { flag: 'to', key: 'to', type: 'string', value: DATE, zh: '只列此日及以前的', en: 'on or before this date' },
];

const articleOption: OptionSpec = { flag: 'article', key: 'articleId', type: 'int', value: 'ID', zh: '信息编号', en: 'item id' };

const unitFilter: OptionSpec = { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME|ID', zh: '只列某个单位的', en: 'only this unit' };

/** Filters of the lists of what happened to items (adoptions, instructions). */
const itemFilters: OptionSpec[] = [{ flag: 'article', key: 'articleId', type: 'int', value: 'ID', zh: '只列某条信息的', en: 'only this item' }, unitFilter, ...listRangeOptions];

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

const adoptionLine = (a: AdoptionEntry) =>
  `${a.id === null ? '（签发）' : `#${a.id}`} ${a.date} 信息${a.articleId}“${a.title}” ← 《${a.publication}》${a.issueRef}  ` +
  `${LEVEL_LABELS[a.level]}·${ADOPTION_KIND_LABELS[a.kind]}  ${a.units.join('、') || '（无单位）'}`;

const instructionLine = (i: InstructionEntry) =>
  `#${i.id} ${i.date} ${LEVEL_LABELS[i.level]}领导 ${i.leader} 批示 信息${i.articleId}“${i.title}”  ${i.units.join('、') || '（无单位）'}` +
  (i.text ? `\n    ${i.text}` : '');

const commissionText = (c: CommissionEntry) =>
  [
    `#${c.id} 约稿“${c.topic}” 截止 ${c.deadline}`,
    ...c.units.map(
      (u) =>
        `  ${u.unit}：${COMMISSION_STATUS_LABELS[u.status]}${u.answeredDate ? `（${u.answeredDate}报送${u.articleId ? `，信息${u.articleId}` : ''}）` : ''}`,
    ),
  ].join('\n');

const deductionLine = (d: DeductionEntry) => `#${d.id} ${d.date} ${d.unit} 扣${d.points}分：${d.reason}`;
const targetLine = (t: TargetEntry) => `${t.unit} 自${t.validFrom.slice(0, 7)}起 每月${t.monthly}篇${t.current ? '（现行）' : ''}`;

/** Terminal columns a text takes: a Chinese character is two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return w;
}
const padEnd = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));
const padStart = (text: string, w: number) => ' '.repeat(Math.max(0, w - width(text))) + text;

function rulesText(v: RulesVersion): string {
  const labelWidth = Math.max(...RULE_FIELDS.map((f) => width(f.label))) + 2;
  return [
    `计分规则 自 ${v.validFrom} 起适用（版本 #${v.id}）`,
    ...RULE_FIELDS.map((f) => `  ${padEnd(f.label, labelWidth)}${padStart(String(ruleValue(v.rules, f.path)), 6)} ${f.unit}`),
    '',
    '改规则：bulletin --json rules show > rules.json，修改数字后 bulletin rules add --from 生效日期 --file rules.json',
  ].join('\n');
}

function scoreTable(rows: UnitScore[]): string {
  if (!rows.length) return '没有来稿单位。';
  const unitWidth = Math.max(8, ...rows.map((r) => width(r.unit))) + 2;
  const heads = ['报送', '县级', '市级', '省级', '批示', '得分', '扣分', '最终得分', '奖励(元)', '采用率'];
  const widths = [6, 6, 6, 6, 6, 7, 7, 9, 9, 8];
  const head = `${padEnd('排名', 6)}${padEnd('单位', unitWidth)}${heads.map((h, i) => padStart(h, widths[i]!)).join('')}`;
  const body = rows.map((r) => {
    const ins = r.instructionsCounty + r.instructionsCity + r.instructionsProvince;
    const flags = [r.criticised ? '通报批评' : r.cannotBeAdvanced ? '取消评先' : '', r.silent ? '未报送' : ''].filter(Boolean).join(' ');
    const cells = [r.sent, r.adoptedCounty, r.adoptedCity, r.adoptedProvince, ins, r.points, r.deductions, r.net, r.reward].map(String);
    cells.push(pct(r.adoptionRate));
    return `${padEnd(r.rank === null ? '—' : String(r.rank), 6)}${padEnd(r.unit, unitWidth)}${cells.map((c, i) => padStart(c, widths[i]!)).join('')}${flags ? `  ${flags}` : ''}`;
  });
  return [head, ...body].join('\n');
}

const ledgerLine = (e: ScoreEvent) =>
  `${e.date} ${e.unit} ${e.points ? `+${e.points}` : `-${e.deducted}`}分${e.reward ? ` ${e.reward}元` : ''}  ${e.label}${e.title ? `  “${e.title}”` : ''}${e.rule ? `  [${e.rule}]` : ''}`;

const articleUnitsText = (a: ArticleUnits) =>
  `信息${a.id}“${a.title}” 来稿单位：${a.unit ?? '（无）'}；合报单位：${a.extra.map((u) => u.name).join('、') || '（无）'}`;

export const scoringCommands: readonly CommandSpec[] = [
  {
    path: ['adoption', 'add'],
    op: 'adoptionAdd',
    zh: '登记信息被上级或其他刊物采用（本系统刊物签发时自动计入，不必登记）',
    en: 'Record an adoption by a publication (our own series count automatically when signed)',
    options: [
      articleOption,
      { flag: 'publication', key: 'publication', type: 'string', value: 'NAME', zh: '刊物名称，如 政务信息快报', en: 'publication name' },
      { flag: 'level', key: 'level', type: 'string', value: 'LEVEL', zh: 'county 县级 / city 市级 / province 省级', en: 'county|city|province' },
      { flag: 'kind', key: 'kind', type: 'string', value: 'KIND', zh: 'single 单条 / brief 简讯 / research 综合调研 / daily 每日要情 / web 网站', en: 'single|brief|research|daily|web' },
      dateOption('采用日期'),
      { flag: 'ref', key: 'issueRef', type: 'string', value: 'TEXT', zh: '刊物期号，如 2026年第15期', en: 'issue of the publication' },
    ],
    print: (a: AdoptionEntry) => `已登记：${adoptionLine(a)}`,
    examples: ['bulletin adoption add --article 12 --publication 政务信息快报 --level city --kind single --date 2026-08-03 --ref 第15期'],
  },
  {
    path: ['adoption', 'list'],
    op: 'adoptionList',
    zh: '列出采用记录（含本系统刊物的采用）',
    en: 'List adoptions, our own series included',
    options: [...itemFilters, ...pageOptions('adoption')],
    paged: true,
    print: (list: AdoptionEntry[]) => listText(list, adoptionLine, '没有采用记录。'),
  },
  deleteCommand('adoption', 'adoptionDelete', '删除登记错的采用（本系统刊物的采用只能通过作废该期撤销）', 'Delete a hand-entered adoption'),
  {
    path: ['instruction', 'add'],
    op: 'instructionAdd',
    zh: '登记领导对某条信息的批示',
    en: 'Record a leader\'s instruction on an item',
    options: [
      articleOption,
      { flag: 'level', key: 'level', type: 'string', value: 'LEVEL', zh: 'county 县级 / city 市级 / province 省级领导', en: 'county|city|province' },
      { flag: 'leader', key: 'leader', type: 'string', value: 'NAME', zh: '批示领导，如 县长张某某', en: 'the leader' },
      dateOption('批示日期'),
      { flag: 'text', key: 'text', type: 'string', value: 'TEXT', zh: '批示内容', en: 'the instruction\'s words' },
    ],
    print: (i: InstructionEntry) => `已登记：${instructionLine(i)}`,
    examples: ['bulletin instruction add --article 12 --level city --leader 副市长李某某 --date 2026-08-05 --text 请各地学习借鉴'],
  },
  {
    path: ['instruction', 'list'],
    op: 'instructionList',
    zh: '列出领导批示',
    en: 'List leader instructions',
    options: [...itemFilters, ...pageOptions('instruction')],
    paged: true,
    print: (list: InstructionEntry[]) => listText(list, instructionLine, '没有批示记录。'),
  },
  deleteCommand('instruction', 'instructionDelete', '删除登记错的批示', 'Delete a mistaken instruction record'),
  {
    path: ['commission', 'add'],
    op: 'commissionAdd',
    zh: '发起约稿：主题、截止日期和约稿单位（--unit 可重复）',
    en: 'Commission items from units by a deadline (repeat --unit)',
    options: [
      { flag: 'topic', key: 'topic', type: 'string', value: 'TEXT', zh: '约稿主题', en: 'topic' },
      { flag: 'deadline', key: 'deadline', type: 'string', value: DATE, zh: '截止日期（当天报送算按时）', en: 'deadline (that day is on time)' },
      { flag: 'unit', key: 'units', type: 'ref', multiple: true, value: 'NAME', zh: '约稿单位，可重复或用顿号分隔', en: 'unit (repeat, or separate with 、)' },
    ],
    print: commissionText,
    examples: ['bulletin commission add --topic 防汛工作 --deadline 2026-07-10 --unit 城关镇 --unit 县水利局'],
  },
  {
    path: ['commission', 'answer'],
    op: 'commissionAnswer',
    zh: '登记某单位对约稿的报送（晚于截止日期即为迟报）',
    en: 'Record a unit\'s answer to a commission (after the deadline is late)',
    positionals: [idArg()],
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME|ID', zh: '来稿单位', en: 'unit' },
      { flag: 'article', key: 'articleId', type: 'int', value: 'ID', zh: '报送的信息编号', en: 'the item sent' },
      dateOption('报送日期'),
    ],
    print: commissionText,
  },
  {
    path: ['commission', 'list'],
    op: 'commissionList',
    zh: '列出约稿及各单位按时、迟报、未报情况',
    en: 'List commissions: on time, late, missing',
    options: [unitFilter, ...listRangeOptions],
    print: (list: CommissionEntry[]) => listText(list, commissionText, '还没有约稿。'),
  },
  {
    path: ['deduction', 'add'],
    op: 'deductionAdd',
    zh: '登记扣分（填写扣去的分数，正整数）',
    en: 'Record a deduction (points deducted, a positive number)',
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME|ID', zh: '被扣分的单位', en: 'unit' },
      { flag: 'points', key: 'points', type: 'int', value: 'N', zh: '扣分数，如 50', en: 'points deducted' },
      { flag: 'reason', key: 'reason', type: 'string', value: 'TEXT', zh: '扣分原因', en: 'reason' },
      dateOption('扣分日期'),
    ],
    print: (d: DeductionEntry) => `已登记：${deductionLine(d)}`,
    examples: ['bulletin deduction add --unit 县发改局 --points 50 --reason "紧急信息迟报（市级通报）" --date 2026-08-12'],
  },
  {
    path: ['deduction', 'list'],
    op: 'deductionList',
    zh: '列出扣分记录',
    en: 'List deductions',
    options: [unitFilter, ...listRangeOptions],
    print: (list: DeductionEntry[]) => listText(list, deductionLine, '没有扣分记录。'),
  },
  deleteCommand('deduction', 'deductionDelete', '删除登记错的扣分', 'Delete a mistaken deduction'),
  {
    path: ['target', 'set'],
    op: 'targetSet',
    zh: '设置单位的月度报送任务（篇数；0 表示不设），自某月起适用',
    en: 'Set a unit\'s monthly target (0: none), from a month on',
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME|ID', zh: '单位', en: 'unit' },
      { flag: 'monthly', key: 'monthly', type: 'int', value: 'N', zh: '每月至少报送的篇数', en: 'drafts a month' },
      { flag: 'from', key: 'from', type: 'string', value: DATE, zh: '自该日期所在月份起，默认本月', en: 'from the month of this date (default this month)' },
    ],
    print: (t: TargetEntry) => `已设置：${targetLine(t)}`,
    examples: ['bulletin target set --unit 城关镇 --monthly 4 --from 2026-01-01'],
  },
  {
    path: ['target', 'list'],
    op: 'targetList',
    zh: '列出月度报送任务',
    en: 'List monthly targets',
    options: [unitFilter],
    print: (list: TargetEntry[]) => listText(list, targetLine, '还没有设置月度任务。'),
  },
  {
    path: ['rules', 'show'],
    op: 'rulesGet',
    zh: '查看某日适用的计分规则（默认今天）；--json 的输出可改后用 rules add 另存',
    en: 'Show the rules in force on a date (default today)',
    options: [{ flag: 'date', key: 'date', type: 'string', value: DATE, zh: '日期', en: 'date' }],
    print: rulesText,
  },
  {
    path: ['rules', 'list'],
    op: 'rulesList',
    zh: '列出计分规则的所有版本',
    en: 'List all rules versions',
    print: (list: RulesVersion[]) => list.map((v) => `#${v.id} 自 ${v.validFrom} 起`).join('\n'),
  },
  {
    path: ['rules', 'add'],
    op: 'rulesAdd',
    zh: '从某日起启用新的计分规则（已有版本不变，以前的期间仍按当时的规则计分）',
    en: 'Save new rules from a date (past versions stay as they were)',
    options: [
      { flag: 'from', key: 'validFrom', type: 'string', value: DATE, zh: '生效日期', en: 'valid from' },
      { flag: 'file', key: 'rules', type: 'file', value: 'FILE', zh: '规则文件（JSON，格式同 rules show --json）', en: 'rules file (JSON, as rules show --json prints)' },
    ],
    print: rulesText,
    examples: ['bulletin --json rules show > rules.json', 'bulletin rules add --from 2026-07-01 --file rules.json'],
  },
  {
    path: ['score'],
    op: 'score',
    zh: '各单位（--by person：各信息员）在一个期间的报送、采用、批示、得分、扣分、净得分、奖励和排名',
    en: 'Every unit\'s (--by person: every officer\'s) figures, points, reward and rank for a period',
    // --by person (issue 16): the persons' entry instead of the units'
    options: [...periodOptions, byOption],
    usesDb: true,
    run: runScoreBy,
    print: scoreByPrint(scoreTable),
    examples: ['bulletin score --from 2026-07-01 --to 2026-09-30', 'bulletin --json score --period half --year 2026 --n 1', 'bulletin score --by person --period year --year 2026'],
  },
  {
    path: ['score', 'ledger'],
    op: 'scoreLedger',
    zh: '积分明细：某期间每一分的来由',
    en: 'Where every point of a period came from',
    options: [...periodOptions, unitFilter],
    print: (list: ScoreEvent[]) => listText(list, ledgerLine, '这个期间没有得分或扣分。'),
  },
  {
    path: ['circular'],
    op: 'circularExport',
    zh: '生成通报：Word 文件（公文格式）和 Excel 表格，保存到文件夹',
    en: 'Write the circular as a Word file and an Excel workbook into a folder',
    options: [
      ...periodOptions,
      { flag: 'out', key: 'out', type: 'string', value: 'DIR', zh: '保存到的文件夹（须已存在）', en: 'folder (must exist)' },
      { flag: 'org', key: 'org', type: 'string', value: 'NAME', zh: '发文单位，默认取刊物的编印单位', en: 'issuing office' },
      { flag: 'date', key: 'date', type: 'string', value: DATE, zh: '成文日期，默认今天', en: 'date of the circular, default today' },
    ],
    print: (p: CircularPaths) => `已生成通报：\n  ${p.docx}\n  ${p.xlsx}`,
    examples: ['bulletin circular --from 2026-07-01 --to 2026-09-30 --out D:\\通报'],
  },
  {
    path: ['article', 'units'],
    op: 'articleSetUnits',
    zh: '设置综合信息的合报单位（每个单位按综合信息计分）；不给 --unit 则清除',
    en: 'Set the further units of a combined item; no --unit clears them',
    positionals: [idArg('ARTICLE')],
    options: [{ flag: 'unit', key: 'unitIds', type: 'ref', multiple: true, value: 'NAME', zh: '合报单位，可重复', en: 'unit (repeat)' }],
    print: articleUnitsText,
  },
];
