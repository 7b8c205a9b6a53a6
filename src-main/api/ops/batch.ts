/**
 * Batch actions on the lists (issue 15): several drafts (来稿) or items (稿件) changed in one
 * action. Each batch is one transaction, refused whole when any row may not change (the reason
 * names the row); nothing is then changed.
 */
import { z } from 'zod';
import * as s from '../schemas';
import { op } from './define';
import { draftCategory } from './submissions';

/** The most rows one batch may take: a year's intake of a county is far below it. */
export const BATCH_MAX = 2000;

const ids = (what: string) =>
  z
    .array(s.id(what), { error: `请给出要批量处理的${what}编号` })
    .min(1, { error: `请至少选择一份${what}` })
    .max(BATCH_MAX, { error: `一次最多批量处理 ${BATCH_MAX} 条，请分批进行` });

export interface BatchResult {
  /** The rows the action changed (in the order given). */
  changed: number[];
  /** The rows that already were as asked (e.g. already of that unit). */
  unchanged: number[];
}

// delete first: the one action that needs nothing more (the API fuzz test samples the first).
export const SUBMISSION_BATCH_ACTIONS = ['delete', 'setUnit', 'setState', 'setCategory'] as const;
export const ARTICLE_BATCH_ACTIONS = ['delete', 'setUnit', 'setCategory', 'addToIssue'] as const;

export const batchOps = {
  submissionBatch: op<BatchResult>()(
    () => z
      .object({
        ids: ids('来稿'),
        action: z.enum(SUBMISSION_BATCH_ACTIONS, {
          error: '批量操作只能是 setUnit（设置来稿单位）、setState（设置状态）、setCategory（设置分类）或 delete（删除）',
        }),
        unit: s.ref('来稿单位').optional(),
        category: draftCategory.optional(),
        state: z.enum(['received', 'forwarded', 'unused'], { error: '状态只能设为 received（已收）、forwarded（已上报）或 unused（未采用）' }).optional(),
        // For setState 未采用 (required), and for setUnit when a draft already names another unit:
        // that is a correction of the register, kept with its reason in the 操作日志.
        reason: s.optionalLine('原因', s.LIMITS.reason).optional(),
      })
      .strict()
      .refine((v) => v.action !== 'setUnit' || v.unit !== undefined, { error: '请给出要设置的来稿单位', path: ['unit'] })
      .refine((v) => v.action !== 'setState' || v.state !== undefined, { error: '请给出要设置的状态', path: ['state'] })
      .refine((v) => v.action !== 'setCategory' || v.category !== undefined, { error: '请给出要设置的分类（未定为 none）', path: ['category'] })
      .refine((v) => v.action !== 'setState' || v.state !== 'unused' || (v.reason ?? '').length > 0, {
        error: '标记未采用时请写明原因',
        path: ['reason'],
      }),
    '批量处理来稿（设置单位、状态、分类，删除；整批一次完成）/ change several drafts in one transaction',
  ),
  articleBatch: op<BatchResult>()(
    () => z
      .object({
        ids: ids('信息'),
        action: z.enum(ARTICLE_BATCH_ACTIONS, { error: '批量操作只能是 setUnit（设置来稿单位）、setCategory（设置分类）、addToIssue（编入一期）或 delete（删除）' }),
        unit: s.ref('来稿单位').optional(),
        category: s.category.optional(),
        issueId: s.id('期').optional(),
      })
      .strict()
      .refine((v) => v.action !== 'setUnit' || v.unit !== undefined, { error: '请给出要设置的来稿单位', path: ['unit'] })
      .refine((v) => v.action !== 'setCategory' || v.category !== undefined, { error: '请给出要设置的分类', path: ['category'] })
      .refine((v) => v.action !== 'addToIssue' || v.issueId !== undefined, { error: '请给出要编入的期', path: ['issueId'] }),
    '批量处理稿件（设置单位、分类，编入一期，删除；整批一次完成）/ change several items in one transaction',
  ),
} as const;
