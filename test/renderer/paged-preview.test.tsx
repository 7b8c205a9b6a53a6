// @vitest-environment happy-dom
/**
 * The paged preview and the sign dialog against a hand-made IssueLayout (the shape the
 * pagination model answers): page breaks, `— N —` right on odd pages and left on even ones, no
 * number on a colophon-only page, 共 N 页; the old one-column likeness when issueLayout fails;
 * the coverage warning in the sign dialog and the editor.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../src-main/api/coverage-types';
import type { IssueLayout, LaidLine } from '../../src-main/api/layout-types';
import type { Article, Issue, PrintSettings, Series } from '../../src-main/api/types';
import { ArticleEditor } from '../../src-renderer/components/articles/ArticleEditor';
import { IssueWorkspace } from '../../src-renderer/components/issues/IssueWorkspace';
import { PagedPreview } from '../../src-renderer/components/issues/PagedPreview';
import { SignDialog } from '../../src-renderer/components/issues/SignDialog';
import { fakeApi, renderWithApi } from './render';

afterEach(cleanup);

const line = (kind: LaidLine['kind'], text: string, more: Partial<LaidLine> = {}): LaidLine => ({
  kind,
  text,
  align: kind === 'title' || kind === 'masthead' ? 'center' : 'justify',
  indent: kind === 'body' ? 2 : 0,
  height: 1,
  ...more,
});

const body = (n: number) => Array.from({ length: n }, (_, i) => line('body', `正文第${i + 1}行，城关镇推进老旧小区改造。`, { article: 0 }));

/** Three pages: the masthead page, a full second page, and the colophon alone on page 3. */
const layout: IssueLayout = {
  pageCount: 3,
  colophonAlone: true,
  pages: [
    {
      index: 1,
      pageNumber: 1,
      lines: [
        line('masthead', '城关县政务信息', { height: 2 }),
        line('number', '第　期（总第　期）', { align: 'center' }),
        line('office-date', '城关县人民政府办公室编', { right: '2026年11月21日' }),
        line('rule', ''),
        line('title', '城关镇推进老旧小区改造', { article: 0 }),
        ...body(15),
      ],
    },
    { index: 2, pageNumber: 2, lines: [line('heading1', '一、强化组织领导', { article: 0 }), ...body(20), line('source', '（城关镇 供稿）', { align: 'right', article: 0 })] },
    {
      index: 3,
      pageNumber: null,
      lines: [line('colophon', '报：市政府办公室。'), line('colophon', '送：县委办公室。'), line('colophon', '（共印60份）')],
    },
  ],
};

describe('PagedPreview', () => {
  it('draws each page the model laid out, with its number on the right side, and 共 N 页', () => {
    const { api } = fakeApi({});
    renderWithApi(<PagedPreview layout={layout} stamp="送审稿" scale={0.5} />, api);
    const pages = screen.getAllByTestId('preview-page');
    expect(pages.map((p) => p.getAttribute('data-page'))).toEqual(['1', '2', '3']);
    expect(screen.getByTestId('preview-page-count').textContent).toBe('共 3 页');

    const number = (i: number) => within(pages[i]!).queryByTestId('preview-page-number');
    expect(number(0)!.textContent).toBe('— 1 —');
    expect(number(0)!.style.textAlign).toBe('right');
    expect(number(1)!.textContent).toBe('— 2 —');
    expect(number(1)!.style.textAlign).toBe('left');
    // the colophon alone on its page: no number there
    expect(number(2)).toBeNull();
    expect(within(pages[2]!).getAllByText(/报：|送：|共印/)).toHaveLength(3);

    // the lines are the model's, page by page: the heading opens page 2, the source line closes it
    const kinds = (i: number) => [...pages[i]!.querySelectorAll('[data-kind]')].map((el) => el.getAttribute('data-kind'));
    expect(kinds(1)[0]).toBe('heading1');
    expect(kinds(1).at(-1)).toBe('source');
    expect(within(pages[0]!).getByText('2026年11月21日')).toBeTruthy();
    // the draft stamp sits on page 1 only
    expect(within(pages[0]!).getByTestId('preview-stamp').textContent).toBe('送审稿');
    expect(within(pages[1]!).queryByTestId('preview-stamp')).toBeNull();
  });
});

