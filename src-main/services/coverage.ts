/**
 * The character-coverage check (docs/layout-checks.md) for an item, an unsaved text in the
 * editor, and a whole issue as it will print. Read-only: it warns, it never refuses.
 */
import type { OpArgs } from '../api/contract';
import type { CoverageReport } from '../api/coverage-types';
import { parseBody } from '../api/text';
import type { Issue } from '../api/types';
import { articleCoverage as checkArticle, issueCoverage as checkIssue } from '../export/coverage';
import { buildIssueModel } from './archive';
import { getArticle } from './articles';
import type { Ctx } from './context';
import { issueArticles, submitIssue } from './issues';

/** A stored item (by id) or the text being edited (title and body), as it prints on its own. */
export function articleCoverage(ctx: Ctx, args: OpArgs<'articleCoverage'>): CoverageReport {
  if (args.id !== undefined) {
    const a = getArticle(ctx, { id: args.id });
    return { chars: checkArticle({ title: a.title, paragraphs: a.paragraphs, source: a.unit }, a.id) };
  }
  const paragraphs = args.paragraphs ?? parseBody(args.body ?? '');
  return { chars: checkArticle({ title: args.title ?? '', paragraphs, source: args.unit ?? null }, null) };
}

/** Everything the issue prints that a user typed, as the Word file would print it now. */
export function issueCoverage(ctx: Ctx, args: OpArgs<'issueCoverage'>): CoverageReport {
  const model = buildIssueModel(ctx, args.id);
  const ids = issueArticles(ctx, args.id).map((a) => a.id);
  return { chars: checkIssue(model, ids) };
}

/** Submitting answers the issue and the characters its fonts lack, so every door can show them. */
export function submitWithCoverage(ctx: Ctx, args: OpArgs<'issueSubmit'>): Issue & CoverageReport {
  const issue = submitIssue(ctx, args);
  return { ...issue, ...issueCoverage(ctx, { id: issue.id }) };
}
