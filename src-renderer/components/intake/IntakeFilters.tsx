/** The register's filters; each maps one-to-one onto a submissionList input. */
import { SUBMISSION_STATES, SUBMISSION_STATE_LABELS, type SubmissionState } from '../../../src-main/api/ops/submissions';
import type { Unit } from '../../../src-main/api/types';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../src-main/api/schemas';
import { FilterBar, filterSetter, isFiltered } from '../filters/FilterBar';
import { Select } from '@mantine/core';
import { ChoiceFilter, DateRangeFilter, TitleFilter } from '../filters/fields';
import { unitSearchProps } from '../common/unitSearch';

/** 未填单位: drafts registered without a unit, a choice of its own in the unit filter. */
export const NO_UNIT = 'none';

export interface IntakeFilterValues {
  text: string;
  /** A unit's id, NO_UNIT for drafts without one, or null for all. */
  unit: number | typeof NO_UNIT | null;
  state: SubmissionState | null;
  /** A category, NO_CATEGORY for 未定, or null for all. */
  category: Category | typeof NO_CATEGORY | null;
  from: string;
  to: string;
}

/** 分类未定: drafts whose wording did not make their category clear and nobody has said yet. */
export const NO_CATEGORY = 'none';

export const NO_INTAKE_FILTERS: IntakeFilterValues = { text: '', unit: null, state: null, category: null, from: '', to: '' };

export function hasIntakeFilters(f: IntakeFilterValues): boolean {
  return isFiltered(f, NO_INTAKE_FILTERS);
}

export function IntakeFilters({ value, onChange, units }: { value: IntakeFilterValues; onChange: (v: IntakeFilterValues) => void; units: Unit[] }) {
  const set = filterSetter(value, onChange);
  return (
    <FilterBar value={value} none={NO_INTAKE_FILTERS} onChange={onChange}>
      <TitleFilter value={value.text} onChange={(v) => set('text', v)} testid="intake-filter-text" />
      <Select
        label="来稿单位"
        placeholder="全部"
        data={[
          { value: NO_UNIT, label: '未填单位' },
          ...units.map((u) => ({ value: String(u.id), label: (u.active ? u.name : `${u.name}（已停用）`) + (u.shortName ? ` ${u.shortName}` : '') })),
        ]}
        value={value.unit === null ? null : String(value.unit)}
        onChange={(v) => set('unit', v === null || v === NO_UNIT ? v : Number(v))}
        searchable
        clearable
        {...unitSearchProps(units)}
        w={170}
        data-testid="intake-filter-unit"
      />
      <ChoiceFilter label="状态" choices={SUBMISSION_STATES} labels={SUBMISSION_STATE_LABELS} value={value.state} onChange={(v) => set('state', v)} w={110} testid="intake-filter-state" />
      <Select
        label="分类"
        placeholder="全部"
        data={[{ value: NO_CATEGORY, label: '未定' }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]}
        value={value.category}
        onChange={(v) => set('category', v as IntakeFilterValues['category'])}
        clearable
        w={110}
        data-testid="intake-filter-category"
      />
      <DateRangeFilter label="收稿日期" value={value} onChange={onChange} testIds={['intake-filter-from', 'intake-filter-to']} />
    </FilterBar>
  );
}
