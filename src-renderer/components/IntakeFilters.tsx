/** The register's filters; each maps one-to-one onto a submissionList input. */
import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { SUBMISSION_STATES, SUBMISSION_STATE_LABELS, type SubmissionState } from '../../src-main/api/ops/submissions';
import type { Unit } from '../../src-main/api/types';

export interface IntakeFilterValues {
  text: string;
  unit: number | null;
  state: SubmissionState | null;
  from: string;
  to: string;
}

export const NO_INTAKE_FILTERS: IntakeFilterValues = { text: '', unit: null, state: null, from: '', to: '' };

export function hasIntakeFilters(f: IntakeFilterValues): boolean {
  return JSON.stringify(f) !== JSON.stringify(NO_INTAKE_FILTERS);
}

export function IntakeFilters({ value, onChange, units }: { value: IntakeFilterValues; onChange: (v: IntakeFilterValues) => void; units: Unit[] }) {
  const set = <K extends keyof IntakeFilterValues>(k: K, v: IntakeFilterValues[K]) => onChange({ ...value, [k]: v });
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        label="标题关键字"
        placeholder="输入标题中的词"
        leftSection={<IconSearch size={14} />}
        value={value.text}
        onChange={(e) => set('text', e.currentTarget.value)}
        w={170}
        data-testid="intake-filter-text"
      />
      <Select
        label="报送单位"
        placeholder="全部"
        data={units.map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name}（已停用）` }))}
        value={value.unit}
        onChange={(v) => set('unit', v)}
        searchable
        clearable
        w={150}
        data-testid="intake-filter-unit"
      />
      <Select
        label="状态"
        placeholder="全部"
        data={SUBMISSION_STATES.map((s) => ({ value: s, label: SUBMISSION_STATE_LABELS[s] }))}
        value={value.state}
        onChange={(v) => set('state', v)}
        clearable
        w={110}
        data-testid="intake-filter-state"
      />
      <TextInput label="收稿日期 从" type="date" value={value.from} onChange={(e) => set('from', e.currentTarget.value)} w={140} data-testid="intake-filter-from" />
      <TextInput label="至" type="date" value={value.to} onChange={(e) => set('to', e.currentTarget.value)} w={140} data-testid="intake-filter-to" />
      {hasIntakeFilters(value) && (
        <Button variant="subtle" onClick={() => onChange(NO_INTAKE_FILTERS)}>
          清除筛选
        </Button>
      )}
    </Group>
  );
}
