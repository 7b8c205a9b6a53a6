/**
 * Points, ranking and 稿酬 for persons (信息员): pure, over rows loaded by services/person-score.ts.
 *
 * A draft is credited to the officer who wrote it (submissions.liaison_id), so when a unit
 * changes its officer mid-year each keeps the points of their own drafts. Per person:
 * - every adoption of an item made from their draft scores the person rules' points and 稿酬
 *   (the version in force on the adoption's date); every instruction its points;
 * - a calendar month wholly in the period, ended, and wholly within their time in office is
 *   judged against the monthly quota (the version in force on its last day): met scores, missed
 *   is deducted;
 * - deductions charged to them (deductions.liaison_id) count on their date.
 * A person whose deductions from 1 January of the period's end year reach the person rules'
 * bar cannot be named advanced (先进个人 / 优秀信息员).
 */
import { ADOPTION_KIND_LABELS, LEVEL_LABELS, kindAllowed, type AdoptionKind, type Level, type RulesVersion } from './rules';
import { monthSlices } from './periods';
import { rulesAt, type AdoptionRec, type InstructionRec } from './compute';

export interface LiaisonInfo {
  id: number;
  unitId: number;
  unit: string;
  name: string;
  phone: string;
  validFrom: string;
  validTo: string | null;
}

export interface CreditedDraft {
  liaisonId: number;
  date: string;
  articleId: number | null;
}

export interface PersonDeduction {
  liaisonId: number;
  points: number;
  date: string;
}

export interface PersonData {
  liaisons: LiaisonInfo[];
  rules: RulesVersion[];
  drafts: CreditedDraft[];
  adoptions: AdoptionRec[];
  instructions: InstructionRec[];
  deductions: PersonDeduction[];
  today: string;
}

export interface PersonScore {
  liaisonId: number;
  name: string;
  unitId: number;
  unit: string;
  phone: string;
  validFrom: string;
  validTo: string | null;
  sent: number;
  adopted: number;
  adoptedCounty: number;
  adoptedCity: number;
  adoptedProvince: number;
  instructions: number;
  quotaMonthsMet: number;
  quotaMonthsMissed: number;
  points: number;
  deductions: number;
  net: number;
  fee: number;
  /** 1 for the highest net; equal nets share a rank. */
  rank: number;
  yearDeductions: number;
  cannotBeAdvanced: boolean;
}

export interface FeeRow {
  liaisonId: number;
  name: string;
  unit: string;
  articleId: number;
  title: string;
  date: string;
  publication: string;
  level: Level;
  kind: AdoptionKind;
  /** 市级·单条 */
  rule: string;
  fee: number;
  rulesFrom: string;
}

const END = '9999-12-31';
const inOffice = (l: LiaisonInfo, from: string, to: string) => l.validFrom <= from && (l.validTo ?? END) >= to;
const overlaps = (l: LiaisonInfo, from: string, to: string) => l.validFrom <= to && (l.validTo ?? END) >= from;

function quotaMonths(data: PersonData, l: LiaisonInfo, from: string, to: string, sentByMonth: Map<string, number>) {
  let met = 0;
  let missed = 0;
  let plus = 0;
  let minus = 0;
  for (const m of monthSlices(from, to)) {
    if (!m.whole || m.to >= data.today || !inOffice(l, m.from, m.to)) continue;
    const q = rulesAt(data.rules, m.to).rules.person.monthlyQuota;
    if (q.count <= 0) continue;
    if ((sentByMonth.get(`${l.id}|${m.month}`) ?? 0) >= q.count) {
      met += 1;
      plus += q.met;
    } else {
      missed += 1;
      minus += q.missed;
    }
  }
  return { met, missed, plus, minus };
}

/** Each adopted item's author: the officer credited with the draft it was made from. */
function authorOf(data: PersonData): Map<number, number> {
  const map = new Map<number, number>();
  for (const d of data.drafts) if (d.articleId !== null) map.set(d.articleId, d.liaisonId);
  return map;
}

export function feeRows(data: PersonData, from: string, to: string): FeeRow[] {
  const author = authorOf(data);
  const byId = new Map(data.liaisons.map((l) => [l.id, l]));
  const rows: FeeRow[] = [];
  for (const a of data.adoptions) {
    if (a.date < from || a.date > to || !kindAllowed(a.level, a.kind)) continue;
    const l = byId.get(author.get(a.articleId) ?? -1);
    if (!l) continue;
    const v = rulesAt(data.rules, a.date);
    const table = v.rules.person.adoption[a.level] as Record<string, { fee: number }>;
    rows.push({
      liaisonId: l.id,
      name: l.name,
      unit: l.unit,
      articleId: a.articleId,
      title: a.title,
      date: a.date,
      publication: a.publication,
      level: a.level,
      kind: a.kind,
      rule: `${LEVEL_LABELS[a.level]}·${ADOPTION_KIND_LABELS[a.kind]}`,
      fee: table[a.kind]!.fee,
      rulesFrom: v.validFrom,
    });
  }
  return rows.sort((x, y) => x.liaisonId - y.liaisonId || x.date.localeCompare(y.date) || x.articleId - y.articleId);
}

