/**
 * The follow-up of what the section asked for (issue 16, parts 1–3): the 工作台 (dashboard),
 * commission notices (约稿通知) and the follow-up of leader instructions (批示督办).
 */
import { z } from 'zod';
import * as s from '../schemas';
import { cleanText } from '../text';
import { audit, byId, download, none, op, writesFile } from './define';
import type { CommissionEntry, InstructionEntry } from './scoring';

// ---- result shapes ------------------------------------------------------------------------

/** Where a dashboard line leads: a record of its own, or a page. */
export type DashboardLink =
  | { kind: 'commission'; id: number }
  | { kind: 'instruction'; id: number }
  | { kind: 'draft'; id: number }
  | { kind: 'unit'; id: number }
  | { kind: 'urgent'; id: number }
  | { kind: 'backups' };

export interface DashboardLine {
  text: string;
  /** alert: overdue or behind; warn: due soon; ok: on track; info: plain. */
  tone: 'alert' | 'warn' | 'ok' | 'info';
  open: DashboardLink | null;
}

export interface DashboardSection {
  key: string;
  title: string;
  /** Shown when `lines` is empty. */
  empty: string;
  lines: DashboardLine[];
}

export interface Dashboard {
  today: string;
  sections: DashboardSection[];
}

export interface DashboardSettings {
  /** A draft waiting longer than this many days shows on the dashboard. */
  waitingDays: number;
}

export interface CommissionNotice {
  /** The day the notice goes out; null before one is written. */
  issuedDate: string | null;
  requirements: string;
  contact: string;
}

export interface CommissionDetail extends CommissionEntry {
  notice: CommissionNotice;
  /** Drafts registered against the commission. */
  drafts: { id: number; title: string; unit: string | null; receivedDate: string }[];
}

export interface CommissionFlag {
  unitId: number;
  unit: string;
  year: number;
  late: number;
  missing: number;
  /** The rule's threshold and the points it deducts (0: flagged only). */
  threshold: number;
  points: number;
}

export const FOLLOW_STATES = ['todo', 'doing', 'done'] as const;
export type FollowState = (typeof FOLLOW_STATES)[number];
/** The stored states, and 逾期 derived from the deadline and today. */
export type FollowStatus = FollowState | 'overdue';
export const FOLLOW_STATUS_LABELS: Record<FollowStatus, string> = { todo: '待办', doing: '办理中', done: '已办结', overdue: '逾期' };

export interface InstructionFollowup extends InstructionEntry {
  handlingUnitId: number | null;
  handlingUnit: string | null;
  deadline: string | null;
  state: FollowState;
  status: FollowStatus;
  doneDate: string | null;
  feedbackText: string;
  feedbackFile: { name: string; size: number; sha256: string } | null;
  notes: { id: number; date: string; text: string }[];
}

export interface FollowupPaths {
  docx: string;
  xlsx: string;
}

export interface FollowupFile {
  fileName: string;
  base64: string;
}

// ---- input pieces ------------------------------------------------------------------------

const longText = (what: string, max: number) =>
  z
    .string({ error: `${what}必须是文字` })
    .max(max, { error: `${what}不能超过${max}个字` })
    .transform((t) => cleanText(t).trim())
    .superRefine(s.noEmoji(what));

const out = z.string({ error: '请给出保存的文件夹' }).min(1, { error: '请给出保存的文件夹' }).max(4096, { error: '文件夹路径过长' });

const fileSource = {
  path: z
    .string({ error: '文件路径必须是文字' })
    .max(4096, { error: '文件路径过长' })
    .transform((p) => p.trim())
    .refine((p) => p.length > 0 && !p.includes('\u0000'), { error: '文件路径不能为空' })
    .optional(),
  base64: z
    .string({ error: '文件内容必须是 base64 文字' })
    .max(28_000_000, { error: '文件过大：反馈材料不超过 20 MB' })
    .regex(/^[A-Za-z0-9+/=\s]*$/, { error: '文件内容不是有效的 base64' })
    .optional(),
  fileName: s.optionalLine('文件名', 255).optional(),
};

const followState = s.enumOf(FOLLOW_STATES, { todo: '待办', doing: '办理中', done: '已办结' }, '办理状态');
const followStatus = s.enumOf(['todo', 'doing', 'done', 'overdue'] as const, FOLLOW_STATUS_LABELS, '办理状态');

