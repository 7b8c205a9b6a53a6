/**
 * What the assessment (考核) entries answer: adoption, instruction, commission, deduction and
 * target records, an item's units, the period report and the circular's files.
 */
import type { AdoptionKind, Level } from '../../scoring/rules';
import type { Period } from '../../scoring/periods';
import type { MonthScore, ScoreTotals, UnitScore } from '../../scoring/compute';
export interface AdoptionEntry {
  /** Null for an adoption by our own series, which is read from the signed issue. */
  id: number | null;
  source: 'issue' | 'manual';
  articleId: number;
  title: string;
  units: string[];
  publication: string;
  level: Level;
  kind: AdoptionKind;
  date: string;
  issueRef: string;
  /** The signed issue, for an adoption by our own series. */
  issueId: number | null;
  createdAt: string | null;
}

export interface InstructionEntry {
  id: number;
  articleId: number;
  title: string;
  units: string[];
  level: Level;
  leader: string;
  date: string;
  text: string;
  createdAt: string;
}

export type CommissionStatus = 'onTime' | 'late' | 'missing' | 'pending';
export const COMMISSION_STATUS_LABELS: Record<CommissionStatus, string> = {
  onTime: '按时报送',
  late: '迟报',
  missing: '未报',
  pending: '待报送',
};

export interface CommissionEntry {
  id: number;
  topic: string;
  deadline: string;
  createdAt: string;
  units: { unitId: number; unit: string; answeredDate: string | null; articleId: number | null; status: CommissionStatus }[];
}

export interface DeductionEntry {
  id: number;
  unitId: number;
  unit: string;
  points: number;
  reason: string;
  date: string;
  createdAt: string;
}

export interface TargetEntry {
  unitId: number;
  unit: string;
  /** First day of the month from which this target applies. */
  validFrom: string;
  monthly: number;
  /** True for the target in force this month. */
  current: boolean;
}

export interface ArticleUnits {
  id: number;
  title: string;
  /** The item's own unit, if any. */
  unitId: number | null;
  unit: string | null;
  /** The further units of a combined item. */
  extra: { id: number; name: string }[];
}

export interface ScoreReport extends Period {
  /** 关于2026年第三季度全县政务信息报送情况的通报 */
  title: string;
  rows: UnitScore[];
  totals: ScoreTotals;
  months: MonthScore[];
  /** Units that sent nothing in the period, in the order of the unit register. */
  silentUnits: string[];
  /** Units whose deductions this year reach the criticism line / the not-advanced line. */
  criticised: string[];
  notAdvanced: string[];
  /** Units late or missing on commissions this year as often as the rules flag (issue 16). */
  commissionFlagged: string[];
  /** The rules version in force on the period's last day. */
  rulesFrom: string;
  /** The day the figures were computed: months and deadlines after it are not judged yet. */
  today: string;
}

export interface CircularPaths {
  docx: string;
  xlsx: string;
}

export interface CircularFile {
  fileName: string;
  base64: string;
}