function groupBy<T>(items: readonly T[], key: (x: T) => number | undefined): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const x of items) {
    const k = key(x);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(x);
    else map.set(k, [x]);
  }
  return map;
}

/** One pass over the records, grouped by person: a busy county's year is 5,000 drafts and 120 officers. */
export function scorePersons(data: PersonData, from: string, to: string): PersonScore[] {
  const yearStart = `${to.slice(0, 4)}-01-01`;
  const author = authorOf(data);
  const rulesOn = new Map<string, RulesVersion>();
  const rules = (date: string) => {
    let v = rulesOn.get(date);
    if (!v) rulesOn.set(date, (v = rulesAt(data.rules, date)));
    return v.rules;
  };
  const sentByMonth = new Map<string, number>();
  const sent = new Map<number, number>();
  for (const d of data.drafts) {
    const key = `${d.liaisonId}|${d.date.slice(0, 7)}`;
    sentByMonth.set(key, (sentByMonth.get(key) ?? 0) + 1);
    if (d.date >= from && d.date <= to) sent.set(d.liaisonId, (sent.get(d.liaisonId) ?? 0) + 1);
  }
  const inPeriod = (date: string) => date >= from && date <= to;
  const adoptions = groupBy(
    data.adoptions.filter((a) => inPeriod(a.date) && kindAllowed(a.level, a.kind)),
    (a) => author.get(a.articleId),
  );
  const instructions = groupBy(data.instructions.filter((i) => inPeriod(i.date)), (i) => author.get(i.articleId));
  const deductions = groupBy(data.deductions, (d) => d.liaisonId);
  const fees = new Map<number, number>();
  for (const r of feeRows(data, from, to)) fees.set(r.liaisonId, (fees.get(r.liaisonId) ?? 0) + r.fee);
  const bar = rules(to).person.notAdvanced;

  const rows = data.liaisons
    .filter((l) => overlaps(l, from, to) || sent.has(l.id))
    .map((l): PersonScore => {
      const q = quotaMonths(data, l, from, to, sentByMonth);
      const yearQ = quotaMonths(data, l, yearStart, to, sentByMonth);
      const adoptedItems = new Set<number>();
      const counts = { county: 0, city: 0, province: 0 };
      let points = q.plus;
      for (const a of adoptions.get(l.id) ?? []) {
        const table = rules(a.date).person.adoption[a.level] as Record<string, { points: number }>;
        points += table[a.kind]!.points;
        counts[a.level] += 1;
        adoptedItems.add(a.articleId);
      }
      const mine = instructions.get(l.id) ?? [];
      for (const i of mine) points += rules(i.date).person.instruction[i.level];
      const hand = (a: string, b: string) => (deductions.get(l.id) ?? []).filter((d) => d.date >= a && d.date <= b).reduce((s, d) => s + d.points, 0);
      const deducted = q.minus + hand(from, to);
      const yearDeductions = yearQ.minus + hand(yearStart, to);
      return {
        liaisonId: l.id,
        name: l.name,
        unitId: l.unitId,
        unit: l.unit,
        phone: l.phone,
        validFrom: l.validFrom,
        validTo: l.validTo,
        sent: sent.get(l.id) ?? 0,
        adopted: adoptedItems.size,
        adoptedCounty: counts.county,
        adoptedCity: counts.city,
        adoptedProvince: counts.province,
        instructions: mine.length,
        quotaMonthsMet: q.met,
        quotaMonthsMissed: q.missed,
        points,
        deductions: deducted,
        net: points - deducted,
        fee: fees.get(l.id) ?? 0,
        rank: 0,
        yearDeductions,
        cannotBeAdvanced: yearDeductions >= bar,
      };
    });
  rows.sort((a, b) => b.net - a.net || b.adopted - a.adopted || a.unitId - b.unitId || a.liaisonId - b.liaisonId);
  rows.forEach((r, i) => {
    r.rank = i > 0 && rows[i - 1]!.net === r.net ? rows[i - 1]!.rank : i + 1;
  });
  return rows;
}
