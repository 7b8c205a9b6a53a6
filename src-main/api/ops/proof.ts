/** Proofreading (校对, issue 18): check an item, a file or unsaved text; fix; ignore; the 规范提法 list. */
import { z } from 'zod';
import * as s from '../schemas';
import { RULE_IDS, type Finding, type WordingEntry } from '../../proof/types';
import type { Article } from '../types';
import { audit, op } from './define';
import { localPath } from './submissions';

/** One version of the office's 规范提法 list (null id and validFrom: the shipped default set). */
export interface WordingVersion {
  id: number | null;
  validFrom: string | null;
  entries: WordingEntry[];
  thousands: 'plain' | 'any';
  createdAt: string | null;
}

export interface ProofReport {
  /** What was checked: 信息 #12, a file name, or 未保存的文字. */
  source: string;
  articleId: number | null;
  title: string;
  /** Findings not ignored, title first, then paragraph by paragraph. */
  findings: Finding[];
  errors: number;
  suggestions: number;
  /** Findings of this item an editor chose to ignore (not listed). */
  ignored: number;
  /** With fix: how many certain fixes were written to the item. */
  fixed?: number;
  /** With fix: the item as saved. */
  article?: Article;
  /** The 规范提法 version the check used (its date, or null for the shipped default set). */
  wordingFrom: string | null;
}

/** What the editor needs to check as the user types: the list in force and the item's ignored keys. */
export interface ProofSetup {
  wording: WordingVersion;
  ignored: string[];
}

const rule = z.enum(RULE_IDS, { error: '没有这个校对规则' });

const wordingEntry = z
  .object({
    wrong: s.line('不规范的写法', 60),
    right: s.line('规范提法', 60),
    note: z.string({ error: '说明必须是文字' }).max(200, { error: '说明不能超过200个字' }).optional(),
    keep: z.array(s.line('也正确的写法', 60)).max(20).optional(),
    severity: z.enum(['错误', '建议'], { error: '级别只能是“错误”或“建议”' }).optional(),
  })
  .strict()
  .refine((e) => e.wrong !== e.right, { error: '规范提法与不规范写法相同' });

export const proofOps = {
  // Not read-only: with `fix` it writes the item (through articleEdit's rules: an item in review
  // or in a signed issue is refused). A plain check changes nothing and is not logged. The audit
  // entry is written inside the edit's transaction, before the count of fixes is known.
  proofCheck: op<ProofReport>()(
    () => z
      .object({
        id: s.id('信息').optional(),
        file: localPath('文件路径').optional(),
        title: z.string({ error: '标题必须是文字' }).max(s.LIMITS.title * 4).optional(),
        body: z.string({ error: '正文必须是文字' }).max(s.LIMITS.bodyChars).optional(),
        fix: z.boolean({ error: '修正必须是是或否' }).optional(),
        /** With fix: only these rules' certain fixes. */
        rules: z.array(rule).max(RULE_IDS.length).optional(),
      })
      .strict()
      .refine((v) => [v.id !== undefined, v.file !== undefined, v.title !== undefined || v.body !== undefined].filter(Boolean).length === 1, {
        error: '请给出信息编号、文件，或要检查的标题和正文（三者选一）',
      })
      .refine((v) => !v.fix || v.id !== undefined, { error: '只能修正已保存的信息（--article）；文件请先导入为来稿、编辑成信息后再修正' }),
    '校对：检查标点、数字、用词和规范提法 / proofread an item, a file or text',
    { audit: audit<{ id?: number; fix?: boolean }, ProofReport>({ object: (a) => (a.id !== undefined ? `article:${a.id}` : ''), summary: (a) => (a.fix ? '校对：写入确定的修正' : '校对') }) },
  ),
  proofIgnore: op<ProofSetup>()(
    () => z
      .object({
        id: s.id('信息'),
        key: z.string({ error: '请给出要忽略的校对结果' }).min(1, { error: '请给出要忽略的校对结果' }).max(400, { error: '校对结果标识过长' }),
        /** true: list the finding again (恢复). */
        restore: z.boolean({ error: '恢复必须是是或否' }).optional(),
      })
      .strict(),
    '忽略（或恢复）一条校对结果 / ignore a finding for an item',
    { audit: audit<{ id: number; key: string; restore?: boolean }, ProofSetup>({ object: (a) => `article:${a.id}`, summary: (a) => `${a.restore ? '恢复' : '忽略'}校对结果 ${a.key.split('|')[0] ?? ''}` }) },
  ),
  proofSetup: op<ProofSetup>()(() => z.object({ id: s.id('信息').optional() }).strict(), '校对所用的规范提法和本条已忽略的结果 / the list in force and ignored findings', true),
  proofWordingList: op<WordingVersion[]>()(() => z.object({}).strict(), '规范提法表的各个版本 / the wording list versions', true),
  proofWordingAdd: op<WordingVersion>()(
    () => z
      .object({
        validFrom: s.isoDate('生效日期'),
        entries: z.array(wordingEntry, { error: '规范提法必须是列表' }).max(500, { error: '规范提法不能超过500条' }).optional(),
        /** The same as text, one entry a line: 不规范写法 => 规范提法 # 说明 (the CLI's --list-file). */
        lines: z.string({ error: '规范提法必须是文字' }).max(100_000, { error: '规范提法表过长' }).optional(),
        thousands: z.enum(['plain', 'any'], { error: '千分位写法只能是 plain（不用逗号）或 any（不检查）' }).optional(),
      })
      .strict()
      .refine((v) => (v.entries === undefined) !== (v.lines === undefined), { error: '请给出规范提法表（列表或文字，二者选一）' }),
    '从某日起启用新的规范提法表 / a new wording list version from a date',
  ),
} as const;
