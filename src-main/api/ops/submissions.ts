/**
 * The intake register (来稿登记): drafts received from units, imported from files or typed in,
 * with the original file kept, duplicates flagged, and a state from received to used.
 */
import { z } from 'zod';
import * as s from '../schemas';
import type { Paragraph } from '../text';
import type { Category } from '../schemas';
import type { ArticleIssueRef, Article } from '../types';
import { byId, none, op } from './define';
import { pageQuery, type Page } from '../paging';

export const SUBMISSION_STATES = ['received', 'editing', 'used', 'forwarded', 'unused'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = {
  received: '已收',
  editing: '编辑中',
  used: '已采用',
  forwarded: '已上报',
  unused: '未采用',
};
/** The states a person sets; 编辑中 comes from 编辑成信息, 已采用 from signing the issue. */
export const SETTABLE_STATES = ['received', 'forwarded', 'unused'] as const;

export type OriginalFormat = 'docx' | 'txt' | 'typed';
export const ORIGINAL_FORMAT_LABELS: Record<OriginalFormat, string> = { docx: 'Word', txt: '文本', typed: '录入' };

/** An earlier draft, as named when a new one repeats it. */
export interface SubmissionRef {
  id: number;
  title: string;
  unit: string | null;
  receivedDate: string;
}

/** A received packet, as named beside a draft registered from it. */
export interface ReceivedPacketRef {
  id: number;
  fileName: string;
  senderOffice: string;
  /** UTC ISO. */
  importedAt: string;
  /** The issue it was printed in at the sender, when it came inside an issue. */
  issueTitle: string | null;
}

export interface Submission {
  id: number;
  unitId: number | null;
  unit: string | null;
  liaisonName: string;
  liaisonPhone: string;
  /** YYYY-MM-DD, the day it was received. */
  receivedDate: string;
  title: string;
  paragraphs: Paragraph[];
  chars: number;
  /** The file's name as received; empty for a typed-in draft. */
  originalName: string;
  originalFormat: OriginalFormat;
  /** How a text file was encoded (utf-8, gb18030, utf-16le …); null for Word and typed drafts. */
  originalEncoding: string | null;
  originalSize: number | null;
  originalSha256: string | null;
  /** Set when it was registered although it repeats an earlier draft. */
  duplicateOf: SubmissionRef | null;
  state: SubmissionState;
  /** Why it was not used (required then), or a note on where it was forwarded. */
  stateReason: string | null;
  /** The item edited from it, once 编辑成信息 was done. */
  articleId: number | null;
  /** The live issue holding that item (a draft, in review, or signed: then the state is 已采用). */
  issue: ArticleIssueRef | null;
  /** The packet it came in from a county or department (issue 17, the city side); absent for other drafts. */
  receivedPacket?: ReceivedPacketRef;
  /**
   * Its category (栏目): guessed on import from its wording where clear (intake/category-guess.ts),
   * or set in the register; null is 未定, and then 编辑成信息 asks. The item made from it takes it.
   */
  category: Category | null;
  createdAt: string;
  updatedAt: string;
}

export type SubmissionSummary = Omit<Submission, 'paragraphs'> & {
  /** In the register's list: what the proofreading check finds in the draft as received (issue 18). */
  proof?: { errors: number; suggestions: number };
};

export interface ImportResult {
  status: 'imported' | 'duplicate' | 'refused';
  /** The file's own name, for the summary line. */
  fileName: string;
  submission?: Submission;
  duplicateOf?: SubmissionRef;
  /** Why a file was refused or flagged, in Chinese. */
  reason?: string;
  /** The unit guessed from the file name when none was given; null when nothing matched. */
  guessedUnit?: string | null;
}

export interface ScannedFile {
  path: string;
  name: string;
  size: number;
  format: 'docx' | 'txt' | 'refused';
  reason?: string;
  guessedUnit: { id: number; name: string } | null;
  /** When no unit matched: the sender the name seems to give (河口乡 in 河口乡-关于….docx), to offer as a new unit. */
  unitHint?: string | null;
}

export interface ScanResult {
  folder: string;
  files: ScannedFile[];
  /** Sub-folders found but not scanned (a scan is one level deep). */
  folders: string[];
}

export interface OriginalFile {
  fileName: string;
  base64: string;
  sha256: string;
}

/** What a correction did, field by field, and whether the item made from the draft followed. */
export interface SubmissionCorrectResult {
  submission: Submission;
  /** The register fields corrected, by their Chinese labels (来稿单位, 标题 …). */
  corrected: string[];
  /** The item made from the draft, when there is one and the unit or title was corrected. */
  article: { id: number; followed: string[]; notFollowed: string | null } | null;
}

/** The register's counts: every draft, and those with no unit (未填单位), which the circular must not lose. */
export interface SubmissionCounts {
  total: number;
  withoutUnit: number;
}

export interface SubmissionEditResult {
  submission: Submission;
  article: Article;
}

/** A path on this PC, as typed or chosen; the service checks what is there. */
export const localPath = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `请给出${what}` : `${what}必须是文字`) })
    .max(4096, { error: `${what}过长` })
    .transform((p) => p.trim())
    .refine((p) => p.length > 0, { error: `${what}不能为空` })
    .refine((p) => !p.includes('\u0000'), { error: `${what}中含有无效字符` });

