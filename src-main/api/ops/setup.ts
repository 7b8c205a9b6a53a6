/**
 * First start (首次设置): an empty database opens on a set-up of a few steps — the office and
 * its contact, the first series and the number it continues from, the units, a sample issue.
 * The answers are kept as a draft while the wizard runs (it may be left and resumed), and
 * written by one entry in one transaction, so a half-done set-up never leaves half an office.
 */
import { z } from 'zod';
import * as s from '../schemas';
import type { Series } from '../types';
import { none, op } from './define';
import { senderPatch, type SenderSettings } from './packets';
import type { UnitImportReport } from './units';

const unitsText = z.string({ error: '单位名单必须是文字' }).max(1_000_000, { error: '单位名单过长' });

const seriesOptions = {
  continuous: z.boolean({ error: '“跨年连续编号”只能是是或否' }).optional(),
  maxClassification: s.classification.optional(),
  print: s.printPatch.optional(),
};

const seriesDraft = z
  .object({
    name: s.optionalLine('刊物名称', s.LIMITS.name).optional(),
    firstNumber: s.id('起始期号').optional(),
    firstTotal: s.id('起始总期号').optional(),
    ...seriesOptions,
  })
  .strict();

/** The first series: the number its first issue here takes (第N期, 总第M期) continues the paper ones. */
const seriesFinal = z
  .object({ name: s.line('刊物名称', s.LIMITS.name), firstNumber: s.id('起始期号'), firstTotal: s.id('起始总期号'), ...seriesOptions })
  .strict();

/** What the wizard has so far; every part optional, each checked as the final step checks it. */
export const setupDraft = z
  .object({
    step: z.number({ error: '步骤必须是数字' }).int().min(0).max(10).optional(),
    sender: senderPatch.optional(),
    series: seriesDraft.optional(),
    unitsText: unitsText.optional(),
    sample: z.boolean({ error: '“示例期”只能是是或否' }).optional(),
  })
  .strict();

export type SetupDraft = z.input<typeof setupDraft>;

export interface SetupState {
  /** True while the office has no series: the window opens on the set-up. */
  needed: boolean;
  sender: SenderSettings;
  units: number;
  /** The answers saved so far (null: none yet). */
  draft: SetupDraft | null;
}

export interface SetupResult {
  series: Series;
  units: UnitImportReport;
  /** The sample draft issue, when one was asked for. */
  sampleIssueId: number | null;
}

export const setupOps = {
  setupState: op<SetupState>()(() => none, '首次设置的进度（是否需要设置、已填的内容）/ whether first start is needed, and its draft', true),
  setupSave: op<SetupState>()(
    () => z.object({ draft: setupDraft }).strict(),
    '保存首次设置填到一半的内容 / keep the set-up answers so far',
    { audit: { object: () => 'settings', summary: () => '保存首次设置进度' } },
  ),
  setupComplete: op<SetupResult>()(
    () => z
      .object({
        sender: senderPatch.refine((v) => (v.office ?? '') !== '', { error: '请填写本单位全称', path: ['office'] }),
        series: seriesFinal,
        unitsText: unitsText.optional(),
        sample: z.boolean({ error: '“示例期”只能是是或否' }).optional(),
      })
      .strict(),
    '完成首次设置：本单位、第一个刊物、来稿单位、示例期（一次完成）/ first start: office, series, units, sample — all at once',
  ),
} as const;
