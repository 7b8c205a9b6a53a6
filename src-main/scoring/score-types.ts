/**
 * What the scoring engine (compute.ts) reads and answers: the rows loaded for a period, the
 * ledger's events, a unit's row of the circular with its counts, the totals and the months.
 * Types only, and the list of counts a row shows, so readers of a score need not load the engine.
 */
import type { AdoptionKind, Level, RulesVersion } from './rules';

/** The row of drafts and items registered without a unit (no real unit has id 0). */
export const NO_UNIT_ID = 0;
export const NO_UNIT_NAME = '未填单位';

export interface UnitInfo {
  id: number;
  name: string;
  active: boolean;
}

/** Drafts received: one row per unit and day. */
export interface SubmissionCount {
  unitId: number | null;
  date: string;
  count: number;
}

export interface AdoptionRec {
  /** The hand-entered record's id; null for an adoption by our own series (read from the signed issue). */
  id: number | null;
  articleId: number;
  title: string;
  date: string;
  publication: string;
  level: Level;
  kind: AdoptionKind;
  issueRef: string;
  source: 'issue' | 'manual';
}

export interface InstructionRec {
  id: number;
  articleId: number;
  title: string;
  date: string;
  level: Level;
  leader: string;
}

export interface CommissionRec {
  id: number;
  topic: string;
  deadline: string;
  units: { unitId: number; answeredDate: string | null }[];
}

export interface DeductionRec {
  id: number;
  unitId: number;
  points: number;
  reason: string;
  date: string;
  /** Applied from an urgent event's proposal (紧急信息): a rule's deduction, not one entered by hand. */
  urgent?: boolean;
}

export interface TargetRec {
  unitId: number;
  validFrom: string;
  monthly: number;
}

export interface ScoreData {
  units: UnitInfo[];
  /** Oldest first. */
  rules: RulesVersion[];
  submissions: SubmissionCount[];
  adoptions: AdoptionRec[];
  instructions: InstructionRec[];
  /** Each item's units: its own unit first, then the units added for a combined item. */
  articleUnits: ReadonlyMap<number, readonly number[]>;
  commissions: CommissionRec[];
  deductions: DeductionRec[];
  targets: TargetRec[];
  /** Today's date: months and deadlines are judged only once they have passed. */
  today: string;
}

export type ScoreEventType =
  | 'adoption'
  | 'combined'
  | 'instruction'
  | 'targetMet'
  | 'targetMissed'
  | 'commissionLate'
  | 'commissionMissing'
  | 'deduction';

/** One line of the points ledger: where a unit's points came from. */
export interface ScoreEvent {
  date: string;
  unitId: number;
  unit: string;
  type: ScoreEventType;
  label: string;
  points: number;
  deducted: number;
  reward: number;
  articleId: number | null;
  title: string | null;
  /** The rules version that gave these numbers ('' for a deduction entered by hand). */
  rulesFrom: string;
  /** The rule applied, in words (县级简讯, 市级领导批示, …); null for a deduction entered by hand. */
  rule: string | null;
}

/**
 * What is counted for each unit, in the order a row shows it: adoptions (each publication counts)
 * by level, our own series counting as county; instructions by level; target months; late and
 * missing answers to commissions.
 */
const UNIT_COUNTS = [
  'adoptedCounty',
  'adoptedCity',
  'adoptedProvince',
  'instructionsCounty',
  'instructionsCity',
  'instructionsProvince',
  'targetMonthsMet',
  'targetMonthsMissed',
  'commissionsLate',
  'commissionsMissing',
] as const;
export type UnitCounts = Record<(typeof UNIT_COUNTS)[number], number>;

export function countsOf(from: UnitCounts | null): UnitCounts {
  return Object.fromEntries(UNIT_COUNTS.map((k) => [k, from ? from[k] : 0])) as UnitCounts;
}

export interface UnitScore extends UnitCounts {
  /** NO_UNIT_ID for the 未填单位 row. */
  unitId: number;
  unit: string;
  active: boolean;
  /** The 未填单位 row: drafts and items without a unit. */
  noUnit: boolean;
  /** Sent no draft and had no item adopted in the period (未报送); never the 未填单位 row. */
  silent: boolean;
  sent: number;
  /** Items of this unit adopted at least once in the period. */
  adopted: number;
  points: number;
  deductions: number;
  net: number;
  reward: number;
  /** 1 for the highest net; equal nets share a rank (1, 1, 3). Null for the 未填单位 row. */
  rank: number | null;
  /** Adopted items ÷ drafts sent; null when nothing was sent. */
  adoptionRate: number | null;
  /** Deducted from 1 January of the period's end year to the period's end. */
  yearDeductions: number;
  cannotBeAdvanced: boolean;
  criticised: boolean;
}

export interface ScoreTotals {
  units: number;
  sent: number;
  /** Distinct items adopted at least once. */
  adoptedItems: number;
  adoptions: number;
  adoptedCounty: number;
  adoptedCity: number;
  adoptedProvince: number;
  instructions: number;
  points: number;
  deductions: number;
  net: number;
  reward: number;
  adoptionRate: number | null;
  silentUnits: number;
}

export interface PeriodScore {
  from: string;
  to: string;
  rows: UnitScore[];
  totals: ScoreTotals;
  events: ScoreEvent[];
}

export interface MonthScore {
  month: string;
  sent: number;
  adoptions: number;
  points: number;
  deductions: number;
  net: number;
}