const phone = z
  .string({ error: '联系电话必须是文字' })
  .max(100, { error: '联系电话不能超过40个字' })
  .transform((v) => v.normalize('NFKC').trim())
  .refine((v) => [...v].length <= 40, { error: '联系电话不能超过40个字' })
  .refine((v) => /^[0-9+\-()\s转#,、/]*$/u.test(v), { error: '联系电话只能包含数字、空格和 - ( ) + 转 等符号' });

/** A draft's category, or null for 未定 (the CLI spells it `none`). */
export const draftCategory = z.preprocess((v) => (v === 'none' || v === '未定' ? null : v), s.category.nullable());

const intakeFields = {
  unit: s.ref('来稿单位').nullable().optional(),
  liaisonName: s.optionalLine('信息员姓名', s.LIMITS.name).optional(),
  liaisonPhone: phone.optional(),
  receivedDate: s.isoDate('收稿日期').optional(),
  allowDuplicate: z.boolean({ error: '“重复也登记”只能是是或否' }).optional(),
  // Not given: the one the wording points to, or 未定; null: 未定 whatever the wording says.
  category: draftCategory.optional(),
};

export const submissionStateEnum = s.enumOf(SUBMISSION_STATES, SUBMISSION_STATE_LABELS, '状态');

export const submissionOps = {
  submissionImport: op<ImportResult>()(
    () => z.object({ path: localPath('文件路径'), ...intakeFields }).strict(),
    '导入一份来稿文件（.docx 或 .txt）/ import one draft file',
  ),
  submissionUpload: op<ImportResult>()(
    () => z
      .object({
        fileName: s.line('文件名', 255),
        // 20 MB of file as base64, and a little room: the same limit as a file read from a folder.
        base64: z
          .string({ error: '请给出文件内容' })
          // Not checked for its alphabet: bytes that decode to no draft are refused by the file's checks.
          .max(28_000_000, { error: '文件超过 20 MB，不像一份来稿。请检查是否选错了文件。' }),
        ...intakeFields,
      })
      .strict(),
    '上传一份来稿文件（浏览器模式，.docx 或 .txt）/ import one uploaded draft file',
  ),
  submissionScan: op<ScanResult>()(
    () => z.object({ folder: localPath('文件夹路径') }).strict(),
    '列出文件夹中可导入的来稿（不含子文件夹）/ list a folder for import',
    true,
  ),
  submissionAdd: op<Submission>()(
    () => z
      .object({ title: s.line('标题', s.LIMITS.title), paragraphs: s.paragraphs.optional(), body: s.bodyTextInput.optional(), ...intakeFields })
      .strict()
      .refine((v) => !(v.paragraphs !== undefined && v.body !== undefined), { error: '正文只能用一种方式给出（段落或纯文本）' })
      .refine((v) => v.paragraphs !== undefined || v.body !== undefined, { error: '请给出正文' }),
    '登记一份手工录入的来稿 / register a typed-in draft',
  ),
  submissionCorrect: op<SubmissionCorrectResult>()(
    () => z
      .object({
        id: s.id('来稿'),
        unit: intakeFields.unit,
        liaisonName: intakeFields.liaisonName,
        liaisonPhone: intakeFields.liaisonPhone,
        receivedDate: intakeFields.receivedDate,
        title: s.line('标题', s.LIMITS.title).optional(),
        // Kept in the 操作日志 with the operation's input: why the register was changed.
        reason: s.line('更正原因', s.LIMITS.reason),
      })
      .strict(),
    '更正来稿的登记事项（单位、信息员、电话、收稿日期、标题；须写原因，原件不变）/ correct a draft’s register entry',
  ),
  submissionGet: op<Submission>()(() => byId('来稿'), '查看来稿 / show a draft', true),
  submissionList: op<Page<SubmissionSummary>>()(
    () => z
      .object({
        unit: s.ref('来稿单位').optional(),
        withoutUnit: z.boolean({ error: '“未填单位”只能是是或否' }).optional(),
        state: submissionStateEnum.optional(),
        category: s.category.optional(),
        withoutCategory: z.boolean({ error: '“分类未定”只能是是或否' }).optional(),
        ...s.dateRange,
        text: s.titleWords,
        ...pageQuery('submission'),
      })
      .strict()
      .refine((v) => !(v.unit !== undefined && v.withoutUnit === true), { error: '“来稿单位”和“未填单位”不能同时筛选', path: ['withoutUnit'] })
      .refine((v) => !(v.category !== undefined && v.withoutCategory === true), { error: '“分类”和“分类未定”不能同时筛选', path: ['withoutCategory'] }),
    '列出来稿登记（排序、分页）/ list the intake register, sorted and paged',
    true,
  ),
  submissionCounts: op<SubmissionCounts>()(() => none, '来稿登记的份数（含未填单位的）/ the register’s counts', true),
  submissionOriginal: op<OriginalFile>()(() => byId('来稿'), '取得来稿原件（base64，供下载）/ the original file', true),
  submissionEdit: op<SubmissionEditResult>()(
    // Without a category, the one its wording points to; 动态 only when that is not clear either.
    () => z.object({ id: s.id('来稿'), category: s.category.optional() }).strict(),
    '把来稿编辑成信息（原件保留）/ turn a draft into an item',
    false,
  ),
  submissionSetState: op<Submission>()(
    () => z
      .object({
        id: s.id('来稿'),
        state: z.enum(SETTABLE_STATES, { error: '状态只能设为 received（已收）、forwarded（已上报）或 unused（未采用）' }),
        reason: s.optionalLine('原因', s.LIMITS.reason).optional(),
      })
      .strict()
      .refine((v) => v.state !== 'unused' || (v.reason ?? '').length > 0, { error: '标记未采用时请写明原因', path: ['reason'] }),
    '设置来稿状态 / set a draft’s state',
  ),
} as const;
