/** 批量操作 beside a table's total: shown once rows are ticked; each item opens the BatchDialog. */
import { Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { BatchDialog, type BatchAction } from './BatchDialog';

export function BatchMenu({ count, actions, onClear }: { count: number; actions: (BatchAction & { key: string })[]; onClear: () => void }) {
  const [open, setOpen] = useState<BatchAction | null>(null);
  if (count === 0) return null;
  return (
    <>
      <Menu position="top-start" withinPortal>
        <Menu.Target>
          <Button size="compact-sm" rightSection={<IconChevronDown size={14} />} data-testid="batch-menu">
            批量操作
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {actions.map((a) => (
            <Menu.Item key={a.key} color={a.danger ? 'red' : undefined} onClick={() => setOpen(a)} data-testid={`batch-action-${a.key}`}>
              {a.title}…
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button size="compact-sm" variant="subtle" onClick={onClear} data-testid="batch-clear">
        取消选择
      </Button>
      <BatchDialog action={open} count={count} onClose={() => setOpen(null)} />
    </>
  );
}
