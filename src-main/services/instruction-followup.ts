/**
 * 批示督办: who handles a leader's instruction, by when, what was reported back, whether it is
 * done ("交必办、办必果、果必报"). 逾期 is never stored: an instruction not done whose deadline
 * has passed is overdue on the day it is looked at, so the state cannot go stale.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { FollowState, FollowStatus, InstructionFollowup } from '../api/ops/followup';
import { writeTx } from '../store/db';
import { Where } from '../store/where';
import { localDate, stampNow, type Ctx } from './context';
import { assertNotFuture, instructionEntry, unitNamesOf, type InstructionRow } from './scoring-records';
import { findUnitRow } from './units';

/** An instruction's row with its follow-up columns. */
interface Row extends InstructionRow {
  unit_id: number | null;
  unit: string | null;
  deadline: string | null;
  state: FollowState | null;
  done_date: string | null;
  feedback_text: string | null;
  feedback_name: string | null;
  size: number | null;
  feedback_sha256: string | null;
}

const SELECT = `
  SELECT ins.*, x.title, f.unit_id, u.name AS unit, f.deadline, f.state, f.done_date, f.feedback_text, f.feedback_name,
         length(f.feedback_file) AS size, f.feedback_sha256
  FROM instructions ins JOIN articles x ON x.id = ins.article_id
  LEFT JOIN instruction_followups f ON f.instruction_id = ins.id
  LEFT JOIN units u ON u.id = f.unit_id`;

/** 逾期: not done, and today is after the deadline. */
export function followStatus(state: FollowState, deadline: string | null, today: string): FollowStatus {
  if (state !== 'done' && deadline !== null && today > deadline) return 'overdue';
  return state;
}

type Note = InstructionFollowup['notes'][number];

/** The progress notes of many instructions in one statement (a list of hundreds read them one by one before). */
function notesOf(ctx: Ctx, ids: readonly number[]): Map<number, Note[]> {
  const map = new Map<number, Note[]>();
  if (!ids.length) return map;
  const rows = ctx.db
    .prepare('SELECT instruction_id, id, date, text FROM instruction_notes WHERE instruction_id IN (SELECT value FROM json_each(?)) ORDER BY instruction_id, date, id')
    .all(JSON.stringify(ids)) as (Note & { instruction_id: number })[];
  for (const { instruction_id, ...note } of rows) {
    let list = map.get(instruction_id);
    if (!list) map.set(instruction_id, (list = []));
    list.push(note);
  }
  return map;
}

function toFollowup(r: Row, units: Map<number, string[]>, notes: Map<number, Note[]>, today: string): InstructionFollowup {
  const state = r.state ?? 'todo';
  return {
    ...instructionEntry(r, units),
    handlingUnitId: r.unit_id,
    handlingUnit: r.unit,
    deadline: r.deadline,
    state,
    status: followStatus(state, r.deadline, today),
    doneDate: r.done_date,
    feedbackText: r.feedback_text ?? '',
    feedbackFile: r.feedback_name !== null ? { name: r.feedback_name, size: r.size ?? 0, sha256: r.feedback_sha256 ?? '' } : null,
    notes: notes.get(r.id) ?? [],
  };
}

export function followupOf(ctx: Ctx, id: number, today = localDate(ctx.now())): InstructionFollowup {
  const row = ctx.db.prepare(`${SELECT} WHERE ins.id = ?`).get(id) as Row | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `没有编号为 ${id} 的批示记录。`);
  return toFollowup(row, unitNamesOf(ctx, [row.article_id]), notesOf(ctx, [row.id]), today);
}

