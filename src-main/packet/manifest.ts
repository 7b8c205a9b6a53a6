/**
 * manifest.json of a packet (上报包): what the county says it sent. The city side checks the
 * packet against it, so the schema is versioned and strict: a reader refuses a version it does
 * not know rather than guess, and every file the packet holds is named here with its SHA-256.
 * Zod only, so the renderer may import the types.
 */
import { z } from 'zod';
import { bodyTable, CATEGORIES, CLASSIFICATIONS } from '../api/schemas';

export const MANIFEST_FORMAT = 'bulletin-desk/packet';
/**
 * Version 2 (issue 17) adds what the city needs to receive a packet and answer it: the sending
 * database's identity, and for every item and issue a UUID made once and kept for good
 * (packet_uuids, migration 16) with each item's text. Version 1 packets are still read.
 */
export const MANIFEST_VERSION = 2;
export const MANIFEST_VERSIONS = [1, 2] as const;
export const MANIFEST_NAME = 'manifest.json';
export const SUMS_NAME = 'SHA256SUMS';
export const CONTENTS_LIST_NAME = '报送清单.docx';

/**
 * How many issues and single items one packet may carry: two years of a daily series (480
 * issues a year at the busiest) or a year's items, with room to spare. A bound, not a
 * guess at use: it keeps a hostile manifest or zip from holding the reader to unbounded work.
 */
export const PACKET_LIMITS = { issues: 1000, articles: 1000 } as const;

/** Names Windows refuses or treats as devices, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

export type EntryNameFault = 'UNSAFE_PATH' | 'FOLDER' | 'BAD_NAME';

/**
 * Why a name inside a packet is not acceptable, or null. A packet is flat: one folder level,
 * names that Windows, sha256sum and unzip all take as they are.
 */
export function entryNameProblem(name: string): { code: EntryNameFault; message: string } | null {
  if (name.length === 0) return { code: 'BAD_NAME', message: '为空' };
  if (/^[/\\]/.test(name)) return { code: 'UNSAFE_PATH', message: '是绝对路径，解压时可能写到任意位置' };
  if (/^[A-Za-z]:/.test(name)) return { code: 'UNSAFE_PATH', message: '带有盘符，解压时可能写到其他磁盘' };
  if (name.includes('\\')) return { code: 'UNSAFE_PATH', message: '含有反斜杠“\\”，在 Windows 上会被当作路径' };
  if (name.split('/').some((seg) => seg === '..')) return { code: 'UNSAFE_PATH', message: '含有“..”，解压时可能写到文件夹之外' };
  if (name.includes('/')) return { code: 'FOLDER', message: '带有文件夹路径，上报包中不应有文件夹' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { code: 'BAD_NAME', message: '含有控制字符' };
  if (/[<>:"|?*]/.test(name)) return { code: 'BAD_NAME', message: '含有 Windows 不允许的字符（< > : " | ? *）' };
  if (/[. ]$/.test(name) || name === '.') return { code: 'BAD_NAME', message: '以点或空格结尾，Windows 会改动它' };
  if (WINDOWS_RESERVED.test(name)) return { code: 'BAD_NAME', message: '是 Windows 的保留设备名' };
  if ([...name].length > 120) return { code: 'BAD_NAME', message: '超过 120 个字' };
  return null;
}

const text = (max: number) => z.string().max(max);
const positive = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: '不是 64 位十六进制的 SHA-256' });
const entryName = z
  .string()
  .min(1)
  .max(255)
  .superRefine((name, ctx) => {
    const problem = entryNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: `文件名“${name}”${problem.message}` });
  });

const fileRef = { file: entryName, sha256: sha256Hex, size: count };

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: '不是 UUID' });
// A paragraph as the item holds it: a table (its cells, merges, caption and unit line) and a line
// of the 注： block travel as such (issue 19), so the city registers the table as a table.
// Picture references are this desk's own and never leave it (services/packets.ts).
const paragraphItem = z
  .object({ level: z.number().int().min(0).max(4), text: z.string().min(1).max(20_000), table: bodyTable.optional(), note: z.literal(true).optional() })
  .strict();

