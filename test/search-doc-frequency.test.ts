/** The search's kept counts of documents per token (search-doc-frequency.ts) never go stale. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../src-main/store/db';
import { createCtx } from '../src-main/services/context';
import { dispatch } from '../src-main/wiring/dispatch';
import { openTestDb, type TestDb } from './helpers/db';

let t: TestDb;
beforeEach(async () => {
  t = openTestDb();
  await t.call('seriesAdd', { name: '城关县政务信息' });
  await t.call('articleAdd', { title: '老旧小区改造', body: '城关镇推进老旧小区改造。' });
});
afterEach(() => t.close());

const estimate = async (query: string) => (await t.call('search', { query })).estimate;

it('counts again after this connection writes', async () => {
  expect(await estimate('改造')).toBe(1);
  expect(await estimate('改造')).toBe(1);
  const second = await t.call('articleAdd', { title: '背街小巷改造', body: '改造完成。' });
  expect(await estimate('改造')).toBe(2);
  await t.call('articleDelete', { id: second.id });
  expect(await estimate('改造')).toBe(1);
});

it('counts again after another connection writes (the CLI beside the app)', async () => {
  expect(await estimate('小巷')).toBe(0);
  const other = openDatabase(t.file);
  try {
    await dispatch(createCtx(other), 'articleAdd', { title: '背街小巷整治', body: '小巷整治。' });
  } finally {
    other.close();
  }
  expect(await estimate('小巷')).toBe(1);
  expect(await estimate('改造')).toBe(1);
});
