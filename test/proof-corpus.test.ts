/**
 * The proofreading corpus (issue 18): the demo's items and thirty drafts of typical county
 * material. Correct text gives no finding at all; in the drafts as received every planted
 * mistake is found, by its rule, and nothing else is.
 */
import { describe, expect, it } from 'vitest';
import { parseBody } from '../src-main/api/text';
import { DEMO_ARTICLES } from '../src-main/demo/county';
import { DEFAULT_WORDING, checkItem, fixItem } from '../src-main/proof';
import { CORPUS_DRAFTS, corpusVersions } from './helpers/proof-corpus';

const OPTS = { wording: DEFAULT_WORDING };

describe('proofreading corpus', () => {
  it.each(DEMO_ARTICLES.map((a) => [a.title, a]))('demo item %s has no finding', (_t, a) => {
    expect(checkItem({ title: a.title, paragraphs: parseBody(a.body ?? '') }, OPTS)).toEqual([]);
  });

  it('holds thirty drafts with at least one planted mistake each', () => {
    expect(CORPUS_DRAFTS).toHaveLength(30);
    for (const d of CORPUS_DRAFTS) expect(corpusVersions(d).planted.length).toBeGreaterThan(0);
  });

  it.each(CORPUS_DRAFTS.map((d) => [d.title, d]))('%s: the correct text has no finding, every planted mistake is found', (_t, d) => {
    const v = corpusVersions(d);
    expect(checkItem({ title: d.title, paragraphs: v.correct.map((text) => ({ text })) }, OPTS)).toEqual([]);
    const found = checkItem({ title: d.title, paragraphs: v.received.map((text) => ({ text })) }, OPTS);
    const overlaps = (a: { paragraph: number | null; start: number; end: number }, b: typeof a) =>
      a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;
    for (const p of v.planted) {
      expect(found.some((f) => f.rule === p.rule && overlaps(f, p)), `${p.rule} in ${JSON.stringify(v.received[p.paragraph!])}`).toBe(true);
    }
    for (const f of found) {
      expect(v.planted.some((p) => overlaps(f, p)), `${f.rule} “${f.text}” fired outside the planted mistakes`).toBe(true);
    }
  });

  it('turns the received drafts into the correct text wherever every planted mistake has a certain fix', () => {
    let whole = 0;
    for (const d of CORPUS_DRAFTS) {
      const v = corpusVersions(d);
      const fixable = checkItem({ title: d.title, paragraphs: v.received.map((text) => ({ text })) }, OPTS).every((f) => f.fix !== undefined);
      if (!fixable) continue;
      whole++;
      expect(fixItem({ title: d.title, paragraphs: v.received.map((text) => ({ text })) }, OPTS).paragraphs.map((p) => p.text)).toEqual(v.correct);
    }
    expect(whole).toBeGreaterThanOrEqual(25);
  });
});
