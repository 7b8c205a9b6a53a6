/** A column of the shared table (DataTable), as the pages declare it and the column menu lists it. */
import type { ReactNode } from 'react';

export interface DataColumn<T> {
  /** The column's name; for a sortable one, the list's sort key (api/paging.ts SORTS). */
  id: string;
  header: string;
  /** Width in pixels until the user drags it. */
  width: number;
  sortable?: boolean;
  /** May the user hide it (the title may not). */
  hideable?: boolean;
  align?: 'left' | 'right';
  cell: (row: T) => ReactNode;
}
