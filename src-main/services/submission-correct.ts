/**
 * 更正登记信息: a draft's unit, liaison, phone, received date and title are corrected at any time,
 * also after it was used, with a reason (the reason travels in the operation's input, which the
 * 操作日志 keeps). The original file is never touched: the schema refuses any change to it.
 *
 * The item made from the draft follows the corrected unit and title in the same transaction,
 * unless it is printed in a signed issue (frozen: what was printed stays as printed) or sits in
 * an issue under review (what the director reviews is what gets signed). Either way the result
 * says what was and was not changed, and why.
 */
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { SubmissionCorrectResult } from '../api/ops/submissions';
import type { IssueStatus } from '../api/schemas';
import { writeTx } from '../store/db';
import { reindex } from '../store/search-index';
import { stampNow, type Ctx } from './context';
import { findRow, loadSubmission, resolveUnitId } from './submissions';

interface ItemRow {
  id: number;
  title: string;
  unit_id: number | null;
  status: IssueStatus | null;
  series: string | null;
  year: number | null;
  number: number | null;
  issue_id: number | null;
}

function findItem(ctx: Ctx, id: number): ItemRow {
  return ctx.db
    .prepare(
      `SELECT a.id, a.title, a.unit_id, i.status, s.name AS series, i.year, i.number, i.id AS issue_id
       FROM articles a
       LEFT JOIN issue_articles ia ON ia.article_id = a.id AND ia.live = 1
       LEFT JOIN issues i ON i.id = ia.issue_id
       LEFT JOIN series s ON s.id = i.series_id
       WHERE a.id = ?`,
    )
    .get(id) as ItemRow;
}

/** Why the item cannot follow, or null when it can. */
function holdReason(item: ItemRow): string | null {
  if (item.status === 'signed') {
    return `信息 #${item.id} 已刊登在已签发的《${item.series}》${item.year}年第${item.number}期，保持刊印时的样子，未作改动。如需更正已刊内容，请在新的一期中刊发更正。`;
  }
  if (item.status === 'review') {
    return `信息 #${item.id} 所在的《${item.series}》草稿（期编号 ${item.issue_id}）已提交审核，未作改动。如需同步，请先将该期退回修改，再在“稿件”中修改该信息。`;
  }
  return null;
}

export function correctSubmission(ctx: Ctx, args: OpArgs<'submissionCorrect'>): SubmissionCorrectResult {
  return writeTx(ctx.db, () => {
    const row = findRow(ctx, args.id);
    const unitId = resolveUnitId(ctx, args.unit);
    const next = {
      unit_id: unitId === undefined ? row.unit_id : unitId,
      liaison_name: args.liaisonName ?? row.liaison_name,
      liaison_phone: args.liaisonPhone ?? row.liaison_phone,
      received_date: args.receivedDate ?? row.received_date,
      title: args.title ?? row.title,
    };
    const labels: [keyof typeof next, string][] = [
      ['unit_id', '来稿单位'],
      ['liaison_name', '信息员'],
      ['liaison_phone', '联系电话'],
      ['received_date', '收稿日期'],
      ['title', '标题'],
    ];
    const corrected = labels.filter(([k]) => next[k] !== row[k]).map(([, label]) => label);
    if (corrected.length === 0) {
      throw new ApiError('INVALID_INPUT', `来稿 ${row.id} 的登记事项与给出的内容相同，没有需要更正的地方。请写明要更正的单位、信息员、电话、收稿日期或标题。`);
    }
    ctx.db
      .prepare('UPDATE submissions SET unit_id = ?, liaison_name = ?, liaison_phone = ?, received_date = ?, title = ?, updated_at = ? WHERE id = ?')
      .run(next.unit_id, next.liaison_name, next.liaison_phone, next.received_date, next.title, stampNow(ctx), row.id);
    reindex(ctx.db, { submissions: [row.id] });

    let article: SubmissionCorrectResult['article'] = null;
    const unitChanged = next.unit_id !== row.unit_id;
    const titleChanged = next.title !== row.title;
    if (row.article_id !== null && (unitChanged || titleChanged)) {
      const item = findItem(ctx, row.article_id);
      const held = holdReason(item);
      if (held) article = { id: item.id, followed: [], notFollowed: held };
      else {
        const followed: string[] = [];
        const kept: string[] = [];
        // The item follows where it still says what the draft said; what an editor chose on
        // purpose (another title, another unit) is kept, and the result says so.
        if (unitChanged) {
          if (item.unit_id === row.unit_id || item.unit_id === null) followed.push('来稿单位');
          else kept.push('来稿单位（信息中已另选单位）');
        }
        if (titleChanged) {
          if (item.title === row.title) followed.push('标题');
          else kept.push('标题（信息的标题已经编辑修改过）');
        }
        if (followed.length > 0) {
          const newUnit = followed.includes('来稿单位') ? next.unit_id : item.unit_id;
          // A unit listed as a further (合报) unit of the item becomes its own unit instead.
          if (newUnit !== null) ctx.db.prepare('DELETE FROM article_units WHERE article_id = ? AND unit_id = ?').run(item.id, newUnit);
          ctx.db
            .prepare('UPDATE articles SET unit_id = ?, title = ?, updated_at = ? WHERE id = ?')
            .run(newUnit, followed.includes('标题') ? next.title : item.title, stampNow(ctx), item.id);
          reindex(ctx.db, { articles: [item.id] });
        }
        article = { id: item.id, followed, notFollowed: kept.length ? `信息 #${item.id} 未跟随更正：${kept.join('、')}。` : null };
      }
    }
    return { submission: loadSubmission(ctx, row.id), corrected, article };
  });
}
