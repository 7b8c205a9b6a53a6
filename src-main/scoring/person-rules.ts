/**
 * The rules for persons (信息员) and for urgent information's time limits: parts of every rules
 * version (scoring/rules.ts), so they are dated and edited with the other numbers. A version
 * saved before these parts existed reads them as the defaults below. Pure (zod only).
 *
 * A person scores for the drafts they wrote: points per adoption and instruction of the item
 * made from the draft, a monthly quota (兼职信息员每月报送信息不得少于4条), and a 稿酬 per adopted
 * item, which the office pays within 5–200 元.
 */
import { z } from 'zod';

const MAX = 10_000;
const points = z.number().int().min(0).max(MAX);
export const FEE_MIN = 5;
export const FEE_MAX = 200;
const fee = z.number().int().min(FEE_MIN).max(FEE_MAX);
const award = z.object({ points, fee }).strict();
/** Minutes after the event; at least one. */
const minutes = z.number().int().min(1).max(MAX);

export const personRulesSchema = z
  .object({
    adoption: z
      .object({
        county: z.object({ single: award, brief: award, daily: award, web: award }).strict(),
        city: z.object({ single: award, research: award }).strict(),
        province: z.object({ single: award, research: award }).strict(),
      })
      .strict(),
    instruction: z.object({ county: points, city: points, province: points }).strict(),
    monthlyQuota: z.object({ count: points, met: points, missed: points }).strict(),
    /** Points deducted from a person in a calendar year at which they cannot be named advanced. */
    notAdvanced: points,
  })
  .strict();
export type PersonRules = z.infer<typeof personRulesSchema>;

/**
 * How long after the event each level must have it: the unit's report to us counts against the
 * county limit, and against the city's or province's when we had to report there.
 */
export const urgentLimitsSchema = z.object({ county: minutes, city: minutes, province: minutes }).strict();
export type UrgentLimits = z.infer<typeof urgentLimitsSchema>;

export const DEFAULT_PERSON_RULES: PersonRules = {
  adoption: {
    county: {
      single: { points: 10, fee: 20 },
      brief: { points: 5, fee: 10 },
      daily: { points: 10, fee: 20 },
      web: { points: 5, fee: 10 },
    },
    city: { single: { points: 50, fee: 100 }, research: { points: 100, fee: 200 } },
    province: { single: { points: 100, fee: 200 }, research: { points: 300, fee: 200 } },
  },
  instruction: { county: 20, city: 40, province: 80 },
  monthlyQuota: { count: 4, met: 10, missed: 30 },
  notAdvanced: 100,
};

export const DEFAULT_URGENT_LIMITS: UrgentLimits = { county: 30, city: 60, province: 120 };

type Unit = '分' | '元' | '分钟' | '条';
interface Field {
  path: readonly string[];
  label: string;
  group: string;
  unit: Unit;
  range?: readonly [number, number];
}

const LEVEL_ZH = { county: '县级', city: '市级', province: '省级' } as const;
const KIND_ZH = { single: '单条', brief: '简讯', research: '综合调研', daily: '每日要情', web: '网站“今日”栏目' } as const;
const PERSON_KINDS = {
  county: ['single', 'brief', 'daily', 'web'],
  city: ['single', 'research'],
  province: ['single', 'research'],
} as const;

export const PERSON_RULE_FIELDS: readonly Field[] = [
  ...(['county', 'city', 'province'] as const).flatMap((level) =>
    PERSON_KINDS[level].flatMap((kind): Field[] => [
      { path: ['person', 'adoption', level, kind, 'points'], label: `信息员·${LEVEL_ZH[level]}采用·${KIND_ZH[kind]}·得分`, group: '信息员', unit: '分' },
      {
        path: ['person', 'adoption', level, kind, 'fee'],
        label: `信息员·${LEVEL_ZH[level]}采用·${KIND_ZH[kind]}·稿酬`,
        group: '信息员',
        unit: '元',
        range: [FEE_MIN, FEE_MAX],
      },
    ]),
  ),
  ...(['county', 'city', 'province'] as const).map(
    (l): Field => ({ path: ['person', 'instruction', l], label: `信息员·${LEVEL_ZH[l]}领导批示得分`, group: '信息员', unit: '分' }),
  ),
  { path: ['person', 'monthlyQuota', 'count'], label: '信息员每月报送任务', group: '信息员', unit: '条' },
  { path: ['person', 'monthlyQuota', 'met'], label: '信息员完成月度任务加分', group: '信息员', unit: '分' },
  { path: ['person', 'monthlyQuota', 'missed'], label: '信息员未完成月度任务扣分', group: '信息员', unit: '分' },
  { path: ['person', 'notAdvanced'], label: '信息员年度扣分达到此数，不得评为先进个人', group: '信息员', unit: '分' },
  ...(['county', 'city', 'province'] as const).map(
    (l): Field => ({ path: ['urgentLimits', l], label: `紧急信息报送时限（${LEVEL_ZH[l]}，事发后）`, group: '紧急信息', unit: '分钟', range: [1, MAX] }),
  ),
];

export const PERSON_SEGMENT_LABELS: Record<string, string> = {
  person: '信息员',
  fee: '稿酬',
  monthlyQuota: '月度任务',
  count: '条数',
  urgentLimits: '紧急信息报送时限',
};
