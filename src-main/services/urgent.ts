/**
 * Urgent information (紧急信息): events, the unit's report, our reports upward and follow-ups.
 * Lateness is computed each time from the rules in force on the event's day (scoring/
 * urgent-lateness.ts), so a corrected limit shows at once; the deduction it implies is only
 * proposed until someone applies it, which records it through the deductions table in one
 * transaction with the event's link to it (never twice).
 */
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { UrgentEntry, UrgentReport } from '../api/ops/urgent';
import { checkUrgent } from '../scoring/urgent-lateness';
import { rulesAt } from '../scoring/compute';
import type { Level } from '../scoring/rules';
import { writeTx } from '../store/db';
import { localDate, stampNow, type Ctx } from './context';
import { loadRules } from './scoring-rules';
import { liaisonEntry } from './liaisons';
import { findUnitRow } from './units';

interface EventRow {
  id: number;
  unit_id: number;
  unit: string;
  liaison_id: number | null;
  liaison: string | null;
  what: string;
  place: string;
  event_time: string;
  unit_reported_at: string | null;
  deduction_id: number | null;
  created_at: string;
}

interface ReportRow {
  id: number;
  event_id: number;
  kind: UrgentReport['kind'];
  level: Level | null;
  reported_at: string;
  note: string;
}

const SELECT = `SELECT e.*, u.name AS unit, l.name AS liaison FROM urgent_events e JOIN units u ON u.id = e.unit_id
  LEFT JOIN liaisons l ON l.id = e.liaison_id`;

const shown = (t: string) => t.replace('T', ' ');

function toEntries(ctx: Ctx, rows: EventRow[]): UrgentEntry[] {
  if (!rows.length) return [];
  const versions = loadRules(ctx);
  const reports = ctx.db
    .prepare('SELECT * FROM urgent_reports WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY reported_at, id')
    .all(JSON.stringify(rows.map((r) => r.id))) as ReportRow[];
  return rows.map((r) => {
    const mine = reports.filter((x) => x.event_id === r.id).map((x): UrgentReport => ({ id: x.id, kind: x.kind, level: x.level, reportedAt: x.reported_at, note: x.note }));
    const upward = mine.filter((x) => x.kind === 'upward').map((x) => ({ level: x.level!, reportedAt: x.reportedAt }));
    const { checks, proposal } = checkUrgent(rulesAt(versions, r.event_time.slice(0, 10)).rules, {
      what: r.what,
      eventTime: r.event_time,
      unitReportedAt: r.unit_reported_at,
      upward,
    });
    return {
      id: r.id,
      unitId: r.unit_id,
      unit: r.unit,
      liaisonId: r.liaison_id,
      liaison: r.liaison,
      what: r.what,
      place: r.place,
      eventTime: r.event_time,
      unitReportedAt: r.unit_reported_at,
      reports: mine,
      checks,
      proposal,
      deductionId: r.deduction_id,
      withoutUpward: upward.length === 0,
      createdAt: r.created_at,
    };
  });
}

export function urgentEntry(ctx: Ctx, id: number): UrgentEntry {
  const row = ctx.db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as EventRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `没有编号为 ${id} 的紧急信息。`);
  return toEntries(ctx, [row])[0]!;
}

function assertNotFutureTime(ctx: Ctx, t: string, what: string): void {
  const d = ctx.now();
  const p = (n: number) => String(n).padStart(2, '0');
  const now = `${localDate(d)}T${p(d.getHours())}:${p(d.getMinutes())}`;
  if (t > now) throw new ApiError('INVALID_INPUT', `${what}（${shown(t)}）晚于现在（${shown(now)}），请核对时间。`);
}

