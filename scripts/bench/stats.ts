/** Timing helpers for the benchmark: run, collect milliseconds, report median and p95. */
export interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
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

export function row(label: string, s: Stats, extra = ''): string {
  return `${label.padEnd(44)} median ${ms(s.median).padStart(10)}   p95 ${ms(s.p95).padStart(10)}   (n=${s.n})${extra ? `  ${extra}` : ''}`;
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A figure beside the goal it is held to (goals moved here from the tests: a busy machine is not a bug). */
export function goal(label: string, value: number, under: number): string {
  return `${label.padEnd(44)} ${ms(value).padStart(10)}   goal: under ${ms(under)}  ${value < under ? 'met' : 'MISSED'}`;
}
