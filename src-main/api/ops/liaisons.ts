/**
 * Liaison officers (信息员, issue 16 part 4): each unit's officers with their dates in office,
 * the author of each draft, personal points and ranking, and the 稿酬 ledger for payment.
 */
import { z } from 'zod';
import * as s from '../schemas';
import { byId, download, op, writesFile } from './define';
import { named, withPeriod } from './scoring';
import type { FeeRow, PersonScore } from '../../scoring/person-score';
import type { Period } from '../../scoring/periods';

export type { FeeRow, PersonScore };

export interface LiaisonEntry {
  id: number;
  unitId: number;
  unit: string;
  name: string;
  phone: string;
  validFrom: string;
  /** Null while in office. */
  validTo: string | null;
  /** In office today. */
  current: boolean;
  /** Drafts credited to this person. */
  drafts: number;
  createdAt: string;
}

export interface DraftAuthor {
  submissionId: number;
  unitId: number | null;
  receivedDate: string;
  /** The liaison text the draft was registered with. */
  liaisonName: string;
  author: LiaisonEntry | null;
  /** The officers of the draft's unit, the ones in office on the received date first. */
  candidates: LiaisonEntry[];
}

export interface FeeLedger extends Period {
  rows: FeeRow[];
  people: { liaisonId: number; name: string; unit: string; items: number; fee: number }[];
  total: number;
}

export interface FeeExport {
  xlsx: string;
  total: number;
  people: number;
}

const LABELS: Record<string, string> = {
  unit: '来稿单位',
  name: '信息员姓名',
  phone: '联系电话',
  from: '任职起始日期',
  to: '任职截止日期',
  id: '编号',
  liaisonId: '信息员',
  all: '含已离任',
  out: '保存位置',
};

const personName = s.line('信息员姓名', 40);
const phone = s.optionalLine('联系电话', 40);

export const liaisonOps = {
  liaisonAdd: op<LiaisonEntry>()(
    () => named(z.object({ unit: s.ref('来稿单位'), name: personName, phone: phone.optional(), from: s.isoDate('任职起始日期').optional() }).strict(), LABELS),
    '添加单位的信息员（更换时先结束原任）/ add a unit\'s liaison officer',
  ),
  liaisonEnd: op<LiaisonEntry>()(
    () => named(z.object({ id: s.id('信息员'), to: s.isoDate('任职截止日期').optional() }).strict(), LABELS),
    '结束信息员的任职（记录保留）/ end an officer\'s term (kept on record)',
  ),
  liaisonList: op<LiaisonEntry[]>()(
    () => named(z.object({ unit: s.ref('来稿单位').optional(), all: z.boolean({ error: '含已离任只能是是或否' }).optional() }).strict(), LABELS),
    '列出信息员（默认只列在任的）/ list liaison officers',
    true,
  ),
  submissionAuthor: op<DraftAuthor>()(() => named(byId('来稿'), LABELS), '来稿的作者（信息员）与可选的人 / a draft\'s author and the choices', true),
  submissionAuthorSet: op<DraftAuthor>()(
    () => named(z.object({ id: s.id('来稿'), liaisonId: s.id('信息员').nullable() }).strict(), LABELS),
    '设定来稿的作者（本单位的信息员）/ credit a draft to an officer',
  ),
  personScore: op<PersonScore[]>()(() => named(withPeriod({}), LABELS), '信息员个人积分与排名 / every officer\'s points and rank', true),
  liaisonFees: op<FeeLedger>()(
    () => named(withPeriod({ liaisonId: s.id('信息员').optional() }), LABELS),
    '稿酬明细：每人每条采用的稿酬 / the fee ledger per person',
    true,
  ),
  liaisonFeesExport: op<FeeExport>()(
    () => named(withPeriod({ out: z.string({ error: '请给出保存的文件夹' }).min(1, { error: '请给出保存的文件夹' }).max(4096) }), LABELS),
    '导出稿酬发放表（Excel）/ write the fee ledger as .xlsx for payment',
    writesFile,
  ),
  liaisonFeesFile: op<{ fileName: string; base64: string }>()(
    () => named(withPeriod({}), LABELS),
    '取得稿酬发放表（浏览器模式下载用）/ the fee ledger .xlsx as base64, for download',
    download,
  ),
} as const;
