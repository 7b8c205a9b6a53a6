/**
 * A period as the assessment entries take it: from/to dates, or month/quarter/half/year with its
 * year and number, checked in words and resolved to one `period` for the handlers.
 */
import { z } from 'zod';
import * as s from '../schemas';
import { PERIOD_KINDS, PERIODS_PER_YEAR, customPeriod, daysBetween, periodOf, type Period } from '../../scoring/periods';

const MAX_PERIOD_DAYS = 3660;
const validDate = s.isoDate('日期');

const periodFields = {
  ...s.dateRange,
  period: z
    .enum(PERIOD_KINDS, { error: '期间只能是：month（月）、quarter（季度）、half（半年）、year（年）' })
    .optional(),
  year: z
    .number({ error: '年份必须是数字' })
    .int({ error: '年份必须是整数' })
    .min(1949, { error: '年份超出合理范围' })
    .max(2199, { error: '年份超出合理范围' })
    .optional(),
  n: z
    .number({ error: '第几个月、季度或半年必须是数字' })
    .int({ error: '第几个月、季度或半年必须是整数' })
    .min(1, { error: '第几个月、季度或半年从 1 数起' })
    .optional(),
};

type PeriodFields = { from?: string; to?: string; period?: (typeof PERIOD_KINDS)[number]; year?: number; n?: number };

function checkPeriod(v: PeriodFields, ctx: z.RefinementCtx): void {
  const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
  if (v.from !== undefined || v.to !== undefined) {
    if (v.period !== undefined || v.year !== undefined || v.n !== undefined) return fail('请只用一种方式给出期间：起止日期，或期间类型和年份');
    if (v.from === undefined || v.to === undefined) return fail('请同时给出起始日期和截止日期');
    // A malformed date has been refused by its own field already.
    if (!validDate.safeParse(v.from).success || !validDate.safeParse(v.to).success) return;
    if (v.from > v.to) return fail(`起始日期 ${v.from} 晚于截止日期 ${v.to}`);
    if (daysBetween(v.from, v.to) > MAX_PERIOD_DAYS) return fail('统计期间最长十年');
    return;
  }
  if (v.period === undefined) return fail('请给出起止日期（例如 --from 2026-07-01 --to 2026-09-30），或期间类型和年份（例如 --period quarter --year 2026 --n 3）');
  if (v.year === undefined) return fail('请给出年份');
  if (v.period === 'year') return;
  if (!PERIOD_KINDS.includes(v.period) || !Number.isInteger(v.n ?? 1) || (v.n ?? 1) < 1) return;
  const most = PERIODS_PER_YEAR[v.period];
  if (v.n === undefined) return fail(`请给出第几个${v.period === 'month' ? '月' : v.period === 'quarter' ? '季度' : '半年'}（1 到 ${most}）`);
  if (v.n > most) return fail(`${v.period === 'month' ? '月份' : v.period === 'quarter' ? '季度' : '半年'}只能是 1 到 ${most}`);
}

function resolvePeriod(v: PeriodFields): Period {
  if (v.from !== undefined && v.to !== undefined) return customPeriod(v.from, v.to);
  return periodOf(v.period!, v.year!, v.n ?? 1);
}

/** A period as dates or as month/quarter/half/year; handlers receive it resolved to `period`. */
export function withPeriod<E extends z.ZodRawShape>(extra: E) {
  return z
    .object({ ...periodFields, ...extra })
    .strict()
    .superRefine((v, ctx) => checkPeriod(v as PeriodFields, ctx))
    .transform((v) => {
      const all = v as unknown as PeriodFields & z.output<z.ZodObject<E>>;
      const { from, to, period, year, n, ...rest } = all;
      return { ...rest, period: resolvePeriod({ from, to, period, year, n }) };
    });
}
