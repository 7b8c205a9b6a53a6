import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bigramTokens, documentTokens, ftsPhrase, parseQuery, runs, unigramTokens } from '../src-main/search/tokenize';
import { documentStreams } from '../src-main/search/token-stream';

describe('search tokens', () => {
  it('splits Han runs from Latin words and digits, dropping punctuation', () => {
    expect(runs('城关镇建成5G基站，投入1.5亿元！ＡＢＣ')).toEqual(['城关镇建成', '5g', '基站', '投入', '1', '5', '亿元', 'abc']);
  });
  it('makes bigrams in order, and single characters stand as themselves', () => {
    expect(bigramTokens('老旧小区改造')).toEqual(['老旧', '旧小', '小区', '区改', '改造']);
    expect(bigramTokens('省、市、县')).toEqual(['省', '市', '县']);
  });
  it('lists each Han character once for one-character queries', () => {
    expect(unigramTokens('改造改造 5G')).toEqual(['改', '造']);
  });
  it('turns a query into terms: one character, phrases, words; repeats dropped', () => {
    expect(parseQuery('镇 老旧小区  5G 镇')).toEqual([
      { kind: 'char', text: '镇' },
      { kind: 'phrase', text: '老旧小区', tokens: ['老旧', '旧小', '小区'] },
      { kind: 'phrase', text: '5g', tokens: ['5g'] },
    ]);
    expect(parseQuery('  ，。 ')).toEqual([]);
  });
  it('quotes phrases so nothing in them is an FTS operator', () => {
    expect(ftsPhrase(['a"b', 'OR'])).toBe('"a""b OR"');
  });
});

/** The tokenizer as first written, regular expressions only: the fast path must answer the same. */
const reference = {
  runs(text: string): string[] {
    const out: string[] = [];
    let current = '';
    let currentHan = false;
    const flush = () => {
      if (current) out.push(current);
      current = '';
    };
    for (const ch of text.normalize('NFKC')) {
      if (/\p{Script=Han}/u.test(ch)) {
        if (!currentHan) flush();
        currentHan = true;
        current += ch;
      } else if (/[\p{L}\p{N}]/u.test(ch)) {
        if (currentHan) flush();
        currentHan = false;
        current += ch.toLowerCase();
      } else flush();
    }
    flush();
    return out;
  },
  bigrams(text: string): string[] {
    const tokens: string[] = [];
    for (const run of reference.runs(text)) {
      const chars = [...run];
      if (!/\p{Script=Han}/u.test(chars[0]!) || chars.length === 1) tokens.push(run);
      else for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    }
    return tokens;
  },
  unigrams(text: string): string[] {
    const seen = new Set<string>();
    for (const run of reference.runs(text)) for (const ch of run) if (/\p{Script=Han}/u.test(ch)) seen.add(ch);
    return [...seen];
  },
};

describe('the fast tokenizer', () => {
  // Han from every block, Latin of both cases, full-width forms, digits, punctuation, astral characters.
  const pieces = ['城', '关', '镇', '〇', '々', '⺀', '㐀', '豈', '𠀀', '𪜀', 'a', 'Z', 'É', 'ß', 'Ａ', '５', '9', ' ', '，', '。', '\n', '!', 'ª', 'Ⅻ', '①', 'ｶ', 'ﾞ', '가', 'я', '\u0301'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));
  it('answers as the reference does for any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(runs(t)).toEqual(reference.runs(t));
        expect(bigramTokens(t)).toEqual(reference.bigrams(t));
        expect(unigramTokens(t)).toEqual(reference.unigrams(t));
      }),
      { numRuns: 2000 },
    );
  });
  it('a document scanned once gives the same tokens as title and body tokenized apart', () => {
    fc.assert(
      fc.property(text, text, (title, body) => {
        expect(documentTokens(title, body)).toEqual({ title: bigramTokens(title), body: bigramTokens(body), unigrams: unigramTokens(`${title}\n${body}`) });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the index texts built in one pass (token-stream.ts)', () => {
  const pieces = ['城', '关', '镇', '城', '〇', '々', '⺀', '㐀', '豈', '𠀀', '𪜀', '𠀀', 'a', 'Z', 'É', 'ß', 'İ', 'Ａ', '５', '9', ' ', '，', '。', '\n', '!', 'ª', 'Ⅻ', '①', 'ｶ', 'ﾞ', '가', 'я', '\u0301', '\ud800', '\udc00'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));
  it('are documentTokens joined with spaces, the title counted twice', () => {
    fc.assert(
      fc.property(text, text, (title, body) => {
        const tokens = documentTokens(title, body);
        expect(documentStreams(title, body, 'zzsep')).toEqual({
          bi: [...tokens.title, 'zzsep', ...tokens.title, 'zzsep', ...tokens.body].join(' '),
          uni: tokens.unigrams.join(' '),
        });
      }),
      { numRuns: 3000 },
    );
  });
});
