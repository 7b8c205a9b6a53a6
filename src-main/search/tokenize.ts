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

function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** Splits text into runs: Han runs are kept whole; other letters/digits form lower-case words. */
export function runs(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let currentHan = false;
  const flush = () => {
    if (current) out.push(current);
    current = '';
  };
  for (const ch of text.normalize('NFKC')) {
    if (isHan(ch)) {
      if (!currentHan) flush();
      currentHan = true;
      current += ch;
    } else if (WORD.test(ch)) {
      if (currentHan) flush();
      currentHan = false;
      current += ch.toLowerCase();
    } else flush();
  }
  flush();
  return out;
}

function hanChars(run: string): string[] {
  return [...run];
}

/** The bigram token stream of a text (a lone Han character between separators stands as itself). */
export function bigramTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const run of runs(text)) {
    const chars = hanChars(run);
    if (!isHan(chars[0]!)) tokens.push(run);
    else if (chars.length === 1) tokens.push(run);
    else for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  }
  return tokens;
}

/** The distinct Han characters of a text, for one-character queries. */
export function unigramTokens(text: string): string[] {
  const seen = new Set<string>();
  for (const run of runs(text)) for (const ch of hanChars(run)) if (isHan(ch)) seen.add(ch);
  return [...seen];
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
    if (isHan(chars[0]!) && chars.length === 1) terms.push({ kind: 'char', text: run });
    else terms.push({ kind: 'phrase', text: run, tokens: bigramTokens(run) });
  }
  return terms;
}

/** FTS5 query syntax for a phrase of tokens: each token quoted, so nothing in it is an operator. */
export function ftsPhrase(tokens: readonly string[]): string {
  return `"${tokens.map((t) => t.replace(/"/g, '""')).join(' ')}"`;
}
