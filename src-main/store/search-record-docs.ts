/**
 * What the search index holds for the records of issue 16: a commission (约稿: topic,
 * requirements, the units asked), a leader's instruction (批示: leader, text, handling unit,
 * progress notes, feedback), a liaison officer (信息员: name, unit, phone) and an urgent event
 * (紧急信息: what, where, unit, the reports' notes). search-index.ts writes them like its own
 * kinds; migration 17's triggers say which need writing (store/search-queue.ts).
 *
 * Filter tokens as for the other kinds: kind, year, unit (every unit the record names), state.
 */
import type { DB } from './db-handle';
import { stmt } from './statements';

export type RecordKind = 'commission' | 'instruction' | 'liaison' | 'urgent';

interface RecordText {
  title: string;
  body: string;
  meta: string[];
}

/** A unit's full name and short name, as the office may type either. */
const UNIT_NAMES = `(SELECT group_concat(n.name, ' ') FROM unit_names n WHERE n.unit_id = u.id AND n.kind IN ('name', 'short'))`;

function commissionDoc(db: DB, id: number): RecordText | null {
  const c = stmt(
    db,
    `SELECT c.topic, c.deadline, n.requirements FROM commissions c LEFT JOIN commission_notices n ON n.commission_id = c.id WHERE c.id = ?`,
  ).get(id) as { topic: string; deadline: string; requirements: string | null } | undefined;
  if (!c) return null;
  const units = stmt(db, `SELECT u.id, ${UNIT_NAMES} AS names FROM commission_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.commission_id = ? ORDER BY u.id`).all(id) as {
    id: number;
    names: string;
  }[];
  return {
    title: c.topic,
    body: [c.requirements ?? '', `约稿单位：${units.map((u) => u.names).join('、')}`].join('\n'),
    meta: ['kindcommission', `year${c.deadline.slice(0, 4)}`, ...units.map((u) => `unit${u.id}`)],
  };
}

function instructionDoc(db: DB, id: number): RecordText | null {
  const i = stmt(
    db,
    `SELECT ins.leader, ins.date, ins.text, f.unit_id, f.state, f.feedback_text, ${UNIT_NAMES} AS unit
       FROM instructions ins LEFT JOIN instruction_followups f ON f.instruction_id = ins.id LEFT JOIN units u ON u.id = f.unit_id
      WHERE ins.id = ?`,
  ).get(id) as { leader: string; date: string; text: string; unit_id: number | null; state: string | null; feedback_text: string | null; unit: string | null } | undefined;
  if (!i) return null;
  const notes = stmt(db, 'SELECT text FROM instruction_notes WHERE instruction_id = ? ORDER BY date, id').pluck().all(id) as string[];
  const meta = ['kindinstruction', `year${i.date.slice(0, 4)}`, `state${i.state ?? 'todo'}`];
  if (i.unit_id !== null) meta.push(`unit${i.unit_id}`);
  return { title: i.leader, body: [i.text, i.unit ? `承办单位：${i.unit}` : '', ...notes, i.feedback_text ?? ''].filter(Boolean).join('\n'), meta };
}

/** The years an officer served, for the year filter; one still in office, through the schema's last year. */
function yearsServed(from: string, to: string | null): string[] {
  const last = Number((to ?? '2199').slice(0, 4));
  const years: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= last; y++) years.push(`year${y}`);
  return years;
}

function liaisonDoc(db: DB, id: number): RecordText | null {
  const l = stmt(db, `SELECT l.name, l.phone, l.unit_id, l.valid_from, l.valid_to, ${UNIT_NAMES} AS unit FROM liaisons l JOIN units u ON u.id = l.unit_id WHERE l.id = ?`).get(id) as
    | { name: string; phone: string; unit_id: number; valid_from: string; valid_to: string | null; unit: string }
    | undefined;
  if (!l) return null;
  return {
    title: l.name,
    body: [`${l.unit} 信息员`, l.phone].filter(Boolean).join('\n'),
    meta: ['kindliaison', `unit${l.unit_id}`, `state${l.valid_to === null ? 'active' : 'ended'}`, ...yearsServed(l.valid_from, l.valid_to)],
  };
}

function urgentDoc(db: DB, id: number): RecordText | null {
  const e = stmt(db, `SELECT e.what, e.place, e.unit_id, e.event_time, ${UNIT_NAMES} AS unit FROM urgent_events e JOIN units u ON u.id = e.unit_id WHERE e.id = ?`).get(id) as
    | { what: string; place: string; unit_id: number; event_time: string; unit: string }
    | undefined;
  if (!e) return null;
  const reports = stmt(db, 'SELECT kind, note FROM urgent_reports WHERE event_id = ? ORDER BY reported_at, id').all(id) as { kind: string; note: string }[];
  const reported = reports.some((r) => r.kind === 'upward');
  return {
    title: e.what,
    body: [e.place, e.unit, ...reports.map((r) => r.note)].filter(Boolean).join('\n'),
    meta: ['kindurgent', `unit${e.unit_id}`, `year${e.event_time.slice(0, 4)}`, `state${reported ? 'reported' : 'pending'}`],
  };
}

export const RECORD_BUILDERS: Record<RecordKind, (db: DB, id: number) => RecordText | null> = {
  commission: commissionDoc,
  instruction: instructionDoc,
  liaison: liaisonDoc,
  urgent: urgentDoc,
};

/** Whether the database indexes these records (migration 17 applied): not during older migrations. */
export function indexesRecords(db: DB): boolean {
  return stmt(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'search_queue'").pluck().get() === 1;
}

/** Every record the index should hold, oldest first: the full rebuild's part for these kinds. */
export function recordDocIds(db: DB): [RecordKind, number][] {
  if (!indexesRecords(db)) return [];
  const ids = (kind: RecordKind, sql: string) => (db.prepare(sql).pluck().all() as number[]).map((id): [RecordKind, number] => [kind, id]);
  return [
    ...ids('commission', 'SELECT id FROM commissions ORDER BY id'),
    ...ids('instruction', 'SELECT id FROM instructions ORDER BY id'),
    ...ids('liaison', 'SELECT id FROM liaisons ORDER BY id'),
    ...ids('urgent', 'SELECT id FROM urgent_events ORDER BY id'),
  ];
}
