/**
 * Units in and out by spreadsheet: import adds the units a sheet names and updates those it
 * already knows (by full name), in one transaction, refused as a whole with every row's reason
 * when any row cannot go in; export writes the list so that importing it back changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { UnitKind } from '../api/schemas';
import type { UnitFile, UnitImportReport, UnitImportStatus } from '../api/ops/units';
import { writeTx } from '../store/db';
import { stampNow, type Ctx } from './context';
import { writeAtomically } from './output-files';
import { assertNamesFree, guessUnitKind, listUnits, nameList, otherNames, writeOtherNames, type UnitRow } from './units';
import { parseUnitText, problemsMessage, readUnitFile, unitWorkbook, type UnitSheet, type UnitSheetRow } from './unit-sheet';

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

interface Wanted {
  row: UnitSheetRow;
  existing: UnitRow | undefined;
  kind: UnitKind;
  active: boolean;
  shortName: string | null;
  aliases: string[];
  status: UnitImportStatus;
}

/** What each row asks for, against what the database holds now. */
function plan(ctx: Ctx, rows: readonly UnitSheetRow[]): Wanted[] {
  const names = otherNames(ctx);
  const find = ctx.db.prepare('SELECT * FROM units WHERE name = ?');
  return rows.map((row) => {
    const existing = find.get(row.name) as UnitRow | undefined;
    const current = existing ? (names.get(existing.id) ?? { shortName: null, aliases: [] }) : { shortName: null, aliases: [] };
    const w = {
      row,
      existing,
      kind: row.kind ?? existing?.kind ?? guessUnitKind(row.name),
      active: row.active ?? (existing ? existing.active === 1 : true),
      // A sheet often repeats the full name as the short name: that is no short name.
      shortName: row.shortName === undefined ? current.shortName : row.shortName && row.shortName !== row.name ? row.shortName : null,
      aliases: (row.aliases ?? current.aliases).filter((a) => a !== row.name).sort(byName),
    };
    const same =
      existing !== undefined &&
      w.kind === existing.kind &&
      w.active === (existing.active === 1) &&
      w.shortName === current.shortName &&
      w.aliases.join('\n') === [...current.aliases].sort(byName).join('\n');
    return { ...w, status: existing === undefined ? 'added' : same ? 'unchanged' : 'updated' };
  });
}

/**
 * Writes the rows in one transaction (nested in the caller's, if any). Every row is tried, so
 * the refusal lists every row that cannot go in; then nothing is kept.
 */
export function applyUnitRows(ctx: Ctx, rows: readonly UnitSheetRow[]): UnitImportReport {
  return writeTx(ctx.db, () => {
    const wanted = plan(ctx, rows);
    const changed = wanted.filter((w) => w.status === 'updated');
    // Short names and aliases of the units that change are let go first, so two rows may swap one.
    const drop = ctx.db.prepare("DELETE FROM unit_names WHERE unit_id = ? AND kind <> 'name'");
    for (const w of changed) drop.run(w.existing!.id);
    const now = stampNow(ctx);
    const insert = ctx.db.prepare('INSERT INTO units (name, kind, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    const update = ctx.db.prepare('UPDATE units SET kind = ?, active = ?, updated_at = ? WHERE id = ?');
    const problems: string[] = [];
    for (const w of wanted) {
      if (w.status === 'unchanged') continue;
      try {
        assertNamesFree(ctx, nameList(w.row.name, w.shortName, w.aliases), w.row.name, w.existing?.id);
        let id: number;
        if (w.existing) {
          update.run(w.kind, w.active ? 1 : 0, now, w.existing.id);
          id = w.existing.id;
        } else {
          id = Number(insert.run(w.row.name, w.kind, w.active ? 1 : 0, now, now).lastInsertRowid);
        }
        writeOtherNames(ctx, id, w.shortName, w.aliases);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        problems.push(`第${w.row.row}行：${e.message.replace(/。$/, '')}`);
      }
    }
    if (problems.length) throw new ApiError('CONFLICT', problemsMessage(problems));
    const count = (s: UnitImportStatus) => wanted.filter((w) => w.status === s).length;
    return {
      added: count('added'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      units: wanted.map((w) => ({ row: w.row.row, name: w.row.name, status: w.status })),
    };
  });
}

/** The file's bytes: from a path on this PC, or uploaded (browser mode, the set-up's file button). */
function fileBytes(args: { path?: string | undefined; base64?: string | undefined; fileName?: string | undefined }): { bytes: Buffer; name: string } {
  if (args.base64 !== undefined) return { bytes: Buffer.from(args.base64, 'base64'), name: args.fileName ?? '单位名单.xlsx' };
  const file = path.resolve(args.path!);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ApiError('INVALID_INPUT', `找不到文件“${file}”。请检查路径是否正确。`);
  }
  if (stat.isDirectory()) throw new ApiError('INVALID_INPUT', `“${file}”是一个文件夹，请给出单位名单的 Excel 文件。`);
  if (stat.size > 10 * 1024 * 1024) throw new ApiError('INVALID_INPUT', `文件有 ${(stat.size / 1024 / 1024).toFixed(1)} MB，单位名单不会这么大。请检查是否选错了文件。`);
  return { bytes: fs.readFileSync(file), name: path.basename(file) };
}

async function readSheet(args: OpArgs<'unitSheetRead'>): Promise<UnitSheet> {
  if (args.text !== undefined) return parseUnitText(args.text);
  const { bytes, name } = fileBytes(args);
  return readUnitFile(bytes, name);
}

/** Reads and checks a list without writing anything: the set-up shows what it found. */
export async function readUnitSheet(_ctx: Ctx, args: OpArgs<'unitSheetRead'>): Promise<UnitSheet> {
  return readSheet(args);
}

export async function importUnits(ctx: Ctx, args: OpArgs<'unitImport'>): Promise<UnitImportReport> {
  const { bytes, name } = fileBytes(args);
  const sheet = await readUnitFile(bytes, name);
  if (sheet.problems.length) throw new ApiError('INVALID_INPUT', problemsMessage(sheet.problems));
  return applyUnitRows(ctx, sheet.rows);
}

const EXPORT_NAME = '单位名单.xlsx';

export async function exportUnits(ctx: Ctx, args: OpArgs<'unitExport'>): Promise<{ path: string; rows: number }> {
  let target = path.resolve(args.out);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) target = path.join(target, EXPORT_NAME);
  else if (!/\.xlsx$/i.test(target)) target += '.xlsx';
  if (!fs.existsSync(path.dirname(target))) throw new ApiError('INVALID_INPUT', `文件夹“${path.dirname(target)}”不存在。请给出一个已有的文件夹。`);
  const units = listUnits(ctx, { includeInactive: true });
  writeAtomically(target, await unitWorkbook(units), { mayBeOpen: true });
  return { path: target, rows: units.length };
}

export async function unitXlsx(ctx: Ctx): Promise<UnitFile> {
  const units = listUnits(ctx, { includeInactive: true });
  return { fileName: EXPORT_NAME, base64: (await unitWorkbook(units)).toString('base64'), rows: units.length };
}
