/**
 * `bulletin dashboard`, `bulletin commission show|notice|notice-set|draft|flags` and
 * `bulletin instruction follow|note|feedback|show|followups|export`: the 工作台, commission
 * notices (约稿通知) and the follow-up of leader instructions (批示督办), issue 16.
 */
import type { CommandSpec, OptionSpec } from '../spec';
import { listText } from '../format';
import { DATE, dateOption, idArg } from '../options';
import { COMMISSION_STATUS_LABELS, LEVEL_LABELS } from '../../api/ops/scoring';
import {
  FOLLOW_STATUS_LABELS,
  type CommissionDetail,
  type CommissionFlag,
  type Dashboard,
  type DashboardSettings,
  type FollowupPaths,
  type InstructionFollowup,
} from '../../api/ops/followup';

const TONE_MARK = { alert: '！', warn: '·', ok: '✓', info: ' ' } as const;

function dashboardText(d: Dashboard): string {
  const out = [`工作台 ${d.today}`];
  for (const s of d.sections) {
    out.push('', `【${s.title}】`);
    if (!s.lines.length) out.push(`  ${s.empty}`);
    for (const l of s.lines) out.push(`${TONE_MARK[l.tone]} ${l.text}${l.open && l.open.kind !== 'backups' && l.open.kind !== 'unit' ? `  （${openHint(l.open.kind, l.open.id)}）` : ''}`);
  }
  return out.join('\n');
}

function openHint(kind: 'commission' | 'instruction' | 'draft' | 'urgent', id: number): string {
  if (kind === 'urgent') return `bulletin urgent list`;
  if (kind === 'commission') return `bulletin commission show ${id}`;
  if (kind === 'instruction') return `bulletin instruction show ${id}`;
  return `bulletin submission show ${id}`;
}

function commissionDetailText(c: CommissionDetail): string {
  return [
    `#${c.id} 约稿“${c.topic}” 截止 ${c.deadline}${c.notice.issuedDate ? `（${c.notice.issuedDate} 发出）` : ''}`,
    ...(c.notice.requirements ? [`  要求：${c.notice.requirements}`] : []),
    ...(c.notice.contact ? [`  联系人：${c.notice.contact}`] : []),
    ...c.units.map(
      (u) => `  ${u.unit}：${COMMISSION_STATUS_LABELS[u.status]}${u.answeredDate ? `（${u.answeredDate}报送${u.articleId ? `，信息${u.articleId}` : ''}）` : ''}`,
    ),
    ...c.drafts.map((d) => `  来稿 ${d.id} ${d.receivedDate} ${d.unit ?? ''}“${d.title}”`),
  ].join('\n');
}

function followupText(f: InstructionFollowup): string {
  return [
    `#${f.id} ${f.date} ${LEVEL_LABELS[f.level]}领导 ${f.leader} 批示 信息${f.articleId}“${f.title}”`,
    `  ${FOLLOW_STATUS_LABELS[f.status]}${f.doneDate ? `（${f.doneDate}办结）` : ''}  承办：${f.handlingUnit ?? '未定'}  期限：${f.deadline ?? '未定'}`,
    ...f.notes.map((n) => `  ${n.date} ${n.text}`),
    ...(f.feedbackText ? [`  反馈：${f.feedbackText}`] : []),
    ...(f.feedbackFile ? [`  反馈材料：${f.feedbackFile.name}（${f.feedbackFile.size} 字节，SHA-256 ${f.feedbackFile.sha256.slice(0, 12)}…）`] : []),
  ].join('\n');
}

const rangeOptions: OptionSpec[] = [
  { flag: 'from', key: 'from', type: 'string', value: DATE, zh: '只列批示日期在此日及以后的', en: 'instructed on or after' },
  { flag: 'to', key: 'to', type: 'string', value: DATE, zh: '只列批示日期在此日及以前的', en: 'instructed on or before' },
];
const statusOption: OptionSpec = { flag: 'status', key: 'status', type: 'string', value: 'STATE', zh: '只列某种状态：todo 待办 / doing 办理中 / done 已办结 / overdue 逾期', en: 'only todo|doing|done|overdue' };
const outOption: OptionSpec = { flag: 'out', key: 'out', type: 'string', value: 'DIR', zh: '保存到的文件夹（须已存在）', en: 'folder (must exist)' };

