/**
 * The city's adoption list (采用情况表) read from Excel: a read-only preview that proposes, for
 * each row, the item we sent upward it most likely is, and an import that records the chosen
 * matches as adoptions in one transaction. The columns the user chose are remembered.
 */
import { z } from 'zod';
import * as s from '../schemas';
import { audit, op } from './define';
import {
  ADOPTION_KINDS,
  ADOPTION_KIND_LABELS,
  KINDS_BY_LEVEL,
  LEVELS,
  LEVEL_LABELS,
  kindAllowed,
  type AdoptionKind,
  type Level,
} from '../../scoring/rules';
import type { AdoptionEntry } from './scoring';

/** The columns a list may have, in the order the dialog shows them. */
export const SHEET_FIELDS = ['title', 'unit', 'publication', 'issue', 'date', 'level', 'kind'] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];
export const SHEET_FIELD_LABELS: Record<SheetField, string> = {
  title: '标题',
  unit: '单位',
  publication: '采用刊物',
  issue: '期号',
  date: '采用日期',
  level: '级别',
  kind: '采用类型',
};

/** 0-based column of each field in the sheet; null: the sheet has no such column. */
export type SheetColumns = Record<SheetField, number | null>;

/** At or above this confidence a proposal is ticked in advance. */
export const PRE_TICK_CONFIDENCE = 0.75;

export interface AdoptionCandidate {
  articleId: number;
  title: string;
  units: string[];
  /** The day it first went upward in a packet. */
  sentOn: string;
  /** 0–1: title similarity (fuse.js), lowered when the unit or the date does not fit. */
  confidence: number;
  /** Why the confidence was lowered (单位不符…), in Chinese; null when the title alone decided. */
  note: string | null;
  /** This adoption (item, publication, issue) is recorded already: shown, never doubled. */
  recorded: boolean;
}

export interface AdoptionSheetRow {
  /** Excel's row number. */
  row: number;
  title: string;
  unit: string;
  publication: string;
  issueRef: string;
  date: string | null;
  level: Level;
  kind: AdoptionKind;
  /** Why this row cannot be recorded as it stands (in Chinese), or null. */
  problem: string | null;
  /** Best first; empty when nothing we sent resembles it (not ours). */
  candidates: AdoptionCandidate[];
  /** The proposed item: the best candidate, or null. */
  articleId: number | null;
  confidence: number;
  /** High confidence, clearly ahead of the next candidate, no problem, not recorded yet. */
  preTicked: boolean;
}

export interface AdoptionSheetPreview {
  fileName: string;
  sheet: string;
  /** Excel's row number of the header row. */
  headerRow: number;
  headers: string[];
  columns: SheetColumns;
  rows: AdoptionSheetRow[];
  /** How many items we have sent upward (what rows are matched against). */
  sentItems: number;
  threshold: number;
}

export interface AdoptionSheetImportResult {
  recorded: AdoptionEntry[];
  /** Entries whose adoption was recorded before (or twice in this list): left as they were. */
  already: number;
}

const level = s.enumOf(LEVELS, LEVEL_LABELS, '级别');
const kind = s.enumOf(ADOPTION_KINDS, ADOPTION_KIND_LABELS, '采用类型');

const columnIndex = z
  .number({ error: '列号必须是数字' })
  .int({ error: '列号必须是整数' })
  .min(0, { error: '列号从 0 数起' })
  .max(200, { error: '列号过大' })
  .nullable();

const columnsInput = z
  .object(Object.fromEntries(SHEET_FIELDS.map((f) => [f, columnIndex.optional()])) as Record<SheetField, z.ZodOptional<typeof columnIndex>>)
  .strict();

/** An uploaded file's bytes (browser mode has no path); an adoption list is far below 10 MB. */
const source = {
  path: z
    .string({ error: '文件路径必须是文字' })
    .max(4096, { error: '文件路径过长' })
    .transform((p) => p.trim())
    .refine((p) => p.length > 0 && !p.includes('\u0000'), { error: '文件路径不能为空' })
    .optional(),
  base64: z
    .string({ error: '文件内容必须是 base64 文字' })
    .max(14_000_000, { error: '文件过大：采用情况表不超过 10 MB' })
    .regex(/^[A-Za-z0-9+/=\s]*$/, { error: '文件内容不是有效的 base64' })
    .optional(),
  fileName: s.optionalLine('文件名', 255).optional(),
};

/** What a column left out of the sheet is taken as, for every row. */
const defaults = {
  publication: s.optionalLine('刊物名称', s.LIMITS.name).optional(),
  level: level.optional(),
  kind: kind.optional(),
  date: s.isoDate('采用日期').optional(),
};

const entry = z
  .object({
    row: z.number({ error: '行号必须是数字' }).int({ error: '行号必须是整数' }).min(0).max(1_000_000).optional(),
    articleId: s.id('信息'),
    publication: s.line('刊物名称', s.LIMITS.name),
    level,
    kind,
    date: s.isoDate('采用日期'),
    issueRef: s.optionalLine('刊物期号', s.LIMITS.name).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!kindAllowed(v.level, v.kind)) {
      const allowed = s.choices(KINDS_BY_LEVEL[v.level], ADOPTION_KIND_LABELS);
      ctx.addIssue({ code: 'custom', message: `${LEVEL_LABELS[v.level]}刊物的采用类型只能是：${allowed}` });
    }
  });

const headerWord = s.optionalLine('列名', 100).optional();

/** The header words of the chosen columns, remembered for the next list. */
const rememberInput = z
  .object(
    Object.fromEntries(SHEET_FIELDS.map((f) => [f, headerWord])) as unknown as Record<SheetField, typeof headerWord>,
  )
  .strict();

export const adoptionSheetOps = {
  adoptionSheetRead: op<AdoptionSheetPreview>()(
    () => z
      .object({ ...source, columns: columnsInput.optional(), ...defaults })
      .strict()
      .refine((v) => (v.path === undefined) !== (v.base64 === undefined), { error: '请给出采用情况表（文件路径或上传的文件，二者选一）', path: ['path'] }),
    '读取市里的采用情况表并提出匹配（不写入）/ read an adoption list and propose matches',
    true,
  ),
  adoptionSheetImport: op<AdoptionSheetImportResult>()(
    () => z
      .object({
        adoptions: z.array(entry, { error: '请给出要登记的采用' }).min(1, { error: '请至少选择一条要登记的采用' }).max(5000, { error: '一次最多登记 5000 条' }),
        remember: rememberInput.optional(),
      })
      .strict(),
    '登记采用情况表中确认的采用（一次完成）/ record the confirmed adoptions of a list at once',
    {
      audit: audit<{ adoptions: unknown[] }, AdoptionSheetImportResult>({
        object: () => '',
        summary: (a, r) => `从采用情况表登记采用 ${r.recorded.length} 条（共选 ${a.adoptions.length} 条，已登记过 ${r.already} 条）`,
      }),
    },
  ),
} as const;
