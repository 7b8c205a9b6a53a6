/**
 * ORDER BY / LIMIT for the paged lists (api/paging.ts): a column from the list's allow-list
 * becomes its SQL expression, followed by the list's tiebreak (the id) in the same direction, so
 * rows that tie keep one order from page to page and no row is shown twice or skipped.
 */
import type { SortDir } from '../api/paging';
import { DEFAULT_PAGE } from '../api/paging';

export interface OrderSpec {
  /** Column name (from api/paging.ts SORTS) → its SQL expression(s), each sorted the same way. */
  columns: Record<string, string | string[]>;
  /** The order when the caller names no column: the one the list's index serves. */
  fallback: string;
  /** The last keys, unique together, e.g. `a.id`. */
  tiebreak: string | string[];
}

export function orderBy(spec: OrderSpec, sort: string | undefined, dir: SortDir | undefined): string {
  if (sort === undefined) return `ORDER BY ${spec.fallback}`;
  const expr = spec.columns[sort];
  // The schema already refused an unknown column; this guards a service that forgot one.
  if (expr === undefined) throw new Error(`no SQL for sort column ${sort}`);
  // asc unless told: the direction a header's first click gives
  const d = dir === 'desc' ? 'DESC' : 'ASC';
  const list = (x: string | string[]) => (Array.isArray(x) ? x : [x]).map((t) => `${t} ${d}`);
  return `ORDER BY ${[...list(expr), ...list(spec.tiebreak)].join(', ')}`;
}

export function pageParams(args: { limit?: number; offset?: number }): [number, number] {
  return [args.limit ?? DEFAULT_PAGE, args.offset ?? 0];
}
