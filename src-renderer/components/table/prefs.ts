/** A table's column choice and widths, kept on this PC (localStorage): display preferences only. */
import type { ColumnSizingState, VisibilityState } from '@tanstack/react-table';

export interface TablePrefs {
  visibility: VisibilityState;
  sizing: ColumnSizingState;
}

const key = (name: string) => `bulletin.table.${name}`;

export function loadPrefs(name: string): TablePrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(key(name)) ?? '{}') as Partial<TablePrefs>;
    return { visibility: raw.visibility ?? {}, sizing: raw.sizing ?? {} };
  } catch {
    // a damaged or missing entry only means the default layout
    return { visibility: {}, sizing: {} };
  }
}

export function savePrefs(name: string, prefs: TablePrefs): void {
  try {
    localStorage.setItem(key(name), JSON.stringify(prefs));
  } catch {
    // storage full or refused: the layout is simply not remembered
  }
}