const itemFields = {
  id: positive,
  /** Version 2: the item's identity as the city will know it. */
  uuid: uuid.optional(),
  /** Version 2: the item's text, as printed, so the city registers it without re-reading Word. */
  paragraphs: z.array(paragraphItem).min(1).max(2000).optional(),
  title: text(400).min(1),
  unit: text(400).nullable(),
  category: z.enum(CATEGORIES),
  classification: z.enum(CLASSIFICATIONS),
  chars: count,
};

/** An item as printed in an issue of the packet. */
export const issueItemSchema = z.object({ position: positive, ...itemFields }).strict();

export const manifestIssueSchema = z
  .object({
    id: positive,
    uuid: uuid.optional(),
    /** 《城关县政务信息》2026年第12期（总第2045期） */
    title: text(400).min(1),
    series: text(400).min(1),
    year: z.number().int().min(1949).max(2199),
    number: positive,
    totalNumber: positive.nullable(),
    supplement: z.boolean(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    signedBy: text(200),
    /** The highest sensitivity among its items. */
    classification: z.enum(CLASSIFICATIONS),
    chars: count,
    items: z.array(issueItemSchema).min(1).max(200),
    ...fileRef,
  })
  .strict();

/** A single item, sent as its own Word file in the single-item layout. */
export const manifestArticleSchema = z
  .object({
    ...itemFields,
    /** The issue that printed it, when it is in one. */
    issue: z.object({ id: positive, title: text(400).min(1) }).strict().nullable(),
    ...fileRef,
  })
  .strict();

export const senderSchema = z
  .object({ office: text(200).min(1), shortName: text(100).min(1), contactPerson: text(100), phone: text(60) })
  .strict();

export const manifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    version: z.union([z.literal(1), z.literal(2)]),
    /** Version 2: the sending database's identity (migration 9). */
    senderIdentity: uuid.optional(),
    /** UTC, ISO 8601. */
    createdAt: z.iso.datetime(),
    generator: text(200),
    sender: senderSchema,
    /** Whether the user allowed internal (内部) items into this packet. */
    includeInternal: z.boolean(),
    issues: z.array(manifestIssueSchema).max(PACKET_LIMITS.issues),
    articles: z.array(manifestArticleSchema).max(PACKET_LIMITS.articles),
    contentsList: z.object(fileRef).strict(),
    totals: z.object({ issues: count, articles: count, chars: count }).strict(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.version < 2) return;
    // What version 2 promises is required there, so a city never receives an item it cannot answer.
    const missing = (path: (string | number)[], what: string) => ctx.addIssue({ code: 'custom', path, message: `版本 2 的清单必须有${what}` });
    if (!m.senderIdentity) missing(['senderIdentity'], '报送方数据库标识');
    m.issues.forEach((i, n) => {
      if (!i.uuid) missing(['issues', n, 'uuid'], '期次的 UUID');
      i.items.forEach((it, k) => {
        if (!it.uuid) missing(['issues', n, 'items', k, 'uuid'], '信息的 UUID');
        if (!it.paragraphs) missing(['issues', n, 'items', k, 'paragraphs'], '信息的正文');
      });
    });
    m.articles.forEach((a, n) => {
      if (!a.uuid) missing(['articles', n, 'uuid'], '信息的 UUID');
      if (!a.paragraphs) missing(['articles', n, 'paragraphs'], '信息的正文');
    });
  });

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestIssue = z.infer<typeof manifestIssueSchema>;
export type ManifestArticle = z.infer<typeof manifestArticleSchema>;
export type ManifestItem = z.infer<typeof issueItemSchema>;
export type Sender = z.infer<typeof senderSchema>;

/** Every file the manifest names, in the order they go into the zip. */
export function manifestFiles(m: Manifest): { file: string; sha256: string; size: number }[] {
  return [m.contentsList, ...m.issues, ...m.articles].map(({ file, sha256, size }) => ({ file, sha256, size }));
}

/** Only the format and version, read first so a newer packet is refused by name, not by schema noise. */
export const manifestHead = z.object({ format: z.string(), version: z.number() });
