/**
 * The assessment rules (考核细则) as data: every number of DOMAIN.md's default table, in one
 * object that the office edits. A version applies from its date on, so a past period is always
 * scored with the rules that were in force then. Pure (zod only): the API contract and the
 * renderer's rules editor import it.
 */
import { z } from 'zod';
import { DEFAULT_PERSON_RULES, DEFAULT_URGENT_LIMITS, PERSON_RULE_FIELDS, PERSON_SEGMENT_LABELS, personRulesSchema, urgentLimitsSchema } from './person-rules';

export const LEVELS = ['county', 'city', 'province'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { county: '县级', city: '市级', province: '省级' };

export const ADOPTION_KINDS = ['single', 'brief', 'research', 'daily', 'web'] as const;
export type AdoptionKind = (typeof ADOPTION_KINDS)[number];
export const ADOPTION_KIND_LABELS: Record<AdoptionKind, string> = {
  single: '单条',
  brief: '简讯',
  research: '综合调研',
  daily: '每日要情',
  web: '网站“今日”栏目',
};

/**
 * Which kinds each level knows: exactly the rows of the published table. A county publication
 * prints full items, briefs, 每日要情 and the website column; city and province offices score
 * single items and research (综合调研) pieces.
 */
export const KINDS_BY_LEVEL = {
  county: ['single', 'brief', 'daily', 'web'],
  city: ['single', 'research'],
  province: ['single', 'research'],
} as const satisfies Record<Level, readonly AdoptionKind[]>;

/**
 * The rules an item of one of our own series may score under: the county kinds. A series names
 * one (单条 by default, as every series scored before), and an item may be marked as a 简讯 in
 * the issue that prints it.
 */
export const SERIES_SCORE_RULES = KINDS_BY_LEVEL.county;
export type SeriesScoreRule = (typeof SERIES_SCORE_RULES)[number];
export const DEFAULT_SERIES_SCORE_RULE: SeriesScoreRule = 'single';

export function kindAllowed(level: Level, kind: AdoptionKind): boolean {
  return (KINDS_BY_LEVEL[level] as readonly AdoptionKind[]).includes(kind);
}

const MAX_POINTS = 10_000;
const MAX_YUAN = 1_000_000;

const points = z.number().int().min(0).max(MAX_POINTS);
const yuan = z.number().int().min(0).max(MAX_YUAN);
const award = z.object({ points, reward: yuan }).strict();
const byLevel = z.object({ county: points, city: points, province: points }).strict();

export const scoreRulesSchema = z
  .object({
    adoption: z
      .object({
        county: z.object({ single: award, brief: award, daily: award, web: award }).strict(),
        city: z.object({ single: award, research: award }).strict(),
        province: z.object({ single: award, research: award }).strict(),
      })
      .strict(),
    /** What each unit of an item combining several units' material gets per adoption, instead of the table's points. */
    combined: award,
    instruction: z.object({ county: award, city: award, province: award }).strict(),
    monthlyTarget: z.object({ met: points, missed: points }).strict(),
    /**
     * flagAt: late or missing on this many commissions in a year flags a unit (0: never);
     * flagPoints: what the flag costs, proposed in the report (issue 16; absent in versions
     * saved before it, hence the defaults).
     */
    commission: z
      .object({ late: points, missing: points, flagAt: z.number().int().min(0).max(100).default(2), flagPoints: points.default(0) })
      .strict(),
    /** Deductions the office enters by hand; kept here so the entry form offers the right amounts. */
    deductions: z
      .object({
        falseInfo: z.object({ min: points, max: points }).strict().refine((r) => r.min <= r.max, { error: '虚假信息扣分的下限不能大于上限' }),
        urgentLate: byLevel,
        urgentConcealed: byLevel,
        criticism: points,
      })
      .strict(),
    /** Points deducted in a calendar year at which a unit cannot be named advanced, and is criticised. */
    thresholds: z
      .object({ notAdvanced: points, criticised: points })
      .strict()
      .refine((t) => t.notAdvanced <= t.criticised, { error: '“取消评先资格”的扣分线不能高于“通报批评”的扣分线' }),
    // issue 16 parts 4–5: persons (信息员) and urgent information's time limits; a version saved before reads the defaults
    person: personRulesSchema.default(DEFAULT_PERSON_RULES),
    urgentLimits: urgentLimitsSchema.default(DEFAULT_URGENT_LIMITS),
  })
  .strict();

export type ScoreRules = z.infer<typeof scoreRulesSchema>;

/** DOMAIN.md's table, as one county published it. The combined item's reward is not in that table: 0 until the office sets one. */
export const DEFAULT_RULES: ScoreRules = {
  adoption: {
    county: {
      single: { points: 10, reward: 20 },
      brief: { points: 5, reward: 10 },
      daily: { points: 10, reward: 20 },
      web: { points: 5, reward: 10 },
    },
    city: { single: { points: 50, reward: 100 }, research: { points: 100, reward: 300 } },
    province: { single: { points: 100, reward: 200 }, research: { points: 300, reward: 500 } },
  },
  combined: { points: 10, reward: 0 },
  instruction: {
    county: { points: 20, reward: 100 },
    city: { points: 40, reward: 300 },
    province: { points: 80, reward: 500 },
  },
  monthlyTarget: { met: 20, missed: 30 },
  commission: { late: 50, missing: 50, flagAt: 2, flagPoints: 0 },
  deductions: {
    falseInfo: { min: 50, max: 100 },
    urgentLate: { county: 30, city: 50, province: 100 },
    urgentConcealed: { county: 60, city: 100, province: 200 },
    criticism: 100,
  },
  thresholds: { notAdvanced: 100, criticised: 200 },
  person: DEFAULT_PERSON_RULES,
  urgentLimits: DEFAULT_URGENT_LIMITS,
};

export const DEFAULT_RULES_FROM = '1900-01-01';

export interface RulesVersion {
  id: number;
  validFrom: string;
  rules: ScoreRules;
  createdAt: string;
}

/** Every number of the rules with its place and its Chinese name, in the order the editor shows them. */
export interface RuleField {
  path: readonly string[];
  label: string;
  group: string;
  unit: '分' | '元' | '次' | '分钟' | '条';
  /** Bounds other than 0 to the maximum (稿酬 5–200 元, time limits from 1 minute). */
  range?: readonly [number, number];
}

function awardFields(path: string[], group: string, label: string): RuleField[] {
  return [
    { path: [...path, 'points'], label: `${label}得分`, group, unit: '分' },
    { path: [...path, 'reward'], label: `${label}奖励`, group, unit: '元' },
  ];
}

const levelFields = (path: string[], group: string, what: string): RuleField[] =>
  LEVELS.map((l) => ({ path: [...path, l], label: `${what}（${LEVEL_LABELS[l]}）`, group, unit: '分' as const }));

export const RULE_FIELDS: readonly RuleField[] = [
  ...LEVELS.flatMap((level) =>
    KINDS_BY_LEVEL[level].flatMap((kind) =>
      awardFields(['adoption', level, kind], '采用', `${LEVEL_LABELS[level]}刊物采用·${ADOPTION_KIND_LABELS[kind]}·`),
    ),
  ),
  ...awardFields(['combined'], '采用', '综合信息（多单位合报）每单位·'),
  ...LEVELS.flatMap((level) => awardFields(['instruction', level], '批示', `${LEVEL_LABELS[level]}领导批示·`)),
  { path: ['monthlyTarget', 'met'], label: '完成月度报送任务加分', group: '月度任务', unit: '分' },
  { path: ['monthlyTarget', 'missed'], label: '未完成月度报送任务扣分', group: '月度任务', unit: '分' },
  { path: ['commission', 'late'], label: '约稿迟报扣分', group: '约稿', unit: '分' },
  { path: ['commission', 'missing'], label: '约稿未报扣分', group: '约稿', unit: '分' },
  { path: ['commission', 'flagAt'], label: '一年内约稿迟报或未报达到此次数，予以通报', group: '约稿', unit: '次' },
  { path: ['commission', 'flagPoints'], label: '约稿迟报未报达到次数线的扣分（0 为只通报）', group: '约稿', unit: '分' },
  { path: ['deductions', 'falseInfo', 'min'], label: '报送虚假信息扣分（下限）', group: '扣分', unit: '分' },
  { path: ['deductions', 'falseInfo', 'max'], label: '报送虚假信息扣分（上限）', group: '扣分', unit: '分' },
  ...levelFields(['deductions', 'urgentLate'], '扣分', '紧急信息迟报扣分'),
  ...levelFields(['deductions', 'urgentConcealed'], '扣分', '紧急信息瞒报漏报扣分'),
  { path: ['deductions', 'criticism'], label: '被通报批评扣分', group: '扣分', unit: '分' },
  { path: ['thresholds', 'notAdvanced'], label: '年度扣分达到此数，取消评先资格', group: '扣分线', unit: '分' },
  { path: ['thresholds', 'criticised'], label: '年度扣分达到此数，予以通报批评', group: '扣分线', unit: '分' },
  ...PERSON_RULE_FIELDS,
];

export function ruleValue(rules: ScoreRules, path: readonly string[]): number {
  let node: unknown = rules;
  for (const p of path) node = (node as Record<string, unknown>)[p];
  return node as number;
}

/** A copy of `rules` with one number changed (the editor works on whole objects, never patches). */
export function withRuleValue(rules: ScoreRules, path: readonly string[], value: number): ScoreRules {
  const copy = structuredClone(rules);
  let node = copy as unknown as Record<string, unknown>;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

const FIELD_BY_PATH = new Map(RULE_FIELDS.map((f) => [f.path.join('.'), f]));

const SEGMENT_LABELS: Record<string, string> = {
  adoption: '采用',
  combined: '综合信息',
  instruction: '领导批示',
  monthlyTarget: '月度任务',
  commission: '约稿',
  deductions: '扣分',
  thresholds: '扣分线',
  ...LEVEL_LABELS,
  ...ADOPTION_KIND_LABELS,
  points: '得分',
  reward: '奖励',
  falseInfo: '虚假信息',
  urgentLate: '紧急信息迟报',
  urgentConcealed: '紧急信息瞒报漏报',
  criticism: '被通报批评',
  met: '完成',
  missed: '未完成',
  late: '迟报',
  missing: '未报',
  flagAt: '通报次数线',
  flagPoints: '达线扣分',
  min: '下限',
  max: '上限',
  notAdvanced: '取消评先资格',
  criticised: '通报批评',
  ...PERSON_SEGMENT_LABELS,
};

/** A place in the rules in words: the editor's label for a number, else its parts joined (采用·市级). */
function placeLabel(path: readonly string[]): string {
  const field = FIELD_BY_PATH.get(path.join('.'));
  if (field) return field.label;
  return path.map((p) => SEGMENT_LABELS[p] ?? p).join('·');
}

/** One zod issue of a rules object, in words an information officer can act on. */
export function describeRulesIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  const field = FIELD_BY_PATH.get(path.join('.'));
  const where = path.length ? `“${placeLabel(path)}”` : '';
  if (issue.code === 'unrecognized_keys') return `计分规则${where ? `的${where}中` : '中'}有不认识的项：${issue.keys.join('、')}`;
  if (issue.code === 'custom') return `计分规则有误：${issue.message}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `计分规则缺少${where || '内容'}`;
  if (field?.range) return `计分规则${where}必须是 ${field.range[0]} 到 ${field.range[1]} 之间的整数`;
  if (field) return `计分规则${where}必须是 0 到 ${field.unit === '元' ? MAX_YUAN : MAX_POINTS} 之间的整数`;
  return `计分规则${where}格式不对，请以“bulletin rules show --json”的输出为样板`;
}

/** Rules given as an object, as JSON text, or as a whole version (`rules show --json`) whose `rules` part is taken. */
export function unwrapRulesInput(v: unknown): { value: unknown } | { error: string } {
  let value = v;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { error: `计分规则不是有效的 JSON：${(e as Error).message}` };
    }
  }
  if (value && typeof value === 'object' && 'rules' in value && 'validFrom' in value) return { value: (value as { rules: unknown }).rules };
  return { value };
}
