/**
 * An issue's way from draft to archive: 提交审核, 退回修改, the number it will take, 签发 (the
 * number given in one transaction) and 作废. Composing a draft (items in, order, date) is in
 * issues.ts.
 */
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { Issue, NextNumber } from '../api/types';
import { writeTx } from '../store/db';
import { reindex } from '../store/search-index';
import { appendSeal } from '../store/seal';
import { operatorOf, stampNow, type Ctx } from './context';
import { assertDateInOrder, nextNumbers } from './numbering';
import { assertWithinSeriesLevel } from './classification';
import { findSeriesRow } from './series';
import { assertStatus, findIssueRow, issueArticles, issueLabel, toIssue, type ArticleSnapshot } from './issues';

export function submitIssue(ctx: Ctx, args: OpArgs<'issueSubmit'>): Issue {
  return writeTx(ctx.db, () => {
    const issue = findIssueRow(ctx, args.id);
    assertStatus(issue, ['draft'], '提交审核');
    if (issue.article_count === 0) throw new ApiError('INVALID_STATE', `${issueLabel(issue)}还没有编入任何信息，不能提交审核。`);
    assertWithinSeriesLevel(findSeriesRow(ctx, issue.series_id), issueArticles(ctx, issue.id), `提交${issueLabel(issue)}审核`);
    const now = stampNow(ctx);
    ctx.db
      .prepare("UPDATE issues SET status = 'review', submitted_by = ?, submitted_at = ?, updated_at = ? WHERE id = ?")
      .run(operatorOf(ctx), now, now, issue.id);
    reindex(ctx.db, { issues: [issue.id] });
    return toIssue(ctx, findIssueRow(ctx, issue.id));
  });
}

export function withdrawIssue(ctx: Ctx, args: OpArgs<'issueWithdraw'>): Issue {
  return writeTx(ctx.db, () => {
    const issue = findIssueRow(ctx, args.id);
    assertStatus(issue, ['review'], '退回修改');
    const now = stampNow(ctx);
    ctx.db
      .prepare("UPDATE issues SET status = 'draft', withdrawn_by = ?, withdrawn_at = ?, updated_at = ? WHERE id = ?")
      .run(operatorOf(ctx), now, now, issue.id);
    reindex(ctx.db, { issues: [issue.id] });
    return toIssue(ctx, findIssueRow(ctx, issue.id));
  });
}

export function previewNextNumber(ctx: Ctx, args: OpArgs<'issueNextNumber'>): NextNumber {
  const issue = findIssueRow(ctx, args.id);
  assertStatus(issue, ['draft', 'review'], '预览期号');
  const series = findSeriesRow(ctx, issue.series_id);
  const date = args.date ?? issue.date;
  const year = Number(date.slice(0, 4));
  const n = nextNumbers(ctx, series, year, issue.supplement === 1);
  return { seriesId: series.id, year, number: n.number, totalNumber: n.totalNumber, supplement: issue.supplement === 1 };
}

/**
 * Sign-off: checks and number in one IMMEDIATE transaction. The articles need no copy here: a
 * trigger freezes every article of a signed issue, so their rows are what was signed until a
 * void releases them, and the void takes the copy (see voidIssue).
 * `beforeCommit` lets a later step (the archived Word file) join the same transaction.
 */
export function signIssue(ctx: Ctx, args: OpArgs<'issueSign'>, beforeCommit?: (issue: Issue) => void): Issue {
  return writeTx(ctx.db, () => {
    const issue = findIssueRow(ctx, args.id);
    if (issue.status === 'draft') {
      throw new ApiError('INVALID_STATE', `${issueLabel(issue)}尚未提交审核，不能签发。请先提交审核，审核通过后再签发。`);
    }
    assertStatus(issue, ['review'], '再次签发');
    if (issue.article_count === 0) throw new ApiError('INVALID_STATE', `${issueLabel(issue)}没有任何信息，不能签发。`);
    const date = args.date ?? issue.date;
    const series = findSeriesRow(ctx, issue.series_id);
    assertWithinSeriesLevel(series, issueArticles(ctx, issue.id), `签发${issueLabel(issue)}`);
    const supplement = issue.supplement === 1;
    assertDateInOrder(ctx, series, date, supplement);
    const assigned = nextNumbers(ctx, series, Number(date.slice(0, 4)), supplement);

    const now = stampNow(ctx);
    ctx.db
      .prepare(
        `UPDATE issues SET status = 'signed', date = ?, number = ?, total_number = ?, signed_by = ?, signed_at = ?,
                sign_operator = ?, updated_at = ?, score_rule = ?
         WHERE id = ? AND status = 'review'`,
      )
      // The series' scoring rule is kept with the issue, so changing it later leaves past points alone.
      .run(date, assigned.number, assigned.totalNumber, args.signedBy, now, operatorOf(ctx), now, series.score_rule, issue.id);
    // The name it is printed under stays with the issue, whatever the series is called later.
    ctx.db.prepare('INSERT INTO issue_series_names (issue_id, name) VALUES (?, ?)').run(issue.id, series.name);
    reindex(ctx.db, { issues: [issue.id] });
    const signed = toIssue(ctx, findIssueRow(ctx, issue.id));
    beforeCommit?.(signed);
    // After the stored file (beforeCommit), so the seal covers it.
    appendSeal(ctx.db, issue.id, 'signed', now);
    return signed;
  });
}

export function voidIssue(ctx: Ctx, args: OpArgs<'issueVoid'>): Issue {
  return writeTx(ctx.db, () => {
    const issue = findIssueRow(ctx, args.id);
    if (issue.status === 'voided') throw new ApiError('INVALID_STATE', `${issueLabel(issue)}已经作废（原因：${issue.void_reason}）。`);
    if (issue.status !== 'signed') {
      throw new ApiError('INVALID_STATE', `${issueLabel(issue)}尚未签发，没有期号可作废。不需要的草稿可以直接删除。`);
    }
    const now = stampNow(ctx);
    ctx.db
      .prepare("UPDATE issues SET status = 'voided', void_reason = ?, voided_at = ?, voided_by = ?, updated_at = ? WHERE id = ?")
      .run(args.reason, now, operatorOf(ctx), now, issue.id);
    // The articles go back to the pool for a new issue and may be edited from now on, so the
    // voided issue keeps a copy of each as it was printed (issues signed before version 3
    // already have theirs).
    const release = ctx.db.prepare(
      'UPDATE issue_articles SET live = NULL, snapshot = coalesce(snapshot, ?) WHERE issue_id = ? AND article_id = ?',
    );
    for (const { id, position: _p, brief: _b, ...printed } of issueArticles(ctx, issue.id)) {
      const snap: ArticleSnapshot = printed;
      release.run(JSON.stringify(snap), issue.id, id);
    }
    // A new link in the archive's chain; the signing link stays as it was.
    appendSeal(ctx.db, issue.id, 'voided', now);
    reindex(ctx.db, { issues: [issue.id] });
    return toIssue(ctx, findIssueRow(ctx, issue.id));
  });
}
