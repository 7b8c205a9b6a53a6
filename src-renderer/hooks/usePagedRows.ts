/**
 * The rows of a paged list op (api/paging.ts), fetched a page at a time as a table scrolls:
 * the first page when the filters or the sort change, the next when the table asks for more.
 * An answer to an older query never lands in a newer one's rows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page, SortDir } from '../../src-main/api/paging';
import { errorMessage } from '../api/notify';

export const TABLE_PAGE = 100;

export interface PageRequest {
  sort?: string;
  dir?: SortDir;
  limit: number;
  offset: number;
}

export interface PagedRows<T> {
  rows: T[];
  /** How many rows match, once the first page has come back. */
  total: number | null;
  loading: boolean;
  error: string | null;
  /** Fetches the next page if there is one and none is on its way. */
  more: () => void;
  /** Reads the list again from the start (after a change). */
  reload: () => void;
}

export function usePagedRows<T>(
  fetchPage: (q: PageRequest) => Promise<Page<T>>,
  sort: { id: string; desc: boolean } | null,
  deps: readonly unknown[],
): PagedRows<T> {
  const [rows, setRows] = useState<T[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const query = useRef(0);
  const busy = useRef(false);
  const state = useRef({ rows: 0, total: null as number | null });
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const sortRef = useRef(sort);
  sortRef.current = sort;

  const load = useCallback((offset: number) => {
    const mine = query.current;
    busy.current = true;
    setLoading(true);
    const s = sortRef.current;
    const req: PageRequest = { limit: TABLE_PAGE, offset, ...(s ? { sort: s.id, dir: s.desc ? 'desc' : 'asc' } : {}) };
    fetchRef.current(req).then(
      (p) => {
        if (mine !== query.current) return;
        busy.current = false;
        setRows((old) => {
          const next = offset === 0 ? p.rows : [...old.slice(0, offset), ...p.rows];
          state.current = { rows: next.length, total: p.total };
          return next;
        });
        setTotal(p.total);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== query.current) return;
        busy.current = false;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    query.current++;
    busy.current = false;
    load(0);
    // the caller's deps and the sort say when the query changes
  }, [...deps, sort?.id, sort?.desc, tick]);

  const more = useCallback(() => {
    const { rows: have, total: all } = state.current;
    if (busy.current || all === null || have >= all) return;
    load(have);
  }, [load]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { rows, total, loading, error, more, reload };
}
