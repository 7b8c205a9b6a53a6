/**
 * Timing helpers for the benchmark: run, collect milliseconds, report min / median / p95, and
 * hold figures to the goals the issues set (printed with 达标 / 未达标 and written to --json).
 */
export interface Stats {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

/** Fewer samples than this and a "p95" is only the maximum: rows below it are marked. */
export const MIN_SAMPLES = 30;

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, min: s[0]!, median: at(0.5), p95: at(0.95), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export async function time(times: number, fn: (i: number) => unknown): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

/**
 * A latency row: min / median / p95 of MIN_SAMPLES samples or more. With fewer (a whole-file
 * operation timed a few times: each run reads or writes the whole archive) it is printed as a
 * duration instead, min / median / max and marked so: a p95 of three runs would be a maximum.
 */
export function row(label: string, s: Stats, extra = ''): string {
  if (s.n < MIN_SAMPLES) return duration(label, s, extra);
  return `${label.padEnd(44)} min ${ms(s.min).padStart(10)}   median ${ms(s.median).padStart(10)}   p95 ${ms(s.p95).padStart(10)}   (n=${s.n})${extra ? `  ${extra}` : ''}`;
}

/** A whole operation run a few times: its duration, not a latency distribution. */
export function duration(label: string, s: Stats, extra = ''): string {
  return `${label.padEnd(44)} duration (one-shot runs, not a latency): min ${ms(s.min)}, median ${ms(s.median)}, max ${ms(s.max)} (runs=${s.n})${extra ? `  ${extra}` : ''}`;
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export interface GoalResult {
  /** What is measured, as printed. */
  label: string;
  value: number;
  /** 'ms', 's', 'MB', 'x' …: how value and limit are printed. */
  unit: string;
  /** The value must be at most (`<=`) or at least (`>=`) the limit. */
  op: '<=' | '>=';
  limit: number;
  met: boolean;
  /** The section that measured it. */
  section: string;
}

/** Every goal held so far in this run, in order; main.ts prints them again at the end and writes the JSON. */
export const GOALS: GoalResult[] = [];
let currentSection = '';
export function enterSection(title: string): void {
  currentSection = title;
}

const fmtValue = (v: number, unit: string) => (unit === 'ms' ? ms(v) : `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${unit}`);

/** Holds a figure to a goal and returns the printed line: `label  value  目标 ≤ limit  达标`. */
export function goalLine(label: string, value: number, op: '<=' | '>=', limit: number, unit = 'ms'): string {
  const met = Number.isFinite(value) && (op === '<=' ? value <= limit : value >= limit);
  GOALS.push({ label, value, unit, op, limit, met, section: currentSection });
  return `${label.padEnd(44)} ${fmtValue(value, unit).padStart(12)}   目标 ${op === '<=' ? '≤' : '≥'} ${fmtValue(limit, unit)}  ${met ? '达标' : '未达标'}`;
}

/** A time under a limit in milliseconds (goals moved here from the tests: a busy machine is not a bug). */
export function goal(label: string, value: number, under: number): string {
  return goalLine(label, value, '<=', under, 'ms');
}