const print: PrintSettings = {
  mastheadName: '城关县政务信息',
  org: '城关县人民政府办公室',
  sensitivityMark: '',
  showTotal: true,
  dateStyle: 'arabic',
  contentsHeading: '本期要目',
  newPagePerItem: false,
  distribution: { to: ['市政府办公室'], cc: [], down: [] },
  reviewer: '',
  editor: '',
  copies: 60,
  chineseQuotes: true,
};
const series: Series = { id: 1, name: '城关县政务信息', org: '城关县人民政府办公室', firstNumber: 1, firstTotal: 1, continuous: false, numbered: false, maxClassification: 'internal', scoreRule: 'single', print, createdAt: '2026-01-01T00:00:00.000Z' };
const issue: Issue = {
  id: 7,
  seriesId: 1,
  series: '城关县政务信息',
  status: 'review',
  supplement: false,
  year: 2026,
  number: null,
  totalNumber: null,
  date: '2026-11-21',
  signedBy: null,
  signedAt: null,
  voidReason: null,
  voidedAt: null,
  submittedBy: '李某某',
  submittedAt: '2026-11-21T01:00:00.000Z',
  withdrawnBy: null,
  withdrawnAt: null,
  signOperator: null,
  voidedBy: null,
  articles: [{ id: 3, position: 1, title: '城关镇推进老旧小区改造', unitId: 1, unit: '城关镇', category: 'news', classification: 'public', brief: false }],
  createdAt: '2026-11-20T01:00:00.000Z',
  updatedAt: '2026-11-20T01:00:00.000Z',
};
const article: Article = {
  id: 3,
  title: '城关镇推进老旧小区改造',
  paragraphs: [{ level: 0, text: '今年以来，城关镇投入1.5亿元。' }],
  unitId: 1,
  unit: '城关镇',
  category: 'news',
  classification: 'public',
} as Article;

const coverage: CoverageReport = {
  chars: [{ char: '𪚥', code: 'U+2A6A5', font: '仿宋_GB2312', place: '正文', articleId: 3, articleTitle: '城关镇推进老旧小区改造', paragraph: 1, count: 2 }],
};

describe('the issue workspace', () => {
  it('shows the model’s pages and 共 N 页 when issueLayout answers', async () => {
    const { api, calls } = fakeApi({ issueGet: () => issue, seriesGet: () => series, articleGet: () => article, issueLayout: () => layout });
    renderWithApi(<IssueWorkspace issueId={7} onBack={() => {}} />, api);
    await screen.findByTestId('paged-preview');
    expect(screen.getByTestId('preview-heading').textContent).toContain('共 3 页');
    expect(screen.queryByTestId('page-preview')).toBeNull();
    expect(calls.filter((c) => c.op === 'issueLayout').map((c) => c.input)).toContainEqual({ id: 7 });
  });

  it('falls back to the one-column likeness when issueLayout fails', async () => {
    const { api } = fakeApi({
      issueGet: () => issue,
      seriesGet: () => series,
      articleGet: () => article,
      issueLayout: () => {
        throw new Error('版面分页尚未实现');
      },
    });
    renderWithApi(<IssueWorkspace issueId={7} onBack={() => {}} />, api);
    await screen.findByTestId('page-preview');
    expect(screen.queryByTestId('paged-preview')).toBeNull();
    expect(screen.getByTestId('preview-heading').textContent).not.toContain('共');
  });
});

describe('the sign dialog', () => {
  it('says how many pages the issue prints and lists the characters the fonts may not show', async () => {
    const { api } = fakeApi({
      issueNextNumber: () => ({ seriesId: 1, year: 2026, number: 12, totalNumber: 2045, supplement: false }),
      issueLayout: () => layout,
      issueCoverage: () => coverage,
    });
    renderWithApi(<SignDialog issue={issue} opened onClose={() => {}} onSigned={() => {}} />, api);
    expect((await screen.findByTestId('sign-pages')).textContent).toBe('，共 3 页');
    const warning = await screen.findByTestId('coverage-warning');
    expect(warning.textContent).toContain('以下字符办公电脑的仿宋_GB2312字体可能无法显示');
    expect(within(warning).getByTestId('coverage-char').textContent).toBe('𪚥（U+2A6A5）：《城关镇推进老旧小区改造》正文第1段，2处');
  });

  it('still signs when the page count and the check cannot be had', async () => {
    const { api } = fakeApi({
      issueNextNumber: () => ({ seriesId: 1, year: 2026, number: 12, totalNumber: 2045, supplement: false }),
      issueLayout: () => {
        throw new Error('版面分页尚未实现');
      },
      issueCoverage: () => ({ chars: [] }),
    });
    renderWithApi(<SignDialog issue={issue} opened onClose={() => {}} onSigned={() => {}} />, api);
    await screen.findByTestId('next-number');
    expect(screen.queryByTestId('sign-pages')).toBeNull();
    expect(screen.queryByTestId('coverage-warning')).toBeNull();
    expect((screen.getByTestId('sign-confirm') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the item editor', () => {
  it('warns about characters the fonts lack while typing, from articleCoverage on the unsaved text', async () => {
    const { api, calls } = fakeApi({
      unitList: () => [],
      articleCoverage: () => ({ chars: [{ ...coverage.chars[0]!, articleId: null, articleTitle: '王𪚥家' , place: '标题', paragraph: null, count: 1 }] }),
    });
    renderWithApi(<ArticleEditor articleId="new" onClose={() => {}} />, api);
    fireEvent.change(await screen.findByTestId('article-title'), { target: { value: '王𪚥家' } });
    const warning = await screen.findByTestId('coverage-warning', {}, { timeout: 3000 });
    expect(warning.textContent).toContain('𪚥（U+2A6A5）：《王𪚥家》标题');
    await waitFor(() => expect(calls.some((c) => c.op === 'articleCoverage' && (c.input as { title: string }).title === '王𪚥家')).toBe(true));
  });
});
