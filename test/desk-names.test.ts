/** Names an officer sees (issue 15): a 送审稿 file named by its series, date and 送审稿. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { issueFileName } from '../src-renderer/format';
import { openTestDb, seed, type TestDb } from './helpers/db';

let t: TestDb;
beforeEach(() => {
  t = openTestDb({ now: () => new Date('2026-11-21T02:00:00Z') });
});
afterEach(() => t.close());

it('names a 送审稿 by series, date and 送审稿, in the service and in the save dialog alike', async () => {
  const { series, articles } = await seed(t, 1);
  const draft = await t.call('issueCreate', { series: series.id, date: '2026-12-05' });
  await t.call('issueAddArticles', { id: draft.id, articleIds: [articles[0]!.id] });
  const file = await t.call('issueDocx', { id: draft.id });
  expect(file.fileName).toBe('城关县政务信息2026年12月5日送审稿.docx');
  expect(file.fileName).not.toMatch(/草稿|编号/);
  expect(issueFileName({ ...draft, series: draft.series })).toBe(file.fileName);
});
