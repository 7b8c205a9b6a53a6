/**
 * How a search hit on one of issue 16's records reads (the index side is
 * store/search-record-docs.ts): its title, the text the snippet is cut from, the date that
 * places it, its unit and its state, read when the hit is shown.
 */
import type { SearchKind } from '../api/ops/search';
import { stmt } from '../store/statements';
import { localDate, type Ctx } from './context';
import { followStatus } from './instruction-followup';
import type { FollowState } from '../api/ops/followup';

export interface RecordLoaded {
  title: string;
  text: string;
  date: string;
  unit: string | null;
  issueLabel: string | null;
  state: string;
}

type RecordKind = Extract<SearchKind, 'commission' | 'instruction' | 'liaison' | 'urgent'>;

function loadCommission(ctx: Ctx, id: number): RecordLoaded | null {
  const c = stmt(ctx.db, 'SELECT c.topic, c.deadline, n.requirements FROM commissions c LEFT JOIN commission_notices n ON n.commission_id = c.id WHERE c.id = ?').get(id) as
    | { topic: string; deadline: string; requirements: string | null }
    | undefined;
  if (!c) return null;
  const units = stmt(ctx.db, 'SELECT u.name, cu.answered_date FROM commission_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.commission_id = ? ORDER BY u.id').all(id) as {
    name: string;
    answered_date: string | null;
  }[];
  const names = units.map((u) => u.name).join('、');
  return {
    title: c.topic,
    text: [c.requirements ?? '', `约稿单位：${names}`].filter(Boolean).join('\n'),
    date: c.deadline,
    // the units are in the text already, where a matched unit is highlighted: not repeated below it
    unit: null,
    issueLabel: null,
    state: units.every((u) => u.answered_date !== null) ? 'answered' : 'open',
  };
}

function loadInstruction(ctx: Ctx, id: number): RecordLoaded | null {
  const i = stmt(
    ctx.db,
    `SELECT ins.leader, ins.date, ins.text, x.title, f.state, f.deadline, f.feedback_text, u.name AS unit
       FROM instructions ins JOIN articles x ON x.id = ins.article_id
       LEFT JOIN instruction_followups f ON f.instruction_id = ins.id LEFT JOIN units u ON u.id = f.unit_id WHERE ins.id = ?`,
  ).get(id) as
    | { leader: string; date: string; text: string; title: string; state: FollowState | null; deadline: string | null; feedback_text: string | null; unit: string | null }
    | undefined;
  if (!i) return null;
  const notes = stmt(ctx.db, 'SELECT text FROM instruction_notes WHERE instruction_id = ? ORDER BY date, id').pluck().all(id) as string[];
  return {
    title: `${i.leader}批示：${i.title}`,
    text: [i.text, ...notes, i.feedback_text ?? ''].filter(Boolean).join('\n'),
    date: i.date,
    unit: i.unit,
    issueLabel: null,
    state: followStatus(i.state ?? 'todo', i.deadline, localDate(ctx.now())),
  };
}

function loadLiaison(ctx: Ctx, id: number): RecordLoaded | null {
  const l = stmt(ctx.db, 'SELECT l.name, l.phone, l.valid_from, l.valid_to, u.name AS unit FROM liaisons l JOIN units u ON u.id = l.unit_id WHERE l.id = ?').get(id) as
    | { name: string; phone: string; valid_from: string; valid_to: string | null; unit: string }
    | undefined;
  if (!l) return null;
  return {
    title: l.name,
    text: [`${l.unit}信息员`, l.phone ? `电话 ${l.phone}` : '', `任职 ${l.valid_from} 至 ${l.valid_to ?? '今'}`].filter(Boolean).join('　'),
    date: l.valid_from,
    unit: l.unit,
    issueLabel: null,
    state: l.valid_to === null ? 'active' : 'ended',
  };
}

function loadUrgent(ctx: Ctx, id: number): RecordLoaded | null {
  const e = stmt(ctx.db, 'SELECT e.what, e.place, e.event_time, u.name AS unit FROM urgent_events e JOIN units u ON u.id = e.unit_id WHERE e.id = ?').get(id) as
    | { what: string; place: string; event_time: string; unit: string }
    | undefined;
  if (!e) return null;
  const reports = stmt(ctx.db, 'SELECT kind, note FROM urgent_reports WHERE event_id = ? ORDER BY reported_at, id').all(id) as { kind: string; note: string }[];
  return {
    title: e.what,
    text: [e.place, ...reports.map((r) => r.note)].filter(Boolean).join('\n'),
    date: e.event_time.slice(0, 10),
    unit: e.unit,
    issueLabel: null,
    state: reports.some((r) => r.kind === 'upward') ? 'reported' : 'pending',
  };
}

export const RECORD_LOADERS: Record<RecordKind, (ctx: Ctx, id: number) => RecordLoaded | null> = {
  commission: loadCommission,
  instruction: loadInstruction,
  liaison: loadLiaison,
  urgent: loadUrgent,
};
