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
import { issueArticles } from './issues';
import { submitIssue } from './issue-workflow';
import type { ProofWarning } from '../api/proof-warning';
import { articleErrors } from './proofreading';
import { proofOptions } from './proof-wording';

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

/** The unfixed 错误 of an issue's items (ignored findings left out), for the warning at submit. */
export function issueProofWarning(ctx: Ctx, issueId: number): ProofWarning {
  const options = proofOptions(ctx);
  const proofErrors = issueArticles(ctx, issueId).flatMap((a) => {
    const errors = articleErrors(ctx, a, options);
    if (!errors.length) return [];
    const examples = errors.slice(0, 3).map((f) => `${f.paragraph === null ? '标题' : `第${f.paragraph + 1}段`}“${f.text}”`);
    return [{ articleId: a.id, title: a.title, errors: errors.length, examples }];
  });
  return { proofErrors };
}

/**
 * Submitting answers the issue, the characters its fonts lack and its items' unfixed
 * proofreading 错误, so every door can show them: warnings, the issue is submitted anyway.
 */
export function submitWithCoverage(ctx: Ctx, args: OpArgs<'issueSubmit'>): Issue & CoverageReport & ProofWarning {
  const issue = submitIssue(ctx, args);
  return { ...issue, ...issueCoverage(ctx, { id: issue.id }), ...issueProofWarning(ctx, issue.id) };
}
