/**
 * The editor's scratch store (暂存): what is typed in an item's editor and not yet saved, kept
 * by the main process every few seconds so a crash, a closed window or a reload loses only the
 * last moments. It is not part of the record: no audit entry, no write gate (it works while the
 * start-up check runs), and it lives in a file beside the database, not in it (services/drafts.ts).
 */
import { z } from 'zod';
import * as s from '../schemas';
import { op } from './define';

/** Which editor: `article:new` (a new item, not yet created) or `article:12`. */
export const draftKey = z
  .string({ error: '请给出暂存内容的位置' })
  .max(40)
  .regex(/^article:(new|[1-9]\d{0,14})$/, { error: '暂存内容的位置写法有误（应为 article:new 或 article:编号）' });

/** The editor's fields as typed: nothing is checked but size, because half-typed text is kept as it is. */
export const draftFields = z
  .object({
    title: z.string({ error: '标题必须是文字' }).max(s.LIMITS.title * 4),
    body: z.string({ error: '正文必须是文字' }).max(s.LIMITS.bodyChars),
    // The unit picked (its id), not checked against the list: a kept draft names no record yet.
    unit: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable(),
    category: s.category,
    classification: s.classification,
  })
  .strict();

export type DraftFields = z.output<typeof draftFields>;

export interface EditorDraft {
  key: string;
  fields: DraftFields;
  /** When it was kept (UTC ISO). */
  savedAt: string;
}

export const draftOps = {
  draftSave: op<{ key: string; savedAt: string }>()(
    () => z.object({ key: draftKey, fields: draftFields }).strict(),
    '暂存编辑中未保存的内容 / keep the editor’s unsaved text (crash recovery)',
    true,
  ),
  draftList: op<EditorDraft[]>()(() => z.object({}).strict(), '列出暂存的未保存内容 / unsaved editor texts kept', true),
  draftClear: op<{ key: string; cleared: boolean }>()(
    () => z.object({ key: draftKey }).strict(),
    '清除暂存的内容（已保存或放弃）/ drop a kept editor text',
    true,
  ),
} as const;
