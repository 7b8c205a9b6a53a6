/**
 * Random histories of a county for the scoring property tests (test/scoring-properties.test.ts):
 * drafts (some without a unit), items typed in or made from drafts (some of several units),
 * issues signed (some voided later, some items marked 简讯), adoptions by our own series, the
 * city and the province, instructions and deductions.
 *
 * Three things are built from one history: the engine's input as the loader gives it
 * (`scoreDataOf`), the same history entered through the real API into a real database
 * (`applyHistory`), and the expected figures worked out here, independently of the engine
 * (`expected`), from DOMAIN.md's default rules.
 */
import fc from 'fast-check';
import type { AdoptionRec, ScoreData } from '../../src-main/scoring/compute';
import { DEFAULT_RULES, DEFAULT_RULES_FROM, KINDS_BY_LEVEL, SERIES_SCORE_RULES, type AdoptionKind, type Level, type SeriesScoreRule } from '../../src-main/scoring/rules';
import type { TestDb } from './db';

/** "Today" of every history: the fourth quarter is not over. */
export const TODAY = new Date(2026, 9, 15, 12, 0, 0);
export const TODAY_ISO = '2026-10-15';
const DAYS = 288; // 2026-01-01 … 2026-10-15

export function dayIso(day: number): string {
  const d = new Date(Date.UTC(2026, 0, 1 + day));
  return d.toISOString().slice(0, 10);
}

export const UNIT_NAMES = ['城关镇', '东山镇', '县发改局', '县水利局', '西河镇'];
const PUBLICATIONS: Record<Level, string> = { county: '每日要情', city: '政务信息快报', province: '省政府办公厅政务信息' };

export interface History {
  units: number;
  seriesRule: SeriesScoreRule;
  /** Registered drafts; `item` turns one into an item (the item takes the draft's unit). */
  drafts: { unit: number | null; day: number; item: boolean }[];
  /** Items typed in directly (on "today"), with or without a unit. */
  typed: { unit: number | null }[];
  /** Further units of an item (a combined item), by item index modulo the item count. */
  extra: { item: number; unit: number }[];
  /** Issues in date order; `items` and `briefs` are item indexes modulo the item count. */
  issues: { day: number; items: number[]; briefs: number[]; voided: boolean }[];
  adoptions: { item: number; level: Level; kind: AdoptionKind; day: number }[];
  instructions: { item: number; level: Level; day: number }[];
  deductions: { unit: number; points: number; day: number }[];
  period: { kind: 'quarter'; n: 1 | 2 | 3 | 4 } | { kind: 'year' } | { kind: 'half'; n: 1 | 2 };
}

const unitOrNone = (units: number) => fc.option(fc.nat({ max: units - 1 }), { nil: null, freq: 4 });
const day = fc.nat({ max: DAYS - 1 });
const level = fc.constantFrom<Level>('county', 'city', 'province');

export const historyArb: fc.Arbitrary<History> = fc.integer({ min: 1, max: 5 }).chain((units) =>
  fc.record({
    units: fc.constant(units),
    seriesRule: fc.constantFrom<SeriesScoreRule>(...SERIES_SCORE_RULES),
    drafts: fc.array(fc.record({ unit: unitOrNone(units), day, item: fc.boolean() }), { maxLength: 10 }),
    typed: fc.array(fc.record({ unit: unitOrNone(units) }), { maxLength: 3 }),
    extra: fc.array(fc.record({ item: fc.nat(), unit: fc.nat({ max: units - 1 }) }), { maxLength: 3 }),
    issues: fc
      .array(fc.record({ day, items: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), briefs: fc.array(fc.nat(), { maxLength: 2 }), voided: fc.boolean() }), {
        maxLength: 3,
      })
      .map((list) => [...list].sort((a, b) => a.day - b.day)),
    adoptions: fc.array(
      level.chain((l) => fc.record({ item: fc.nat(), level: fc.constant(l), kind: fc.constantFrom<AdoptionKind>(...KINDS_BY_LEVEL[l]), day })),
      { maxLength: 4 },
    ),
    instructions: fc.array(fc.record({ item: fc.nat(), level, day }), { maxLength: 3 }),
    deductions: fc.array(fc.record({ unit: fc.nat({ max: units - 1 }), points: fc.integer({ min: 1, max: 120 }), day }), { maxLength: 3 }),
    period: fc.oneof(
      fc.record({ kind: fc.constant('quarter' as const), n: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const) }),
      fc.record({ kind: fc.constant('half' as const), n: fc.constantFrom(1 as const, 2 as const) }),
      fc.record({ kind: fc.constant('year' as const) }),
    ),
  }),
);

