import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { UnitKind } from '../api/schemas';
import type { Unit } from '../api/types';
import { writeTx } from '../store/db';
import { stampNow, type Ctx } from './context';

interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  active: number;
}

const toUnit = (r: UnitRow): Unit => ({ id: r.id, name: r.name, kind: r.kind, active: r.active === 1 });

export function findUnitRow(ctx: Ctx, ref: number | string): UnitRow {
  const row = (
    typeof ref === 'number'
      ? ctx.db.prepare('SELECT * FROM units WHERE id = ?').get(ref)
      : ctx.db.prepare('SELECT * FROM units WHERE name = ?').get(ref)
  ) as UnitRow | undefined;
  if (!row) {
    throw new ApiError(
      'NOT_FOUND',
      typeof ref === 'number' ? `没有编号为 ${ref} 的报送单位。` : `没有名为“${ref}”的报送单位，请先在“设置 → 报送单位”中添加。`,
    );
  }
  return row;
}

export function listUnits(ctx: Ctx, args: OpArgs<'unitList'>): Unit[] {
  const sql = args.includeInactive ? 'SELECT * FROM units ORDER BY id' : 'SELECT * FROM units WHERE active = 1 ORDER BY id';
  return (ctx.db.prepare(sql).all() as UnitRow[]).map(toUnit);
}

function assertNameFree(ctx: Ctx, name: string, exceptId?: number): void {
  const other = ctx.db.prepare('SELECT id FROM units WHERE name = ?').get(name) as { id: number } | undefined;
  if (other && other.id !== exceptId) throw new ApiError('CONFLICT', `已有名为“${name}”的报送单位。`);
}

/** A new unit's kind, when not given, follows its name: 镇/乡 → town, 街道 → street, 局/委/办… → department. */
export function guessUnitKind(name: string): UnitKind {
  if (/街道(办事处)?$/.test(name)) return 'street';
  if (/[镇乡]((人民)?政府)?$/.test(name)) return 'town';
  if (/(局|委|办|院|中心|站|所|馆|队|部|处|厅|会|司|室)$/.test(name)) return 'department';
  return 'other';
}

export function addUnit(ctx: Ctx, args: OpArgs<'unitAdd'>): Unit {
  return writeTx(ctx.db, () => {
    assertNameFree(ctx, args.name);
    const now = stampNow(ctx);
    const info = ctx.db
      .prepare('INSERT INTO units (name, kind, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(args.name, args.kind ?? guessUnitKind(args.name), now, now);
    return toUnit(findUnitRow(ctx, Number(info.lastInsertRowid)));
  });
}

export function updateUnit(ctx: Ctx, args: OpArgs<'unitUpdate'>): Unit {
  return writeTx(ctx.db, () => {
    const row = findUnitRow(ctx, args.unit);
    if (args.name !== undefined) assertNameFree(ctx, args.name, row.id);
    ctx.db
      .prepare('UPDATE units SET name = ?, kind = ?, active = ?, updated_at = ? WHERE id = ?')
      .run(
        args.name ?? row.name,
        args.kind ?? row.kind,
        args.active === undefined ? row.active : args.active ? 1 : 0,
        stampNow(ctx),
        row.id,
      );
    return toUnit(findUnitRow(ctx, row.id));
  });
}
