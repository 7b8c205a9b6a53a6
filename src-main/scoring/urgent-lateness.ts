/**
 * Urgent information (紧急信息): how late a unit's report was, and the deduction that implies.
 * Pure; times are local 'YYYY-MM-DDTHH:MM' (one time zone, no daylight saving in China).
 *
 * Each level the event reached (always the county; the city or province when we reported there)
 * must have it within that level's limit after the event (rules.urgentLimits). The unit is late
 * for a level when its report to us came after that level's deadline: the level could only be
 * told late because of it. The deduction proposed is that of the highest such level
 * (rules.deductions.urgentLate). A unit that never reported it (the office learnt of it
 * elsewhere) has concealed or omitted it: urgentConcealed at the highest level reached.
 * Our own upward reports' lateness is shown, never charged to the unit.
 */
import { LEVELS, LEVEL_LABELS, type Level, type ScoreRules } from './rules';

export interface LevelCheck {
  level: Level;
  /** The event time plus the level's limit. */
  deadline: string;
  limitMinutes: number;
  /** When this level was told: the unit's report for the county, our first upward report else. */
  reportedAt: string | null;
  /** Minutes the unit's report came after this level's deadline (0 when in time); null when it never reported. */
  unitLateMinutes: number | null;
  /** Minutes our first report to this level came after its deadline; null for the county or when not yet reported. */
  upwardLateMinutes: number | null;
}

export interface UrgentProposal {
  kind: 'late' | 'concealed';
  level: Level;
  points: number;
  /** The deduction's reason as it will be recorded. */
  reason: string;
}

const ms = (t: string) => Date.parse(`${t}:00Z`);
export const addMinutes = (t: string, minutes: number) => new Date(ms(t) + minutes * 60_000).toISOString().slice(0, 16);
const minutesAfter = (t: string, deadline: string) => Math.max(0, Math.round((ms(t) - ms(deadline)) / 60_000));

export function checkUrgent(
  rules: ScoreRules,
  e: { what: string; eventTime: string; unitReportedAt: string | null; upward: { level: Level; reportedAt: string }[] },
): { checks: LevelCheck[]; proposal: UrgentProposal | null } {
  const reached = LEVELS.filter((l) => l === 'county' || e.upward.some((u) => u.level === l));
  const checks = reached.map((level): LevelCheck => {
    const limitMinutes = rules.urgentLimits[level];
    const deadline = addMinutes(e.eventTime, limitMinutes);
    const first = e.upward.filter((u) => u.level === level).map((u) => u.reportedAt).sort()[0] ?? null;
    return {
      level,
      deadline,
      limitMinutes,
      reportedAt: level === 'county' ? e.unitReportedAt : first,
      unitLateMinutes: e.unitReportedAt === null ? null : minutesAfter(e.unitReportedAt, deadline),
      upwardLateMinutes: level === 'county' || first === null ? null : minutesAfter(first, deadline),
    };
  });
  const top = reached.at(-1)!;
  if (e.unitReportedAt === null) {
    const points = rules.deductions.urgentConcealed[top];
    return { checks, proposal: { kind: 'concealed', level: top, points, reason: `紧急信息瞒报漏报（${LEVEL_LABELS[top]}）：${e.what}` } };
  }
  const late = checks.filter((c) => (c.unitLateMinutes ?? 0) > 0).at(-1);
  if (!late) return { checks, proposal: null };
  const points = rules.deductions.urgentLate[late.level];
  return {
    checks,
    proposal: {
      kind: 'late',
      level: late.level,
      points,
      reason: `紧急信息迟报（${LEVEL_LABELS[late.level]}，超时${late.unitLateMinutes}分钟）：${e.what}`,
    },
  };
}
