import { describe, expect, it } from 'vitest';
import { bigramTokens, ftsPhrase, parseQuery, runs, unigramTokens } from '../src-main/search/tokenize';

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
