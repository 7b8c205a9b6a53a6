// @vitest-environment happy-dom
/**
 * The 统计 page and the editor's 采用与批示 panel against the real API table on the fixture
 * county (no fake answers): the ranked table for a chosen period, saving a rules version, and
 * recording an adoption from an item's page.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ModalsProvider } from '@mantine/modals';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../src-renderer/api/client';
import { ArticleScorePanel } from '../src-renderer/components/articles/ArticleScorePanel';
import { StatsPage } from '../src-renderer/pages/StatsPage';
import { renderWithApi } from './renderer/render';
import { buildCounty, voidI2, type County } from './helpers/scoring-county';

let c: County;
let api: Api;

beforeAll(async () => {
  c = await buildCounty();
  await voidI2(c);
  api = { mode: 'browser', call: (op, input) => c.t.call(op, input), saveIssueDocx: async () => null, showInFolder: async () => {} };
  // recharts measures its container; happy-dom has no layout, so give it one
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);
afterAll(() => c?.t.close());

async function chooseThirdQuarter() {
  fireEvent.click(within(screen.getByTestId('period-kind')).getByText('自定义'));
  fireEvent.change(await screen.findByTestId('period-from'), { target: { value: '2026-07-01' } });
  fireEvent.change(screen.getByTestId('period-to'), { target: { value: '2026-09-30' } });
  await waitFor(() => expect(screen.getByTestId('period-label').textContent).toContain('2026年第三季度'));
}

describe('统计', () => {
  it('shows the ranked table of the chosen period with its totals and flags', async () => {
    renderWithApi(<StatsPage />, api);
    await screen.findByTestId('score-table');
    await chooseThirdQuarter();
    await waitFor(() => {
      const rows = screen.getAllByTestId('score-row').map((r) => r.getAttribute('data-unit'));
      expect(rows).toEqual(['城关镇', '县发改局', '东山镇', '西河镇', '县水利局']);
    });
    const first = screen.getAllByTestId('score-row')[0]!;
    expect([...first.querySelectorAll('td')].map((td) => td.textContent)).toEqual(
      expect.arrayContaining(['1', '城关镇', '6', '210', '640']),
    );
    expect(screen.getByTestId('score-totals').textContent).toContain('1760');
    expect(screen.getByTestId('score-flags').textContent).toContain('县水利局');
    expect(screen.getByTestId('score-summary').textContent).toContain('20%');
  });

  it('saves changed rules as a new version from a date', async () => {
    renderWithApi(
      <ModalsProvider>
        <StatsPage />
      </ModalsProvider>,
      api,
    );
    await screen.findByTestId('score-table');
    fireEvent.click(screen.getByTestId('stats-tab-rules'));
    const editor = await screen.findByTestId('rules-editor');
    const input = within(editor)
      .getAllByTestId('rule-value')
      .find((el) => el.getAttribute('data-path') === 'instruction.county.points' || el.querySelector('[data-path="instruction.county.points"]'));
    const field = (input?.tagName === 'INPUT' ? input : input?.querySelector('input')) as HTMLInputElement;
    fireEvent.change(field, { target: { value: '25' } });
    fireEvent.change(screen.getByTestId('rules-from'), { target: { value: '2027-01-01' } });
    await waitFor(() => expect((screen.getByTestId('rules-save') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('rules-save'));
    await waitFor(async () => expect((await c.t.call('rulesList', {})).map((v) => v.validFrom)).toContain('2027-01-01'));
    expect((await c.t.call('rulesGet', { date: '2027-02-01' })).rules.instruction.county.points).toBe(25);
    expect((await c.t.call('rulesGet', { date: '2026-12-31' })).rules.instruction.county.points).toBe(20);
  });
});

describe('采用与批示 in the editor', () => {
  it('lists the own-series adoption and records an adoption by a city publication', async () => {
    renderWithApi(
      <ModalsProvider>
        <ArticleScorePanel articleId={c.articles.a3} />
      </ModalsProvider>,
      api,
    );
    fireEvent.click(await screen.findByText('采用与批示'));
    await waitFor(() => expect(screen.getAllByTestId('adoption-row')).toHaveLength(1));
    expect(screen.getByTestId('article-score-records').textContent).toContain('《城关县政务信息》2026年第3期');
    fireEvent.change(screen.getByTestId('adoption-publication'), { target: { value: '政务信息快报' } });
    fireEvent.change(screen.getByTestId('adoption-ref'), { target: { value: '第21期' } });
    fireEvent.change(screen.getByTestId('adoption-date'), { target: { value: '2026-10-10' } });
    fireEvent.click(screen.getByTestId('adoption-add'));
    await waitFor(() => expect(screen.getAllByTestId('adoption-row')).toHaveLength(2));
    const list = await c.t.call('adoptionList', { articleId: c.articles.a3 });
    expect(list.rows.find((a) => a.source === 'manual')).toMatchObject({ publication: '政务信息快报', level: 'city', kind: 'single', date: '2026-10-10', issueRef: '第21期' });
  });
});
