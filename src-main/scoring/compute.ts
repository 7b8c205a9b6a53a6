/**
 * The scoring engine: pure functions over rows already loaded (see services/scoring-load.ts), so
 * a year of a busy county is a few queries and one pass in memory, and the arithmetic can be
 * tested without a database.
 *
 * How a period is scored (each rule's numbers come from the version in force on the event's date):
 * - An adoption scores for every unit of its item, once per publication. An item with more than
 *   one unit (a combined item) gives each unit the `combined` points instead of the table's.
 * - A leader's instruction scores in full for every unit of the item.
 * - A monthly target is judged for each calendar month that lies wholly inside the period and
 *   has ended (today is after its last day): met scores, missed is deducted. The target and the
 *   rules in force on the month's last day apply.
 * - A commission whose deadline lies in the period deducts for each unit that answered after the
 *   deadline (late) or, once the deadline has passed, has not answered (missing).
 * - Manual deductions count on their date.
 * The flags look at the calendar year of the period's end, from 1 January to that end date.
 *
 * One truth for units and counts: every draft and every item belongs to its units or, when it
 * has none, to 未填单位 — a row of its own (unranked, never silent, never flagged) — so the
 * table's rows always add up to the totals. A unit is silent (未报送) only when it sent no draft
 * and had no item adopted in the period.
 */
import { ADOPTION_KIND_LABELS, LEVEL_LABELS, kindAllowed, type AdoptionKind, type Level, type RulesVersion, type ScoreRules } from './rules';
import { lastDayOfMonth, monthSlices } from './periods';
import {
  countsOf,
  NO_UNIT_ID,
  NO_UNIT_NAME,
  type MonthScore,
  type PeriodScore,
  type ScoreData,
  type ScoreEvent,
  type ScoreEventType,
  type ScoreTotals,
  type TargetRec,
  type UnitCounts,
  type UnitInfo,
  type UnitScore,
} from './score-types';

// The types live in score-types.ts; re-exported so callers keep importing them from the engine.
export * from './score-types';

const inRange = (d: string, from: string, to: string) => d >= from && d <= to;

/** The rules version in force on a date: the latest that starts on or before it (the oldest if none does). */
export function rulesAt(versions: readonly RulesVersion[], date: string): RulesVersion {
  let found = versions[0];
  for (const v of versions) if (v.validFrom <= date) found = v;
  if (!found) throw new Error('no scoring rules loaded');
  return found;
}

function adoptionAward(rules: ScoreRules, level: Level, kind: AdoptionKind): { points: number; reward: number } {
  if (!kindAllowed(level, kind)) return { points: 0, reward: 0 };
  return (rules.adoption[level] as Record<string, { points: number; reward: number }>)[kind] ?? { points: 0, reward: 0 };
}

/** The target in force for a unit on a date; 0 (no target) when none was set yet. */
function targetAt(targets: readonly TargetRec[], date: string): number {
  let monthly = 0;
  let since = '';
  for (const t of targets) {
    if (t.validFrom <= date && t.validFrom >= since) {
      since = t.validFrom;
      monthly = t.monthly;
    }
  }
  return monthly;
}

interface Acc extends UnitCounts {
  sent: number;
  adoptedItems: Set<number>;
  points: number;
  deductions: number;
  reward: number;
  /** Something happened for the unit in the range (a unit no longer in use shows only then). */
  touched: boolean;
}

const newAcc = (): Acc => ({ sent: 0, adoptedItems: new Set(), ...countsOf(null), points: 0, deductions: 0, reward: 0, touched: false });

const LEVEL_KEY = { county: 'County', city: 'City', province: 'Province' } as const;

interface Tally {
  accs: Map<number, Acc>;
  events: ScoreEvent[];
  sentAll: number;
  adoptedItems: Set<number>;
  adoptions: number;
  byLevel: Record<Level, number>;
  instructions: number;
}

