/**
 * Batch actions (issue 15): one transaction around the single-row services, so every row meets
 * the same rules as when changed alone (a frozen item, a draft already used …). The first row
 * that may not change refuses the whole batch: the transaction rolls back, the refusal names
 * the row and why, and the database is as it was.
 */
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { BatchResult } from '../api/ops/batch';
import { writeTx } from '../store/db';
import { reindex } from '../store/search-index';
import type { Ctx } from './context';
import { deleteArticle, editArticle, getArticle } from './articles';
import { addArticlesToIssue } from './issues';
import { findRow, resolveUnitId, setSubmissionState, usedIn } from './submissions';
import { correctSubmission } from './submission-correct';
import { setSubmissionCategory } from './submission-category';
import { findUnitRow } from './units';

const unique = (ids: number[]) => [...new Set(ids)];

/** Runs the batch; any refusal inside is re-said as the whole batch's, with nothing changed. */
function allOrNothing(ctx: Ctx, what: string, run: (r: BatchResult) => void): BatchResult {
  try {
    return writeTx(ctx.db, () => {
      const r: BatchResult = { changed: [], unchanged: [] };
      run(r);
      return r;
    });
  } catch (e) {
    if (e instanceof ApiError) throw new ApiError(e.code, `${what}未执行，没有任何改动：${e.message}`, e.fields);
    throw e;
  }
}

export function submissionBatch(ctx: Ctx, args: OpArgs<'submissionBatch'>): BatchResult {
  const ids = unique(args.ids);
  return allOrNothing(ctx, `批量处理 ${ids.length} 份来稿`, (r) => {
    const unitId = args.action === 'setUnit' ? resolveUnitId(ctx, args.unit)! : null;
    for (const id of ids) {
      const row = findRow(ctx, id);
      if (args.action === 'setUnit') {
        if (row.unit_id === unitId) {
          r.unchanged.push(id);
          continue;
        }
        if (row.unit_id !== null && !args.reason) {
          // Filling in a missing unit is routine; replacing one a unit wrote is a correction.
          const to = findUnitRow(ctx, unitId!).name;
          throw new ApiError('INVALID_INPUT', `来稿 ${id}《${row.title}》已填来稿单位“${row.unit}”，改为“${to}”属于更正登记事项，请写明原因。`, {
            reason: '请写明更正原因',
          });
        }
        correctSubmission(ctx, { id, unit: unitId, reason: args.reason || '批量补填来稿单位' });
      } else if (args.action === 'setState') {
        if (row.state === args.state && (args.state !== 'unused' || row.state_reason === args.reason)) {
          r.unchanged.push(id);
          continue;
        }
        setSubmissionState(ctx, { id, state: args.state!, reason: args.reason });
      } else if (args.action === 'setCategory') {
        if (row.category === args.category) {
          r.unchanged.push(id);
          continue;
        }
        setSubmissionCategory(ctx, { id, category: args.category! });
      } else {
        if (row.state === 'used') throw new ApiError('FROZEN', `来稿 ${id}《${row.title}》已被${usedIn(row)}采用，登记须永久保留，不能删除。`);
        if (row.article_id !== null) {
          throw new ApiError('INVALID_STATE', `来稿 ${id}《${row.title}》已编辑成信息 #${row.article_id}，不能删除。如确属误登，请先删除该信息。`);
        }
        if (row.state === 'forwarded') throw new ApiError('FROZEN', `来稿 ${id}《${row.title}》已上报，登记须保留以备核对，不能删除。`);
        ctx.db.prepare('DELETE FROM submissions WHERE id = ?').run(id);
        reindex(ctx.db, { submissions: [id] });
      }
      r.changed.push(id);
    }
  });
}

export function articleBatch(ctx: Ctx, args: OpArgs<'articleBatch'>): BatchResult {
  const ids = unique(args.ids);
  return allOrNothing(ctx, `批量处理 ${ids.length} 条稿件`, (r) => {
    const unitId = args.action === 'setUnit' ? resolveUnitId(ctx, args.unit)! : null;
    if (args.action === 'addToIssue') {
      for (const id of ids) getArticle(ctx, { id });
      addArticlesToIssue(ctx, { id: args.issueId!, articleIds: ids });
      r.changed.push(...ids);
      return;
    }
    for (const id of ids) {
      const a = getArticle(ctx, { id });
      if (args.action === 'setUnit' || args.action === 'setCategory') {
        if ((args.action === 'setUnit' && a.unitId === unitId) || (args.action === 'setCategory' && a.category === args.category)) {
          r.unchanged.push(id);
          continue;
        }
        editArticle(ctx, args.action === 'setUnit' ? { id, unit: unitId } : { id, category: args.category });
      } else {
        deleteArticle(ctx, { id });
      }
      r.changed.push(id);
    }
  });
}
