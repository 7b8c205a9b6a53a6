import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { UnitKind } from '../api/schemas';
import type { Unit } from '../api/types';
import { writeTx } from '../store/db';
import { stampNow, type Ctx } from './context';

export interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  active: number;
}

type NameKind = 'name' | 'short' | 'alias';
const KIND_WORDS: Record<NameKind, string> = { name: '名称', short: '简称', alias: '别称' };

/** Every unit's short name and aliases, by unit id (full names are on the units rows). */
export function otherNames(ctx: Ctx, unitId?: number): Map<number, { shortName: string | null; aliases: string[] }> {
  const rows = (
    unitId === undefined
      ? ctx.db.prepare("SELECT unit_id, name, kind FROM unit_names WHERE kind <> 'name'").all()
      : ctx.db.prepare("SELECT unit_id, name, kind FROM unit_names WHERE kind <> 'name' AND unit_id = ?").all(unitId)
  ) as { unit_id: number; name: string; kind: NameKind }[];
  const out = new Map<number, { shortName: string | null; aliases: string[] }>();
  for (const r of rows) {
    const e = out.get(r.unit_id) ?? { shortName: null, aliases: [] };
    if (r.kind === 'short') e.shortName = r.name;
    else e.aliases.push(r.name);
    out.set(r.unit_id, e);
  }
  for (const e of out.values()) e.aliases.sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return out;
}

function toUnit(r: UnitRow, names = { shortName: null as string | null, aliases: [] as string[] }): Unit {
  return { id: r.id, name: r.name, kind: r.kind, active: r.active === 1, shortName: names.shortName, aliases: names.aliases };
}

export function loadUnit(ctx: Ctx, id: number): Unit {
  return toUnit(findUnitRow(ctx, id), otherNames(ctx, id).get(id));
}

/**
 * The one resolver of a unit reference: its number, its full name, its short name or any alias.
 * Import's guess, search's filter and every `--unit` option come through here.
 */
export function findUnitRow(ctx: Ctx, ref: number | string): UnitRow {
  const row = (
    typeof ref === 'number'
      ? ctx.db.prepare('SELECT * FROM units WHERE id = ?').get(ref)
      : ctx.db.prepare('SELECT u.* FROM unit_names n JOIN units u ON u.id = n.unit_id WHERE n.name = ?').get(ref.trim())
  ) as UnitRow | undefined;
  if (!row) {
    throw new ApiError(
      'NOT_FOUND',
      typeof ref === 'number'
        ? `没有编号为 ${ref} 的来稿单位。`
        : `没有名称、简称或别称为“${ref}”的来稿单位，请先在“设置 → 来稿单位”中添加，或给已有单位加上这个别称。`,
    );
  }
  return row;
}

export function listUnits(ctx: Ctx, args: OpArgs<'unitList'>): Unit[] {
  const sql = args.includeInactive ? 'SELECT * FROM units ORDER BY id' : 'SELECT * FROM units WHERE active = 1 ORDER BY id';
  const names = otherNames(ctx);
  return (ctx.db.prepare(sql).all() as UnitRow[]).map((r) => toUnit(r, names.get(r.id)));
}

/**
 * A unit's names must not be taken by another unit, whichever kind of name either is; the
 * refusal names the unit that holds it. The schema's primary key on unit_names backs this up.
 */
export function assertNamesFree(ctx: Ctx, wanted: { name: string; kind: NameKind }[], forUnit: string, exceptId?: number): void {
  const seen = new Map<string, NameKind>();
  for (const w of wanted) {
    const before = seen.get(w.name);
    if (before) {
      throw new ApiError('CONFLICT', `“${w.name}”同时填作了本单位的${KIND_WORDS[before]}和${KIND_WORDS[w.kind]}，请只保留一处。`);
    }
    seen.set(w.name, w.kind);
    const holder = ctx.db
      .prepare('SELECT n.kind, u.id, u.name FROM unit_names n JOIN units u ON u.id = n.unit_id WHERE n.name = ?')
      .get(w.name) as { kind: NameKind; id: number; name: string } | undefined;
    if (holder && holder.id !== exceptId) {
      const held = holder.kind === 'name' ? `已有名为“${w.name}”的来稿单位` : `“${w.name}”已是来稿单位“${holder.name}”的${KIND_WORDS[holder.kind]}`;
      throw new ApiError('CONFLICT', `${held}，不能再作为“${forUnit}”的${KIND_WORDS[w.kind]}。名称、简称和别称在所有单位中不能重复。`);
    }
  }
}

export function writeOtherNames(ctx: Ctx, unitId: number, shortName: string | null, aliases: readonly string[]): void {
  ctx.db.prepare("DELETE FROM unit_names WHERE unit_id = ? AND kind <> 'name'").run(unitId);
  const insert = ctx.db.prepare('INSERT INTO unit_names (name, unit_id, kind) VALUES (?, ?, ?)');
  if (shortName) insert.run(shortName, unitId, 'short');
  for (const a of aliases) insert.run(a, unitId, 'alias');
}

export const nameList = (name: string, shortName: string | null, aliases: readonly string[]) => [
  { name, kind: 'name' as const },
  ...(shortName ? [{ name: shortName, kind: 'short' as const }] : []),
  ...aliases.map((a) => ({ name: a, kind: 'alias' as const })),
];

/** A new unit's kind, when not given, follows its name: 镇/乡 → town, 街道 → street, 局/委/办… → department. */
export function guessUnitKind(name: string): UnitKind {
  if (/街道(办事处)?$/.test(name)) return 'street';
  if (/[镇乡]((人民)?政府)?$/.test(name)) return 'town';
  if (/(局|委|办|院|中心|站|所|馆|队|部|处|厅|会|司|室)$/.test(name)) return 'department';
  return 'other';
}

export function addUnit(ctx: Ctx, args: OpArgs<'unitAdd'>): Unit {
  return writeTx(ctx.db, () => {
    const shortName = args.shortName || null;
    const aliases = args.aliases ?? [];
    assertNamesFree(ctx, nameList(args.name, shortName, aliases), args.name);
    const now = stampNow(ctx);
    const info = ctx.db
      .prepare('INSERT INTO units (name, kind, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(args.name, args.kind ?? guessUnitKind(args.name), now, now);
    const id = Number(info.lastInsertRowid);
    writeOtherNames(ctx, id, shortName, aliases);
    return loadUnit(ctx, id);
  });
}

export function updateUnit(ctx: Ctx, args: OpArgs<'unitUpdate'>): Unit {
  return writeTx(ctx.db, () => {
    const row = findUnitRow(ctx, args.unit);
    const current = otherNames(ctx, row.id).get(row.id) ?? { shortName: null, aliases: [] };
    const name = args.name ?? row.name;
    const shortName = args.shortName === undefined ? current.shortName : args.shortName || null;
    const aliases = args.aliases ?? current.aliases;
    assertNamesFree(ctx, nameList(name, shortName, aliases), name, row.id);
    // Short names and aliases go first, so a unit may be renamed to what was its own alias.
    ctx.db.prepare("DELETE FROM unit_names WHERE unit_id = ? AND kind <> 'name'").run(row.id);
    ctx.db
      .prepare('UPDATE units SET name = ?, kind = ?, active = ?, updated_at = ? WHERE id = ?')
      .run(name, args.kind ?? row.kind, args.active === undefined ? row.active : args.active ? 1 : 0, stampNow(ctx), row.id);
    writeOtherNames(ctx, row.id, shortName, aliases);
    return loadUnit(ctx, row.id);
  });
}