/** Everything that happened in [from, to], per unit. */
function tally(data: ScoreData, from: string, to: string, keepEvents: boolean): Tally {
  const accs = new Map<number, Acc>();
  const acc = (unitId: number): Acc => {
    let a = accs.get(unitId);
    if (!a) accs.set(unitId, (a = newAcc()));
    return a;
  };
  const events: ScoreEvent[] = [];
  const names = keepEvents ? new Map([[NO_UNIT_ID, NO_UNIT_NAME], ...data.units.map((u): [number, string] => [u.id, u.name])]) : new Map<number, string>();
  /** An item's units; an item without any is 未填单位's, so that its points still show in a row. */
  const unitsOf = (articleId: number): readonly number[] => {
    const units = data.articleUnits.get(articleId);
    return units?.length ? units : [NO_UNIT_ID];
  };
  // The ledger is built only when asked for: the trend line tallies each month without it.
  const push = (e: () => Omit<ScoreEvent, 'unit'>) => {
    if (!keepEvents) return;
    const event = e();
    events.push({ ...event, unit: names.get(event.unitId) ?? `单位 ${event.unitId}` });
  };
  const t: Tally = { accs, events, sentAll: 0, adoptedItems: new Set(), adoptions: 0, byLevel: { county: 0, city: 0, province: 0 }, instructions: 0 };
  /** An item's award to one of its units (an adoption or an instruction), counted and put in the ledger. */
  const credit = (
    unitId: number,
    counter: keyof UnitCounts,
    award: { points: number; reward: number },
    item: { date: string; articleId: number; title: string; rulesFrom: string; rule: string },
    what: () => { type: ScoreEventType; label: string },
  ): Acc => {
    const a = acc(unitId);
    a.touched = true;
    a[counter] += 1;
    a.points += award.points;
    a.reward += award.reward;
    push(() => {
      const { type, label } = what();
      return { date: item.date, unitId, type, label, points: award.points, deducted: 0, reward: award.reward, articleId: item.articleId, title: item.title, rulesFrom: item.rulesFrom, rule: item.rule };
    });
    return a;
  };

  for (const s of data.submissions) {
    if (!inRange(s.date, from, to)) continue;
    t.sentAll += s.count;
    const a = acc(s.unitId ?? NO_UNIT_ID);
    a.sent += s.count;
    a.touched = true;
  }

  for (const ad of data.adoptions) {
    if (!inRange(ad.date, from, to)) continue;
    t.adoptions += 1;
    t.byLevel[ad.level] += 1;
    t.adoptedItems.add(ad.articleId);
    const units = unitsOf(ad.articleId);
    const version = rulesAt(data.rules, ad.date);
    const combined = units.length > 1;
    const award = combined ? version.rules.combined : adoptionAward(version.rules, ad.level, ad.kind);
    const where = `《${ad.publication}》${ad.issueRef ? ad.issueRef : ''}`;
    const what = `${LEVEL_LABELS[ad.level]}${ADOPTION_KIND_LABELS[ad.kind]}`;
    const rule = combined ? '综合信息（多单位合报）' : what;
    const item = { date: ad.date, articleId: ad.articleId, title: ad.title, rulesFrom: version.validFrom, rule };
    for (const unitId of units) {
      const a = credit(unitId, `adopted${LEVEL_KEY[ad.level]}`, award, item, () => ({
        type: combined ? 'combined' : 'adoption',
        label: `${where}采用（${what}${combined ? `，${units.length}个单位合报` : ''}）`,
      }));
      a.adoptedItems.add(ad.articleId);
    }
  }

  for (const ins of data.instructions) {
    if (!inRange(ins.date, from, to)) continue;
    t.instructions += 1;
    const version = rulesAt(data.rules, ins.date);
    const award = version.rules.instruction[ins.level];
    const item = { date: ins.date, articleId: ins.articleId, title: ins.title, rulesFrom: version.validFrom, rule: `${LEVEL_LABELS[ins.level]}领导批示` };
    for (const unitId of unitsOf(ins.articleId)) {
      credit(unitId, `instructions${LEVEL_KEY[ins.level]}`, award, item, () => ({
        type: 'instruction',
        label: `${LEVEL_LABELS[ins.level]}领导批示（${ins.leader}）`,
      }));
    }
  }

  tallyTargets(data, from, to, acc, push);

  for (const c of data.commissions) {
    if (!inRange(c.deadline, from, to)) continue;
    const version = rulesAt(data.rules, c.deadline);
    for (const u of c.units) {
      const late = u.answeredDate !== null && u.answeredDate > c.deadline;
      const missing = u.answeredDate === null && data.today > c.deadline;
      if (!late && !missing) continue;
      const a = acc(u.unitId);
      a.touched = true;
      const points = late ? version.rules.commission.late : version.rules.commission.missing;
      if (late) a.commissionsLate += 1;
      else a.commissionsMissing += 1;
      a.deductions += points;
      push(() => ({
        date: c.deadline,
        unitId: u.unitId,
        type: late ? 'commissionLate' : 'commissionMissing',
        label: late ? `约稿“${c.topic}”迟报（截止${c.deadline}，${u.answeredDate}报送）` : `约稿“${c.topic}”未报（截止${c.deadline}）`,
        points: 0,
        deducted: points,
        reward: 0,
        articleId: null,
        title: null,
        rulesFrom: version.validFrom,
        rule: late ? '约稿迟报' : '约稿未报',
      }));
    }
  }

  for (const d of data.deductions) {
    if (!inRange(d.date, from, to)) continue;
    const a = acc(d.unitId);
    a.touched = true;
    a.deductions += d.points;
    // An urgent event's deduction names its rule (the reason starts with it) and the version in force on the event's day.
    const rule = d.urgent ? d.reason.replace(/（.*$/, '') : null;
    const rulesFrom = d.urgent ? rulesAt(data.rules, d.date).validFrom : '';
    push(() => ({ date: d.date, unitId: d.unitId, type: 'deduction', label: d.reason, points: 0, deducted: d.points, reward: 0, articleId: null, title: null, rulesFrom, rule }));
  }
  return t;
}

