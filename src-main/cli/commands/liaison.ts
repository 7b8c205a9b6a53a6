/**
 * `bulletin liaison add|list|end|fees` (信息员), `bulletin urgent add|report|list|show|apply`
 * (紧急信息), and what `bulletin score --by person` prints. Parsing and printing only.
 */
import type { CommandContext, CommandSpec, OptionSpec } from '../spec';
import { listText } from '../format';
import { DATE, idArg } from '../options';
import type { DraftAuthor, FeeExport, FeeLedger, LiaisonEntry, PersonScore } from '../../api/ops/liaisons';
import type { UrgentEntry } from '../../api/ops/urgent';
import { LEVEL_LABELS } from '../../scoring/rules';
import { dispatch } from '../../wiring/dispatch';
import { ApiError } from '../../api/errors';
import { loggerFor } from '../../log/logger';
import { createCtx } from '../../services/context';
import { openDatabase } from '../../store/db';
import type { UnitScore } from '../../api/ops/scoring';

const periodOptions: OptionSpec[] = [
  { flag: 'from', key: 'from', type: 'string', value: DATE, zh: '起始日期（含）', en: 'first day (included)' },
  { flag: 'to', key: 'to', type: 'string', value: DATE, zh: '截止日期（含）', en: 'last day (included)' },
  { flag: 'period', key: 'period', type: 'string', value: 'KIND', zh: '或按期间：month 月 / quarter 季度 / half 半年 / year 年（与 --year、--n 同用）', en: 'or a period: month|quarter|half|year (with --year, --n)' },
  { flag: 'year', key: 'year', type: 'int', value: 'YYYY', zh: '期间所在年份', en: 'year of the period' },
  { flag: 'n', key: 'n', type: 'int', value: 'N', zh: '第几个月 / 季度 / 半年（1 起）', en: 'which month/quarter/half (from 1)' },
];

const TIME = 'YYYY-MM-DD HH:MM';

const liaisonLine = (l: LiaisonEntry) =>
  `#${l.id} ${l.unit} ${l.name}${l.phone ? ` ${l.phone}` : ''}  ${l.validFrom} 至 ${l.validTo ?? '今'}${l.current ? '（在任）' : ''}  来稿${l.drafts}篇`;

export function personTable(rows: PersonScore[]): string {
  if (!rows.length) return '这个期间没有信息员。';
  const head = '排名  信息员  单位  报送  县级/市级/省级采用  批示  得分  扣分  最终得分  稿酬(元)';
  const body = rows.map(
    (r) =>
      `${r.rank}  ${r.name}  ${r.unit}  ${r.sent}  ${r.adoptedCounty}/${r.adoptedCity}/${r.adoptedProvince}  ${r.instructions}  ` +
      `${r.points}  ${r.deductions}  ${r.net}  ${r.fee}${r.cannotBeAdvanced ? `  不得评先（年度扣${r.yearDeductions}分）` : ''}`,
  );
  return [head, ...body].join('\n');
}

const fmtTime = (t: string | null) => (t === null ? '—' : t.replace('T', ' '));

export function urgentText(e: UrgentEntry): string {
  const lines = [
    `#${e.id} ${fmtTime(e.eventTime)} ${e.unit}：${e.what}${e.place ? `（${e.place}）` : ''}${e.liaison ? `  报告人 ${e.liaison}` : ''}`,
    `  单位报告：${e.unitReportedAt === null ? '未报告（瞒报漏报）' : fmtTime(e.unitReportedAt)}`,
    ...e.reports.map((r) => `  ${r.kind === 'upward' ? `向${LEVEL_LABELS[r.level!]}报送` : '续报'}：${fmtTime(r.reportedAt)}${r.note ? `  ${r.note}` : ''}`),
    ...e.checks.map(
      (c) =>
        `  ${LEVEL_LABELS[c.level]}时限 ${c.limitMinutes} 分钟（至 ${fmtTime(c.deadline)}）：` +
        (c.unitLateMinutes === null ? '单位未报告' : c.unitLateMinutes > 0 ? `单位迟报 ${c.unitLateMinutes} 分钟` : '单位按时') +
        (c.upwardLateMinutes ? `；我办报送超时 ${c.upwardLateMinutes} 分钟` : ''),
    ),
    e.withoutUpward ? '  尚未向上报送' : '',
    e.proposal
      ? e.deductionId !== null
        ? `  已扣分：${e.proposal.points} 分（扣分记录 #${e.deductionId}）`
        : `  建议扣分：${e.proposal.points} 分（${e.proposal.reason}）——确认后用 bulletin urgent apply ${e.id} 登记`
      : '  按时报送，不扣分',
  ];
  return lines.filter(Boolean).join('\n');
}

