/**
 * 约稿通知: a commission's written notice (the date it goes out, the requirements, whom to call),
 * the drafts registered against it — each answers for its unit on the day it was received — and
 * the units flagged for being late or missing on commissions too often in a year (the rule's
 * threshold and effect are in the dated rules, scoring/rules.ts `commission.flagAt/flagPoints`).
 */
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { CommissionDetail, CommissionFlag } from '../api/ops/followup';
import { safeFileName } from '../export/file-names';
import { writeTx } from '../store/db';
import { localDate, stampNow, type Ctx } from './context';
import { existingFolder, writeAtomically } from './output-files';
import { commissionEntry, listCommissions } from './scoring-duties';
import { getRules } from './scoring-rules';
import { readSender } from './settings';

interface NoticeRow {
  issued_date: string;
  requirements: string;
  contact: string;
}

export function commissionDetail(ctx: Ctx, id: number): CommissionDetail {
  // the one commission, not the whole list searched (27 ms per call with 2,000 commissions)
  const c = commissionEntry(ctx, id);
  const n = ctx.db.prepare('SELECT issued_date, requirements, contact FROM commission_notices WHERE commission_id = ?').get(id) as NoticeRow | undefined;
  const drafts = ctx.db
    .prepare(
      `SELECT s.id, s.title, u.name AS unit, s.received_date AS receivedDate FROM submissions s LEFT JOIN units u ON u.id = s.unit_id
       WHERE s.commission_id = ? ORDER BY s.received_date, s.id`,
    )
    .all(id) as CommissionDetail['drafts'];
  return {
    ...c,
    notice: { issuedDate: n?.issued_date ?? null, requirements: n?.requirements ?? '', contact: n?.contact ?? '' },
    drafts,
  };
}

export function getCommission(ctx: Ctx, args: OpArgs<'commissionGet'>): CommissionDetail {
  return commissionDetail(ctx, args.id);
}

/** The notice's date: as written, else the day the commission was recorded. */
function noticeDate(ctx: Ctx, c: CommissionDetail): string {
  return c.notice.issuedDate ?? localDate(new Date(c.createdAt));
}

export function setNotice(ctx: Ctx, args: OpArgs<'commissionNoticeSet'>): CommissionDetail {
  return writeTx(ctx.db, () => {
    const c = commissionDetail(ctx, args.id);
    const date = args.date ?? noticeDate(ctx, c);
    const deadline = args.deadline ?? c.deadline;
    if (deadline < date) {
      throw new ApiError('INVALID_INPUT', `截止日期 ${deadline} 早于发出约稿的日期 ${date}。请把截止日期改为 ${date} 或以后。`);
    }
    const answered = c.units.filter((u) => u.answeredDate !== null);
    if (deadline !== c.deadline && answered.length) {
      throw new ApiError('CONFLICT', `约稿“${c.topic}”已有${answered.length}个单位报送，按时或迟报已据原截止日期 ${c.deadline} 判定，不能再改截止日期。`);
    }
    if (deadline !== c.deadline) ctx.db.prepare('UPDATE commissions SET deadline = ? WHERE id = ?').run(deadline, c.id);
    ctx.db
      .prepare(
        `INSERT INTO commission_notices (commission_id, issued_date, requirements, contact, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (commission_id) DO UPDATE SET issued_date = excluded.issued_date, requirements = excluded.requirements,
           contact = excluded.contact, updated_at = excluded.updated_at`,
      )
      .run(c.id, date, args.requirements ?? c.notice.requirements, args.contact ?? c.notice.contact, stampNow(ctx));
    return commissionDetail(ctx, c.id);
  });
}

