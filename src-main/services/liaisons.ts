/**
 * Liaison officers (信息员): who writes for each unit, from when to when, and which drafts are
 * theirs. A term is never rewritten: a change ends one and adds the next (the schema keeps the
 * history and refuses overlapping terms; this file says why in words first).
 */
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { DraftAuthor, LiaisonEntry } from '../api/ops/liaisons';
import { writeTx } from '../store/db';
import { localDate, stampNow, type Ctx } from './context';
import { findUnitRow } from './units';

interface LiaisonRow {
  id: number;
  unit_id: number;
  unit: string;
  name: string;
  phone: string;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
  drafts: number;
}

const END = '9999-12-31';
const SELECT = `SELECT l.*, u.name AS unit, (SELECT count(*) FROM submissions s WHERE s.liaison_id = l.id) AS drafts
  FROM liaisons l JOIN units u ON u.id = l.unit_id`;

const toEntry = (r: LiaisonRow, today: string): LiaisonEntry => ({
  id: r.id,
  unitId: r.unit_id,
  unit: r.unit,
  name: r.name,
  phone: r.phone,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  current: r.valid_from <= today && (r.valid_to ?? END) >= today,
  drafts: r.drafts,
  createdAt: r.created_at,
});

const term = (r: { valid_from: string; valid_to: string | null }) => `${r.valid_from} 至 ${r.valid_to ?? '今'}`;

export function liaisonEntry(ctx: Ctx, id: number): LiaisonEntry {
  const row = ctx.db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as LiaisonRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `没有编号为 ${id} 的信息员。`);
  return toEntry(row, localDate(ctx.now()));
}

export function addLiaison(ctx: Ctx, args: OpArgs<'liaisonAdd'>): LiaisonEntry {
  return writeTx(ctx.db, () => {
    const u = findUnitRow(ctx, args.unit);
    const from = args.from ?? localDate(ctx.now());
    const others = ctx.db.prepare('SELECT * FROM liaisons WHERE unit_id = ? ORDER BY valid_from').all(u.id) as LiaisonRow[];
    const open = others.find((o) => o.valid_to === null && o.valid_from < from);
    if (open) {
      throw new ApiError(
        'CONFLICT',
        `“${u.name}”的现任信息员是${open.name}（自 ${open.valid_from} 起）。更换信息员请先结束其任职（bulletin liaison end ${open.id} --to 截止日期），再添加新任。`,
      );
    }
    const clash = others.find((o) => o.valid_from <= END && (o.valid_to ?? END) >= from);
    if (clash) {
      throw new ApiError('CONFLICT', `“${u.name}”的信息员${clash.name}任职于 ${term(clash)}，与自 ${from} 起的任职时间重叠。请核对起始日期。`);
    }
    const info = ctx.db
      .prepare('INSERT INTO liaisons (unit_id, name, phone, valid_from, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(u.id, args.name, args.phone ?? '', from, stampNow(ctx));
    return liaisonEntry(ctx, Number(info.lastInsertRowid));
  });
}

export function endLiaison(ctx: Ctx, args: OpArgs<'liaisonEnd'>): LiaisonEntry {
  return writeTx(ctx.db, () => {
    const l = liaisonEntry(ctx, args.id);
    const to = args.to ?? localDate(ctx.now());
    if (l.validTo !== null) throw new ApiError('CONFLICT', `信息员${l.name}（${l.unit}）的任职已于 ${l.validTo} 结束，不能再次结束。`);
    if (to < l.validFrom) throw new ApiError('INVALID_INPUT', `任职截止日期 ${to} 早于${l.name}的任职起始日期 ${l.validFrom}，请核对日期。`);
    const later = ctx.db.prepare('SELECT count(*) AS n, max(received_date) AS last FROM submissions WHERE liaison_id = ? AND received_date > ?').get(l.id, to) as {
      n: number;
      last: string | null;
    };
    if (later.n > 0) {
      throw new ApiError(
        'CONFLICT',
        `${l.name}名下有 ${later.n} 篇 ${to} 之后收到的来稿（最晚 ${later.last}）。请核对截止日期，或先把这些来稿的作者改为接任的信息员。`,
      );
    }
    ctx.db.prepare('UPDATE liaisons SET valid_to = ? WHERE id = ?').run(to, l.id);
    return liaisonEntry(ctx, l.id);
  });
}

export function listLiaisons(ctx: Ctx, args: OpArgs<'liaisonList'>): LiaisonEntry[] {
  const today = localDate(ctx.now());
  const unitId = args.unit === undefined ? undefined : findUnitRow(ctx, args.unit).id;
  const rows = ctx.db
    .prepare(`${SELECT} WHERE (@unit IS NULL OR l.unit_id = @unit) ORDER BY l.unit_id, l.valid_from, l.id`)
    .all({ unit: unitId ?? null }) as LiaisonRow[];
  const all = rows.map((r) => toEntry(r, today));
  return args.all ? all : all.filter((l) => l.validTo === null || l.validTo >= today);
}

// ---- the author of a draft ---------------------------------------------------------------

function draftAuthor(ctx: Ctx, id: number): DraftAuthor {
  const row = ctx.db.prepare('SELECT id, unit_id, received_date, liaison_name, liaison_id FROM submissions WHERE id = ?').get(id) as
    | { id: number; unit_id: number | null; received_date: string; liaison_name: string; liaison_id: number | null }
    | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `没有编号为 ${id} 的来稿。`);
  const today = localDate(ctx.now());
  const candidates =
    row.unit_id === null
      ? []
      : (ctx.db.prepare(`${SELECT} WHERE l.unit_id = ? ORDER BY l.valid_from DESC`).all(row.unit_id) as LiaisonRow[])
          .map((r) => toEntry(r, today))
          .sort((a, b) => Number(inOffice(b, row.received_date)) - Number(inOffice(a, row.received_date)));
  return {
    submissionId: row.id,
    unitId: row.unit_id,
    receivedDate: row.received_date,
    liaisonName: row.liaison_name,
    author: row.liaison_id === null ? null : liaisonEntry(ctx, row.liaison_id),
    candidates,
  };
}

