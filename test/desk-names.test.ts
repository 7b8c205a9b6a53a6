/** What an officer notices (issue 15): a 送审稿 named by series, date and 送审稿; search marking voided issues and filtering. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { issueFileName } from '../src-renderer/format';
import { openTestDb, publish, seed, type TestDb } from './helpers/db';

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

it('search answers a voided issue with its state, for the 作废 mark, and filters by kind, year and unit', async () => {
  const { series, units, articles } = await seed(t, 2);
  const signed = await publish(t, series.id, [articles[0]!.id], '2026-11-20');
  await t.call('issueVoid', { id: signed.id, reason: '编号错误' });
  const issues = await t.call('search', { query: '第1期', kinds: ['issue'], year: 2026 });
  expect(issues.hits.map((h) => [h.kind, h.id, h.state])).toEqual([['issue', signed.id, 'voided']]);
  expect((await t.call('search', { query: '第1期', kinds: ['issue'], year: 2025 })).hits).toEqual([]);
  const byUnit = await t.call('search', { query: '信息标题', kinds: ['article'], unit: units[1]!.id });
  expect(byUnit.hits.map((h) => h.id)).toEqual([articles[1]!.id]);
});