export const followupCommands: CommandSpec[] = [
  {
    path: ['dashboard'],
    op: 'dashboard',
    zh: '工作台：本月各单位报送进度、到期或逾期的约稿、积压来稿、待反馈或逾期的批示、最近备份',
    en: 'The work dashboard: this month\'s progress, commissions due, waiting drafts, instructions, last backup',
    options: [{ flag: 'date', key: 'date', type: 'string', value: DATE, zh: '按某日查看（默认今天）', en: 'as on this day (default today)' }],
    print: dashboardText,
    examples: ['bulletin dashboard', 'bulletin --json dashboard'],
  },
  {
    path: ['dashboard', 'settings'],
    op: 'dashboardSettingsSet',
    zh: '设置来稿收到多少天未处理即在工作台提示',
    en: 'Set after how many days a waiting draft shows on the dashboard',
    options: [{ flag: 'waiting-days', key: 'waitingDays', type: 'int', value: 'N', zh: '积压天数', en: 'days' }],
    print: (s: DashboardSettings) => `已设置：来稿收到超过 ${s.waitingDays} 天未处理即在工作台提示。`,
  },
  {
    path: ['commission', 'show'],
    op: 'commissionGet',
    zh: '查看一次约稿：通知内容、各单位报送情况、登记的来稿',
    en: 'Show a commission: its notice, the units\' answers, the drafts registered',
    positionals: [idArg()],
    print: commissionDetailText,
  },
  {
    path: ['commission', 'notice-set'],
    op: 'commissionNoticeSet',
    zh: '填写约稿通知：发出日期、报送要求、截止日期、联系人（截止日期不能早于发出日期）',
    en: 'Fill in a commission\'s notice: date sent, requirements, deadline, contact',
    positionals: [idArg()],
    options: [
      dateOption('发出日期'),
      { flag: 'deadline', key: 'deadline', type: 'string', value: DATE, zh: '截止日期', en: 'deadline' },
      { flag: 'requirements', key: 'requirements', type: 'string', value: 'TEXT', zh: '报送要求', en: 'requirements' },
      { flag: 'contact', key: 'contact', type: 'string', value: 'TEXT', zh: '联系人及电话', en: 'contact person and phone' },
    ],
    print: commissionDetailText,
    examples: ['bulletin commission notice-set 3 --date 2026-07-01 --requirements "突出实效，800字以内" --contact "王某 0000-1234567"'],
  },
  {
    path: ['commission', 'notice'],
    op: 'commissionNoticeExport',
    zh: '导出约稿通知（Word，公文格式）到文件夹',
    en: 'Write the commission notice as a Word file into a folder',
    positionals: [idArg()],
    options: [outOption],
    print: (r: { path: string }) => `已生成约稿通知：${r.path}`,
    examples: ['bulletin commission notice 3 --out D:\\约稿'],
  },
  {
    path: ['commission', 'draft'],
    op: 'commissionDraft',
    zh: '把一篇来稿登记为对约稿的报送（按收稿日期判定按时或迟报）',
    en: 'Register a draft against a commission (its received date decides on time or late)',
    positionals: [idArg()],
    options: [{ flag: 'draft', key: 'draftId', type: 'int', value: 'ID', zh: '来稿编号', en: 'draft id' }],
    print: commissionDetailText,
    examples: ['bulletin commission draft 3 --draft 120'],
  },
  {
    path: ['commission', 'flags'],
    op: 'commissionFlags',
    zh: '一年中约稿迟报或未报达到次数线（见计分规则）的单位',
    en: 'Units late or missing on commissions as often as the rules flag',
    options: [{ flag: 'year', key: 'year', type: 'int', value: 'YYYY', zh: '年份（默认今年）', en: 'year (default this year)' }],
    print: (list: CommissionFlag[]) =>
      listText(list, (f) => `${f.unit}：${f.year}年迟报 ${f.late} 次、未报 ${f.missing} 次（次数线 ${f.threshold}${f.points ? `，扣 ${f.points} 分` : ''}）`, '没有达到次数线的单位。'),
  },
  {
    path: ['instruction', 'follow'],
    op: 'instructionFollowSet',
    zh: '批示督办：设置承办单位、办理期限和办理状态（todo 待办 / doing 办理中 / done 已办结）',
    en: 'Follow up an instruction: handling unit, deadline, state (todo|doing|done)',
    positionals: [idArg()],
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME|ID', zh: '承办单位', en: 'handling unit' },
      { flag: 'deadline', key: 'deadline', type: 'string', value: DATE, zh: '办理期限', en: 'deadline' },
      { flag: 'state', key: 'state', type: 'string', value: 'STATE', zh: '办理状态：todo / doing / done', en: 'todo|doing|done' },
      { flag: 'date', key: 'date', type: 'string', value: DATE, zh: '办结日期（与 --state done 同用，默认今天）', en: 'date done (with --state done)' },
    ],
    print: followupText,
    examples: ['bulletin instruction follow 5 --unit 县水利局 --deadline 2026-08-20', 'bulletin instruction follow 5 --state done'],
  },
  {
    path: ['instruction', 'note'],
    op: 'instructionNote',
    zh: '记一条批示办理进展',
    en: 'Add a progress note to an instruction\'s follow-up',
    positionals: [idArg()],
    options: [{ flag: 'text', key: 'text', type: 'string', value: 'TEXT', zh: '办理进展', en: 'progress' }, dateOption('进展日期')],
    print: followupText,
  },
  {
    path: ['instruction', 'feedback'],
    op: 'instructionFeedback',
    zh: '登记批示办理的反馈：文字，或原样保存的反馈文件',
    en: 'Record the feedback report: text, or a file kept byte for byte',
    positionals: [idArg()],
    options: [
      { flag: 'text', key: 'text', type: 'string', value: 'TEXT', zh: '反馈情况', en: 'feedback text' },
      { flag: 'file', key: 'path', type: 'string', value: 'FILE', zh: '反馈材料文件', en: 'feedback file' },
    ],
    print: followupText,
    examples: ['bulletin instruction feedback 5 --file 县水利局反馈.docx'],
  },
  {
    path: ['instruction', 'show'],
    op: 'instructionFollowGet',
    zh: '查看一条批示的督办情况',
    en: 'Show an instruction\'s follow-up',
    positionals: [idArg()],
    print: followupText,
  },
  {
    path: ['instruction', 'followups'],
    op: 'instructionFollowList',
    zh: '批示督办清单（逾期由期限和今天判定）',
    en: 'The follow-up list of instructions (overdue from the deadline and today)',
    options: [statusOption, ...rangeOptions],
    print: (list: InstructionFollowup[]) => listText(list, followupText, '没有批示记录。'),
  },
  {
    path: ['instruction', 'export'],
    op: 'instructionFollowExport',
    zh: '导出批示督办清单（Word 与 Excel，供督查通报）',
    en: 'Write the follow-up list as Word and Excel (for the 督查通报)',
    options: [outOption, statusOption, ...rangeOptions],
    print: (p: FollowupPaths) => `已生成批示督办清单：\n  ${p.docx}\n  ${p.xlsx}`,
    examples: ['bulletin instruction export --out D:\\督查'],
  },
];
