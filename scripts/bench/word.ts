/**
 * Word output: rendering an 8-item issue, the pagination model alone (pages laid out per
 * second), and signing one (render + archive in one transaction).
 */
import path from 'node:path';
import { dispatch } from '../../src-main/wiring/dispatch';
import { DEMO_ARTICLES } from '../../src-main/demo/county';
import { renderIssueDocx } from '../../src-main/export/docx-issue';
import { layoutIssue } from '../../src-main/export/pagination';
import { buildIssueModel } from '../../src-main/services/archive';
import { createCtx } from '../../src-main/services/context';
import { openDatabase } from '../../src-main/store/db';
import { goal, row, time } from './stats';

export async function benchWord(dir: string, quick: boolean): Promise<string[]> {
  const db = openDatabase(path.join(dir, 'word.db'));
  const ctx = createCtx(db);
  const call = (name: string, input: unknown) => dispatch(ctx, name, input) as Promise<{ id: number }>;
  const series = await call('seriesAdd', { name: '清源县政务信息', org: '清源县人民政府办公室' });
  const make = async () => {
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) {
      const { inIssue: _x, ...a } = DEMO_ARTICLES[i % DEMO_ARTICLES.length]!;
      ids.push((await call('articleAdd', { ...a, unit: undefined, title: `${a.title}（${i + 1}）` })).id);
    }
    const issue = await call('issueCreate', { series: series.id, date: '2026-11-21' });
    await call('issueAddArticles', { id: issue.id, articleIds: ids });
    await call('issueSubmit', { id: issue.id });
    return issue.id;
  };
  const previewId = await make();
  const model = buildIssueModel(ctx, previewId);
  await renderIssueDocx(model); // warm-up: the first render loads the docx package
  const runs = quick ? 10 : 40;
  const render = await time(runs, () => renderIssueDocx(model));
  const pages = layoutIssue(model).pageCount;
  const layout = await time(runs * 5, () => layoutIssue(model));
  const ids: number[] = [];
  for (let i = 0; i < runs; i++) ids.push(await make());
  const sign = await time(runs, (i) => dispatch(ctx, 'issueSign', { id: ids[i], signedBy: '张建国' }));
  db.close();
  const perSecond = Math.round((pages * 1000) / layout.median);
  return [
    row('render an 8-item issue as Word', render),
    goal('  mean of those renders', render.mean, 2000),
    row(`lay out an 8-item issue (${pages} pages)`, layout, `${perSecond} pages/s`),
    row('sign an 8-item issue (number + render + archive)', sign),
  ];
}
