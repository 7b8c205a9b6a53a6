/**
 * One table of an item's body, shown as a grid in the editor (issue 19): its title (表题), unit
 * line and header rows above, the cells editable in place, and buttons to add or remove rows
 * and columns at the selected cell. Every change goes out as a whole new table (the pure edits
 * of api/body-table-edit.ts); the editor writes it back into the body's text. A cell, the title
 * and the unit are committed when the field is left or Enter is pressed, so typing a space in
 * the middle of a cell is not trimmed away under the caret.
 */
import { ActionIcon, Box, Button, Group, NumberInput, Text, TextInput, Tooltip } from '@mantine/core';
import { IconColumnInsertLeft, IconColumnInsertRight, IconColumnRemove, IconRowInsertBottom, IconRowInsertTop, IconRowRemove, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type CSSProperties } from 'react';
import { mergeAt, TABLE_LIMITS, type BodyTable } from '../../../src-main/api/body-tables';
import { addColumn, addRow, removeColumn, removeRow, setCaption, setCell, setHeaderRows, setUnit, unitValue } from '../../../src-main/api/body-table-edit';

export interface TableGridProps {
  table: BodyTable;
  /** Which table of the body (0-based), for test ids and labels. */
  index: number;
  readOnly: boolean;
  /** The changed table; null: remove the table. */
  onChange: (table: BodyTable | null) => void;
}

/** A text field that keeps what is typed until it is left or Enter is pressed. */
function useCommitted(value: string, commit: (v: string) => void) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  // What is stored changed under the field (a row or column added or removed): show that.
  useEffect(() => setDraft(value), [value]);
  const done = () => {
    setEditing(false);
    if (draft !== value) commit(draft);
  };
  return {
    value: editing ? draft : value,
    onFocus: () => {
      setDraft(value);
      setEditing(true);
    },
    onChange: (e: { currentTarget: { value: string } }) => setDraft(e.currentTarget.value),
    onBlur: done,
    onKeyDown: (e: { key: string; currentTarget: HTMLElement }) => {
      if (e.key === 'Enter') e.currentTarget.blur();
    },
  };
}

const CELL: CSSProperties = { border: '1px solid var(--mantine-color-gray-5)', padding: 0, minWidth: 56, verticalAlign: 'top' };
const INPUT: CSSProperties = { width: '100%', border: 'none', padding: '3px 6px', font: 'inherit', fontSize: 14, background: 'transparent', outline: 'none' };

function Cell({ text, header, readOnly, span, onCommit, onSelect, selected, testId }: {
  text: string;
  header: boolean;
  readOnly: boolean;
  span: { rowSpan?: number; colSpan?: number };
  onCommit: (v: string) => void;
  onSelect: () => void;
  selected: boolean;
  testId: string;
}) {
  const field = useCommitted(text, onCommit);
  const style: CSSProperties = {
    ...CELL,
    background: header ? 'var(--mantine-color-gray-1)' : undefined,
    outline: selected ? '2px solid var(--mantine-color-blue-5)' : undefined,
    outlineOffset: -2,
  };
  return (
    <td {...span} style={style} data-testid="table-cell" data-header={header || undefined}>
      {readOnly ? (
        <Box px={6} py={3} fz={14} fw={header ? 600 : undefined} ta={header ? 'center' : undefined}>
          {text}
        </Box>
      ) : (
        <input
          {...field}
          onFocus={() => {
            field.onFocus();
            onSelect();
          }}
          aria-label={testId}
          style={{ ...INPUT, fontWeight: header ? 600 : undefined, textAlign: header ? 'center' : undefined }}
        />
      )}
    </td>
  );
}

export function TableGrid({ table, index, readOnly, onChange }: TableGridProps) {
  const [at, setAt] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const rows = table.rows.length;
  const cols = table.rows[0]?.length ?? 1;
  const sel = { row: Math.min(at.row, rows - 1), col: Math.min(at.col, cols - 1) };
  const caption = useCommitted(table.caption, (v) => onChange(setCaption(table, v)));
  const unit = useCommitted(unitValue(table.unit), (v) => onChange(setUnit(table, v)));
  const action = (label: string, icon: React.ReactNode, run: () => BodyTable, disabled: boolean, testId: string) => (
    <Tooltip label={label} key={testId}>
      <ActionIcon variant="default" size="md" aria-label={label} disabled={disabled} onClick={() => onChange(run())} data-testid={testId}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  const full = { rows: rows >= TABLE_LIMITS.rows, cols: cols >= TABLE_LIMITS.cols };
  return (
    <Box data-testid="body-table-grid" data-index={index} style={{ border: '1px solid var(--mantine-color-blue-2)', borderRadius: 4 }} p={6}>
      <Group gap={6} mb={6} wrap="nowrap" align="flex-end">
        <TextInput size="xs" label="表题" placeholder="（可空）" style={{ flex: 1 }} readOnly={readOnly} {...caption} data-testid="table-caption" />
        <TextInput size="xs" label="单位" placeholder="如 亿元（可空）" w={120} readOnly={readOnly} {...unit} data-testid="table-unit" />
        <NumberInput
          size="xs"
          label="表头行数"
          w={80}
          min={0}
          max={rows}
          readOnly={readOnly}
          value={table.headerRows}
          onChange={(v) => typeof v === 'number' && onChange(setHeaderRows(table, v))}
          data-testid="table-header-rows"
        />
      </Group>
      {!readOnly && (
        <Group gap={4} mb={6} wrap="nowrap">
          <Text size="xs" c="dimmed" mr={4} style={{ whiteSpace: 'nowrap' }}>
            第{sel.row + 1}行 第{sel.col + 1}列：
          </Text>
          {action('在上方插入行', <IconRowInsertTop size={16} />, () => addRow(table, sel.row), full.rows, 'table-row-above')}
          {action('在下方插入行', <IconRowInsertBottom size={16} />, () => addRow(table, sel.row + 1), full.rows, 'table-row-below')}
          {action('删除此行', <IconRowRemove size={16} />, () => removeRow(table, sel.row), rows <= 1, 'table-row-remove')}
          {action('在左侧插入列', <IconColumnInsertLeft size={16} />, () => addColumn(table, sel.col), full.cols, 'table-col-left')}
          {action('在右侧插入列', <IconColumnInsertRight size={16} />, () => addColumn(table, sel.col + 1), full.cols, 'table-col-right')}
          {action('删除此列', <IconColumnRemove size={16} />, () => removeColumn(table, sel.col), cols <= 1, 'table-col-remove')}
          <Button size="compact-xs" variant="subtle" color="red" ml="auto" leftSection={<IconTrash size={14} />} onClick={() => onChange(null)} data-testid="table-remove">
            删除表格
          </Button>
        </Group>
      )}
      <Box style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="table-grid">
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r} data-testid="table-grid-row">
                {row.map((text, c) => {
                  const m = mergeAt(table, r, c);
                  if (m && (m.row !== r || m.col !== c)) return null;
                  return (
                    <Cell
                      key={c}
                      text={text}
                      header={r < table.headerRows}
                      readOnly={readOnly}
                      span={m ? { rowSpan: m.rows, colSpan: m.cols } : {}}
                      onCommit={(v) => onChange(setCell(table, r, c, v))}
                      onSelect={() => setAt({ row: r, col: c })}
                      selected={!readOnly && sel.row === r && sel.col === c}
                      testId={`第${r + 1}行第${c + 1}列`}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
    </Box>
  );
}
