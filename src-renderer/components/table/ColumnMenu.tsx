/** 列: which columns a table shows (the choice is remembered with the widths). */
import { Button, Checkbox, Menu } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import type { Table } from '@tanstack/react-table';
import type { DataColumn } from './columns';

export function ColumnMenu<T>({ table, columns }: { table: Table<T>; columns: DataColumn<T>[] }) {
  return (
    <Menu closeOnItemClick={false} position="bottom-end">
      <Menu.Target>
        <Button size="compact-sm" variant="subtle" leftSection={<IconColumns size={14} />} data-testid="table-columns">
          列
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {table.getAllLeafColumns().map((c) => (
          <Menu.Item key={c.id} disabled={!c.getCanHide()} onClick={() => c.toggleVisibility()} data-testid={`column-toggle-${c.id}`}>
            <Checkbox size="xs" readOnly checked={c.getIsVisible()} label={columns.find((x) => x.id === c.id)?.header ?? c.id} />
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => table.resetColumnSizing(true)}>恢复默认列宽</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
