/** The filter controls the lists share; each caller names its own test ids. */
import { Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Unit } from '../../../src-main/api/types';
import { DateField } from '../common/DateField';
import { unitSearchProps } from '../common/unitSearch';

export function TitleFilter({ value, onChange, testid }: { value: string; onChange: (v: string) => void; testid: string }) {
  return (
    <TextInput
      label="标题关键字"
      placeholder="输入标题中的词"
      leftSection={<IconSearch size={14} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={170}
      data-testid={testid}
    />
  );
}

/** Stopped units stay listed, marked, so older entries from them can still be found. */
export function UnitFilter({ units, value, onChange, testid }: { units: Unit[]; value: number | null; onChange: (v: number | null) => void; testid: string }) {
  return (
    <Select
      label="来稿单位"
      placeholder="全部"
      data={units.map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name}（已停用）` }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      {...unitSearchProps<number>(units)}
      w={150}
      data-testid={testid}
    />
  );
}

export function ChoiceFilter<V extends string>(props: {
  label: string;
  choices: readonly V[];
  labels: Record<V, string>;
  value: V | null;
  onChange: (v: V | null) => void;
  w: number;
  testid: string;
}) {
  return (
    <Select
      label={props.label}
      placeholder="全部"
      data={props.choices.map((c) => ({ value: c, label: props.labels[c] }))}
      value={props.value}
      onChange={props.onChange}
      clearable
      w={props.w}
      data-testid={props.testid}
    />
  );
}

/** From and to as typed; the list query takes a date only once it is complete. */
export function DateRangeFilter<T extends { from: string; to: string }>(props: { label: string; value: T; onChange: (v: T) => void; testIds: [string, string] }) {
  const { value, onChange } = props;
  return (
    <>
      <DateField label={`${props.label} 从`} value={value.from} onChange={(v) => onChange({ ...value, from: v })} w={160} data-testid={props.testIds[0]} />
      <DateField label="至" value={value.to} onChange={(v) => onChange({ ...value, to: v })} w={160} data-testid={props.testIds[1]} />
    </>
  );
}
