/** Units (来稿单位): the towns, streets and departments that send drafts. */
import { z } from 'zod';
import * as s from '../schemas';
import type { UnitKind } from '../schemas';
import type { Unit } from '../types';
import { download, none, op, writesFile } from './define';
/** One row of a unit list (单位名单), as read and checked; unit-import.ts matches it by full name. */
export interface UnitSheetRow {
  /** The row in the sheet (Excel's numbering, header = 1) or the line of pasted text. */
  row: number;
  name: string;
  /** Absent when the sheet has no such column: the unit keeps what it has. '' clears it. */
  shortName?: string;
  aliases?: string[];
  /** Absent when the column is missing or the cell empty: kept, or guessed for a new unit. */
  kind?: UnitKind;
  active?: boolean;
}

export interface UnitSheet {
  rows: UnitSheetRow[];
  /** Row-numbered reasons, in Chinese; any one refuses an import as a whole. */
  problems: string[];
}

export type UnitImportStatus = 'added' | 'updated' | 'unchanged';

export interface UnitImportReport {
  added: number;
  updated: number;
  unchanged: number;
  units: { row: number; name: string; status: UnitImportStatus }[];
}

export interface UnitFile {
  fileName: string;
  base64: string;
  rows: number;
}

/** A path on this PC, as typed or chosen; the service checks what is there. */
const localPath = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `请给出${what}` : `${what}必须是文字`) })
    .max(4096, { error: `${what}过长` })
    .transform((p) => p.trim())
    .refine((p) => p.length > 0, { error: `${what}不能为空` })
    .refine((p) => !p.includes('\u0000'), { error: `${what}中含有无效字符` });

/** An uploaded file's bytes (browser mode has no path to give); 10 MB is far more than a unit list. */
const upload = {
  base64: z
    .string({ error: '文件内容必须是 base64 文字' })
    .max(14_000_000, { error: '文件过大：单位名单不超过 10 MB' })
    .regex(/^[A-Za-z0-9+/=\s]*$/, { error: '文件内容不是有效的 base64' })
    .optional(),
  fileName: s.optionalLine('文件名', 255).optional(),
};
const oneSource = (keys: readonly string[]) => (v: Record<string, unknown>) => keys.filter((k) => v[k] !== undefined).length === 1;


/** 简称 and 别称: like the full name, each unique across all units' names, short names and aliases. */
const shortName = s.optionalLine('简称', s.LIMITS.name);
// An empty entry (the CLI's `--alias ""`) is dropped, so it clears the list rather than being refused.
const aliases = z.preprocess((v) => (Array.isArray(v) ? v.filter((x) => !(typeof x === 'string' && x.trim() === '')) : v), s.nameList('别称', true));

export const unitOps = {
  unitAdd: op<Unit>()(
    () => z
      .object({ name: s.line('单位名称', s.LIMITS.name), kind: s.unitKind.optional(), shortName: shortName.optional(), aliases: aliases.optional() })
      .strict(),
    '新增来稿单位 / add a unit',
  ),
  unitUpdate: op<Unit>()(
    () => z
      .object({
        unit: s.ref('来稿单位'),
        name: s.line('单位名称', s.LIMITS.name).optional(),
        kind: s.unitKind.optional(),
        active: z.boolean({ error: '“启用”只能是是或否' }).optional(),
        /** The empty text clears it. */
        shortName: shortName.optional(),
        /** The whole new list (an empty list clears them). */
        aliases: aliases.optional(),
      })
      .strict(),
    '修改来稿单位（名称、简称、别称、类型、启用）/ change a unit',
  ),
  unitList: op<Unit[]>()(
    () => z.object({ includeInactive: z.boolean().optional() }).strict(),
    '列出来稿单位 / list units',
    true,
  ),
  unitImport: op<UnitImportReport>()(
    () => z
      .object({ path: localPath('单位名单文件').optional(), ...upload })
      .strict()
      .refine(oneSource(['path', 'base64']), { error: '请给出单位名单文件（路径或上传的文件，二者选一）', path: ['path'] }),
    '从 Excel 单位名单导入来稿单位（新增和更新，整表一次完成）/ import units from an .xlsx list',
  ),
  unitExport: op<{ path: string; rows: number }>()(
    () => z.object({ out: localPath('保存位置') }).strict(),
    '导出来稿单位名单为 Excel / write the unit list as .xlsx',
    writesFile,
  ),
  unitXlsx: op<UnitFile>()(() => none, '取得单位名单的 Excel 文件（浏览器模式下载用）/ the unit list workbook as base64', download),
  unitSheetRead: op<UnitSheet>()(
    () => z
      .object({ text: z.string({ error: '名单必须是文字' }).max(1_000_000, { error: '名单过长' }).optional(), path: localPath('单位名单文件').optional(), ...upload })
      .strict()
      .refine(oneSource(['text', 'path', 'base64']), { error: '请给出单位名单：粘贴的文字、文件路径或上传的文件，三者选一', path: ['text'] }),
    '读取并检查单位名单（不写入）/ read and check a unit list without importing it',
    true,
  ),
} as const;
