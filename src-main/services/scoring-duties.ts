/**
 * What units owe the section: answers to commissions (约稿) by a deadline, a monthly number of
 * drafts, and the deductions the office records by hand.
 */
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { CommissionEntry, CommissionStatus, DeductionEntry, TargetEntry } from '../api/ops/scoring';
import { writeTx } from '../store/db';
import { Where } from '../store/where';
import { localDate, stampNow, type Ctx } from './context';
import { articleUnitMap } from './scoring-load';
import { assertNotFuture, findArticle } from './scoring-records';
import { findUnitRow } from './units';

// ---- commissions ----------------------------------------------------------------------------

interface CommissionUnitRow {
  commission_id: number;
  topic: string;
  deadline: string;
  created_at: string;
  unit_id: number;
  unit: string;
  answered_date: string | null;
  article_id: number | null;
}

export function commissionStatus(deadline: string, answered: string | null, today: string): CommissionStatus {
  if (answered !== null) return answered > deadline ? 'late' : 'onTime';
  return today > deadline ? 'missing' : 'pending';
}

const COMMISSION_SELECT = `
  SELECT c.id AS commission_id, c.topic, c.deadline, c.created_at, cu.unit_id, u.name AS unit, cu.answered_date, cu.article_id
  FROM commissions c JOIN commission_units cu ON cu.commission_id = c.id JOIN units u ON u.id = cu.unit_id`;

function toEntries(ctx: Ctx, rows: CommissionUnitRow[]): CommissionEntry[] {
  const today = localDate(ctx.now());
  const byId = new Map<number, CommissionEntry>();
  for (const r of rows) {
    let c = byId.get(r.commission_id);
    if (!c) byId.set(r.commission_id, (c = { id: r.commission_id, topic: r.topic, deadline: r.deadline, createdAt: r.created_at, units: [] }));
    c.units.push({
      unitId: r.unit_id,
      unit: r.unit,
      answeredDate: r.answered_date,
      articleId: r.article_id,
      status: commissionStatus(r.deadline, r.answered_date, today),
    });
  }
  return [...byId.values()];
}

/** One commission with its units, read alone (not picked out of the whole list). */
export function commissionEntry(ctx: Ctx, id: number): CommissionEntry {
  const rows = ctx.db.prepare(`${COMMISSION_SELECT} WHERE c.id = ? ORDER BY cu.unit_id`).all(id) as CommissionUnitRow[];
  const entry = toEntries(ctx, rows)[0];
  if (!entry) throw new ApiError('NOT_FOUND', `没有编号为 ${id} 的约稿。`);
  return entry;
}

export function addCommission(ctx: Ctx, args: OpArgs<'commissionAdd'>): CommissionEntry {
  return writeTx(ctx.db, () => {
    const ids: number[] = [];
    for (const ref of args.units) {
      const u = findUnitRow(ctx, ref);
      if (ids.includes(u.id)) throw new ApiError('INVALID_INPUT', `约稿单位“${u.name}”重复出现。`);
      ids.push(u.id);
    }
    const info = ctx.db
      .prepare('INSERT INTO commissions (topic, deadline, created_at) VALUES (?, ?, ?)')
      .run(args.topic, args.deadline, stampNow(ctx));
    const id = Number(info.lastInsertRowid);
    const insert = ctx.db.prepare('INSERT INTO commission_units (commission_id, unit_id) VALUES (?, ?)');
    for (const unitId of ids) insert.run(id, unitId);
    return commissionEntry(ctx, id);
  });
}

export function answerCommission(ctx: Ctx, args: OpArgs<'commissionAnswer'>): CommissionEntry {
  return writeTx(ctx.db, () => {
    const c = commissionEntry(ctx, args.id);
    const u = findUnitRow(ctx, args.unit);
    const asked = c.units.find((x) => x.unitId === u.id);
    if (!asked) throw new ApiError('NOT_FOUND', `“${u.name}”不在约稿“${c.topic}”的约稿单位之中。`);
    if (asked.answeredDate !== null) {
      throw new ApiError('CONFLICT', `“${u.name}”已于 ${asked.answeredDate} 登记报送约稿“${c.topic}”，不能重复登记。`);
    }
    const date = args.date ?? localDate(ctx.now());
    assertNotFuture(ctx, date, '报送日期');
    if (args.articleId !== undefined) {
      const a = findArticle(ctx, args.articleId);
      const units = articleUnitMap(ctx, [a.id]).get(a.id) ?? [];
      if (units.length && !units.includes(u.id)) {
        throw new ApiError('INVALID_INPUT', `信息 ${a.id}“${a.title}”不是“${u.name}”报送的，请核对信息编号。`);
      }
    }
    ctx.db
      .prepare('UPDATE commission_units SET answered_date = ?, article_id = ? WHERE commission_id = ? AND unit_id = ?')
      .run(date, args.articleId ?? null, c.id, u.id);
    return commissionEntry(ctx, c.id);
  });
}

