/**
 * The issue as the pagination model lays it out (export/pagination.ts): the same model the Word
 * export prints, so the composer's paged preview and the sign dialog's 共 N 页 agree with the file.
 * An issue signed before a layout change keeps its archived file; its layout here is what the
 * current code would print.
 */
import type { OpArgs } from '../api/contract';
import type { IssueLayout } from '../api/layout-types';
import { layoutIssue } from '../export/pagination';
import { buildIssueModel } from './archive';
import type { Ctx } from './context';

export function issueLayout(ctx: Ctx, args: OpArgs<'issueLayout'>): IssueLayout {
  return layoutIssue(buildIssueModel(ctx, args.id));
}
