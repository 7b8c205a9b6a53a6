/**
 * Assessment periods as calendar-date ranges (both ends included) and the words a circular
 * uses for them: 2026年7月, 2026年第三季度, 2026年上半年, 2026年度, or a custom range.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  from: string;
  to: string;
  /** 2026年第三季度 — what the circular's title says. */
  label: string;
}

const CN = ['〇', '一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthRange(year: number, first: number, last: number): { from: string; to: string } {
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}` };
}

/** How many periods of a kind a year has: 12 months, 4 quarters, 2 halves, 1 year. */
export const PERIODS_PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };

export function periodOf(kind: PeriodKind, year: number, n = 1): Period {
  switch (kind) {
    case 'month':
      return { ...monthRange(year, n, n), label: `${year}年${n}月` };
    case 'quarter':
      return { ...monthRange(year, n * 3 - 2, n * 3), label: `${year}年第${CN[n]}季度` };
    case 'half':
      return { ...monthRange(year, n * 6 - 5, n * 6), label: `${year}年${n === 1 ? '上' : '下'}半年` };
    case 'year':
      return { ...monthRange(year, 1, 12), label: `${year}年度` };
  }
}

function dayLabel(date: string, withYear: boolean): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${withYear ? `${y}年` : ''}${m}月${d}日`;
}

/** A range given by its dates; one that is exactly a month, quarter, half or year is named as such. */
export function customPeriod(from: string, to: string): Period {
  const year = Number(from.slice(0, 4));
  if (Number(to.slice(0, 4)) === year) {
    for (const kind of ['year', 'half', 'quarter', 'month'] as const) {
      for (let n = 1; n <= PERIODS_PER_YEAR[kind]; n++) {
        const p = periodOf(kind, year, n);
        if (p.from === from && p.to === to) return p;
      }
    }
  }
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return { from, to, label: `${dayLabel(from, true)}至${dayLabel(to, !sameYear)}` };
}

/** The calendar months a range touches, each clipped to the range: the circular's trend line. */
export function monthSlices(from: string, to: string): { month: string; from: string; to: string; whole: boolean }[] {
  const out: { month: string; from: string; to: string; whole: boolean }[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const full = monthRange(y, m, m);
    const month = `${y}-${pad(m)}`;
    if (full.from > to) break;
    const a = full.from < from ? from : full.from;
    const b = full.to > to ? to : full.to;
    out.push({ month, from: a, to: b, whole: a === full.from && b === full.to });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Whole days from one date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(daysInMonth(y, m))}`;
}
