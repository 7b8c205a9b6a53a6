/**
 * Personal points (信息员积分), ranking and the 稿酬 ledger: the rows the pure engine
 * (scoring/person-score.ts) needs, loaded with a few queries, and the ledger as Excel.
 */
import path from 'node:path';
import type { OpArgs } from '../api/contract';
import type { FeeExport, FeeLedger } from '../api/ops/liaisons';
import { feeRows, scorePersons, type CreditedDraft, type LiaisonInfo, type PersonData, type PersonDeduction, type PersonScore } from '../scoring/person-score';
import type { Period } from '../scoring/periods';
import { type Ctx } from './context';
import { loadScoreData } from './scoring-load';
import { existingFolder, writeAtomically } from './output-files';
import { safeFileName } from '../export/file-names';
import { liaisonEntry } from './liaisons';

/** From 1 January of the period's end year at the latest: the 100-point bar looks at the whole year. */
export function loadPersonData(ctx: Ctx, period: Period): PersonData {
  const yearStart = `${period.to.slice(0, 4)}-01-01`;
  const from = period.from < yearStart ? period.from : yearStart;
  const base = loadScoreData(ctx, from, period.to);
  const liaisons = ctx.db
    .prepare(
      `SELECT l.id, l.unit_id AS unitId, u.name AS unit, l.name, l.phone, l.valid_from AS validFrom, l.valid_to AS validTo
       FROM liaisons l JOIN units u ON u.id = l.unit_id ORDER BY l.unit_id, l.valid_from`,
    )
    .all() as LiaisonInfo[];
  // Items adopted in the period may come from drafts received before it: credit every draft.
  const drafts = ctx.db
    .prepare('SELECT liaison_id AS liaisonId, received_date AS date, article_id AS articleId FROM submissions WHERE liaison_id IS NOT NULL')
    .all() as CreditedDraft[];
  const deductions = ctx.db
    .prepare('SELECT liaison_id AS liaisonId, points, date FROM deductions WHERE liaison_id IS NOT NULL AND date BETWEEN ? AND ?')
    .all(from, period.to) as PersonDeduction[];
  return { liaisons, rules: base.rules, drafts, adoptions: base.adoptions, instructions: base.instructions, deductions, today: base.today };
}

export function personScore(ctx: Ctx, args: OpArgs<'personScore'>): PersonScore[] {
  return scorePersons(loadPersonData(ctx, args.period), args.period.from, args.period.to);
}

export function feeLedger(ctx: Ctx, period: Period, liaisonId?: number): FeeLedger {
  const rows = feeRows(loadPersonData(ctx, period), period.from, period.to).filter((r) => liaisonId === undefined || r.liaisonId === liaisonId);
  const people = new Map<number, FeeLedger['people'][number]>();
  for (const r of rows) {
    const p = people.get(r.liaisonId) ?? { liaisonId: r.liaisonId, name: r.name, unit: r.unit, items: 0, fee: 0 };
    p.items += 1;
    p.fee += r.fee;
    people.set(r.liaisonId, p);
  }
  return { ...period, rows, people: [...people.values()], total: rows.reduce((s, r) => s + r.fee, 0) };
}

export function liaisonFees(ctx: Ctx, args: OpArgs<'liaisonFees'>): FeeLedger {
  if (args.liaisonId !== undefined) liaisonEntry(ctx, args.liaisonId);
  return feeLedger(ctx, args.period, args.liaisonId);
}

async function feeFile(ctx: Ctx, period: Period): Promise<{ fileName: string; bytes: Buffer; ledger: FeeLedger }> {
  const ledger = feeLedger(ctx, period);
  // Loaded at first use, as every file writer (cli-startup test).
  const { renderFeeXlsx } = await import('../scoring/fee-xlsx');
  return { fileName: `${safeFileName(`${ledger.label}信息员稿酬发放表`)}.xlsx`, bytes: renderFeeXlsx(ledger, ctx.now()), ledger };
}

export async function liaisonFeesFile(ctx: Ctx, args: OpArgs<'liaisonFeesFile'>): Promise<{ fileName: string; base64: string }> {
  const f = await feeFile(ctx, args.period);
  return { fileName: f.fileName, base64: f.bytes.toString('base64') };
}

export async function liaisonFeesExport(ctx: Ctx, args: OpArgs<'liaisonFeesExport'>): Promise<FeeExport> {
  const missing = (dir: string) => `文件夹“${dir}”不存在。请给出一个已有的文件夹，稿酬发放表会保存在其中。`;
  const dir = existingFolder(args.out, { missing, notFolder: missing });
  const f = await feeFile(ctx, args.period);
  const file = path.join(dir, f.fileName);
  writeAtomically(file, f.bytes, { mayBeOpen: true });
  return { xlsx: file, total: f.ledger.total, people: f.ledger.people.length };
}