function tallyTargets(data: ScoreData, from: string, to: string, acc: (unitId: number) => Acc, push: (e: () => Omit<ScoreEvent, 'unit'>) => void): void {
  const months = monthSlices(from, to).filter((m) => m.whole && data.today > m.to);
  if (!months.length || !data.targets.length) return;
  const targetsByUnit = new Map<number, TargetRec[]>();
  for (const t of data.targets) targetsByUnit.set(t.unitId, [...(targetsByUnit.get(t.unitId) ?? []), t]);
  // Drafts per unit and month, for the months being judged only.
  const wanted = new Set(months.map((m) => m.month));
  const sentByUnitMonth = new Map<string, number>();
  for (const s of data.submissions) {
    const month = s.date.slice(0, 7);
    if (s.unitId === null || !wanted.has(month)) continue;
    const key = `${s.unitId}|${month}`;
    sentByUnitMonth.set(key, (sentByUnitMonth.get(key) ?? 0) + s.count);
  }
  for (const [unitId, targets] of targetsByUnit) {
    for (const m of months) {
      const judged = lastDayOfMonth(m.month);
      const monthly = targetAt(targets, judged);
      if (monthly <= 0) continue;
      const sent = sentByUnitMonth.get(`${unitId}|${m.month}`) ?? 0;
      const version = rulesAt(data.rules, judged);
      const met = sent >= monthly;
      const a = acc(unitId);
      // Shown even for a unit no longer in use: its target stands until set to 0 from a month on.
      a.touched = true;
      const amount = met ? version.rules.monthlyTarget.met : version.rules.monthlyTarget.missed;
      if (met) {
        a.targetMonthsMet += 1;
        a.points += amount;
      } else {
        a.targetMonthsMissed += 1;
        a.deductions += amount;
      }
      const [y, mo] = m.month.split('-').map(Number) as [number, number];
      push(() => ({
        date: judged,
        unitId,
        type: met ? 'targetMet' : 'targetMissed',
        label: `${y}年${mo}月${met ? '完成' : '未完成'}月度报送任务（报送${sent}篇，任务${monthly}篇）`,
        points: met ? amount : 0,
        deducted: met ? 0 : amount,
        reward: 0,
        articleId: null,
        title: null,
        rulesFrom: version.validFrom,
        rule: met ? '完成月度报送任务' : '未完成月度报送任务',
      }));
    }
  }
}

