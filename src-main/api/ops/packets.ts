/**
 * Packets for the city office (上报包): export, the register of exports, verification, and the
 * app-wide settings that name the sender. Result types live here so the renderer can use them.
 */
import { pageQuery, type Page } from '../paging';
import { z } from 'zod';
import { fileSource, oneSource } from '../upload-source';
import * as s from '../schemas';
import type { Category, Classification } from '../schemas';
import { PACKET_LIMITS, type Manifest } from '../../packet/manifest';
import type { Fault, VerifyReport } from '../../packet/report';
import type { SubmittedMark } from '../types';
import { byId, download, none, op, writesFile } from './define';

export type { Fault, Manifest, VerifyReport };

export interface SenderSettings {
  /** 城关县人民政府办公室 */
  office: string;
  /** 城关县政府办: starts every packet's file name. */
  shortName: string;
  contactPerson: string;
  phone: string;
}

export interface AppSettings {
  sender: SenderSettings;
}

export interface PacketExportResult {
  id: number;
  /** The packet written. */
  path: string;
  fileName: string;
  sha256: string;
  size: number;
  manifest: Manifest;
}

export interface PacketSummary {
  id: number;
  createdAt: string;
  createdBy: string;
  fileName: string;
  /** Where it was written; the file may since have moved to a USB drive. */
  path: string;
  sha256: string;
  size: number;
  includeInternal: boolean;
  issues: { id: number; title: string }[];
  articles: { id: number; title: string }[];
}

export interface PacketFileResult {
  fileName: string;
  /** The zip's bytes, base64: JSON carries it through every door. */
  base64: string;
  sha256: string;
  size: number;
}

export interface PacketVerifyResult extends VerifyReport {
  /** The export in this database's register with the same SHA-256, if any. */
  registered: { id: number; createdAt: string; fileName: string } | null;
}

/** When and in which packets an item went upward (directly, or inside an issue that was sent). */
export interface ArticlePacketRef {
  packetId: number;
  createdAt: string;
  fileName: string;
  via: 'article' | 'issue';
  issueId: number | null;
  issueTitle: string | null;
}

export interface ArticleSubmission {
  articleId: number;
  /** The first time it went upward (UTC ISO); null when never. */
  submittedAt: string | null;
  packets: ArticlePacketRef[];
}

export type { SubmittedMark };

export interface PacketIssueCandidate {
  id: number;
  title: string;
  date: string;
  articleCount: number;
  classification: Classification;
  /** Why it cannot go at all (涉密), or null. */
  blocked: string | null;
  submitted: SubmittedMark | null;
}

export interface PacketArticleCandidate {
  id: number;
  title: string;
  unit: string | null;
  category: Category;
  classification: Classification;
  chars: number;
  /** The signed issue that printed it, if any. */
  issueTitle: string | null;
  blocked: string | null;
  submitted: SubmittedMark | null;
}

export interface PacketCandidates {
  issues: PacketIssueCandidate[];
  articles: PacketArticleCandidate[];
}

const PHONE = /^[0-9０-９+＋\-－()（）\s转、,，;；/]*$/u;

export const senderPatch = z
  .object({
    office: s.optionalLine('报送单位名称', 100).optional(),
    shortName: s
      .optionalLine('报送单位简称', 30)
      .refine((v) => !/[<>:"/\\|?*]/.test(v), { error: '报送单位简称不能含有 < > : " / \\ | ? *（会用在文件名中）' })
      .optional(),
    contactPerson: s.optionalLine('联系人', 50).optional(),
    phone: s.optionalLine('联系电话', 40).refine((v) => PHONE.test(v), { error: '联系电话只能含数字、空格、-、+、括号和“转”' }).optional(),
  })
  .strict();

const path = (what: string) => z.string({ error: `请给出${what}` }).min(1, { error: `请给出${what}` }).max(4096, { error: `${what}过长` });

const idList = (what: string, max: number) =>
  z
    .array(s.id(what), { error: `${what}编号必须是数字列表` })
    .max(max, { error: `一个上报包最多${max}个${what}` })
    .refine((ids) => new Set(ids).size === ids.length, { error: `${what}编号有重复` });

export const packetOps = {
  packetExport: op<PacketExportResult>()(
    () => z
      .object({
        issueIds: idList('期', PACKET_LIMITS.issues).optional(),
        articleIds: idList('信息', PACKET_LIMITS.articles).optional(),
        includeInternal: z.boolean({ error: '“包含内部信息”只能是是或否' }).optional(),
        out: path('保存上报包的文件夹'),
        by: s.optionalLine('经办人', s.LIMITS.name).optional(),
      })
      .strict()
      .refine((v) => (v.issueIds?.length ?? 0) + (v.articleIds?.length ?? 0) > 0, { error: '请至少选择一期刊物或一条信息' }),
    '生成上报包（zip）并登记 / export a packet for the city office and register it',
    writesFile,
  ),
  packetList: op<Page<PacketSummary>>()(
    () => z
      .object({ ...pageQuery('packet') })
      .strict(),
    '上报登记簿 / the register of exported packets',
    true,
  ),
  packetVerify: op<PacketVerifyResult>()(
    () => z.object(fileSource('上报包文件')).strict().refine(...oneSource('上报包文件')),
    '校验上报包 / verify a packet file',
    true,
  ),
  packetFile: op<PacketFileResult>()(
    () => byId('上报包'),
    '取得已登记上报包的文件内容（浏览器模式下载用）/ a registered packet as base64, for download',
    // a download is an export: it goes in the audit log
    download,
  ),
  packetCandidates: op<PacketCandidates>()(
    () => z
      .object({
        text: s.titleWords,
        limit: s.listLimit,
      })
      .strict(),
    '可上报的期次和信息 / signed issues and items that may go into a packet',
    true,
  ),
  packetsForArticle: op<ArticleSubmission>()(() => byId('信息'), '一条信息的上报记录 / when an item went upward', true),
  settingsGet: op<AppSettings>()(() => none, '查看设置 / show the settings', true),
  settingsSet: op<AppSettings>()(
    () => z.object({ sender: senderPatch.optional() }).strict(),
    '修改设置（报送单位、联系人、电话）/ change the settings',
    // the settings are one record: name it, so the log can be filtered to it
    { audit: { object: () => 'settings' } },
  ),
} as const;
