/**
 * Which item we sent upward a row of the city's list is. Titles are normalised the same way on
 * both sides (full/half width folded, punctuation, brackets and spaces dropped, a “XX县：”
 * lead-in and unit names at the start taken off: the city rewrites those freely), then searched
 * with fuse.js (Bitap fuzzy search: a shortened or lightly reworded title still finds its
 * item, wherever the kept words sit). Its score is the title similarity; a unit that names
 * someone else, or a date before the item went up, lowers the confidence.
 */
import type { AdoptionCandidate } from '../api/ops/adoption-sheet';
import { PRE_TICK_CONFIDENCE } from '../api/ops/adoption-sheet';

export interface SentItem {
  articleId: number;
  title: string;
  /** Display names of its units, its own first. */
  units: string[];
  /** Every name, short name and alias of its units, for matching the unit cell. */
  unitWords: string[];
  sentOn: string;
}

export interface RowQuery {
  title: string;
  unit: string;
  date: string | null;
}

const fold = (t: string) => t.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * The comparable core of a title. `prefixes` are names a title may start with (our units, the
 * county): taken off while something of substance (more than four characters) is left.
 */
export function normaliseTitle(title: string, prefixes: readonly string[]): string {
  // “清源县：…”, “白沙镇:…”: a short lead-in before a colon names who, not what.
  let t = title.normalize('NFKC').replace(/^[^:：]{1,12}[:：]/, '');
  t = fold(t);
  for (let again = true; again; ) {
    again = false;
    for (const p of prefixes) {
      if (p && t.startsWith(p) && t.length - p.length > 4) {
        t = t.slice(p.length);
        again = true;
      }
    }
  }
  return t;
}

/** Longest first, so 清源县白沙镇 goes before 清源县. */
export function prefixList(names: Iterable<string>): string[] {
  return [...new Set([...names].map(fold).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
}

/** How many items the pair index hands to fuse.js per row. */
const SHORTLIST = 40;

/** The overlapping character pairs of a normalised title (a one-character title is its own). */
function pairs(t: string): string[] {
  const chars = [...t];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A unit cell is ours when it names the county itself or one of the item's units (either way round). */
function unitFits(cell: string, item: SentItem, county: readonly string[]): boolean {
  const c = fold(cell);
  if (!c) return true;
  const words = [...item.unitWords, ...county].map(fold).filter(Boolean);
  return words.some((w) => c.includes(w) || w.includes(c));
}

export interface Matcher {
  match(row: RowQuery): AdoptionCandidate[];
}

/**
 * Builds the search over the items once; `county` holds the names the city calls us by (清源县,
 * 清源县政府办), `isRecorded` whether an item already has this row's adoption.
 */
export async function makeMatcher(items: readonly SentItem[], extraPrefixes: readonly string[], county: readonly string[]): Promise<Matcher> {
  // Loaded at first use, not at start: every command would pay for it (issue 14).
  const FuseClass = (await import('fuse.js')).default;
  const prefixes = prefixList([...items.flatMap((i) => i.unitWords), ...extraPrefixes, ...county]);
  const docs = items.map((item) => ({ item, norm: normaliseTitle(item.title, prefixes) }));
  // Bitap over every item sent in ten years is slow (a second per row at 10,000 items): a
  // shortlist by shared character pairs, kept in an index, goes to fuse.js instead.
  const byNorm = new Map<string, (typeof docs)[number][]>();
  for (const d of docs) byNorm.set(d.norm, [...(byNorm.get(d.norm) ?? []), d]);
  const byPair = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const p of new Set(pairs(d.norm))) {
      const list = byPair.get(p);
      if (list) list.push(i);
      else byPair.set(p, [i]);
    }
  });
  const shortlist = (q: string) => {
    const counts = new Map<number, number>();
    for (const p of new Set(pairs(q))) for (const i of byPair.get(p) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SHORTLIST).map(([i]) => docs[i]!);
  };
  const search = (q: string) =>
    new FuseClass(shortlist(q), {
      keys: ['norm'],
      includeScore: true,
      // The kept words may sit anywhere in the title, and a long title must not score worse.
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: 0.6,
      minMatchCharLength: 2,
    }).search(q, { limit: 8 });
  return {
    match(row) {
      const q = normaliseTitle(row.title, prefixList([...prefixes, row.unit]));
      if (q.length < 2) return [];
      const exact = byNorm.get(q) ?? [];
      const hits = exact.length ? exact.map((d) => ({ item: d, score: 0 })) : search(q);
      return hits
        .map((h) => {
          const item = h.item.item;
          let c = 1 - (h.score ?? 1);
          const notes: string[] = [];
          // Another county's or unit's item with a similar title is not ours.
          if (!unitFits(row.unit, item, county)) {
            c *= 0.6;
            notes.push(`单位“${row.unit}”与本条信息不符`);
          }
          if (row.date) {
            const d = daysBetween(item.sentOn, row.date);
            // Adopted before it was sent (a day's slack for time zones): another item.
            if (d < -1) {
              c *= 0.6;
              notes.push(`采用日期早于上报日期 ${item.sentOn}`);
            }
            // Adoptions come within weeks; a year later it is likely a similar item of a later year.
            else if (d > 365) {
              c *= 0.85;
              notes.push(`上报已逾一年（${item.sentOn}）`);
            }
          }
          return {
            articleId: item.articleId,
            title: item.title,
            units: item.units,
            sentOn: item.sentOn,
            confidence: Math.round(c * 100) / 100,
            note: notes.length ? notes.join('；') : null,
            recorded: false,
          };
        })
        .filter((c) => c.confidence >= 0.3)
        .sort((a, b) => b.confidence - a.confidence || a.articleId - b.articleId)
        .slice(0, 5);
    },
  };
}

/** Ticked in advance: confident, and clearly ahead of the next candidate. */
export function confidentEnough(candidates: readonly AdoptionCandidate[], threshold = PRE_TICK_CONFIDENCE): boolean {
  const [best, next] = candidates;
  if (!best || best.confidence < threshold) return false;
  return !next || best.confidence - next.confidence >= 0.05;
}
