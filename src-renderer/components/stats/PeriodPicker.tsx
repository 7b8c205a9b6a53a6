/** The assessment period: a month, quarter, half-year or year of a year, or two dates. */
import { Group, NumberInput, SegmentedControl, Select } from '@mantine/core';
import { PERIOD_KINDS } from '../../../src-main/api/ops/scoring';
import { todayIso } from '../../format';
import { DateField } from '../common/DateField';

export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type PeriodQuery = { period: PeriodKind; year: number; n?: number } | { from: string; to: string };

export interface PeriodChoice {
  kind: PeriodKind | 'custom';
  year: number;
  n: number;
  from: string;
  to: string;
}

const KIND_LABELS: Record<PeriodChoice['kind'], string> = { month: '月', quarter: '季度', half: '半年', year: '年', custom: '自定义' };
const CN = ['', '一', '二', '三', '四'];

function options(kind: PeriodKind): { value: string; label: string }[] {
  if (kind === 'month') return Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }));
  if (kind === 'quarter') return [1, 2, 3, 4].map((q) => ({ value: String(q), label: `第${CN[q]}季度` }));
  if (kind === 'half') return [{ value: '1', label: '上半年' }, { value: '2', label: '下半年' }];
  return [];
}

/** This quarter of this year: where an editor usually starts. */
export function defaultChoice(now = new Date()): PeriodChoice {
  const today = todayIso(now);
  return { kind: 'quarter', year: now.getFullYear(), n: Math.floor(now.getMonth() / 3) + 1, from: `${today.slice(0, 8)}01`, to: today };
}

export function toQuery(c: PeriodChoice): PeriodQuery {
  if (c.kind === 'custom') return { from: c.from, to: c.to };
  return c.kind === 'year' ? { period: 'year', year: c.year } : { period: c.kind, year: c.year, n: c.n };
}

export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (c: PeriodChoice) => void }) {
  const set = (patch: Partial<PeriodChoice>) => onChange({ ...value, ...patch });
  const setKind = (kind: PeriodChoice['kind']) => {
    // Keep the same stretch of the year when switching: month 8 → quarter 3 → half 2.
    const month = value.kind === 'month' ? value.n : value.kind === 'quarter' ? value.n * 3 : value.kind === 'half' ? value.n * 6 : 1;
    const n = kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : kind === 'half' ? Math.ceil(month / 6) : 1;
    set({ kind, n });
  };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="period-picker">
      <SegmentedControl
        data={(Object.keys(KIND_LABELS) as PeriodChoice['kind'][]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        value={value.kind}
        onChange={(k) => setKind(k as PeriodChoice['kind'])}
        data-testid="period-kind"
      />
      {value.kind !== 'custom' && (
        <NumberInput
          aria-label="年份"
          value={value.year}
          onChange={(y) => typeof y === 'number' && set({ year: y })}
          min={1949}
          max={2199}
          allowDecimal={false}
          suffix="年"
          w={100}
          data-testid="period-year"
        />
      )}
      {value.kind !== 'custom' && value.kind !== 'year' && (
        <Select
          aria-label="第几期间"
          data={options(value.kind)}
          value={String(value.n)}
          onChange={(v) => v && set({ n: Number(v) })}
          allowDeselect={false}
          w={120}
          data-testid="period-n"
        />
      )}
      {value.kind === 'custom' && (
        <>
          <DateField aria-label="起始日期" value={value.from} onChange={(v) => set({ from: v })} w={160} data-testid="period-from" />
          <DateField aria-label="截止日期" value={value.to} onChange={(v) => set({ to: v })} w={160} data-testid="period-to" />
        </>
      )}
    </Group>
  );
}
