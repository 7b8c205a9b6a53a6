// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Issue, IssueArticle } from '../../src-main/api/types';
import { IssueComposer } from '../../src-renderer/components/issues/IssueComposer';
import { fakeApi, renderWithApi } from './render';

afterEach(cleanup);

const item = (id: number, title: string): IssueArticle => ({
  id,
  position: id,
  title,
  unitId: 1,
  unit: '城关镇',
  category: 'news',
  classification: 'public',
  brief: false,
});

const draft: Issue = {
  id: 7,
  seriesId: 1,
  series: '城关县政务信息',
  status: 'draft',
  supplement: false,
  year: 2026,
  number: null,
  totalNumber: null,
  date: '2026-11-21',
  signedBy: null,
  signedAt: null,
  voidReason: null,
  voidedAt: null,
  submittedBy: null,
  submittedAt: null,
  withdrawnBy: null,
  withdrawnAt: null,
  signOperator: null,
  voidedBy: null,
  articles: [item(1, '甲：老旧小区改造'), item(2, '乙：秋冬种生产'), item(3, '丙：营商环境')],
  createdAt: '2026-11-20T01:00:00.000Z',
  updatedAt: '2026-11-20T01:00:00.000Z',
};

function Harness() {
  const [issue, setIssue] = useState(draft);
  return <IssueComposer issue={issue} onIssueChange={setIssue} />;
}

const enabled = (el: HTMLElement) => !(el as HTMLButtonElement).disabled;
const titles = () => screen.getAllByTestId('issue-item-title').map((t) => t.textContent);

describe('IssueComposer ordering', () => {
  it('moves an item down and up through issueReorder and shows the order the API answered', async () => {
    const { api, calls } = fakeApi({
      articleList: () => ({ rows: [], total: 0 }),
      // The double answers like the API: the issue with its items in the order given.
      issueReorder: ({ id, articleIds }) => ({
        ...draft,
        id,
        articles: articleIds.map((aid, i) => ({ ...draft.articles.find((a) => a.id === aid)!, position: i + 1 })),
      }),
    });
    renderWithApi(<Harness />, api);
    expect(titles()).toEqual(['甲：老旧小区改造', '乙：秋冬种生产', '丙：营商环境']);

    const first = screen.getAllByTestId('issue-item')[0]!;
    fireEvent.click(within(first).getByTestId('move-down'));
    await waitFor(() => expect(titles()).toEqual(['乙：秋冬种生产', '甲：老旧小区改造', '丙：营商环境']));
    expect(calls.filter((c) => c.op === 'issueReorder').map((c) => c.input)).toEqual([{ id: 7, articleIds: [2, 1, 3] }]);

    await waitFor(() => expect(enabled(within(screen.getAllByTestId('issue-item')[2]!).getByTestId('move-up'))).toBe(true));
    fireEvent.click(within(screen.getAllByTestId('issue-item')[2]!).getByTestId('move-up'));
    await waitFor(() => expect(titles()).toEqual(['乙：秋冬种生产', '丙：营商环境', '甲：老旧小区改造']));
    expect(calls.filter((c) => c.op === 'issueReorder').map((c) => c.input)).toEqual([
      { id: 7, articleIds: [2, 1, 3] },
      { id: 7, articleIds: [2, 3, 1] },
    ]);
  });

  it('keeps the API order when a reorder is refused', async () => {
    const { api } = fakeApi({
      articleList: () => ({ rows: [], total: 0 }),
      issueReorder: () => Promise.reject(new Error('本期已提交审核，不能调整顺序。')),
    });
    renderWithApi(<Harness />, api);
    fireEvent.click(within(screen.getAllByTestId('issue-item')[0]!).getByTestId('move-down'));
    await waitFor(() => expect(enabled(within(screen.getAllByTestId('issue-item')[0]!).getByTestId('move-down'))).toBe(true));
    expect(titles()).toEqual(['甲：老旧小区改造', '乙：秋冬种生产', '丙：营商环境']);
  });
});
