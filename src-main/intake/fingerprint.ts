/**
 * Near-duplicate drafts: a unit re-sends a draft with a word changed, or two units send the
 * same material. Each draft's text (title and body, letters and digits only) is cut into
 * character bigrams; a 64-bit SimHash of those is stored as 16 hex digits in `fingerprint`.
 * SimHash narrows the field cheaply (similar texts have few differing bits); the decision is
 * then made on the bigram sets themselves (Jaccard similarity), which is exact and explainable:
 * "内容相似度 96%".
 */
import type { Paragraph } from '../api/text';

/** Fingerprints further apart than this are not compared in full. */
export const CANDIDATE_DISTANCE = 16;
/** At most this many of the nearest fingerprints are compared in full for one new draft. */
export const MAX_COMPARED = 32;
/** Bigram sets at least this similar are the same draft. */
export const NEAR_DUPLICATE_SIMILARITY = 0.85;
/** Shorter texts say too little to call them near-duplicates (exact repeats are still caught). */
export const MIN_BIGRAMS = 12;

const DROP = /[^\p{L}\p{N}]+/gu;

/** Letters and digits only, so spacing, punctuation and full/half width do not make texts differ. */
function letters(text: string): string[] {
  return [...text.normalize('NFKC').toLowerCase().replace(DROP, '')];
}

export function bigrams(title: string, paragraphs: readonly Paragraph[]): string[] {
  const chars = letters(`${title}\n${paragraphs.map((p) => p.text).join('\n')}`);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Two independent 32-bit FNV-1a hashes, finalised, make the feature's 64 bits. */
function hash64(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ 0x9e3779b9;
  }
  return [fmix32(a), fmix32(b)];
}

export function simhash(features: readonly string[]): string {
  const weights = new Int32Array(64);
  for (const f of features) {
    const [hi, lo] = hash64(f);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit]! += (hi >>> bit) & 1 ? 1 : -1;
      weights[32 + bit]! += (lo >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit]! > 0) hi |= 1 << bit;
    if (weights[32 + bit]! > 0) lo |= 1 << bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Differing bits between two fingerprints; 64 when either is missing or malformed. */
export function hamming(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/.test(a) || !/^[0-9a-f]{16}$/.test(b)) return 64;
  const x = (parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0;
  const y = (parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0;
  return popcount(x) + popcount(y);
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** The key two titles share when they are the same title written slightly differently. */
export function titleKey(title: string): string {
  return letters(title).join('');
}
