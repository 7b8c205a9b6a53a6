/**
 * The pagination model on its own (src-main/export/pagination.ts), and the issueLayout entry of
 * the API table. What LibreOffice actually prints is compared in layout-fidelity.test.ts.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAYOUT_PROFILE } from '../src-main/export/layout-profile';
import { breakLines, NO_LINE_END, NO_LINE_START } from '../src-main/export/line-breaking';
import { measure, measureText } from '../src-main/export/metrics';
import { layoutIssue } from '../src-main/export/pagination';
import { corpus } from './helpers/layout-corpus';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';
import { signedIssue } from './helpers/docx-models';

const body = LAYOUT_PROFILE.fonts.body;
const WIDTH = LAYOUT_PROFILE.page.width - LAYOUT_PROFILE.margins.left - LAYOUT_PROFILE.margins.right;

describe('measuring and line breaking', () => {
  it('puts 28 body characters on a line, and a quarter em between Chinese and figures', () => {
    expect(breakLines([{ text: '今'.repeat(56), font: body }], WIDTH)).toEqual(['今'.repeat(28), '今'.repeat(28)]);
    const plain = measureText('今年', body);
    expect(measureText('今1年', body) - plain).toBeCloseTo(500 * 32 / 100 + body.characterSpacing + 2 * 0.25 * 320, 5);
  });

  it('never starts a line with closing punctuation nor ends one with an opening mark, and keeps every character', () => {
    const alphabet = fc.constantFrom(...'今年以来全镇坚持把项目建设作为推动高质量发展，。、；：？！）》”（《“12.5%ABC ');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 300 }), (chars) => {
        const text = chars.join('').trim() || '今';
        const lines = breakLines([{ text, font: body }], WIDTH, 640);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        for (let i = 1; i < lines.length; i++) {
          const first = [...(lines[i] ?? '')][0] ?? '';
          const prevLast = [...(lines[i - 1] ?? '')].slice(-1)[0] ?? '';
          // Only a run wider than a whole line may break against the rules.
          if (measure([{ text: lines[i - 1] ?? '', font: body }]) < WIDTH - 2 * 320) continue;
          expect(NO_LINE_START.has(first) && !/[A-Za-z0-9]/.test(prevLast), lines.join('|')).toBe(false);
          expect(NO_LINE_END.has(prevLast), lines.join('|')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('layoutIssue', () => {
  it('lays out the 8-item issue with the masthead on page 1 and numbers on every page', () => {
    const layout = layoutIssue(signedIssue());
    expect(layout.pageCount).toBe(layout.pages.length);
    expect(layout.pages[0]?.lines.some((l) => l.kind === 'masthead' && l.text === '城关县政务信息')).toBe(true);
    for (const p of layout.pages) {
      const height = p.lines.filter((l) => l.kind !== 'colophon').reduce((s, l) => s + l.height, 0);
      expect(height).toBeLessThanOrEqual(LAYOUT_PROFILE.grid.linesPerPage + 1e-6);
      if (!layout.colophonAlone || p.index < layout.pageCount) expect(p.pageNumber).toBe(p.index);
    }
  });

  it('keeps its promises on a generated corpus: no heading ends a page, no source line or single line starts one, and a lone colophon has no number', () => {
    for (const { model } of corpus(7, 40)) {
      const layout = layoutIssue(model);
      const last = layout.pages[layout.pages.length - 1];
      expect(layout.colophonAlone).toBe(Boolean(last && last.pageNumber === null));
      if (layout.colophonAlone) expect(last?.lines.every((l) => l.kind === 'colophon')).toBe(true);
      layout.pages.forEach((p, i) => {
        const text = p.lines.filter((l) => l.kind !== 'colophon');
        const end = text[text.length - 1];
        const next = layout.pages[i + 1]?.lines[0];
        if (end && next && next.kind !== 'colophon' && /^heading/.test(end.kind) && next.kind !== end.kind) {
          // A heading may end a page only when it runs on into body text (it is then body text, ending in 。).
          expect(end.text, `${end.text} / ${next.text}`).toMatch(/[。！？]$/);
        }
        if (i > 0 && p.lines[0]?.kind === 'source') {
          expect(model.articles[p.lines[0].article ?? 0]?.paragraphs.length ?? 0).toBe(0);
        }
        expect(end?.kind === 'title' && next?.kind !== 'title' && next !== undefined && next.kind !== 'colophon').toBe(false);
      });
    }
  });
});

describe('the issueLayout entry', () => {
  let t: TestDb;
  beforeEach(() => {
    t = openTestDb();
  });
  afterEach(() => t.close());

  it('lays out a draft and a signed issue as export prints them, without writing anything', async () => {
    const { series, articles } = await seed(t, 3);
    const draft = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: draft.id, articleIds: [articles[0]!.id] });
    const before = snapshotAll(t.db);
    const layout = await t.call('issueLayout', { id: draft.id });
    expect(snapshotAll(t.db)).toEqual(before);
    expect(layout.pageCount).toBeGreaterThanOrEqual(1);
    expect(layout.pages[0]?.lines.some((l) => l.kind === 'title' && articles[0]!.title.startsWith(l.text))).toBe(true);
    expect(layout.pages[0]?.lines.find((l) => l.kind === 'mark')?.right).toBe('送审稿');

    const signed = await publish(t, series.id, [articles[1]!.id, articles[2]!.id], '2026-11-22');
    const signedLayout = await t.call('issueLayout', { id: signed.id });
    expect(signedLayout.pages[0]?.lines.some((l) => l.kind === 'number' && l.text.startsWith('第1期'))).toBe(true);
  });

  it('refuses an unknown issue with NOT_FOUND and a Chinese message', async () => {
    const before = snapshotAll(t.db);
    const e = await t.refuse('issueLayout', { id: 999 });
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/期/);
    expect(snapshotAll(t.db)).toEqual(before);
  });
});

describe('long Latin runs', () => {
  it('breaks a run of 20+ Latin characters at the margin, as the zero-width spaces in the Word file let Word do', () => {
    const url = 'https://www.example.gov.cn/zwgk/tzgg/202611/t20261130_123456.html';
    const lines = breakLines([{ text: `详见${url}。`, font: body }], WIDTH, 640);
    expect(lines.join('')).toBe(`详见${url}。`);
    // The line before the run is filled, not left short with the whole run moved down.
    expect(measure([{ text: lines[0] ?? '', font: body }])).toBeGreaterThan(WIDTH - 640 - 2 * 320);
    // A short word (GDP, PM2.5) still moves whole.
    const short = breakLines([{ text: `${'今'.repeat(26)}PM2.5`, font: body }], WIDTH);
    expect(short).toEqual(['今'.repeat(26), 'PM2.5']);
  });
});
