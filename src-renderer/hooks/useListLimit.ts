/**
 * How many rows a long list asks for: a page at a time, up to a ceiling past which the answer
 * is a narrower filter rather than a longer table.
 */
import { useState } from 'react';

const PAGE = 200;
const MOST = 1000;

export interface ListLimit {
  limit: number;
  /** Back to one page, as when the filters change. */
  reset: () => void;
  more: () => void;
  /** False once the ceiling is reached. */
  canGrow: boolean;
}

export function useListLimit(): ListLimit {
  const [limit, setLimit] = useState(PAGE);
  return {
    limit,
    reset: () => setLimit(PAGE),
    more: () => setLimit((l) => Math.min(l + PAGE, MOST)),
    canGrow: limit < MOST,
  };
}
