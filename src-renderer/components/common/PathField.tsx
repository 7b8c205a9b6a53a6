/**
 * A path typed or pasted (Explorer's 复制为路径) with the button that acts on it beside it:
 * the field takes the width, the button (the children) stays on its line.
 */
import { Group, TextInput, type MantineSpacing, type TextInputProps } from '@mantine/core';
import type { ReactNode } from 'react';

export function PathField({ onChange, children, mt, ...input }: Omit<TextInputProps, 'onChange'> & { onChange: (v: string) => void; children: ReactNode; mt?: MantineSpacing }) {
  return (
    <Group mt={mt} align="flex-end" wrap="nowrap">
      <TextInput style={{ flex: 1 }} onChange={(e) => onChange(e.currentTarget.value)} {...input} />
      {children}
    </Group>
  );
}
