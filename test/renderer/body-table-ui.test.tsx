// @vitest-environment happy-dom
/**
 * Issue 19 in the renderer: the editor shows a body table as a grid whose controls rewrite the
 * body's text (a row and a column added and removed, a cell committed when left, the table
 * removed); a paste of plain text stays text; the paged preview draws a long table from the
 * real pagination model as ruled rows, the header again at the top of page 2, merged cells once.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { layoutIssue } from '../../src-main/export/pagination';
import { ArticleEditor } from '../../src-renderer/components/articles/ArticleEditor';
import { PagedPreview } from '../../src-renderer/components/issues/PagedPreview';
import { fakeApi, renderWithApi } from './render';

afterEach(cleanup);

const BODY = ['开头一段。', '表题：主要指标', '单位：亿元', '| 指标 | 数值 |', '| --- | --- |', '| 生产总值 | 120.5 |', '结尾一段。'].join('\n');

async function editor() {
  const { api } = fakeApi({ unitList: () => [] });
  renderWithApi(<ArticleEditor articleId="new" onClose={() => {}} />, api);
  const body = (await screen.findByTestId('article-body')) as HTMLTextAreaElement;
  fireEvent.change(body, { target: { value: BODY } });
  await screen.findByTestId('body-table-grid');
  return body;
}

const rowsOfGrid = () => screen.getAllByTestId('table-grid-row').map((r) => within(r).getAllByRole('textbox').map((i) => (i as HTMLInputElement).value));

describe('the editor’s table grid', () => {
  it('adds and removes rows and columns and writes them back into the body', async () => {
    const body = await editor();
    expect(rowsOfGrid()).toEqual([
      ['指标', '数值'],
      ['生产总值', '120.5'],
    ]);
    expect((screen.getByTestId('table-caption') as HTMLInputElement).value).toBe('主要指标');
    expect((screen.getByTestId('table-unit') as HTMLInputElement).value).toBe('亿元');

    // A click in a cell selects it; a click on a button leaves the cell (as a browser would).
    const select = (label: string) => {
      fireEvent.focus(screen.getByLabelText(label));
      fireEvent.blur(screen.getByLabelText(label));
    };
    select('第2行第2列');
    fireEvent.click(screen.getByTestId('table-row-below'));
    await waitFor(() => expect(rowsOfGrid()).toHaveLength(3));
    fireEvent.click(screen.getByTestId('table-col-right'));
    await waitFor(() => expect(rowsOfGrid()[0]).toHaveLength(3));
    expect(body.value.split('\n').slice(3, 7)).toEqual(['| 指标 | 数值 |   |', '| --- | --- | --- |', '| 生产总值 | 120.5 |   |', '|   |   |   |']);

    const cell = screen.getByLabelText('第3行第1列');
    fireEvent.focus(cell);
    fireEvent.change(cell, { target: { value: '税收 收入' } });
    expect(body.value).not.toContain('税收'); // not yet: committed when left
    fireEvent.blur(cell);
    await waitFor(() => expect(body.value).toContain('| 税收 收入 |   |   |'));

    select('第1行第3列');
    fireEvent.click(screen.getByTestId('table-col-remove'));
    fireEvent.click(screen.getByTestId('table-row-remove'));
    await waitFor(() => expect(rowsOfGrid()).toEqual([['生产总值', '120.5'], ['税收 收入', '']]));

    fireEvent.click(screen.getByTestId('table-remove'));
    await waitFor(() => expect(screen.queryByTestId('body-table-grid')).toBeNull());
    expect(body.value).toBe('开头一段。\n结尾一段。');
  });
});

const model = (rows: string[][]) => ({
  settings: {
    mastheadName: '城关县政务信息', org: '城关县人民政府办公室', sensitivityMark: '', showTotal: false, dateStyle: 'arabic' as const,
    contentsHeading: 'none' as const, newPagePerItem: false, distribution: { to: [], cc: [], down: [] }, reviewer: '', editor: '',
    copies: 0, chineseQuotes: true,
  },
  number: 3, totalNumber: null, supplement: false, date: '2026-11-21', signedBy: '张某某', extraRecipients: [], copySerial: null,
  articles: [
    {
      title: '城关镇前三季度经济运行情况',
      paragraphs: [
        { level: 0 as const, text: '前三季度，全镇经济运行总体平稳。' },
        { level: 0 as const, text: 'x', table: { caption: '表1 主要经济指标', unit: '单位：亿元', headerRows: 1, rows, merges: [{ row: 1, col: 0, rows: 2, cols: 1 }] } },
      ],
      source: '城关镇',
    },
  ],
});

describe('the paged preview', () => {
  it('draws a long table as ruled rows, with the header again on the next page', () => {
    const header = ['指标名称', '单位', '前三季度', '同比增长（%）'];
    const rows = Array.from({ length: 36 }, (_, i) => [`第${i + 1}项经济指标`, '亿元', `${(100 + i * 3.7).toFixed(1)}`, `${(i % 9) + 0.5}`]);
    const layout = layoutIssue(model([header, ...rows]));
    const { api } = fakeApi({});
    renderWithApi(<PagedPreview layout={layout} stamp={null} scale={1} />, api);
    const pages = screen.getAllByTestId('preview-page');
    expect(pages.length).toBeGreaterThan(1);
    expect(within(pages[0]!).getByTestId('preview-table-caption').textContent).toBe('表1 主要经济指标');
    expect(within(pages[0]!).getByTestId('preview-table-unit').textContent).toBe('单位：亿元');
    const cells = (row: HTMLElement) => within(row).getAllByTestId('preview-table-cell').map((c) => c.textContent);
    const second = within(pages[1]!).getAllByTestId('preview-table-row');
    expect(cells(second[0]!)).toEqual(header);
    expect(second[0]!.getAttribute('data-header')).toBe('true');
    // every data row once, across the pages; the merged cell drawn in its first row only
    const all = screen.getAllByTestId('preview-table-row').filter((r) => r.getAttribute('data-header') !== 'true');
    expect(all.map((r) => cells(r)[1])).toEqual(rows.map((r) => r[1]));
    expect(cells(all[0]!)[0]).toBe('第1项经济指标');
    expect(cells(all[1]!)[0]).toBe('');
    expect(within(all[1]!).getAllByTestId('preview-table-cell')[0]!.style.borderTop).toBe('');
    // the last row on each page closes the table's rule
    for (const page of pages) {
      const onPage = within(page).queryAllByTestId('preview-table-row');
      if (onPage.length) expect(onPage[onPage.length - 1]!.style.borderBottom).toContain('solid');
      if (onPage.length > 1) expect(onPage[0]!.style.borderBottom).toBe('');
    }
  });
});