export function addUrgent(ctx: Ctx, args: OpArgs<'urgentAdd'>): UrgentEntry {
  return writeTx(ctx.db, () => {
    const u = findUnitRow(ctx, args.unit);
    assertNotFutureTime(ctx, args.eventTime, '事发时间');
    if (args.unitReportedAt !== undefined) {
      if (args.unitReportedAt < args.eventTime) {
        throw new ApiError('INVALID_INPUT', `单位报告时间（${shown(args.unitReportedAt)}）早于事发时间（${shown(args.eventTime)}），请核对时间。`);
      }
      assertNotFutureTime(ctx, args.unitReportedAt, '单位报告时间');
    }
    let liaisonId = args.liaisonId ?? null;
    if (liaisonId !== null) {
      const l = liaisonEntry(ctx, liaisonId);
      if (l.unitId !== u.id) throw new ApiError('INVALID_INPUT', `${l.name}是“${l.unit}”的信息员，不是“${u.name}”的信息员。请选择“${u.name}”的信息员。`);
    } else {
      // The officer in office on the event's day reports for the unit.
      const day = args.eventTime.slice(0, 10);
      const row = ctx.db
        .prepare("SELECT id FROM liaisons WHERE unit_id = ? AND valid_from <= ? AND coalesce(valid_to, '9999-12-31') >= ? ORDER BY valid_from DESC LIMIT 1")
        .get(u.id, day, day) as { id: number } | undefined;
      liaisonId = row?.id ?? null;
    }
    const info = ctx.db
      .prepare('INSERT INTO urgent_events (unit_id, liaison_id, what, place, event_time, unit_reported_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(u.id, liaisonId, args.what, args.place ?? '', args.eventTime, args.unitReportedAt ?? null, stampNow(ctx));
    return urgentEntry(ctx, Number(info.lastInsertRowid));
  });
}

export function reportUrgent(ctx: Ctx, args: OpArgs<'urgentReport'>): UrgentEntry {
  return writeTx(ctx.db, () => {
    const e = urgentEntry(ctx, args.id);
    const kind = args.kind ?? 'upward';
    if (kind === 'upward' && args.level === undefined) throw new ApiError('INVALID_INPUT', '向上报送请给出报送级别：city 市级 / province 省级。');
    if (args.at < e.eventTime) throw new ApiError('INVALID_INPUT', `报送时间（${shown(args.at)}）早于事发时间（${shown(e.eventTime)}），请核对时间。`);
    assertNotFutureTime(ctx, args.at, '报送时间');
    ctx.db
      .prepare('INSERT INTO urgent_reports (event_id, kind, level, reported_at, note, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.id, kind, args.level ?? null, args.at, args.note ?? '', stampNow(ctx));
    return urgentEntry(ctx, e.id);
  });
}

export function listUrgent(ctx: Ctx, args: OpArgs<'urgentList'>): UrgentEntry[] {
  const unitId = args.unit === undefined ? null : findUnitRow(ctx, args.unit).id;
  const rows = ctx.db
    .prepare(
      `${SELECT} WHERE (@unit IS NULL OR e.unit_id = @unit) AND (@from IS NULL OR substr(e.event_time, 1, 10) >= @from)
       AND (@to IS NULL OR substr(e.event_time, 1, 10) <= @to)
       AND (@pending = 0 OR NOT EXISTS (SELECT 1 FROM urgent_reports r WHERE r.event_id = e.id AND r.kind = 'upward'))
       ORDER BY e.event_time DESC, e.id DESC LIMIT 5000`,
    )
    .all({ unit: unitId, from: args.from ?? null, to: args.to ?? null, pending: args.pending ? 1 : 0 }) as EventRow[];
  return toEntries(ctx, rows);
}

export function getUrgent(ctx: Ctx, args: OpArgs<'urgentGet'>): UrgentEntry {
  return urgentEntry(ctx, args.id);
}

/** For the dashboard (工作台): events not yet reported upward, oldest first. */
export function urgentWithoutUpwardReport(ctx: Ctx): UrgentEntry[] {
  return listUrgent(ctx, { pending: true }).reverse();
}

export function applyUrgent(ctx: Ctx, args: OpArgs<'urgentApply'>): UrgentEntry {
  return writeTx(ctx.db, () => {
    const e = urgentEntry(ctx, args.id);
    if (e.deductionId !== null) throw new ApiError('CONFLICT', `紧急信息 ${e.id}“${e.what}”的扣分已登记（扣分记录 #${e.deductionId}），不能重复登记。`);
    if (!e.proposal) throw new ApiError('INVALID_INPUT', `紧急信息 ${e.id}“${e.what}”按时报送，按规则不扣分。`);
    const info = ctx.db
      .prepare('INSERT INTO deductions (unit_id, points, reason, date, created_at, liaison_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.unitId, e.proposal.points, e.proposal.reason, e.eventTime.slice(0, 10), stampNow(ctx), e.liaisonId);
    ctx.db.prepare('UPDATE urgent_events SET deduction_id = ? WHERE id = ?').run(Number(info.lastInsertRowid), e.id);
    return urgentEntry(ctx, e.id);
  });
}
