/** Ctrl+K's filters (issue 15): what kind of record (issue 16 adds the follow-up records), which year, which 来稿单位. */
import { Group, SegmentedControl, Select } from '@mantine/core';
import type { SearchKind } from '../../../src-main/api/ops/search';
import type { Unit } from '../../../src-main/api/types';
import { unitSearchProps } from '../common/unitSearch';

export interface SearchFilterValues {
  kind: SearchKind | 'all';
  year: number | null;
  unit: number | null;
}

export const NO_SEARCH_FILTERS: SearchFilterValues = { kind: 'all', year: null, unit: null };

/** The search op's input for these filters. */
export function searchFilterInput(f: SearchFilterValues): { kinds?: SearchKind[]; year?: number; unit?: number } {
  return { ...(f.kind !== 'all' ? { kinds: [f.kind] } : {}), ...(f.year !== null ? { year: f.year } : {}), ...(f.unit !== null ? { unit: f.unit } : {}) };
}

export function SearchFilters({ value, onChange, units }: { value: SearchFilterValues; onChange: (v: SearchFilterValues) => void; units: Unit[] }) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  return (
    <Group gap="xs" wrap="nowrap" data-testid="search-filters">
      <SegmentedControl
        size="xs"
        value={value.kind}
        onChange={(k) => onChange({ ...value, kind: k as SearchFilterValues['kind'] })}
        data={[
          { value: 'all', label: '全部' },
          { value: 'article', label: '信息' },
          { value: 'submission', label: '来稿' },
          { value: 'issue', label: '期' },
          // issue 16's records (branch search16)
          { value: 'commission', label: '约稿' },
          { value: 'instruction', label: '批示' },
          { value: 'liaison', label: '信息员' },
          { value: 'urgent', label: '紧急信息' },
        ]}
        data-testid="search-kind"
      />
      <Select
        size="xs"
        w={100}
        placeholder="全部年份"
        aria-label="年份"
        clearable
        data={years.map((y) => ({ value: String(y), label: `${y}年` }))}
        value={value.year === null ? null : String(value.year)}
        onChange={(y) => onChange({ ...value, year: y === null ? null : Number(y) })}
        data-testid="search-year"
      />
      <Select
        size="xs"
        w={160}
        placeholder="全部来稿单位"
        aria-label="来稿单位"
        clearable
        searchable
        data={units.map((u) => ({ value: String(u.id), label: u.name }))}
        value={value.unit === null ? null : String(value.unit)}
        onChange={(u) => onChange({ ...value, unit: u === null ? null : Number(u) })}
        {...unitSearchProps(units)}
        data-testid="search-unit"
      />
    </Group>
  );
}
