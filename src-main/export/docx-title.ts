/**
 * Line-breaking of item titles (and long contents entries): GB/T 9704-2012 7.3.1 wants a long
 * title "排列对称，长短适宜，使用梯形或菱形", with whole words. Word would fill the first line and
 * leave a stub below, so the renderer decides the breaks itself and writes them as explicit line
 * breaks, so every program breaks the same way (docs/layout.md "Titles").
 *
 * Words come from Intl.Segmenter('zh', word) — ICU's dictionary — with what it splits glued back:
 * a figure with its unit (50%、1.5亿元、2026年), Latin runs (5G+), a quoted or 《》 phrase, the
 * county-government compounds of title-words.ts (老旧小区 is 老旧|小区 to ICU), and punctuation
 * that may not start or end a line. Widths are measured (metrics.ts), not counted. Lines are
 * balanced as a trapezoid: no line shorter than the one below it, unless a word forces it.
 * Pure functions only.
 */
import type { FontSpec } from './layout-profile';
import { NO_LINE_END, NO_LINE_START } from './line-breaking';
import { measureText } from './metrics';
import { TITLE_WORDS } from './title-words';

interface Token {
  text: string;
  /** A space the writer put in (主题 副题): the best place to break, and dropped at a line edge. */
  space: boolean;
  /** Cost of breaking right after this token: low after punctuation, high inside a phrase. */
  breakCost: number;
}

const UNIT = /^[亿万千百十元角吨亩斤米公里人户个家项件次岁倍年月日号期天%％‰余多]/u;
/** A figure, possibly with part of its unit already glued on: 1.5 → 1.5亿 → 1.5亿元. */
const FIGURE_END = /[0-9０-９][亿万千百十元角吨亩斤米公里人户个家项件次岁倍年月日号期天%％‰余多]*$/u;
const ASCII_RUN = /^[\x21-\x7e]+$/;
/** Words a break may follow or precede cheaply: connectives and particles. */
const LIGHT = new Set(['和', '与', '及', '并', '为', '在', '对', '把', '将', '让', '以', '暨']);
/** Particles that belong to the word before them: never break before 的 or 等. */
const ATTACHED = new Set(['的', '等', '了', '中', '上']);

let segmenter: Intl.Segmenter | null = null;
function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** Offsets (UTF-16) strictly inside a compound of title-words.ts: no break may fall there. */
function insideCompounds(title: string): Set<number> {
  const inside = new Set<number>();
  for (const w of TITLE_WORDS) {
    for (let at = title.indexOf(w); at >= 0; at = title.indexOf(w, at + 1)) {
      for (let k = 1; k < w.length; k++) inside.add(at + k);
    }
  }
  return inside;
}

/** Glue ICU's words back into the units a title line may never split. */
function tokenize(title: string): Token[] {
  // ICU's words, joined wherever a break would fall inside a compound (老旧|小区, 重点项目|建设).
  const inside = insideCompounds(title);
  const merged: string[] = [];
  let offset = 0;
  for (const seg of words(title)) {
    if (merged.length && inside.has(offset)) merged[merged.length - 1] += seg;
    else merged.push(seg);
    offset += seg.length;
  }
  const tokens: Token[] = [];
  let carry = '';
  let quote: string | null = null;
  for (const seg of merged) {
    const space = /^[ \u3000]+$/.test(seg);
    const prev = tokens[tokens.length - 1];
    const first = [...seg][0] ?? '';
    const glue =
      prev &&
      !prev.space &&
      !space &&
      !carry &&
      (quote !== null ||
        NO_LINE_START.has(first) ||
        (FIGURE_END.test(prev.text) && (UNIT.test(seg) || ASCII_RUN.test(seg))) ||
        (ASCII_RUN.test(seg) && /[\x21-\x7e]$/.test(prev.text)));
    if (quote !== null && seg.includes(quote)) quote = null;
    else if (/[“《「]/u.test(seg) && !/[”》」]/u.test(seg)) quote = seg.includes('“') ? '”' : seg.includes('《') ? '》' : '」';
    if (glue && prev) {
      prev.text += seg;
      continue;
    }
    if (!space && [...seg].every((c) => NO_LINE_END.has(c))) {
      carry += seg;
      continue;
    }
    tokens.push({ text: carry + seg, space, breakCost: 0 });
    carry = '';
  }
  if (carry) tokens.push({ text: carry, space: false, breakCost: 0 });
  // A quoted phrase too long for any line gives its quote marks back as ordinary breaks.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const last = [...t.text].slice(-1)[0] ?? '';
    if (t.space || next?.space) t.breakCost = -12;
    else if (/[，、；：。！？]/u.test(last)) t.breakCost = -6;
    else if (next && ATTACHED.has(next.text)) t.breakCost = 12;
    else if (LIGHT.has(t.text) || (next && LIGHT.has(next.text))) t.breakCost = 1;
    else if ([...t.text].length === 1 || (next && [...next.text].length === 1)) t.breakCost = 10;
    else t.breakCost = 3;
  }
  return tokens;
}

