/** The empty state of a page: what is missing and what to do first. */
import { EmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function EmptyHint({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <EmptyState
      my="xl"
      icon={<IconInbox size={36} stroke={1.5} />}
      withIndicatorBackground
      title={title}
      description={children}
      data-testid="empty-state"
    >
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
