/**
 * The rules versions (计分规则). A version is saved once and never changed (the schema refuses
 * it); the office changes its rules by saving a new version from a date.
 */
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import { scoreRulesSchema, type RulesVersion } from '../scoring/rules';
import { writeTx } from '../store/db';
import { localDate, stampNow, type Ctx } from './context';

interface RulesRow {
  id: number;
  valid_from: string;
  rules: string;
  created_at: string;
}

function toVersion(r: RulesRow): RulesVersion {
  const parsed = scoreRulesSchema.safeParse(JSON.parse(r.rules));
  if (!parsed.success) {
    throw new ApiError('DB_DAMAGED', `自 ${r.valid_from} 起的计分规则在数据库中已损坏，无法计分。请从备份恢复数据库。`);
  }
  return { id: r.id, validFrom: r.valid_from, rules: parsed.data, createdAt: r.created_at };
}

/** Every version, oldest first: what the scoring engine reads. */
export function loadRules(ctx: Ctx): RulesVersion[] {
  const rows = ctx.db.prepare('SELECT * FROM score_rules ORDER BY valid_from').all() as RulesRow[];
  if (!rows.length) throw new ApiError('DB_DAMAGED', '数据库中没有任何计分规则，无法计分。请从备份恢复数据库。');
  return rows.map(toVersion);
}

export function listRules(ctx: Ctx): RulesVersion[] {
  return loadRules(ctx).reverse();
}

export function getRules(ctx: Ctx, args: OpArgs<'rulesGet'>): RulesVersion {
  const date = args.date ?? localDate(ctx.now());
  const versions = loadRules(ctx);
  return versions.filter((v) => v.validFrom <= date).at(-1) ?? versions[0]!;
}

export function addRules(ctx: Ctx, args: OpArgs<'rulesAdd'>): RulesVersion {
  return writeTx(ctx.db, () => {
    const same = ctx.db.prepare('SELECT id FROM score_rules WHERE valid_from = ?').get(args.validFrom);
    if (same) {
      throw new ApiError(
        'CONFLICT',
        `已有自 ${args.validFrom} 起的计分规则。已保存的版本不能修改；如需调整，请另选一个生效日期保存为新版本。`,
      );
    }
    const info = ctx.db
      .prepare('INSERT INTO score_rules (valid_from, rules, created_at) VALUES (?, ?, ?)')
      .run(args.validFrom, JSON.stringify(args.rules), stampNow(ctx));
    return toVersion(ctx.db.prepare('SELECT * FROM score_rules WHERE id = ?').get(Number(info.lastInsertRowid)) as RulesRow);
  });
}