const inOffice = (l: LiaisonEntry, date: string) => l.validFrom <= date && (l.validTo ?? END) >= date;

export function getSubmissionAuthor(ctx: Ctx, args: OpArgs<'submissionAuthor'>): DraftAuthor {
  return draftAuthor(ctx, args.id);
}

export function setSubmissionAuthor(ctx: Ctx, args: OpArgs<'submissionAuthorSet'>): DraftAuthor {
  return writeTx(ctx.db, () => {
    const d = draftAuthor(ctx, args.id);
    if (args.liaisonId !== null) {
      const l = liaisonEntry(ctx, args.liaisonId);
      if (d.unitId === null) throw new ApiError('INVALID_INPUT', `来稿 ${d.submissionId} 还没有填来稿单位，请先更正来稿单位，再选作者。`);
      if (l.unitId !== d.unitId) {
        const unit = findUnitRow(ctx, d.unitId).name;
        throw new ApiError('INVALID_INPUT', `${l.name}是“${l.unit}”的信息员，不是本来稿单位“${unit}”的信息员。请选择“${unit}”的信息员。`);
      }
      if (!inOffice(l, d.receivedDate)) {
        throw new ApiError('INVALID_INPUT', `来稿收到于 ${d.receivedDate}，${l.name}的任职时间是 ${l.validFrom} 至 ${l.validTo ?? '今'}，不在任。请选择当时在任的信息员。`);
      }
    }
    ctx.db.prepare('UPDATE submissions SET liaison_id = ? WHERE id = ?').run(args.liaisonId, d.submissionId);
    return draftAuthor(ctx, d.submissionId);
  });
}