export function periodRange(p: History['period']): { from: string; to: string } {
  if (p.kind === 'year') return { from: '2026-01-01', to: '2026-12-31' };
  if (p.kind === 'half') return p.n === 1 ? { from: '2026-01-01', to: '2026-06-30' } : { from: '2026-07-01', to: '2026-12-31' };
  const starts = ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'];
  const ends = ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'];
  return { from: starts[p.n - 1]!, to: ends[p.n - 1]! };
}

/** The items of a history: drafts made into items first (in draft order), then typed ones. */
export interface ItemInfo {
  /** Own unit (index) or null. */
  unit: number | null;
  /** Own unit first, then further units, without repeats. */
  units: number[];
}

export function itemsOf(h: History): ItemInfo[] {
  const items: ItemInfo[] = [...h.drafts.filter((d) => d.item).map((d) => ({ unit: d.unit })), ...h.typed].map((x) => ({ unit: x.unit, units: x.unit === null ? [] : [x.unit] }));
  if (!items.length) return items;
  for (const e of h.extra) {
    const it = items[e.item % items.length]!;
    if (!it.units.includes(e.unit)) it.units.push(e.unit);
  }
  return items;
}

/** Each item in at most one issue: an index already placed is skipped; an issue left empty is dropped. */
export function issuesOf(h: History): { day: number; items: number[]; briefs: Set<number>; voided: boolean }[] {
  const n = itemsOf(h).length;
  if (!n) return [];
  const used = new Set<number>();
  const out = [];
  for (const is of h.issues) {
    const items = [...new Set(is.items.map((i) => i % n))].filter((i) => !used.has(i));
    if (!items.length) continue;
    items.forEach((i) => used.add(i));
    out.push({ day: is.day, items, briefs: new Set(is.briefs.map((b) => b % n).filter((b) => items.includes(b))), voided: is.voided });
  }
  return out;
}

/** Manual adoptions with an item that exists, each a distinct record (its own issue reference). */
export function adoptionsOf(h: History) {
  const n = itemsOf(h).length;
  return n ? h.adoptions.map((a, i) => ({ ...a, item: a.item % n, ref: `第${i + 1}期` })) : [];
}

export function instructionsOf(h: History) {
  const n = itemsOf(h).length;
  return n ? h.instructions.map((x) => ({ ...x, item: x.item % n })) : [];
}

// ---- the expected figures -------------------------------------------------------------------

export interface ExpectedRow {
  sent: number;
  adopted: Record<Level, number>;
  instructions: Record<Level, number>;
  points: number;
  reward: number;
  deductions: number;
  adoptedItems: Set<number>;
}

/** One adoption as the ledger should show it: the item, the publication's level, the units credited. */
export interface ExpectedAdoption {
  item: number;
  date: string;
  level: Level;
  kind: AdoptionKind;
  /** Unit indexes, or 'none' for 未填单位. */
  units: (number | 'none')[];
}

export interface Expected {
  /** Keyed by unit index, or 'none' for 未填单位 (present only when something is in it). */
  rows: Map<number | 'none', ExpectedRow>;
  adoptions: ExpectedAdoption[];
  silent: number[];
  sent: number;
}

const emptyRow = (): ExpectedRow => ({
  sent: 0,
  adopted: { county: 0, city: 0, province: 0 },
  instructions: { county: 0, city: 0, province: 0 },
  points: 0,
  reward: 0,
  deductions: 0,
  adoptedItems: new Set(),
});

