/**
 * The loop with the city office (issue 17), the city side: receiving packets as drafts.
 * Result types live here so the renderer can use them.
 */
import { z } from 'zod';
import * as s from '../schemas';
import { op, writesFile } from './define';
import { fileSource, oneSource } from '../upload-source';

export interface ReceivedPacketSummary {
  id: number;
  sha256: string;
  fileName: string;
  senderIdentity: string | null;
  senderOffice: string;
  /** The unit the drafts were registered under. */
  unit: string;
  importedAt: string;
  importedBy: string;
  submissionIds: number[];
}

export interface PacketImportResult {
  /** 'already': this very zip was received before (packet names that first import); nothing new. */
  status: 'imported' | 'already';
  packet: ReceivedPacketSummary;
  /** Drafts registered now. */
  imported: number;
  /** Of them, items already received through another packet (registered, marked as repeats). */
  duplicates: number;
}

export interface NoticeExportResult {
  path: string;
  fileName: string;
  sha256: string;
  size: number;
  unit: string;
  adoptions: number;
}

export interface NoticeFault {
  code: string;
  message: string;
}

export interface NoticeImportItem {
  articleId: number;
  title: string;
  publication: string;
  issue: string;
  date: string;
  /** The rules' row it scores under (city level): 'single' 单条 or 'research' 综合调研. */
  kind: 'single' | 'research';
  /** False: this adoption was recorded before (an earlier import), nothing changed. */
  recorded: boolean;
}

export interface NoticeImportResult {
  sender: string;
  period: { from: string; to: string };
  /** Adoptions the notice lists. */
  adoptions: number;
  /** Recorded now (0 when the notice was imported before). */
  recorded: number;
  instructions: number;
  /** Each adoption of the notice that is one of our items: recorded now, or found recorded before. */
  items: NoticeImportItem[];
  /** UUIDs that are not items of this database: listed, not guessed. */
  unknown: { uuid: string; title: string }[];
}

const filePath = (what: string) => z.string({ error: `请给出${what}` }).min(1, { error: `请给出${what}` }).max(4096, { error: `${what}过长` });

export const packetLoopOps = {
  packetImport: op<PacketImportResult>()(
    () => z
      .object({
        // browser mode uploads the zip (base64 + fileName); elsewhere it is a path
        ...fileSource('上报包文件'),
        unit: s.ref('来稿单位').optional(),
        // The CLI gives the kind in Chinese (县区 / 部门), the UI the value.
        newUnitKind: z
          .preprocess(
            (v) => ({ 县区: 'county', '县/区': 'county', 部门: 'department' })[String(v)] ?? v,
            z.enum(['county', 'department'], { error: '新建单位的类别只能是 县区 或 部门' }),
          )
          .optional(),
        by: s.optionalLine('经办人', s.LIMITS.name).optional(),
      })
      .strict()
      .refine(...oneSource('上报包文件')),
    '接收上报包：校验后把其中每条信息登记为来稿 / receive a packet: verify it, register its items as drafts',
  ),
  noticeExport: op<NoticeExportResult>()(
    () => z
      .object({
        unit: s.ref('来稿单位'),
        period: z.string({ error: '请给出期间' }).min(4, { error: '请给出期间' }).max(30, { error: '期间过长' }),
        out: filePath('保存通报的文件夹'),
      })
      .strict(),
    '生成采用情况通报（zip）/ write an adoption notice for a sending unit',
    writesFile,
  ),
  noticeImport: op<NoticeImportResult>()(
    () => z.object(fileSource('采用情况通报文件')).strict().refine(...oneSource('采用情况通报文件')),
    '导入市里的采用情况通报，登记采用和批示 / import the city\'s adoption notice',
  ),
  receivedPacketList: op<ReceivedPacketSummary[]>()(() => z.object({}).strict(), '已接收的上报包 / packets received', true),
} as const;
