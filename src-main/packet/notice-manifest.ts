/**
 * manifest.json of an adoption notice (采用情况通报, issue 17): what the city adopted of one
 * sending unit's items in a period, addressed to that unit's database by its identity. Zod only.
 */
import { z } from 'zod';
import { sha256Hex } from './manifest';

export const NOTICE_FORMAT = 'bulletin-desk/notice';
export const NOTICE_VERSION = 1;
export const NOTICE_DOCX_NAME = '采用情况通报.docx';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().max(max);

export const noticeAdoptionSchema = z
  .object({
    uuid,
    title: text(400).min(1),
    /** Our publication, as printed: 政务信息快报 */
    publication: text(400).min(1),
    /** 2026年第3期 */
    issue: text(100).min(1),
    date: day,
    kind: z.enum(['全文', '简讯', '综合']),
    instructions: z.array(z.object({ leader: text(400).min(1), date: day, text: text(20_000) }).strict()).max(100),
  })
  .strict();

export const noticeManifestSchema = z
  .object({
    format: z.literal(NOTICE_FORMAT),
    version: z.literal(NOTICE_VERSION),
    createdAt: z.iso.datetime(),
    senderIdentity: uuid,
    senderOffice: text(200).min(1),
    recipientIdentity: uuid,
    recipientOffice: text(400).min(1),
    period: z.object({ from: day, to: day }).strict(),
    adoptions: z.array(noticeAdoptionSchema).min(1).max(5000),
    notice: z.object({ file: z.literal(NOTICE_DOCX_NAME), sha256: sha256Hex, size: z.number().int().min(0) }).strict(),
  })
  .strict();

export type NoticeManifest = z.infer<typeof noticeManifestSchema>;
export type NoticeAdoption = z.infer<typeof noticeAdoptionSchema>;
