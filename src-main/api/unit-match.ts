/**
 * Which units a few typed characters mean, best first — for every unit box of the window, so
 * 白沙 finds 白沙镇, 发改 finds 县发展和改革局 by its short name 县发改局, and an alias
 * counts like the name. Pure (no Node), so the renderer can use it; the one rule for all boxes.
 */
import type { Unit } from './types';

type Matchable = Pick<Unit, 'id' | 'name' | 'active' | 'shortName' | 'aliases'>;

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** 0 the name itself … 5 somewhere inside another name; null when it does not match at all. */
function score(query: string, u: Matchable): number | null {
  const name = norm(u.name);
  const others = [u.shortName ?? '', ...u.aliases].map(norm).filter(Boolean);
  if (name === query) return 0;
  if (others.includes(query)) return 1;
  if (name.startsWith(query)) return 2;
  if (others.some((o) => o.startsWith(query))) return 3;
  if (name.includes(query)) return 4;
  if (others.some((o) => o.includes(query))) return 5;
  return null;
}

/** The units the text may mean, best match first (then active before stopped, shorter name first). */
export function rankUnits<U extends Matchable>(text: string, units: readonly U[]): U[] {
  const query = norm(text);
  if (!query) return [...units];
  return units
    .map((u) => ({ u, s: score(query, u) }))
    .filter((x): x is { u: U; s: number } => x.s !== null)
    .sort((a, b) => a.s - b.s || Number(b.u.active) - Number(a.u.active) || [...a.u.name].length - [...b.u.name].length || a.u.id - b.u.id)
    .map((x) => x.u);
}
