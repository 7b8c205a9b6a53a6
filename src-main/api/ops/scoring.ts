/**
 * Assessment (考核): adoptions, leader instructions, commissions, deductions, monthly targets,
 * the versioned rules, scores per unit for a period, and the circular (通报) as Word and Excel.
 */
import { z } from 'zod';
import * as s from '../schemas';
import { cleanText } from '../text';
import { pageQuery, type Page } from '../paging';
import { byId, download, none, op, wraps, writesFile } from './define';
import {
  ADOPTION_KINDS,
  ADOPTION_KIND_LABELS,
  KINDS_BY_LEVEL,
  LEVELS,
  LEVEL_LABELS,
  describeRulesIssue,
  kindAllowed,
  scoreRulesSchema,
  unwrapRulesInput,
  type AdoptionKind,
  type Level,
  type RulesVersion,
} from '../../scoring/rules';
import { PERIOD_KINDS, type Period } from '../../scoring/periods';
import type { MonthScore, ScoreEvent, ScoreTotals, UnitScore } from '../../scoring/compute';

export type { Level, AdoptionKind, RulesVersion, UnitScore, ScoreTotals, MonthScore, ScoreEvent, Period };
export { LEVELS, LEVEL_LABELS, ADOPTION_KINDS, ADOPTION_KIND_LABELS, KINDS_BY_LEVEL, PERIOD_KINDS };
export { RULE_FIELDS, ruleValue, withRuleValue, type RuleField, type ScoreRules } from '../../scoring/rules';

// The result shapes are in scoring-results.ts, the period input in scoring-period.ts; re-exported here.
export * from './scoring-results';
export { withPeriod } from './scoring-period';
import { withPeriod } from './scoring-period';
import type { AdoptionEntry, ArticleUnits, CircularFile, CircularPaths, CommissionEntry, DeductionEntry, InstructionEntry, ScoreReport, TargetEntry } from './scoring-results';

// ---- input pieces ------------------------------------------------------------------------

const level = s.enumOf(LEVELS, LEVEL_LABELS, '级别');
const kind = s.enumOf(ADOPTION_KINDS, ADOPTION_KIND_LABELS, '采用类型');

/** Units given as a list, or as one text separated by ，、, or ;. */
const unitRefs = (min: number) =>
  z.preprocess(
    (v) =>
      v === undefined && min === 0
        ? []
        : Array.isArray(v)
        ? v.flatMap((x) => (typeof x === 'string' ? x.split(/[,，、;；]+/).map((p) => p.trim()).filter(Boolean) : [x]))
        : typeof v === 'string'
          ? v.split(/[,，、;；]+/).map((p) => p.trim()).filter(Boolean)
          : v,
    z
      .array(s.ref('来稿单位'), { error: (iss) => (iss.input === undefined ? '请至少给出一个单位' : '单位必须是名称或编号的列表') })
      .min(min, { error: '请至少给出一个单位' })
      .max(200, { error: '单位最多200个' }),
  );

const longText = (what: string, max: number) =>
  z
    .string({ error: `${what}必须是文字` })
    .max(max, { error: `${what}不能超过${max}个字` })
    .transform((t) => cleanText(t).trim());

const adoptionInput = z
  .object({
    articleId: s.id('信息'),
    publication: s.line('刊物名称', s.LIMITS.name),
    level,
    kind,
    date: s.isoDate('采用日期').optional(),
    issueRef: s.optionalLine('刊物期号', s.LIMITS.name).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!kindAllowed(v.level, v.kind)) {
      const allowed = s.choices(KINDS_BY_LEVEL[v.level], ADOPTION_KIND_LABELS);
      ctx.addIssue({ code: 'custom', message: `${LEVEL_LABELS[v.level]}刊物的采用类型只能是：${allowed}` });
    }
  });

const rulesInput = z
  .object({ validFrom: s.isoDate('生效日期'), rules: z.unknown().optional() })
  .strict()
  .transform((v, ctx) => {
    if (v.rules === undefined) {
      ctx.addIssue({ code: 'custom', message: '请给出计分规则' });
      return z.NEVER;
    }
    const unwrapped = unwrapRulesInput(v.rules);
    if ('error' in unwrapped) {
      ctx.addIssue({ code: 'custom', message: unwrapped.error });
      return z.NEVER;
    }
    const parsed = scoreRulesSchema.safeParse(unwrapped.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 5)) ctx.addIssue({ code: 'custom', message: describeRulesIssue(issue) });
      return z.NEVER;
    }
    return { validFrom: v.validFrom, rules: parsed.data };
  });

