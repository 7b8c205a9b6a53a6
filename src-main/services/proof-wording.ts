/**
 * The office's 规范提法 list (issue 18), kept as dated versions like the scoring rules: the
 * version in force on a date gives the checker its options. Kept apart from proofreading.ts so
 * that registering a draft can read the options without importing the file reader.
 */
import type { OpArgs } from '../api/contract';
import { ApiError } from '../api/errors';
import type { WordingVersion } from '../api/ops/proof';
import { DEFAULT_WORDING, type ProofOptions, type WordingEntry } from '../proof';
import { writeTx } from '../store/db';
import { localDate, stampNow, type Ctx } from './context';

interface WordingRow {
  id: number;
  valid_from: string;
  entries: string;
  thousands: 'plain' | 'any';
  created_at: string;
}

const DEFAULT_VERSION: WordingVersion = { id: null, validFrom: null, entries: [...DEFAULT_WORDING], thousands: 'any', createdAt: null };

function toVersion(r: WordingRow): WordingVersion {
  let entries: WordingEntry[];
  try {
    entries = JSON.parse(r.entries) as WordingEntry[];
    if (!Array.isArray(entries)) throw new Error('not a list');
  } catch {
    throw new ApiError('DB_DAMAGED', `自 ${r.valid_from} 起的规范提法表在数据库中已损坏，无法校对。请从备份恢复数据库。`);
  }
  return { id: r.id, validFrom: r.valid_from, entries, thousands: r.thousands, createdAt: r.created_at };
}

/** The version in force on a date (today by default): the newest saved from that date or before, else the shipped set. */
export function wordingInForce(ctx: Ctx, date?: string): WordingVersion {
  const day = date ?? localDate(ctx.now());
  const row = ctx.db.prepare('SELECT * FROM proof_wording WHERE valid_from <= ? ORDER BY valid_from DESC LIMIT 1').get(day) as WordingRow | undefined;
  return row ? toVersion(row) : DEFAULT_VERSION;
}

export function proofOptions(ctx: Ctx): ProofOptions & { from: string | null } {
  const v = wordingInForce(ctx);
  return { wording: v.entries, thousands: v.thousands, from: v.validFrom };
}

/** Every saved version, newest first, then the shipped default set. */
export function listWording(ctx: Ctx): WordingVersion[] {
  const rows = ctx.db.prepare('SELECT * FROM proof_wording ORDER BY valid_from DESC').all() as WordingRow[];
  return [...rows.map(toVersion), DEFAULT_VERSION];
}

/** `不规范写法 => 规范提法 # 说明` one a line; blank lines and lines starting # are skipped. */
export function parseWordingLines(text: string): WordingEntry[] {
  const entries: WordingEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(.+?)\s*=>\s*(.+?)(?:\s*#\s*(.*))?$/.exec(line);
    const wrong = m?.[1]?.trim() ?? '';
    const right = m?.[2]?.trim() ?? '';
    if (!wrong || !right || wrong === right || wrong.length > 60 || right.length > 60) {
      throw new ApiError('INVALID_INPUT', `规范提法表第${i + 1}行写法有误：“${line.slice(0, 40)}”。每行写作“不规范写法 => 规范提法 # 说明”，两种写法不能相同、各不超过60个字。`);
    }
    entries.push({ wrong, right, ...(m?.[3] ? { note: m[3].trim().slice(0, 200) } : {}) });
  });
  if (entries.length > 500) throw new ApiError('INVALID_INPUT', '规范提法不能超过500条。');
  return entries;
}

export function addWording(ctx: Ctx, args: OpArgs<'proofWordingAdd'>): WordingVersion {
  const entries = args.entries ?? parseWordingLines(args.lines ?? '');
  return writeTx(ctx.db, () => {
    if (ctx.db.prepare('SELECT 1 FROM proof_wording WHERE valid_from = ?').get(args.validFrom)) {
      throw new ApiError('CONFLICT', `已有自 ${args.validFrom} 起的规范提法表。已保存的版本不能修改；如需调整，请另选一个生效日期保存为新版本。`);
    }
    const info = ctx.db
      .prepare('INSERT INTO proof_wording (valid_from, entries, thousands, created_at) VALUES (?, ?, ?, ?)')
        .run(args.validFrom, JSON.stringify(entries), args.thousands ?? 'any', stampNow(ctx));
    return toVersion(ctx.db.prepare('SELECT * FROM proof_wording WHERE id = ?').get(Number(info.lastInsertRowid)) as WordingRow);
  });
}
