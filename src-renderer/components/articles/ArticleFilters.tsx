/** The items list's filters; each maps one-to-one onto an articleList input. */
import { SegmentedControl } from '@mantine/core';
import { CATEGORIES, CATEGORY_LABELS, CLASSIFICATIONS, CLASSIFICATION_LABELS, type Category, type Classification } from '../../../src-main/api/schemas';
import type { Unit } from '../../../src-main/api/types';
import { FilterBar, filterSetter, isFiltered } from '../filters/FilterBar';
import { ChoiceFilter, DateRangeFilter, TitleFilter, UnitFilter } from '../filters/fields';

export interface ArticleFilterValues {
  text: string;
  unit: number | null;
  category: Category | null;
  classification: Classification | null;
  from: string;
  to: string;
  used: 'all' | 'unused' | 'used';
}

export const NO_FILTERS: ArticleFilterValues = { text: '', unit: null, category: null, classification: null, from: '', to: '', used: 'all' };

export function hasFilters(f: ArticleFilterValues): boolean {
  return isFiltered(f, NO_FILTERS);
}

export function ArticleFilters({
  value,
  onChange,
  units,
}: {
  value: ArticleFilterValues;
  onChange: (v: ArticleFilterValues) => void;
  units: Unit[];
}) {
  const set = filterSetter(value, onChange);
  return (
    <FilterBar value={value} none={NO_FILTERS} onChange={onChange}>
      <TitleFilter value={value.text} onChange={(v) => set('text', v)} testid="filter-text" />
      <UnitFilter units={units} value={value.unit} onChange={(v) => set('unit', v)} testid="filter-unit" />
      <ChoiceFilter label="分类" choices={CATEGORIES} labels={CATEGORY_LABELS} value={value.category} onChange={(v) => set('category', v)} w={105} testid="filter-category" />
      <ChoiceFilter
        label="密级"
        choices={CLASSIFICATIONS}
        labels={CLASSIFICATION_LABELS}
        value={value.classification}
        onChange={(v) => set('classification', v)}
        w={95}
        testid="filter-classification"
      />
      <DateRangeFilter label="录入日期" value={value} onChange={onChange} testIds={['filter-from', 'filter-to']} />
      <SegmentedControl
        data={[
          { value: 'all', label: '全部' },
          { value: 'unused', label: '未使用' },
          { value: 'used', label: '已编入' },
        ]}
        value={value.used}
        onChange={(v) => set('used', v as ArticleFilterValues['used'])}
        data-testid="filter-used"
      />
    </FilterBar>
  );
}