export const followupOps = {
  dashboard: op<Dashboard>()(
    () => z.object({ date: s.isoDate('查看日期').optional() }).strict(),
    '工作台：本月进度、到期约稿、积压来稿、待反馈批示、最近备份 / the work dashboard',
    true,
  ),
  dashboardSettingsGet: op<DashboardSettings>()(() => none, '工作台的设置 / dashboard settings', true),
  dashboardSettingsSet: op<DashboardSettings>()(
    () => z
      .object({
        waitingDays: z
          .number({ error: '积压天数必须是数字' })
          .int({ error: '积压天数必须是整数' })
          .min(1, { error: '积压天数至少为 1 天' })
          .max(365, { error: '积压天数不能超过 365 天' }),
      })
      .strict(),
    '设置来稿积压多少天后在工作台提示 / set after how many days a waiting draft shows',
  ),

  commissionGet: op<CommissionDetail>()(() => byId('约稿'), '查看约稿：通知内容、各单位报送情况、登记的来稿 / a commission in full', true),
  commissionNoticeSet: op<CommissionDetail>()(
    () => z
      .object({
        id: s.id('约稿'),
        date: s.isoDate('发出日期').optional(),
        deadline: s.isoDate('截止日期').optional(),
        requirements: longText('约稿要求', 5000).optional(),
        contact: s.optionalLine('联系人及电话', s.LIMITS.name).optional(),
      })
      .strict(),
    '填写约稿通知：发出日期、要求、截止日期、联系人 / fill in a commission\'s notice',
  ),
  commissionDraft: op<CommissionDetail>()(
    () => z.object({ id: s.id('约稿'), draftId: s.id('来稿') }).strict(),
    '把一篇来稿登记为对约稿的报送（按收稿日期判定按时或迟报）/ register a draft against a commission',
  ),
  commissionNoticeExport: op<{ path: string }>()(
    () => z.object({ id: s.id('约稿'), out }).strict(),
    '导出约稿通知（Word）/ write the commission notice as .docx',
    writesFile,
  ),
  commissionNoticeFile: op<FollowupFile>()(() => byId('约稿'), '取得约稿通知的 Word 文件内容（浏览器模式下载用）/ the notice as base64, for download', download),
  commissionFlags: op<CommissionFlag[]>()(
    () => z.object({ year: z.number({ error: '年份必须是数字' }).int({ error: '年份必须是整数' }).min(1949, { error: '年份超出合理范围' }).max(2199, { error: '年份超出合理范围' }).optional() }).strict(),
    '一年中约稿迟报或未报达到次数线的单位 / units late or missing on commissions too often',
    true,
  ),

  instructionFollowSet: op<InstructionFollowup>()(
    () => z
      .object({
        id: s.id('批示记录'),
        unit: s.ref('承办单位').optional(),
        deadline: s.isoDate('办理期限').optional(),
        state: followState.optional(),
        date: s.isoDate('办结日期').optional(),
      })
      .strict(),
    '批示督办：设置承办单位、办理期限和办理状态 / set who handles an instruction, by when, and its state',
  ),
  instructionNote: op<InstructionFollowup>()(
    () => z.object({ id: s.id('批示记录'), text: s.line('办理进展', 2000), date: s.isoDate('进展日期').optional() }).strict(),
    '记一条批示办理进展 / add a progress note',
  ),
  instructionFeedback: op<InstructionFollowup>()(
    () => z
      .object({ id: s.id('批示记录'), text: longText('反馈情况', 10000).optional(), ...fileSource })
      .strict()
      .refine((v) => v.text !== undefined || v.path !== undefined || v.base64 !== undefined, { error: '请给出反馈情况（文字或文件）', path: ['text'] })
      .refine((v) => v.base64 === undefined || (v.fileName ?? '').length > 0, { error: '上传的反馈文件请给出文件名', path: ['fileName'] }),
    // An uploaded file (browser mode) is taken over a path when both come.
    '登记批示办理的反馈（文字或原样保存的文件）/ record the feedback report',
  ),
  instructionFollowGet: op<InstructionFollowup>()(() => byId('批示记录'), '查看一条批示的督办情况 / one instruction\'s follow-up', true),
  instructionFollowList: op<InstructionFollowup[]>()(
    () => z.object({ status: followStatus.optional(), ...s.dateRange }).strict(),
    '批示督办清单 / the follow-up list of instructions',
    true,
  ),
  instructionFeedbackFile: op<FollowupFile>()(() => byId('批示记录'), '取得反馈文件（原样）/ the feedback file as kept', download),
  instructionFollowExport: op<FollowupPaths>()(
    () => z.object({ out, status: followStatus.optional(), ...s.dateRange }).strict(),
    '导出批示督办清单（Word 与 Excel，供督查通报）/ write the follow-up list as .docx and .xlsx',
    {
      audit: audit<{ out: string }, FollowupPaths>({
        file: true,
        object: () => '',
        summary: (_a, r) => `导出批示督办清单：${r.docx.split(/[\\/]/).pop() ?? r.docx}、${r.xlsx.split(/[\\/]/).pop() ?? r.xlsx}`,
      }),
    },
  ),
  instructionFollowFiles: op<FollowupFile[]>()(
    () => z.object({ status: followStatus.optional(), ...s.dateRange }).strict(),
    '取得批示督办清单文件内容（浏览器模式下载用）/ the follow-up list files as base64, for download',
    download,
  ),
} as const;
