/**
 * A synthetic archive with a realistic spread of word frequencies: a vocabulary of Chinese
 * "words" (1–4 characters from a pool of common Han characters) drawn with Zipf's law, so a few
 * words appear in most items and most words in very few — like real government prose.
 */

/** A small deterministic generator, so every run builds the same archive. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Vocabulary {
  words: string[];
  /** Cumulative Zipf weights, for sampling by binary search. */
  cumulative: Float64Array;
  chars: string[];
}

export function makeVocabulary(size: number, random: () => number): Vocabulary {
  const chars: string[] = [];
  // 3,500 characters, the size of the list of commonly used Chinese characters
  for (let i = 0; i < 3500; i++) chars.push(String.fromCodePoint(0x4e00 + Math.floor(random() * 0x5000)));
  const words = new Set<string>();
  while (words.size < size) {
    const r = random();
    const len = r < 0.08 ? 1 : r < 0.78 ? 2 : r < 0.9 ? 3 : 4;
    let w = '';
    // common words are made of common characters: skew the character choice too
    for (let i = 0; i < len; i++) w += chars[Math.floor(chars.length * random() ** 2)];
    words.add(w);
  }
  const list = [...words];
  const cumulative = new Float64Array(list.length);
  let acc = 0;
  for (let i = 0; i < list.length; i++) cumulative[i] = acc += 1 / (i + 1);
  return { words: list, cumulative, chars };
}

export function sampleWord(v: Vocabulary, random: () => number): string {
  const x = random() * v.cumulative[v.cumulative.length - 1]!;
  let lo = 0;
  let hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo]!;
}

const PUNCT = ['，', '，', '，', '。', '、', '；'];

/** A paragraph-structured text of about `length` characters. */
export function makeText(v: Vocabulary, random: () => number, length: number): string[] {
  const paragraphs: string[] = [];
  let total = 0;
  while (total < length) {
    let p = '';
    const target = 80 + Math.floor(random() * 220);
    while (p.length < target) {
      p += sampleWord(v, random);
      if (random() < 0.12) p += PUNCT[Math.floor(random() * PUNCT.length)];
    }
    paragraphs.push(`${p}。`);
    total += p.length + 1;
  }
  return paragraphs;
}