/** A draft of an asked unit, received on or after the notice's date, answers the commission (migration 14's trigger). */
export function registerDraft(ctx: Ctx, args: OpArgs<'commissionDraft'>): CommissionDetail {
  return writeTx(ctx.db, () => {
    const c = commissionDetail(ctx, args.id);
    const d = ctx.db
      .prepare('SELECT s.id, s.title, s.unit_id, s.received_date, s.commission_id, u.name AS unit FROM submissions s LEFT JOIN units u ON u.id = s.unit_id WHERE s.id = ?')
      .get(args.draftId) as { id: number; title: string; unit_id: number | null; received_date: string; commission_id: number | null; unit: string | null } | undefined;
    if (!d) throw new ApiError('NOT_FOUND', `没有编号为 ${args.draftId} 的来稿。`);
    if (d.commission_id === c.id) throw new ApiError('CONFLICT', `来稿 ${d.id}“${d.title}”已登记为约稿“${c.topic}”的报送。`);
    if (d.commission_id !== null) throw new ApiError('CONFLICT', `来稿 ${d.id}“${d.title}”已登记为另一次约稿（编号 ${d.commission_id}）的报送，一篇来稿只算一次约稿。`);
    if (d.unit_id === null) throw new ApiError('INVALID_INPUT', `来稿 ${d.id}“${d.title}”没有填写来稿单位，请先在来稿登记中补上单位。`);
    if (!c.units.some((u) => u.unitId === d.unit_id)) throw new ApiError('INVALID_INPUT', `来稿 ${d.id} 的来稿单位“${d.unit}”不在约稿“${c.topic}”的约稿单位之中。`);
    const issued = noticeDate(ctx, c);
    if (d.received_date < issued) throw new ApiError('INVALID_INPUT', `来稿 ${d.id} 收于 ${d.received_date}，早于约稿发出的日期 ${issued}，不能算作对本次约稿的报送。`);
    ctx.db.prepare('UPDATE submissions SET commission_id = ? WHERE id = ?').run(c.id, d.id);
    return commissionDetail(ctx, c.id);
  });
}

/** The office printed at the foot: the sender's, else the first series' compiling office. */
export function officeName(ctx: Ctx): string {
  const sender = readSender(ctx).office;
  if (sender) return sender;
  return (ctx.db.prepare("SELECT org FROM series WHERE org <> '' ORDER BY id LIMIT 1").get() as { org: string } | undefined)?.org ?? '';
}

async function noticeFile(ctx: Ctx, id: number): Promise<{ fileName: string; bytes: Buffer }> {
  const c = commissionDetail(ctx, id);
  const { renderNoticeDocx } = await import('../export/followup-docx');
  const bytes = await renderNoticeDocx({ commission: c, office: officeName(ctx), date: noticeDate(ctx, c) });
  return { fileName: `${safeFileName(`约稿通知（${c.topic}）`)}.docx`, bytes };
}

export async function exportNotice(ctx: Ctx, args: OpArgs<'commissionNoticeExport'>): Promise<{ path: string }> {
  const missing = (dir: string) => `文件夹“${dir}”不存在。请给出一个已有的文件夹，约稿通知会保存在其中。`;
  commissionDetail(ctx, args.id); // an unknown commission is named before the folder
  const dir = existingFolder(args.out, { missing, notFolder: missing });
  const f = await noticeFile(ctx, args.id);
  const target = path.join(dir, f.fileName);
  writeAtomically(target, f.bytes, { mayBeOpen: true });
  return { path: target };
}

export async function noticeDownload(ctx: Ctx, args: OpArgs<'commissionNoticeFile'>): Promise<{ fileName: string; base64: string }> {
  const f = await noticeFile(ctx, args.id);
  return { fileName: f.fileName, base64: f.bytes.toString('base64') };
}

/**
 * Units late or missing on `flagAt` or more commissions whose deadline falls in the year (up to
 * `until` and today: a commission still open is not counted), under the rules in force on the year's last
 * judged day. flagAt 0 turns the rule off.
 */
export function commissionFlags(ctx: Ctx, year: number, today = localDate(ctx.now()), until = `${year}-12-31`): CommissionFlag[] {
  const to = until < today ? until : today;
  const rules = getRules(ctx, { date: to }).rules.commission;
  if (rules.flagAt <= 0) return [];
  const byUnit = new Map<number, CommissionFlag>();
  for (const c of listCommissions(ctx, { from: `${year}-01-01`, to })) {
    for (const u of c.units) {
      const late = u.answeredDate !== null && u.answeredDate > c.deadline;
      const missing = u.answeredDate === null && today > c.deadline;
      if (!late && !missing) continue;
      const f = byUnit.get(u.unitId) ?? { unitId: u.unitId, unit: u.unit, year, late: 0, missing: 0, threshold: rules.flagAt, points: rules.flagPoints };
      if (late) f.late += 1;
      else f.missing += 1;
      byUnit.set(u.unitId, f);
    }
  }
  return [...byUnit.values()].filter((f) => f.late + f.missing >= rules.flagAt).sort((a, b) => b.late + b.missing - (a.late + a.missing) || a.unitId - b.unitId);
}

export function listCommissionFlags(ctx: Ctx, args: OpArgs<'commissionFlags'>): CommissionFlag[] {
  return commissionFlags(ctx, args.year ?? Number(localDate(ctx.now()).slice(0, 4)));
}
