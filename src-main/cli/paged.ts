/**
 * A paged list at the command line. Printed as text, without --limit/--offset, the first
 * SCREEN_PAGE rows and a line saying how many there are and how to see more: a ten-year archive
 * has 10,000 issues, and printing them all took most of a second (issue 14). With --all, or as
 * --json for scripts, every page is read (1000 rows at a time, in the op's own order); with
 * --limit/--offset, the one page asked for.
 */
import { dispatch } from '../wiring/dispatch';
import type { OpName } from '../api/contract';
import { LIMITS } from '../api/schemas';
import type { Page } from '../api/paging';
import type { Ctx } from '../services/context';

export type PagedResult = { all: unknown[] } | { page: Page<unknown>; offset: number };

/** Rows a list prints as text when no page is asked for. */
export const SCREEN_PAGE = 100;

export async function readPages(ctx: Ctx, op: OpName, given: Record<string, unknown>, json: boolean): Promise<PagedResult> {
  const { all: wantsAll, ...input } = given;
  if (input.limit === undefined && input.offset === undefined && !wantsAll && !json) {
    const page = (await dispatch(ctx, op, { ...input, limit: SCREEN_PAGE })) as Page<unknown>;
    return page.total > page.rows.length ? { page, offset: 0 } : { all: page.rows };
  }
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
  const next = r.offset + rows.length < total ? `下一页：--offset ${r.offset + rows.length}；全部列出：--all。` : '';
  return { outcome: rows, footer: `共 ${total} 条，显示${shown}。${next}` };
}
