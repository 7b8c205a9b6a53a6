/**
 * A paged list at the command line: without --limit/--offset every page is read (1000 rows at
 * a time, in the op's own order) and all rows printed, as the list commands always did; with
 * them, the one page asked for and a line saying how many rows there are in all.
 */
import { dispatch } from '../wiring/dispatch';
import type { OpName } from '../api/contract';
import { LIMITS } from '../api/schemas';
import type { Page } from '../api/paging';
import type { Ctx } from '../services/context';

export type PagedResult = { all: unknown[] } | { page: Page<unknown>; offset: number };

export async function readPages(ctx: Ctx, op: OpName, input: Record<string, unknown>): Promise<PagedResult> {
  if (input.limit !== undefined || input.offset !== undefined) {
    const page = (await dispatch(ctx, op, input)) as Page<unknown>;
    return { page, offset: (input.offset as number | undefined) ?? 0 };
  }
  const all: unknown[] = [];
  for (;;) {
    const page = (await dispatch(ctx, op, { ...input, limit: LIMITS.listLimit, offset: all.length })) as Page<unknown>;
    all.push(...page.rows);
    if (page.rows.length === 0 || all.length >= page.total) return { all };
  }
}

/** What to print (the rows, or the page for --json) and the line under a single page. */
export function pagedOutput(r: PagedResult, json: boolean): { outcome: unknown; footer: string } {
  if ('all' in r) return { outcome: r.all, footer: '' };
  if (json) return { outcome: r.page, footer: '' };
  const { rows, total } = r.page;
  const shown = rows.length ? `第 ${r.offset + 1}–${r.offset + rows.length} 条` : '本页无内容';
  return { outcome: rows, footer: `共 ${total} 条，显示${shown}。` };
}