export function listCommissions(ctx: Ctx, args: OpArgs<'commissionList'>): CommissionEntry[] {
  const unitId = args.unit === undefined ? undefined : findUnitRow(ctx, args.unit).id;
  const w = new Where()
    .when(args.from, 'c.deadline >= ?')
    .when(args.to, 'c.deadline <= ?')
    .when(unitId, 'c.id IN (SELECT commission_id FROM commission_units WHERE unit_id = ?)');
  const rows = ctx.db.prepare(`${COMMISSION_SELECT} ${w} ORDER BY c.deadline DESC, c.id DESC, cu.unit_id`).all(...w.params) as CommissionUnitRow[];
  return toEntries(ctx, rows);
}

// ---- deductions -----------------------------------------------------------------------------

interface DeductionRow {
  id: number;
  unit_id: number;
  unit: string;
  points: number;
  reason: string;
  date: string;
  created_at: string;
}

const DEDUCTION_SELECT = 'SELECT d.*, u.name AS unit FROM deductions d JOIN units u ON u.id = d.unit_id';

const toDeduction = (r: DeductionRow): DeductionEntry => ({
  id: r.id,
  unitId: r.unit_id,
  unit: r.unit,
  points: r.points,
  reason: r.reason,
  date: r.date,
  createdAt: r.created_at,
});

export function addDeduction(ctx: Ctx, args: OpArgs<'deductionAdd'>): DeductionEntry {
  return writeTx(ctx.db, () => {
    const u = findUnitRow(ctx, args.unit);
    const date = args.date ?? localDate(ctx.now());
    assertNotFuture(ctx, date, '扣分日期');
    const info = ctx.db
      .prepare('INSERT INTO deductions (unit_id, points, reason, date, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(u.id, args.points, args.reason, date, stampNow(ctx));
    return toDeduction(ctx.db.prepare(`${DEDUCTION_SELECT} WHERE d.id = ?`).get(Number(info.lastInsertRowid)) as DeductionRow);
  });
}

export function listDeductions(ctx: Ctx, args: OpArgs<'deductionList'>): DeductionEntry[] {
  const unitId = args.unit === undefined ? undefined : findUnitRow(ctx, args.unit).id;
  const w = new Where().when(unitId, 'd.unit_id = ?').when(args.from, 'd.date >= ?').when(args.to, 'd.date <= ?');
  return (ctx.db.prepare(`${DEDUCTION_SELECT} ${w} ORDER BY d.date DESC, d.id DESC LIMIT 5000`).all(...w.params) as DeductionRow[]).map(toDeduction);
}

export function deleteDeduction(ctx: Ctx, args: OpArgs<'deductionDelete'>): { id: number } {
  return writeTx(ctx.db, () => {
    if (!ctx.db.prepare('SELECT id FROM deductions WHERE id = ?').get(args.id)) {
      throw new ApiError('NOT_FOUND', `没有编号为 ${args.id} 的扣分记录。`);
    }
    ctx.db.prepare('DELETE FROM deductions WHERE id = ?').run(args.id);
    return { id: args.id };
  });
}

// ---- monthly targets ------------------------------------------------------------------------

interface TargetRow {
  unit_id: number;
  unit: string;
  valid_from: string;
  monthly: number;
}

function toTargets(rows: TargetRow[], today: string): TargetEntry[] {
  // The one in force now is, per unit, the latest that starts on or before today.
  const current = new Map<number, string>();
  for (const r of rows) if (r.valid_from <= today && r.valid_from > (current.get(r.unit_id) ?? '')) current.set(r.unit_id, r.valid_from);
  return rows.map((r) => ({
    unitId: r.unit_id,
    unit: r.unit,
    validFrom: r.valid_from,
    monthly: r.monthly,
    current: current.get(r.unit_id) === r.valid_from,
  }));
}

/** A target applies from the first day of the month given (this month by default). */
export function setTarget(ctx: Ctx, args: OpArgs<'targetSet'>): TargetEntry {
  return writeTx(ctx.db, () => {
    const u = findUnitRow(ctx, args.unit);
    const validFrom = `${(args.from ?? localDate(ctx.now())).slice(0, 7)}-01`;
    const now = stampNow(ctx);
    ctx.db
      .prepare(
        `INSERT INTO unit_targets (unit_id, valid_from, monthly, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (unit_id, valid_from) DO UPDATE SET monthly = excluded.monthly, updated_at = excluded.updated_at`,
      )
      .run(u.id, validFrom, args.monthly, now, now);
    const rows = ctx.db
      .prepare('SELECT t.*, u.name AS unit FROM unit_targets t JOIN units u ON u.id = t.unit_id WHERE t.unit_id = ? ORDER BY t.valid_from')
      .all(u.id) as TargetRow[];
    return toTargets(rows, localDate(ctx.now())).find((t) => t.validFrom === validFrom)!;
  });
}

export function listTargets(ctx: Ctx, args: OpArgs<'targetList'>): TargetEntry[] {
  const unitId = args.unit === undefined ? undefined : findUnitRow(ctx, args.unit).id;
  const w = new Where().when(unitId, 't.unit_id = ?');
  const rows = ctx.db
    .prepare(`SELECT t.*, u.name AS unit FROM unit_targets t JOIN units u ON u.id = t.unit_id ${w} ORDER BY t.unit_id, t.valid_from`)
    .all(...w.params) as TargetRow[];
  return toTargets(rows, localDate(ctx.now()));
}