/** `score --by person` calls the persons' entry; without it (or --by unit) the units' as before. */
export async function runScoreBy(input: Record<string, unknown>, c: CommandContext): Promise<unknown> {
  const { by, ...rest } = input;
  const ctx = createCtx(openDatabase(c.dbPath, { integrityCheck: 'none' }));
  ctx.logger = loggerFor(c.dbPath);
  ctx.operator = c.operator;
  try {
    if (by === 'person') return await dispatch(ctx, 'personScore', rest);
    if (by !== undefined && by !== 'unit') throw new ApiError('INVALID_INPUT', '--by 只能是 unit（按单位）或 person（按信息员个人）。');
    return await dispatch(ctx, 'score', rest);
  } finally {
    ctx.db.close();
  }
}

export const byOption: OptionSpec = { flag: 'by', key: 'by', type: 'string', value: 'BY', zh: 'unit 按单位（默认）/ person 按信息员个人', en: 'unit (default) or person' };

/** Prints either the units' table or the persons' (score --by person). */
export const scoreByPrint = (unitTable: (rows: UnitScore[]) => string) => (rows: (UnitScore | PersonScore)[]) =>
  rows.length && 'liaisonId' in rows[0]! ? personTable(rows as PersonScore[]) : unitTable(rows as UnitScore[]);