/** The follow-up row, made on first use (an instruction recorded before 督办 has none). */
function ensureRow(ctx: Ctx, id: number): void {
  ctx.db.prepare('INSERT INTO instruction_followups (instruction_id, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(id, stampNow(ctx));
}

export function setFollowup(ctx: Ctx, args: OpArgs<'instructionFollowSet'>): InstructionFollowup {
  return writeTx(ctx.db, () => {
    const cur = followupOf(ctx, args.id);
    if (args.deadline !== undefined && args.deadline < cur.date) {
      throw new ApiError('INVALID_INPUT', `办理期限 ${args.deadline} 早于批示日期 ${cur.date}，请填写 ${cur.date} 或以后的日期。`);
    }
    const unitId = args.unit === undefined ? cur.handlingUnitId : findUnitRow(ctx, args.unit).id;
    const state = args.state ?? cur.state;
    if (args.date !== undefined && state !== 'done') throw new ApiError('INVALID_INPUT', '只有“已办结”的批示才填写办结日期；请同时把状态设为已办结（--state done）。');
    let doneDate: string | null = null;
    if (state === 'done') {
      doneDate = args.date ?? (cur.state === 'done' ? cur.doneDate : null) ?? localDate(ctx.now());
      assertNotFuture(ctx, doneDate, '办结日期');
      if (doneDate < cur.date) throw new ApiError('INVALID_INPUT', `办结日期 ${doneDate} 早于批示日期 ${cur.date}，请核对。`);
    }
    ensureRow(ctx, cur.id);
    ctx.db
      .prepare('UPDATE instruction_followups SET unit_id = ?, deadline = ?, state = ?, done_date = ?, updated_at = ? WHERE instruction_id = ?')
      .run(unitId, args.deadline ?? cur.deadline, state, doneDate, stampNow(ctx), cur.id);
    return followupOf(ctx, cur.id);
  });
}

export function addNote(ctx: Ctx, args: OpArgs<'instructionNote'>): InstructionFollowup {
  return writeTx(ctx.db, () => {
    const cur = followupOf(ctx, args.id);
    const date = args.date ?? localDate(ctx.now());
    assertNotFuture(ctx, date, '进展日期');
    if (date < cur.date) throw new ApiError('INVALID_INPUT', `进展日期 ${date} 早于批示日期 ${cur.date}，请核对。`);
    ensureRow(ctx, cur.id);
    ctx.db.prepare('INSERT INTO instruction_notes (instruction_id, date, text, created_at) VALUES (?, ?, ?, ?)').run(cur.id, date, args.text, stampNow(ctx));
    // A note means the handling has begun.
    ctx.db.prepare("UPDATE instruction_followups SET state = 'doing', updated_at = ? WHERE instruction_id = ? AND state = 'todo'").run(stampNow(ctx), cur.id);
    return followupOf(ctx, cur.id);
  });
}

const MAX_FEEDBACK_BYTES = 20 * 1024 * 1024;

function feedbackBytes(args: OpArgs<'instructionFeedback'>): { bytes: Buffer; name: string } | null {
  if (args.base64 !== undefined) return { bytes: Buffer.from(args.base64, 'base64'), name: args.fileName ?? '反馈材料' };
  if (args.path === undefined) return null;
  const file = path.resolve(args.path);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ApiError('INVALID_INPUT', `找不到文件“${file}”。请检查路径是否正确。`);
  }
  if (stat.isDirectory()) throw new ApiError('INVALID_INPUT', `“${file}”是一个文件夹，请给出反馈材料的文件。`);
  if (stat.size > MAX_FEEDBACK_BYTES) throw new ApiError('INVALID_INPUT', `文件有 ${(stat.size / 1024 / 1024).toFixed(1)} MB，反馈材料不超过 20 MB。请检查是否选错了文件。`);
  return { bytes: fs.readFileSync(file), name: path.basename(file) };
}

/** The feedback text and/or file; a file is kept as sent, byte for byte, with its SHA-256. */
export function recordFeedback(ctx: Ctx, args: OpArgs<'instructionFeedback'>): InstructionFollowup {
  const file = feedbackBytes(args);
  if (file && file.bytes.length === 0) throw new ApiError('INVALID_INPUT', `反馈文件“${file.name}”是空的，请检查。`);
  return writeTx(ctx.db, () => {
    const cur = followupOf(ctx, args.id);
    ensureRow(ctx, cur.id);
    if (args.text !== undefined) {
      ctx.db.prepare('UPDATE instruction_followups SET feedback_text = ?, updated_at = ? WHERE instruction_id = ?').run(args.text, stampNow(ctx), cur.id);
    }
    if (file) {
      const sha = crypto.createHash('sha256').update(file.bytes).digest('hex');
      ctx.db
        .prepare('UPDATE instruction_followups SET feedback_name = ?, feedback_file = ?, feedback_sha256 = ?, updated_at = ? WHERE instruction_id = ?')
        .run(file.name, file.bytes, sha, stampNow(ctx), cur.id);
    }
    ctx.db.prepare("UPDATE instruction_followups SET state = 'doing', updated_at = ? WHERE instruction_id = ? AND state = 'todo'").run(stampNow(ctx), cur.id);
    return followupOf(ctx, cur.id);
  });
}

export function feedbackFile(ctx: Ctx, args: OpArgs<'instructionFeedbackFile'>): { fileName: string; base64: string } {
  const cur = followupOf(ctx, args.id);
  const row = ctx.db.prepare('SELECT feedback_name, feedback_file FROM instruction_followups WHERE instruction_id = ?').get(cur.id) as
    | { feedback_name: string | null; feedback_file: Buffer | null }
    | undefined;
  if (!row?.feedback_file || !row.feedback_name) throw new ApiError('NOT_FOUND', `批示记录 ${cur.id} 还没有反馈文件。`);
  return { fileName: row.feedback_name, base64: Buffer.from(row.feedback_file).toString('base64') };
}

export function getFollowup(ctx: Ctx, args: OpArgs<'instructionFollowGet'>): InstructionFollowup {
  return followupOf(ctx, args.id);
}

/** Every instruction with its follow-up, oldest deadline first; `status` filters on the derived state. */
export function listFollowups(ctx: Ctx, args: { status?: FollowStatus | undefined; from?: string | undefined; to?: string | undefined }, today = localDate(ctx.now())): InstructionFollowup[] {
  const w = new Where().when(args.from, 'ins.date >= ?').when(args.to, 'ins.date <= ?');
  const rows = ctx.db.prepare(`${SELECT} ${w} ORDER BY f.deadline IS NULL, f.deadline, ins.date, ins.id LIMIT 5000`).all(...w.params) as Row[];
  const units = unitNamesOf(ctx, rows.map((r) => r.article_id));
  const notes = notesOf(ctx, rows.map((r) => r.id));
  const all = rows.map((r) => toFollowup(r, units, notes, today));
  return args.status === undefined ? all : all.filter((f) => f.status === args.status);
}
