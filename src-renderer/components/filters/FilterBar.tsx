/** A list's row of filters; 清除筛选 shows once any filter differs from the unfiltered set. */
import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

export function isFiltered<T>(value: T, none: T): boolean {
  return JSON.stringify(value) !== JSON.stringify(none);
}

/** One field of the filter set changed, the others kept: each control maps onto one list input. */
export function filterSetter<T>(value: T, onChange: (v: T) => void) {
  return <K extends keyof T>(k: K, v: T[K]) => onChange({ ...value, [k]: v });
}

export function FilterBar<T>({ value, none, onChange, children }: { value: T; none: T; onChange: (v: T) => void; children: ReactNode }) {
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      {children}
      {isFiltered(value, none) && (
        <Button variant="subtle" onClick={() => onChange(none)}>
          清除筛选
        </Button>
      )}
    </Group>
  );
}
