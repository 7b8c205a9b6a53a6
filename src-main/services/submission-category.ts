/**
 * A draft's category (来稿的分类, issue 15): set in the register one draft at a time, or by
 * batch (services/batch.ts calls this in its one transaction). 未定 (null) may be set back.
 * A draft used in a signed issue keeps its category, as it keeps its state (the schema's trigger
 * says so too); a draft already made into an item may still be re-filed, but the item keeps its
 * own category, which is changed in the item.
 */
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { Submission } from '../api/ops/submissions';
import { CATEGORY_LABELS } from '../api/schemas';
import { writeTx } from '../store/db';
import { stampNow, type Ctx } from './context';
import { findRow, loadSubmission, usedIn } from './submissions';

export function setSubmissionCategory(ctx: Ctx, args: OpArgs<'submissionSetCategory'>): Submission {
  return writeTx(ctx.db, () => {
    const row = findRow(ctx, args.id);
    if (row.category === args.category) return loadSubmission(ctx, row.id);
    if (row.state === 'used') {
      const was = row.category === null ? '未定' : `“${CATEGORY_LABELS[row.category]}”`;
      throw new ApiError('FROZEN', `来稿 ${row.id}《${row.title}》已被${usedIn(row)}采用，分类（${was}）不能再改。`);
    }
    ctx.db.prepare('UPDATE submissions SET category = ?, updated_at = ? WHERE id = ?').run(args.category, stampNow(ctx), row.id);
    return loadSubmission(ctx, row.id);
  });
}