/** Filters of the record lists: by unit and dates, and the records about items by item too. */
const unitRecordFilters = { unit: s.ref('来稿单位').optional(), ...s.dateRange };
const itemRecordFilters = { articleId: s.id('信息').optional(), ...unitRecordFilters };

const circularExtra = {
  org: s.optionalLine('发文单位', s.LIMITS.name).optional(),
  date: s.isoDate('成文日期').optional(),
};


/** Chinese names of this file's input fields, for refusals. */
const FIELD_NAMES: Record<string, string> = {
  id: '编号',
  sort: '排序列',
  dir: '排序方向',
  limit: '条数',
  offset: '起始位置',
  articleId: '信息编号',
  unitIds: '合报单位',
  publication: '刊物名称',
  level: '级别',
  kind: '采用类型',
  date: '日期',
  issueRef: '刊物期号',
  leader: '批示领导',
  text: '批示内容',
  topic: '约稿主题',
  deadline: '截止日期',
  units: '约稿单位',
  unit: '来稿单位',
  points: '扣分',
  reason: '扣分原因',
  monthly: '月度任务',
  from: '起始日期',
  to: '截止日期',
  period: '期间',
  year: '年份',
  n: '第几个月、季度或半年',
  out: '保存位置',
  org: '发文单位',
  validFrom: '生效日期',
  rules: '计分规则',
};

/**
 * A refusal names the field in Chinese (“扣分：…”, never “points：…”): the shared label table
 * of dispatch.ts does not know these keys, so issues are re-worded here, without a path.
 * The input and output types stay those of the schema.
 */
export function named<T extends z.ZodType>(schema: T, labels: Record<string, string> = FIELD_NAMES): z.ZodType<z.output<T>, z.input<T>> {
  const wrapper = z.unknown().transform((value, ctx) => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        ctx.addIssue({ code: 'custom', message: `不认识的参数：${issue.keys.join('、')}` });
        continue;
      }
      const key = issue.path.find((p): p is string => typeof p === 'string');
      const label = key === undefined ? undefined : (labels[key] ?? FIELD_NAMES[key]);
      ctx.addIssue({ code: 'custom', message: label && !issue.message.includes(label) ? `${label}：${issue.message}` : issue.message });
    }
    return z.NEVER;
  });
  return wraps(wrapper, schema) as unknown as z.ZodType<z.output<T>, z.input<T>>;
}