/** The figures for a history and a period, worked out from the default rules by hand's method. */
export function expected(h: History): Expected {
  const { from, to } = periodRange(h.period);
  const inPeriod = (d: string) => d >= from && d <= to;
  const rows = new Map<number | 'none', ExpectedRow>();
  for (let u = 0; u < h.units; u++) rows.set(u, emptyRow());
  const row = (k: number | 'none') => {
    if (!rows.has(k)) rows.set(k, emptyRow());
    return rows.get(k)!;
  };
  for (const d of h.drafts) if (inPeriod(dayIso(d.day))) row(d.unit ?? 'none').sent += 1;
  if (inPeriod(TODAY_ISO)) for (const t of h.typed) row(t.unit ?? 'none').sent += 1;

  const items = itemsOf(h);
  const creditTo = (item: number): (number | 'none')[] => (items[item]!.units.length ? items[item]!.units : ['none']);
  const adoptions: ExpectedAdoption[] = [];
  for (const is of issuesOf(h)) {
    if (is.voided || !inPeriod(dayIso(is.day))) continue;
    for (const item of is.items) {
      adoptions.push({ item, date: dayIso(is.day), level: 'county', kind: is.briefs.has(item) ? 'brief' : h.seriesRule, units: creditTo(item) });
    }
  }
  for (const a of adoptionsOf(h)) if (inPeriod(dayIso(a.day))) adoptions.push({ item: a.item, date: dayIso(a.day), level: a.level, kind: a.kind, units: creditTo(a.item) });
  for (const a of adoptions) {
    const combined = a.units.length > 1;
    const award = combined ? DEFAULT_RULES.combined : (DEFAULT_RULES.adoption[a.level] as Record<string, { points: number; reward: number }>)[a.kind]!;
    for (const u of a.units) {
      const r = row(u);
      r.adopted[a.level] += 1;
      r.points += award.points;
      r.reward += award.reward;
      r.adoptedItems.add(a.item);
    }
  }
  for (const ins of instructionsOf(h)) {
    if (!inPeriod(dayIso(ins.day))) continue;
    for (const u of creditTo(ins.item)) {
      const r = row(u);
      r.instructions[ins.level] += 1;
      r.points += DEFAULT_RULES.instruction[ins.level].points;
      r.reward += DEFAULT_RULES.instruction[ins.level].reward;
    }
  }
  for (const d of h.deductions) if (inPeriod(dayIso(d.day))) row(d.unit).deductions += d.points;
  const silent = [...Array(h.units).keys()].filter((u) => rows.get(u)!.sent === 0 && rows.get(u)!.adoptedItems.size === 0);
  const sent = [...rows.values()].reduce((n, r) => n + r.sent, 0);
  return { rows, adoptions, silent, sent };
}

// ---- the engine's input, as the loader builds it ---------------------------------------------

/** Unit ids are index + 1; item ids are index + 1. */
export function scoreDataOf(h: History): ScoreData {
  const items = itemsOf(h);
  const submissions = [
    ...h.drafts.map((d) => ({ unitId: d.unit === null ? null : d.unit + 1, date: dayIso(d.day), count: 1 })),
    ...h.typed.map((t) => ({ unitId: t.unit === null ? null : t.unit + 1, date: TODAY_ISO, count: 1 })),
  ];
  const adoptions: AdoptionRec[] = [];
  issuesOf(h).forEach((is, n) => {
    if (is.voided) return;
    for (const item of is.items) {
      adoptions.push({
        id: null,
        articleId: item + 1,
        title: `信息${item + 1}`,
        date: dayIso(is.day),
        publication: '城关县政务信息',
        level: 'county',
        kind: is.briefs.has(item) ? 'brief' : h.seriesRule,
        issueRef: `2026年第${n + 1}期`,
        source: 'issue',
      });
    }
  });
  adoptionsOf(h).forEach((a, i) =>
    adoptions.push({ id: i + 1, articleId: a.item + 1, title: `信息${a.item + 1}`, date: dayIso(a.day), publication: PUBLICATIONS[a.level], level: a.level, kind: a.kind, issueRef: a.ref, source: 'manual' }),
  );
  return {
    units: UNIT_NAMES.slice(0, h.units).map((name, i) => ({ id: i + 1, name, active: true })),
    rules: [{ id: 1, validFrom: DEFAULT_RULES_FROM, rules: DEFAULT_RULES, createdAt: '' }],
    submissions,
    adoptions,
    instructions: instructionsOf(h).map((x, i) => ({ id: i + 1, articleId: x.item + 1, title: `信息${x.item + 1}`, date: dayIso(x.day), level: x.level, leader: '县长王某某' })),
    articleUnits: new Map(items.map((it, i) => [i + 1, it.units.map((u) => u + 1)])),
    commissions: [],
    deductions: h.deductions.map((d, i) => ({ id: i + 1, unitId: d.unit + 1, points: d.points, reason: '扣分', date: dayIso(d.day) })),
    targets: [],
    today: TODAY_ISO,
  };
}