function yearStart(date: string): string {
  return `${date.slice(0, 4)}-01-01`;
}

/** Scores every unit for [from, to]: the rows of the circular, ranked, with totals and the ledger. */
export function scorePeriod(data: ScoreData, from: string, to: string): PeriodScore {
  const period = tally(data, from, to, true);
  const year = from === yearStart(to) ? period : tally(data, yearStart(to), to, false);
  const thresholds = rulesAt(data.rules, to).rules.thresholds;

  const row = (u: UnitInfo, a: Acc, noUnit: boolean): UnitScore => {
    const yearDeductions = noUnit ? 0 : (year.accs.get(u.id)?.deductions ?? 0);
    return {
      unitId: u.id,
      unit: u.name,
      active: u.active,
      noUnit,
      silent: !noUnit && a.sent === 0 && a.adoptedItems.size === 0,
      sent: a.sent,
      adopted: a.adoptedItems.size,
      ...countsOf(a),
      points: a.points,
      deductions: a.deductions,
      net: a.points - a.deductions,
      reward: a.reward,
      rank: null,
      adoptionRate: a.sent > 0 ? a.adoptedItems.size / a.sent : null,
      yearDeductions,
      cannotBeAdvanced: !noUnit && yearDeductions >= thresholds.notAdvanced,
      criticised: !noUnit && yearDeductions >= thresholds.criticised,
    };
  };
  const rows: UnitScore[] = [];
  for (const u of data.units) {
    const a = period.accs.get(u.id) ?? newAcc();
    // A unit no longer in use still appears for a period in which it did something.
    if (!u.active && !a.touched) continue;
    rows.push(row(u, a, false));
  }
  rows.sort((x, y) => y.net - x.net || y.points - x.points || y.sent - x.sent || x.unitId - y.unitId);
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    r.rank = prev && prev.net === r.net ? prev.rank : i + 1;
  });
  // 未填单位 comes last and unranked: it is no unit to praise or criticise, but its drafts and
  // items are counted where the reader sees them.
  const orphan = period.accs.get(NO_UNIT_ID);
  if (orphan?.touched) rows.push(row({ id: NO_UNIT_ID, name: NO_UNIT_NAME, active: true }, orphan, true));

  const sum = (f: (r: UnitScore) => number) => rows.reduce((n, r) => n + f(r), 0);
  const sent = sum((r) => r.sent);
  const totals: ScoreTotals = {
    units: rows.filter((r) => !r.noUnit).length,
    sent,
    adoptedItems: period.adoptedItems.size,
    adoptions: period.adoptions,
    adoptedCounty: period.byLevel.county,
    adoptedCity: period.byLevel.city,
    adoptedProvince: period.byLevel.province,
    instructions: period.instructions,
    points: sum((r) => r.points),
    deductions: sum((r) => r.deductions),
    net: sum((r) => r.net),
    reward: sum((r) => r.reward),
    adoptionRate: sent > 0 ? period.adoptedItems.size / sent : null,
    silentUnits: rows.filter((r) => r.silent).length,
  };
  const events = period.events.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.unitId - y.unitId));
  return { from, to, rows, totals, events };
}

/** The county's figures month by month across a period (months clipped to it), for the trend line. */
export function monthlyTrend(data: ScoreData, from: string, to: string): MonthScore[] {
  return monthSlices(from, to).map((m) => {
    const t = tally(data, m.from, m.to, false);
    let points = 0;
    let deductions = 0;
    for (const a of t.accs.values()) {
      points += a.points;
      deductions += a.deductions;
    }
    return { month: m.month, sent: t.sentAll, adoptions: t.adoptions, points, deductions, net: points - deductions };
  });
}
