/** A page's title row with its main actions on the right. */
import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader({ title, hint, children }: { title: string; hint?: ReactNode; children?: ReactNode }) {
  return (
    <Group justify="space-between" mb="sm" wrap="nowrap">
      <Group gap="sm" align="baseline" wrap="nowrap" style={{ minWidth: 0 }}>
        <Title order={3} style={{ whiteSpace: 'nowrap' }}>
          {title}
        </Title>
        {hint && (
          <Text size="sm" c="dimmed" truncate>
            {hint}
          </Text>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap">
        {children}
      </Group>
    </Group>
  );
}
