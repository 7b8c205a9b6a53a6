/**
 * Urgent information (紧急信息, issue 16 part 5): an event, the unit's report, our reports
 * upward and follow-ups; lateness against the rules' time limits and the deduction it implies,
 * proposed and applied only on request (through the deductions records).
 */
import { z } from 'zod';
import * as s from '../schemas';
import { byId, op } from './define';
import { named } from './scoring';
import { LEVEL_LABELS, type Level } from '../../scoring/rules';
import type { LevelCheck, UrgentProposal } from '../../scoring/urgent-lateness';

export type { LevelCheck, UrgentProposal };

export const UPWARD_LEVELS = ['city', 'province'] as const;
export const URGENT_REPORT_KINDS = ['upward', 'followup'] as const;
export const URGENT_REPORT_KIND_LABELS = { upward: '向上报送', followup: '续报' } as const;

export interface UrgentReport {
  id: number;
  kind: (typeof URGENT_REPORT_KINDS)[number];
  level: Level | null;
  reportedAt: string;
  note: string;
}

export interface UrgentEntry {
  id: number;
  unitId: number;
  unit: string;
  liaisonId: number | null;
  liaison: string | null;
  what: string;
  place: string;
  eventTime: string;
  unitReportedAt: string | null;
  reports: UrgentReport[];
  checks: LevelCheck[];
  /** The deduction the rules imply; shown whether or not it was applied. */
  proposal: UrgentProposal | null;
  /** The deduction record made by applying it; null while only proposed. */
  deductionId: number | null;
  /** No report upward yet (the dashboard lists these). */
  withoutUpward: boolean;
  createdAt: string;
}

/** '2026-08-12 09:30' or '2026-08-12T09:30' → '2026-08-12T09:30', a real local time. */
export const localTime = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `请给出${what}` : `${what}必须是文字`) })
    .max(40, { error: `${what}的格式应为 2026-08-12 09:30` })
    .transform((t) => t.trim().replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/, (_m, d: string, h: string, mi: string) => `${d}T${h.padStart(2, '0')}:${mi}`))
    .refine((t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(t) && !Number.isNaN(Date.parse(`${t}:00Z`)) && new Date(`${t}:00Z`).toISOString().startsWith(t), {
      error: `${what}的格式应为 2026-08-12 09:30（年-月-日 时:分）`,
    });

const LABELS: Record<string, string> = {
  unit: '来稿单位',
  what: '事件',
  place: '地点',
  eventTime: '事发时间',
  unitReportedAt: '单位报告时间',
  liaisonId: '报告的信息员',
  id: '紧急信息编号',
  kind: '报送类型',
  level: '报送级别',
  at: '报送时间',
  note: '报送内容',
  from: '起始日期',
  to: '截止日期',
  pending: '只列未向上报送的',
};

export const urgentOps = {
  urgentAdd: op<UrgentEntry>()(
    () => named(
      z
        .object({
          unit: s.ref('来稿单位'),
          what: s.line('事件', 400),
          place: s.optionalLine('地点', 200).optional(),
          eventTime: localTime('事发时间'),
          unitReportedAt: localTime('单位报告时间').optional(),
          liaisonId: s.id('信息员').optional(),
        })
        .strict(),
      LABELS,
    ),
    '登记紧急信息（突发事件）/ register an urgent event',
  ),
  urgentReport: op<UrgentEntry>()(
    () => named(
      z
        .object({
          id: s.id('紧急信息'),
          kind: s.enumOf(URGENT_REPORT_KINDS, URGENT_REPORT_KIND_LABELS, '报送类型').optional(),
          level: s.enumOf(UPWARD_LEVELS, { city: LEVEL_LABELS.city, province: LEVEL_LABELS.province }, '报送级别').optional(),
          at: localTime('报送时间'),
          note: s.optionalLine('报送内容', 1000).optional(),
        })
        .strict(),
      LABELS,
    ),
    '登记向上报送或续报 / record a report upward or a follow-up',
  ),
  urgentList: op<UrgentEntry[]>()(
    () => named(z.object({ unit: s.ref('来稿单位').optional(), ...s.dateRange, pending: z.boolean().optional() }).strict(), LABELS),
    '列出紧急信息及其报送时间、迟报情况 / list urgent events with lateness',
    true,
  ),
  urgentGet: op<UrgentEntry>()(() => named(byId('紧急信息'), LABELS), '查看一条紧急信息 / one urgent event', true),
  urgentApply: op<UrgentEntry>()(() => named(byId('紧急信息'), LABELS), '按建议登记紧急信息的扣分 / apply the proposed deduction'),
} as const;
