// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleEditor } from '../../src-renderer/components/articles/ArticleEditor';
import { fakeApi, renderWithApi } from './render';

afterEach(cleanup);

describe('ArticleEditor body structure', () => {
  it('labels each line with the heading level it will print as', async () => {
    const { api } = fakeApi({ unitList: () => [] });
    renderWithApi(<ArticleEditor articleId="new" onClose={() => {}} />, api);

    const body = await screen.findByTestId('article-body');
    const lines = ['一、强化组织领导', '（一）成立工作专班', '1.明确责任分工', '（1）每周调度一次', '1.5亿元投入老旧小区改造'];
    fireEvent.change(body, { target: { value: lines.join('\n') } });

    await waitFor(() => expect(screen.getAllByTestId('body-line')).toHaveLength(5));
    const rows = screen.getAllByTestId('body-line');
    expect(rows.map((r) => r.getAttribute('data-level'))).toEqual(['1', '2', '3', '4', '0']);
    expect(rows.map((r) => within(r).getByTestId('body-line-level').textContent)).toEqual([
      '一级标题',
      '二级标题',
      '三级标题',
      '四级标题',
      '正文',
    ]);
    // Each level is set in its printed face (class per level), the text itself unchanged.
    expect(rows[0]!.querySelector('.bd-level-1')?.textContent).toBe('一、强化组织领导');
    expect(rows[4]!.querySelector('.bd-level-0')?.textContent).toBe('1.5亿元投入老旧小区改造');
    expect(screen.getByTestId('char-count').textContent).toContain('字数');
  });
});
