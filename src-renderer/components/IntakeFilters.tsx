/** The register's filters; each maps one-to-one onto a submissionList input. */
import { SUBMISSION_STATES, SUBMISSION_STATE_LABELS, type SubmissionState } from '../../src-main/api/ops/submissions';
import type { Unit } from '../../src-main/api/types';
import { FilterBar, filterSetter, isFiltered } from './filters/FilterBar';
import { ChoiceFilter, DateRangeFilter, TitleFilter, UnitFilter } from './filters/fields';

export interface IntakeFilterValues {
  text: string;
  unit: number | null;
  state: SubmissionState | null;
  from: string;
  to: string;
}

export const NO_INTAKE_FILTERS: IntakeFilterValues = { text: '', unit: null, state: null, from: '', to: '' };

export function hasIntakeFilters(f: IntakeFilterValues): boolean {
  return isFiltered(f, NO_INTAKE_FILTERS);
}

export function IntakeFilters({ value, onChange, units }: { value: IntakeFilterValues; onChange: (v: IntakeFilterValues) => void; units: Unit[] }) {
  const set = filterSetter(value, onChange);
  return (
    <FilterBar value={value} none={NO_INTAKE_FILTERS} onChange={onChange}>
      <TitleFilter value={value.text} onChange={(v) => set('text', v)} testid="intake-filter-text" />
      <UnitFilter units={units} value={value.unit} onChange={(v) => set('unit', v)} testid="intake-filter-unit" />
      <ChoiceFilter label="状态" choices={SUBMISSION_STATES} labels={SUBMISSION_STATE_LABELS} value={value.state} onChange={(v) => set('state', v)} w={110} testid="intake-filter-state" />
      <DateRangeFilter label="收稿日期" value={value} onChange={onChange} testIds={['intake-filter-from', 'intake-filter-to']} />
    </FilterBar>
  );
}