export const scoringOps = {
  articleSetUnits: op<ArticleUnits>()(
    () => named(z.object({ id: s.id('信息'), unitIds: unitRefs(0) }).strict()),
    '设置综合信息的合报单位 / set the further units of a combined item',
  ),
  articleUnitsGet: op<ArticleUnits>()(() => named(byId('信息')), '查看信息的来稿单位与合报单位 / the units of an item', true),

  adoptionAdd: op<AdoptionEntry>()(() => named(adoptionInput), '登记上级或其他刊物的采用 / record an adoption by a publication'),
  adoptionList: op<Page<AdoptionEntry>>()(
    () => named(z.object({ ...itemRecordFilters, ...pageQuery('adoption') }).strict()),
    '列出采用（含本系统刊物的采用）/ list adoptions, own series included',
    true,
  ),
  adoptionDelete: op<{ id: number }>()(() => named(byId('采用记录')), '删除手工登记的采用 / delete a hand-entered adoption'),

  instructionAdd: op<InstructionEntry>()(
    () => named(z
      .object({
        articleId: s.id('信息'),
        level,
        leader: s.line('批示领导', s.LIMITS.name),
        date: s.isoDate('批示日期').optional(),
        text: longText('批示内容', 5000).optional(),
      })
      .strict()),
    '登记领导批示 / record a leader instruction',
  ),
  instructionList: op<Page<InstructionEntry>>()(
    () => named(z.object({ ...itemRecordFilters, ...pageQuery('instruction') }).strict()),
    '列出领导批示 / list leader instructions',
    true,
  ),
  instructionDelete: op<{ id: number }>()(() => named(byId('批示记录')), '删除登记错的批示 / delete a mistaken instruction record'),

  commissionAdd: op<CommissionEntry>()(
    () => named(z.object({ topic: s.line('约稿主题', s.LIMITS.title), deadline: s.isoDate('截止日期'), units: unitRefs(1) }).strict()),
    '发起约稿 / commission items from units',
  ),
  commissionAnswer: op<CommissionEntry>()(
    () => named(z
      .object({ id: s.id('约稿'), unit: s.ref('来稿单位'), articleId: s.id('信息').optional(), date: s.isoDate('报送日期').optional() })
      .strict()),
    '登记单位对约稿的报送 / record a unit\'s answer to a commission',
  ),
  commissionList: op<CommissionEntry[]>()(
    () => named(z.object(unitRecordFilters).strict()),
    '列出约稿及各单位报送情况 / list commissions and answers',
    true,
  ),

  deductionAdd: op<DeductionEntry>()(
    () => named(z
      .object({
        unit: s.ref('来稿单位'),
        points: z
          .number({ error: '扣分必须是数字' })
          .int({ error: '扣分必须是整数' })
          .min(1, { error: '扣分请填写扣去的分数（正整数），例如 50' })
          .max(10_000, { error: '扣分过大' }),
        reason: s.line('扣分原因', s.LIMITS.reason),
        date: s.isoDate('扣分日期').optional(),
      })
      .strict()),
    '登记扣分 / record a deduction',
  ),
  deductionList: op<DeductionEntry[]>()(
    () => named(z.object(unitRecordFilters).strict()),
    '列出扣分 / list deductions',
    true,
  ),
  deductionDelete: op<{ id: number }>()(() => named(byId('扣分记录')), '删除登记错的扣分 / delete a mistaken deduction'),

  targetSet: op<TargetEntry>()(
    () => named(z
      .object({
        unit: s.ref('来稿单位'),
        monthly: z
          .number({ error: '月度任务必须是数字' })
          .int({ error: '月度任务必须是整数' })
          .min(0, { error: '月度任务不能为负（0 表示不设任务）' })
          .max(10_000, { error: '月度任务过大' }),
        from: s.isoDate('起始月份').optional(),
      })
      .strict()),
    '设置单位的月度报送任务 / set a unit\'s monthly target',
  ),
  targetList: op<TargetEntry[]>()(() => named(z.object({ unit: s.ref('来稿单位').optional() }).strict()), '列出月度报送任务 / list monthly targets', true),

  rulesList: op<RulesVersion[]>()(() => named(none), '列出计分规则的各个版本 / list the rules versions', true),
  rulesGet: op<RulesVersion>()(
    () => named(z.object({ date: s.isoDate('日期').optional() }).strict()),
    '查看某日适用的计分规则 / the rules in force on a date',
    true,
  ),
  rulesAdd: op<RulesVersion>()(() => named(rulesInput), '从某日起启用新的计分规则 / a new rules version from a date'),

  score: op<UnitScore[]>()(() => named(withPeriod({})), '各单位在一个期间的积分 / every unit\'s score for a period', true),
  scoreReport: op<ScoreReport>()(() => named(withPeriod({})), '期间积分汇总（表、合计、逐月走势）/ the period report', true),
  scoreLedger: op<ScoreEvent[]>()(
    () => named(withPeriod({ unit: s.ref('来稿单位').optional() })),
    '积分明细：每一分的来由 / where the points came from',
    true,
  ),
  circularExport: op<CircularPaths>()(
    () => named(withPeriod({ out: z.string({ error: '请给出保存的文件夹' }).min(1, { error: '请给出保存的文件夹' }).max(4096), ...circularExtra })),
    '导出通报（Word 与 Excel）/ write the circular as .docx and .xlsx',
    writesFile,
  ),
  circularFiles: op<CircularFile[]>()(
    () => named(withPeriod(circularExtra)),
    '取得通报文件内容（浏览器模式下载用）/ the circular files as base64, for download',
    // a download is an export: it goes in the audit log
    download,
  ),
} as const;