export const liaisonCommands: readonly CommandSpec[] = [
  {
    path: ['liaison', 'add'],
    op: 'liaisonAdd',
    zh: '添加单位的信息员（更换信息员：先 liaison end 结束原任，再添加新任；记录都保留）',
    en: 'Add a unit\'s liaison officer (to change one, end the old term first; history is kept)',
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME|ID', zh: '来稿单位', en: 'unit' },
      { flag: 'name', key: 'name', type: 'string', value: 'NAME', zh: '信息员姓名', en: 'name' },
      { flag: 'phone', key: 'phone', type: 'string', value: 'TEL', zh: '联系电话', en: 'phone' },
      { flag: 'from', key: 'from', type: 'string', value: DATE, zh: '任职起始日期，默认今天', en: 'in office from (default today)' },
    ],
    print: (l: LiaisonEntry) => `已添加：${liaisonLine(l)}`,
    examples: ['bulletin liaison add --unit 城关镇 --name 张敏 --phone 13800000000 --from 2026-01-01'],
  },
  {
    path: ['liaison', 'end'],
    op: 'liaisonEnd',
    zh: '结束信息员的任职（记录保留，名下来稿的积分仍归本人）',
    en: 'End an officer\'s term (kept on record; their drafts stay theirs)',
    positionals: [idArg()],
    options: [{ flag: 'to', key: 'to', type: 'string', value: DATE, zh: '任职截止日期（含），默认今天', en: 'last day in office (default today)' }],
    print: (l: LiaisonEntry) => `已结束任职：${liaisonLine(l)}`,
    examples: ['bulletin liaison end 3 --to 2026-06-30'],
  },
  {
    path: ['liaison', 'list'],
    op: 'liaisonList',
    zh: '列出信息员（默认只列在任和将任的；--all 含已离任）',
    en: 'List liaison officers (--all: with past terms)',
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME|ID', zh: '只列某个单位的', en: 'only this unit' },
      { flag: 'all', key: 'all', type: 'bool', zh: '含已离任的', en: 'include past terms' },
    ],
    print: (list: LiaisonEntry[]) => listText(list, liaisonLine, '还没有信息员。'),
  },
  {
    path: ['liaison', 'fees'],
    op: 'liaisonFeesExport',
    zh: '导出信息员稿酬发放表（Excel：每人合计与采用明细），保存到文件夹',
    en: 'Write the officers\' fee ledger (.xlsx) for payment into a folder',
    options: [...periodOptions, { flag: 'out', key: 'out', type: 'string', value: 'DIR', zh: '保存到的文件夹（须已存在）', en: 'folder (must exist)' }],
    print: (r: FeeExport) => `已生成稿酬发放表：${r.xlsx}\n  ${r.people} 人，合计 ${r.total} 元`,
    examples: ['bulletin liaison fees --period half --year 2026 --n 1 --out D:\\稿酬'],
  },
  {
    path: ['liaison', 'ledger'],
    op: 'liaisonFees',
    zh: '稿酬明细：某期间每人每条采用的稿酬',
    en: 'The fee ledger of a period, item by item',
    options: [...periodOptions, { flag: 'liaison', key: 'liaisonId', type: 'int', value: 'ID', zh: '只列某位信息员的', en: 'only this officer' }],
    print: (l: FeeLedger) =>
      [
        ...l.rows.map((r) => `${r.date} ${r.name}（${r.unit}） 信息${r.articleId}“${r.title}” ${r.rule} ${r.fee}元`),
        ...l.people.map((p) => `${p.name}（${p.unit}）：${p.items} 条，${p.fee} 元`),
        `合计 ${l.total} 元`,
      ].join('\n'),
  },
  {
    path: ['submission', 'author'],
    op: 'submissionAuthorSet',
    zh: '设定来稿的作者（来稿单位当时在任的信息员）；--none 清除',
    en: 'Credit a draft to an officer of its unit (--none clears)',
    positionals: [idArg()],
    options: [{ flag: 'liaison', key: 'liaisonId', type: 'int', value: 'ID', zh: '信息员编号（见 liaison list --all）', en: 'officer id' }],
    print: (d: DraftAuthor) => `来稿 ${d.submissionId} 的作者：${d.author ? `${d.author.name}（${d.author.unit}）` : '（未定）'}`,
    examples: ['bulletin submission author 12 --liaison 3'],
  },
  {
    path: ['urgent', 'add'],
    op: 'urgentAdd',
    zh: '登记紧急信息（突发事件）：事件、地点、事发时间、单位报告时间（未报告则不填，按瞒报漏报计）',
    en: 'Register an urgent event: what, where, when, when the unit reported (omit if it never did)',
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME|ID', zh: '事发单位', en: 'unit' },
      { flag: 'what', key: 'what', type: 'string', value: 'TEXT', zh: '发生了什么', en: 'what happened' },
      { flag: 'place', key: 'place', type: 'string', value: 'TEXT', zh: '地点', en: 'where' },
      { flag: 'at', key: 'eventTime', type: 'string', value: TIME, zh: '事发时间', en: 'event time' },
      { flag: 'reported', key: 'unitReportedAt', type: 'string', value: TIME, zh: '单位向我办报告的时间', en: 'when the unit reported to us' },
      { flag: 'liaison', key: 'liaisonId', type: 'int', value: 'ID', zh: '报告的信息员，默认当日在任的', en: 'reporting officer (default: the one in office)' },
    ],
    print: urgentText,
    examples: ['bulletin urgent add --unit 城关镇 --what "某小区燃气泄漏" --place 城关镇幸福路 --at "2026-08-12 09:00" --reported "2026-08-12 10:10"'],
  },
  {
    path: ['urgent', 'report'],
    op: 'urgentReport',
    zh: '登记我办向上报送（--level city|province）或续报（--followup）',
    en: 'Record our report upward (--level city|province) or a follow-up (--followup)',
    positionals: [idArg()],
    options: [
      { flag: 'level', key: 'level', type: 'string', value: 'LEVEL', zh: '报送到：city 市级 / province 省级', en: 'city|province' },
      { flag: 'kind', key: 'kind', type: 'string', value: 'KIND', zh: 'upward 向上报送（默认）/ followup 续报', en: 'upward (default) or followup' },
      { flag: 'at', key: 'at', type: 'string', value: TIME, zh: '报送时间', en: 'report time' },
      { flag: 'note', key: 'note', type: 'string', value: 'TEXT', zh: '报送内容摘要', en: 'note' },
    ],
    print: urgentText,
    examples: ['bulletin urgent report 1 --level city --at "2026-08-12 10:30"', 'bulletin urgent report 1 --kind followup --at "2026-08-12 15:00" --note 已控制'],
  },
  {
    path: ['urgent', 'list'],
    op: 'urgentList',
    zh: '列出紧急信息、报送时间、迟报情况和建议扣分',
    en: 'List urgent events with their times, lateness and proposed deductions',
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME|ID', zh: '只列某个单位的', en: 'only this unit' },
      { flag: 'from', key: 'from', type: 'string', value: DATE, zh: '只列此日及以后的', en: 'on or after this date' },
      { flag: 'to', key: 'to', type: 'string', value: DATE, zh: '只列此日及以前的', en: 'on or before this date' },
      { flag: 'pending', key: 'pending', type: 'bool', zh: '只列尚未向上报送的', en: 'only those not yet reported upward' },
    ],
    print: (list: UrgentEntry[]) => listText(list, urgentText, '没有紧急信息。'),
  },
  {
    path: ['urgent', 'apply'],
    op: 'urgentApply',
    zh: '按建议登记紧急信息的扣分（记入扣分记录，不会重复登记）',
    en: 'Apply the proposed deduction of an urgent event (once)',
    positionals: [idArg()],
    print: urgentText,
  },
];
