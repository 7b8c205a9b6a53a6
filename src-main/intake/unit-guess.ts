/**
 * Which unit sent a file, guessed from its name as offices write them: `城关镇-关于….docx`,
 * `城关镇_…`, `【城关镇】…`, `（城关镇）…`, or a unit's name anywhere in it. The guess is only
 * offered: the import dialog shows it for the user to confirm or change.
 */
import path from 'node:path';
import { cleanLine } from '../api/text';

export interface UnitName {
  id: number;
  name: string;
  active: boolean;
  /** Its short name and aliases (县发改局 for 县发展和改革局): a file name may use any of them. */
  names?: readonly string[];
}

/** The part of the name before a separator, or inside leading brackets. */
function leadingParts(base: string): string[] {
  const parts: string[] = [];
  const bracket = /^[【[〔［(（<《]([^】\]〕］)）>》]{1,60})[】\]〕］)）>》]/u.exec(base);
  if (bracket) parts.push(bracket[1]!.trim());
  const prefix = /^([^-_—－–：:\s　]{1,60})[-_—－–：:\s　]/u.exec(base);
  if (prefix) parts.push(prefix[1]!.trim());
  return parts.filter(Boolean);
}

interface Key {
  unit: UnitName;
  key: string;
}

/** Longest matching name first; among equals an active unit, then the older one. */
function best(candidates: readonly Key[]): UnitName | null {
  return (
    [...candidates].sort(
      (a, b) => [...b.key].length - [...a.key].length || Number(b.unit.active) - Number(a.unit.active) || a.unit.id - b.unit.id,
    )[0]?.unit ?? null
  );
}

export function guessUnit(fileName: string, units: readonly UnitName[]): UnitName | null {
  const base = cleanLine(path.basename(fileName, path.extname(fileName)).normalize('NFKC'));
  if (!base) return null;
  // Names compare in NFKC too, so （筹） in a unit's name matches (筹) in a file name.
  const named: Key[] = units.flatMap((u) =>
    [u.name, ...(u.names ?? [])].filter((n) => [...n].length >= 2).map((n) => ({ unit: u, key: n.normalize('NFKC') })),
  );
  const pick = (f: (key: string) => boolean) => best(named.filter((n) => f(n.key)));
  for (const part of leadingParts(base)) {
    const exact = pick((key) => key === part);
    if (exact) return exact;
    // 城关镇 for 城关镇人民政府, or 城关镇人民政府 for a unit registered as 城关镇
    const near = [...part].length >= 2 ? pick((key) => key.startsWith(part) || part.startsWith(key)) : null;
    if (near) return near;
  }
  return pick((key) => base.includes(key));
}

/**
 * What a file name seems to name as its sender when no unit matched (河口乡 in
 * 河口乡-关于….docx): offered as the name of a new unit, never registered by itself.
 */
export function unitHint(fileName: string): string | null {
  const base = cleanLine(path.basename(fileName, path.extname(fileName)).normalize('NFKC'));
  const part = leadingParts(base)[0];
  return part && [...part].length >= 2 && [...part].length <= 30 ? part : null;
}
