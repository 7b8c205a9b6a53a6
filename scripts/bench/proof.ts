/**
 * Proofreading (issue 18): the check of a 10,000-character item — what the editor runs as the
 * user types — must take at most 20 ms. The item is made of the corpus drafts as received
 * (planted mistakes and all) and the demo's items, repeated to 10,000 characters.
 */
import { parseBody } from '../../src-main/api/text';
import { DEMO_ARTICLES } from '../../src-main/demo/county';
import { DEFAULT_WORDING, checkItem, fixItem } from '../../src-main/proof';
import { CORPUS_DRAFTS, corpusVersions } from '../../test/helpers/proof-corpus';
import { goalLine, row, time } from './stats';

function item(chars: number): { title: string; paragraphs: { text: string }[] } {
  const source = [
    ...CORPUS_DRAFTS.flatMap((d) => corpusVersions(d).received),
    ...DEMO_ARTICLES.flatMap((a) => parseBody(a.body ?? '').map((p) => p.text)),
  ];
  const paragraphs: { text: string }[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const text = source[i % source.length]!;
    paragraphs.push({ text });
    n += text.length;
  }
  return { title: '城关镇推进老旧小区改造,惠及居民4800余户', paragraphs };
}

export async function benchProof(_dir: string, quick: boolean): Promise<string[]> {
  const big = item(10_000);
  const chars = big.paragraphs.reduce((s, p) => s + p.text.length, 0);
  const options = { wording: DEFAULT_WORDING, thousands: 'plain' as const };
  const findings = checkItem(big, options).length;
  // Warm up the regular expressions before timing, as a page does after its first check.
  for (let i = 0; i < 5; i++) checkItem(big, options);
  const samples = quick ? 30 : 100;
  const check = await time(samples, () => checkItem(big, options));
  const fix = await time(30, () => fixItem(big, options));
  // CPU time of the same checks: what the check costs when the machine is not shared (on a
  // busy machine the wall-clock p95 holds other processes' time slices).
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < samples; i++) checkItem(big, options);
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / samples;
  return [
    `item of ${chars} characters in ${big.paragraphs.length} paragraphs, ${findings} findings`,
    row('check a 10,000-character item', check),
    row('fix every certain finding (rounds)', fix),
    `${'CPU time per check (mean)'.padEnd(44)} ${cpuMs.toFixed(2)} ms`,
    goalLine('check of a 10,000-character item, p95', check.p95, '<=', 20, 'ms'),
  ];
}