function lineOf(tokens: readonly Token[], from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && tokens[a]?.space) a++;
  while (b > a && tokens[b - 1]?.space) b--;
  return tokens
    .slice(a, b)
    .map((t) => t.text)
    .join('');
}

/** Beyond this a "title" is really a paragraph: balancing it buys nothing and costs time. */
const MAX_BALANCED_LINES = 8;
const MAX_BALANCED_TOKENS = 160;

function greedy(tokens: readonly Token[], fits: (s: string) => boolean): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i - start > 1 && !fits(lineOf(tokens, start, i))) {
      lines.push(lineOf(tokens, start, i - 1));
      start = i - 1;
    }
  }
  const last = lineOf(tokens, start, tokens.length);
  if (last) lines.push(last);
  return lines.filter(Boolean);
}

/**
 * Splits a title into lines that fit `width` twips in `font`, whole words only, as a trapezoid
 * (each line at least as wide as the one below it), as even as possible, preferring breaks after
 * punctuation or the writer's own space. A title that fits on one line comes back as one line.
 */
export function balanceTitle(title: string, font: FontSpec, width: number): string[] {
  const text = title.trim();
  if (!text) return [];
  const w = (s: string) => measureText(s, font);
  const fits = (s: string) => w(s) <= width + 0.01;
  if (fits(text)) return [text];
  const tokens = tokenize(text);
  if (tokens.length > MAX_BALANCED_TOKENS || tokens.some((t) => !fits(t.text))) return greedy(tokens, fits);
  const em = font.size * 10;
  const minLines = Math.ceil(w(text) / width);
  for (let n = minLines; n <= Math.min(tokens.length, MAX_BALANCED_LINES); n++) {
    for (const strict of [true, false]) {
      const lines = bestSplit(tokens, n, (s) => w(s) / em, width / em, strict);
      if (lines) return lines;
    }
  }
  return greedy(tokens, fits);
}

/** Exhaustive search with memo over (tokens used, lines left, width of the line above). */
function bestSplit(
  tokens: readonly Token[],
  lines: number,
  ems: (s: string) => number,
  capacity: number,
  trapezoid: boolean,
): string[] | null {
  const total = ems(lineOf(tokens, 0, tokens.length));
  const target = total / lines;
  const memo = new Map<string, { cost: number; next: number } | null>();
  const solve = (start: number, left: number, above: number): { cost: number; next: number } | null => {
    const key = `${start},${left},${Math.round(above * 100)}`;
    const hit = memo.get(key);
    if (hit !== undefined || memo.has(key)) return hit ?? null;
    let best: { cost: number; next: number } | null = null;
    const lastEnd = left === 1 ? tokens.length : tokens.length - (left - 1);
    const firstEnd = left === 1 ? tokens.length : start + 1;
    for (let end = firstEnd; end <= lastEnd; end++) {
      const text = lineOf(tokens, start, end);
      const width = ems(text);
      if (width > capacity + 1e-6) break;
      if (!text) continue;
      // Upper lines not shorter than lower ones: this line may not be wider than the one above.
      if (trapezoid && above > 0 && width > above + 1e-6) break;
      let cost = (width - target) ** 2;
      if (left > 1) {
        cost += tokens[end - 1]?.breakCost ?? 0;
        const rest = solve(end, left - 1, width);
        if (!rest) continue;
        cost += rest.cost;
      }
      if (!best || cost < best.cost) best = { cost, next: end };
    }
    memo.set(key, best);
    return best;
  };
  if (!solve(0, lines, 0)) return null;
  const out: string[] = [];
  let start = 0;
  let above = 0;
  for (let left = lines; left >= 1; left--) {
    const step = solve(start, left, above);
    if (!step) return null;
    const line = lineOf(tokens, start, step.next);
    out.push(line);
    above = ems(line);
    start = step.next;
  }
  return out;
}
