/**
 * Chinese text → search tokens. SQLite's own tokenizers cannot serve one- and two-character
 * Chinese queries from an index (unicode61 keeps a whole run of Han characters as one token,
 * trigram needs three), so the text is tokenized here and stored pre-split:
 *   - unigrams: each Han character once per document (presence only, for one-character queries);
 *   - bigrams: every pair of neighbouring Han characters, in order (phrases of bigrams answer
 *     queries of two or more characters exactly, as FTS5 phrase queries);
 *   - Latin letters and digits as whole lower-case words, in the same sequence.
 * Tokens are separated by spaces and FTS5's `ascii` tokenizer splits on those only.
 */

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/*
 * The fast path (rebuilding the index of 100,000 items tokenizes some 300 million characters):
 * characters are classified by their code first, and the regular expressions above, which decide,
 * are asked only outside the ranges settled here: the CJK Unified Ideographs block is all Han, and
 * nothing below U+2E80 is; ASCII letters and digits are words, other ASCII is not.
 */
function isHanCode(code: number, ch: string): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x2e80) return false;
  return HAN.test(ch);
}

function isWordCode(code: number, ch: string): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return WORD.test(ch);
}

function isHan(ch: string): boolean {
  return isHanCode(ch.codePointAt(0)!, ch);
}

/** A run of Han characters (kept as its characters) or a lower-case word of other letters/digits. */
type Run = { han: true; chars: string[] } | { han: false; word: string };

function scanRuns(text: string): Run[] {
  const out: Run[] = [];
  let chars: string[] = [];
  let word = '';
  const normalized = text.normalize('NFKC');
  for (let i = 0; i < normalized.length; ) {
    const code = normalized.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = width === 1 ? normalized[i]! : normalized.slice(i, i + 2);
    i += width;
    if (isHanCode(code, ch)) {
      if (word) {
        out.push({ han: false, word });
        word = '';
      }
      chars.push(ch);
    } else if (isWordCode(code, ch)) {
      if (chars.length) {
        out.push({ han: true, chars });
        chars = [];
      }
      word += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : code < 0x80 ? ch : ch.toLowerCase();
    } else if (chars.length) {
      out.push({ han: true, chars });
      chars = [];
    } else if (word) {
      out.push({ han: false, word });
      word = '';
    }
  }
  if (chars.length) out.push({ han: true, chars });
  else if (word) out.push({ han: false, word });
  return out;
}

/** Splits text into runs: Han runs are kept whole; other letters/digits form lower-case words. */
export function runs(text: string): string[] {
  return scanRuns(text).map((r) => (r.han ? r.chars.join('') : r.word));
}

function pushBigrams(list: readonly Run[], tokens: string[]): string[] {
  for (const r of list) {
    if (!r.han) tokens.push(r.word);
    else if (r.chars.length === 1) tokens.push(r.chars[0]!);
    else for (let i = 0; i + 1 < r.chars.length; i++) tokens.push(r.chars[i]! + r.chars[i + 1]!);
  }
  return tokens;
}

function pushUnigrams(list: readonly Run[], seen: Set<string>): Set<string> {
  for (const r of list) if (r.han) for (const ch of r.chars) seen.add(ch);
  return seen;
}

/** The bigram token stream of a text (a lone Han character between separators stands as itself). */
export function bigramTokens(text: string): string[] {
  return pushBigrams(scanRuns(text), []);
}

/** The distinct Han characters of a text, for one-character queries. */
export function unigramTokens(text: string): string[] {
  return [...pushUnigrams(scanRuns(text), new Set())];
}

/**
 * A document's tokens, its text scanned once: the title's and the body's bigrams, and the distinct
 * Han characters of both (the same as unigramTokens of title, a line break, then body).
 */
export function documentTokens(title: string, body: string): { title: string[]; body: string[]; unigrams: string[] } {
  const t = scanRuns(title);
  const b = scanRuns(body);
  return { title: pushBigrams(t, []), body: pushBigrams(b, []), unigrams: [...pushUnigrams(b, pushUnigrams(t, new Set()))] };
}

export type QueryTerm =
  | { kind: 'char'; text: string } // one Han character: the unigram table
  | { kind: 'phrase'; text: string; tokens: string[] }; // two or more characters, or a Latin word

/** A user's query → terms that must all match. Words are separated by spaces or punctuation. */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const run of runs(query)) {
    if (seen.has(run)) continue;
    seen.add(run);
    const chars = [...run];
    if (chars.length === 1 && isHan(chars[0]!)) terms.push({ kind: 'char', text: run });
    else terms.push({ kind: 'phrase', text: run, tokens: bigramTokens(run) });
  }
  return terms;
}

/** FTS5 query syntax for a phrase of tokens: each token quoted, so nothing in it is an operator. */
export function ftsPhrase(tokens: readonly string[]): string {
  return `"${tokens.map((t) => t.replace(/"/g, '""')).join(' ')}"`;
}
