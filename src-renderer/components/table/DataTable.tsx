/**
 * The lists' table (issue 15): TanStack Table for the columns (sorting state, widths, which are
 * shown) and TanStack Virtual for the rows, fed page by page by a paged list op. A header click
 * sorts on the server (升序 → 降序 → the list's own order); the total shows under the table;
 * rows are fetched as the user scrolls near the end. Check-boxes select, Shift extends and Ctrl
 * toggles; ↑↓ move, Enter opens, Space ticks. Which columns show and their widths are kept per
 * table in localStorage (a display preference of this PC, nothing the office needs to keep).
 */
import { Checkbox, Group, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnSizingState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { Page } from '../../../src-main/api/paging';
import { usePagedRows, type PageRequest, type PagedRows } from '../../hooks/usePagedRows';
import { ColumnMenu } from './ColumnMenu';
import type { DataColumn } from './columns';
import { loadPrefs, savePrefs } from './prefs';

// The column's shape lives in columns.ts, which ColumnMenu reads too (no import circle).
export type { DataColumn } from './columns';

export interface DataTableProps<T> {
  columns: DataColumn<T>[];
  fetchPage: (q: PageRequest) => Promise<Page<T>>;
  /** The filters: when one changes the list is read again from the top. */
  deps: readonly unknown[];
  rowKey: (row: T) => number;
  /** Where this table's column choice and widths are kept. */
  storageKey: string;
  testId: string;
  rowTestId: string;
  rowAttrs?: (row: T) => Record<string, string | number>;
  onOpen?: (row: T) => void;
  /** Row check-boxes; the page holds the selection. */
  selection?: { ids: ReadonlySet<number>; onChange: (ids: Set<number>) => void };
  /** Shown when nothing matches. */
  empty?: ReactNode;
  height?: string;
  /** Lets the page read the loaded rows and reload after a change. */
  paged?: (p: PagedRows<T>) => void;
  /** Buttons beside the total (batch actions, export). */
  toolbar?: ReactNode;
}

const ROW_HEIGHT = 37;

export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, storageKey, selection } = props;
  const [sorting, setSorting] = useState<SortingState>([]);
  const prefs = useMemo(() => loadPrefs(storageKey), [storageKey]);
  const [visibility, setVisibility] = useState<VisibilityState>(prefs.visibility);
  const [sizing, setSizing] = useState<ColumnSizingState>(prefs.sizing);
  useEffect(() => savePrefs(storageKey, { visibility, sizing }), [storageKey, visibility, sizing]);

  const sort = sorting[0] ?? null;
  const list = usePagedRows(props.fetchPage, sort, props.deps);
  const { paged } = props;
  useEffect(() => paged?.(list), [paged, list]);

  const defs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        // TanStack sorts only columns with an accessor; the server does the sorting here
        accessorFn: (row) => row as unknown,
        header: c.header,
        size: c.width,
        minSize: 48,
        enableSorting: c.sortable ?? false,
        enableHiding: c.hideable ?? true,
        cell: (ctx) => c.cell(ctx.row.original),
      })),
    [columns],
  );
  const table = useReactTable({
    data: list.rows,
    columns: defs,
    state: { sorting, columnVisibility: visibility, columnSizing: sizing },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    onColumnSizingChange: setSizing,
    manualSorting: true,
    enableMultiSort: false,
    // 升序 first, then 降序, then back to the list's own order
    sortDescFirst: false,
    columnResizeMode: 'onChange',
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => String(props.rowKey(r)),
  });

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: list.rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtual.getVirtualItems();
  const lastShown = items.length ? items[items.length - 1]!.index : 0;
  useEffect(() => {
    if (lastShown >= list.rows.length - 30) list.more();
  }, [lastShown, list.rows.length, list.more]);

  const [active, setActive] = useState(-1);
  const anchor = useRef<number | null>(null);
  useEffect(() => setActive(-1), [list.total]);

  const selected = selection?.ids ?? new Set<number>();
  const select = (index: number, e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }, toggle: boolean) => {
    if (!selection) return;
    const id = props.rowKey(list.rows[index]!);
    const next = new Set(selection.ids);
    if (e.shiftKey && anchor.current !== null) {
      const [a, b] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
      for (let i = a; i <= b; i++) next.add(props.rowKey(list.rows[i]!));
    } else if (toggle || e.ctrlKey || e.metaKey) {
      if (next.has(id)) next.delete(id);
      else next.add(id);
      anchor.current = index;
    }
    selection.onChange(next);
  };

  const onRowClick = (index: number, e: MouseEvent) => {
    setActive(index);
    if (selection && (e.shiftKey || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      select(index, e, false);
      return;
    }
    anchor.current = index;
    props.onOpen?.(list.rows[index]!);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    const n = list.rows.length;
    if (!n) return;
    const move = (to: number) => {
      const i = Math.max(0, Math.min(n - 1, to));
      setActive(i);
      virtual.scrollToIndex(i);
      if (e.shiftKey) select(i, e, false);
      else anchor.current = i;
    };
    if (e.key === 'ArrowDown') move(active + 1);
    else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(n - 1);
    else if (e.key === 'Enter' && active >= 0) props.onOpen?.(list.rows[active]!);
    else if (e.key === ' ' && active >= 0) select(active, e, true);
    else return;
    e.preventDefault();
  };

  const shownIds = list.rows.map(props.rowKey);
  const allTicked = shownIds.length > 0 && shownIds.every((id) => selected.has(id));
  const visible = table.getVisibleLeafColumns();
  const width = visible.reduce((w, c) => w + c.getSize(), selection ? 40 : 0);
  const padTop = items.length ? items[0]!.start : 0;
  const padBottom = items.length ? virtual.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div data-testid={props.testId}>
      <div
        ref={scroller}
        tabIndex={0}
        onKeyDown={onKey}
        role="grid"
        aria-rowcount={list.total ?? undefined}
        aria-label="列表（↑↓ 移动，Enter 打开，空格勾选）"
        style={{ height: props.height ?? 'calc(100vh - 300px)', minHeight: 220, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
      >
        <table style={{ width, minWidth: '100%', tableLayout: 'fixed', borderCollapse: 'collapse', fontSize: 14 }}>
          <colgroup>
            {selection && <col style={{ width: 40 }} />}
            {visible.map((c) => (
              <col key={c.id} style={{ width: c.getSize() }} />
            ))}
          </colgroup>
          <thead style={{ position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-gray-0)' }}>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {selection && (
                  <th style={{ padding: '6px 8px', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                    <Checkbox
                      size="xs"
                      aria-label="全选已载入的行"
                      checked={allTicked}
                      indeterminate={!allTicked && shownIds.some((id) => selected.has(id))}
                      onChange={() => selection.onChange(allTicked ? new Set() : new Set(shownIds))}
                      data-testid={`${props.testId}-select-all`}
                    />
                  </th>
                )}
                {g.headers.map((h) => {
                  const c = columns.find((x) => x.id === h.column.id)!;
                  const dir = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                      data-testid={`th-${h.column.id}`}
                      data-sort={dir || undefined}
                      onClick={h.column.getCanSort() ? h.column.getToggleSortingHandler() : undefined}
                      style={{
                        position: 'relative',
                        padding: '6px 8px',
                        textAlign: c.align ?? 'left',
                        fontWeight: 600,
                        whiteSpace: 'nowrap',
                        cursor: h.column.getCanSort() ? 'pointer' : 'default',
                        userSelect: 'none',
                        borderBottom: '1px solid var(--mantine-color-gray-3)',
                      }}
                      title={h.column.getCanSort() ? '点击排序：升序 → 降序 → 默认' : undefined}
                    >
                      <Group gap={4} wrap="nowrap" justify={c.align === 'right' ? 'flex-end' : 'flex-start'}>
                        <span>{c.header}</span>
                        {h.column.getCanSort() &&
                          (dir === 'asc' ? <IconArrowUp size={13} /> : dir === 'desc' ? <IconArrowDown size={13} /> : <IconArrowsSort size={13} opacity={0.35} />)}
                      </Group>
                      <div
                        onMouseDown={h.getResizeHandler()}
                        onClick={(e) => e.stopPropagation()}
                        onDoubleClick={() => h.column.resetSize()}
                        title="拖动调整列宽，双击恢复"
                        style={{ position: 'absolute', right: 0, top: 0, height: '100%', width: 6, cursor: 'col-resize', background: h.column.getIsResizing() ? 'var(--mantine-color-blue-4)' : undefined }}
                      />
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr style={{ height: padTop }}>
                <td colSpan={visible.length + (selection ? 1 : 0)} />
              </tr>
            )}
            {items.map((v) => {
              const row = table.getRowModel().rows[v.index]!;
              const id = props.rowKey(row.original);
              const ticked = selected.has(id);
              return (
                <tr
                  key={row.id}
                  data-index={v.index}
                  data-testid={props.rowTestId}
                  data-id={id}
                  data-selected={ticked || undefined}
                  {...props.rowAttrs?.(row.original)}
                  aria-selected={ticked}
                  onClick={(e) => onRowClick(v.index, e)}
                  style={{
                    height: ROW_HEIGHT,
                    cursor: 'pointer',
                    background: ticked ? 'var(--mantine-color-blue-0)' : v.index === active ? 'var(--mantine-color-gray-1)' : undefined,
                    outline: v.index === active ? '1px solid var(--mantine-color-blue-3)' : undefined,
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                  }}
                >
                  {selection && (
                    <td style={{ padding: '4px 8px' }} onClick={(e) => e.stopPropagation()}>
                      <Checkbox
                        size="xs"
                        aria-label="选择此行"
                        checked={ticked}
                        onChange={() => undefined}
                        onClick={(e) => {
                          setActive(v.index);
                          select(v.index, e, true);
                        }}
                        data-testid="row-check"
                      />
                    </td>
                  )}
                  {row.getVisibleCells().map((cell) => {
                    const c = columns.find((x) => x.id === cell.column.id)!;
                    return (
                      <td key={cell.id} style={{ padding: '4px 8px', overflow: 'hidden', textAlign: c.align ?? 'left' }}>
                        {c.cell(row.original)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr style={{ height: padBottom }}>
                <td colSpan={visible.length + (selection ? 1 : 0)} />
              </tr>
            )}
          </tbody>
        </table>
        {list.total === 0 && !list.loading && <div style={{ padding: 16 }}>{props.empty ?? <Text c="dimmed">没有符合条件的记录。</Text>}</div>}
      </div>
      <Group justify="space-between" mt={6} gap="sm">
        <Group gap="sm">
          <Text size="sm" c="dimmed" data-testid={`${props.testId}-total`}>
            {list.error ? <Text span c="red">{list.error}</Text> : list.total === null ? '载入中…' : `共 ${list.total} 条`}
            {list.total !== null && list.rows.length < list.total ? `（已载入 ${list.rows.length} 条，向下滚动载入更多）` : ''}
          </Text>
          {selection && selected.size > 0 && (
            <Text size="sm" data-testid={`${props.testId}-selected`}>
              已选 {selected.size} 条
            </Text>
          )}
          {props.toolbar}
        </Group>
        <ColumnMenu table={table} columns={columns} />
      </Group>
    </div>
  );
}