// ---- the same history through the API --------------------------------------------------------

/** Enters a history through the real API; returns the database ids of its units and items. */
export async function applyHistory(t: TestDb, h: History): Promise<{ unitIds: number[]; itemIds: number[] }> {
  const series = await t.call('seriesAdd', { name: '城关县政务信息', org: '城关县人民政府办公室', scoreRule: h.seriesRule });
  const unitIds: number[] = [];
  for (const name of UNIT_NAMES.slice(0, h.units)) unitIds.push((await t.call('unitAdd', { name })).id);
  const unitRef = (u: number | null) => (u === null ? {} : { unit: unitIds[u]! });
  const itemIds: number[] = [];
  let n = 0;
  const fromDrafts: number[] = [];
  for (const d of h.drafts) {
    n += 1;
    const s = await t.call('submissionAdd', { title: `来稿第${n}篇`, body: `第${n}篇来稿的正文，编号${n * 7919}。`, receivedDate: dayIso(d.day), allowDuplicate: true, ...unitRef(d.unit) });
    if (d.item) fromDrafts.push(s.id);
  }
  for (const id of fromDrafts) itemIds.push((await t.call('submissionEdit', { id })).article.id);
  for (const [i, x] of h.typed.entries()) {
    itemIds.push((await t.call('articleAdd', { title: `直接录入的信息${i + 1}`, body: `正文${i + 1}。`, ...unitRef(x.unit) })).id);
  }
  const items = itemsOf(h);
  for (const [i, it] of items.entries()) {
    const further = it.units.filter((u) => u !== it.unit).map((u) => unitIds[u]!);
    if (further.length) await t.call('articleSetUnits', { id: itemIds[i]!, unitIds: further });
  }
  for (const is of issuesOf(h)) {
    const issue = await t.call('issueCreate', { series: series.id, date: dayIso(is.day) });
    await t.call('issueAddArticles', { id: issue.id, articleIds: is.items.map((i) => itemIds[i]!) });
    for (const b of is.briefs) await t.call('issueMarkBrief', { id: issue.id, articleId: itemIds[b]! });
    await t.call('issueSubmit', { id: issue.id });
    await t.call('issueSign', { id: issue.id, signedBy: '张某某' });
    if (is.voided) await t.call('issueVoid', { id: issue.id, reason: '数据有误' });
  }
  for (const a of adoptionsOf(h)) {
    await t.call('adoptionAdd', { articleId: itemIds[a.item]!, publication: PUBLICATIONS[a.level], level: a.level, kind: a.kind, date: dayIso(a.day), issueRef: a.ref });
  }
  for (const x of instructionsOf(h)) await t.call('instructionAdd', { articleId: itemIds[x.item]!, level: x.level, leader: '县长王某某', date: dayIso(x.day) });
  for (const d of h.deductions) await t.call('deductionAdd', { unit: unitIds[d.unit]!, points: d.points, reason: '紧急信息迟报', date: dayIso(d.day) });
  return { unitIds, itemIds };
}
