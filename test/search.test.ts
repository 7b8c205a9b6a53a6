/** Search finds one- and two-character words, ranks, filters, and stays right through every change. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reindexAll } from '../src-main/store/search-index';
import { cli } from './helpers/cli';
import { openTestDb, publish, type TestDb } from './helpers/db';

let t: TestDb;
let ids: Record<string, number>;

beforeEach(async () => {
  t = openTestDb();
  await t.call('seriesAdd', { name: '城关县政务信息' });
  await t.call('unitAdd', { name: '城关镇' });
  await t.call('unitAdd', { name: '县教育局' });
  const add = async (title: string, body: string, unit: string, category: 'news' | 'practice' | 'research' = 'news') =>
    (await t.call('articleAdd', { title, body, unit, category })).id;
  ids = {
    renovation: await add('城关镇老旧小区改造提速', '今年以来，城关镇推进老旧小区改造，改造小区36个，改造资金1.5亿元。', '城关镇', 'practice'),
    mention: await add('城关镇开展安全生产检查', '检查中发现部分小区消防通道堵塞，已督促改造。', '城关镇'),
    school: await add('我县新建两所小学', '县教育局推进学位建设，新建小学2所，新增学位3600个。5G 智慧校园同步建设。', '县教育局', 'research'),
    fish: await add('鳜鱼养殖带动增收', '山区乡镇发展鳜鱼养殖。', '县教育局'),
  };
});
afterEach(() => t.close());

const titles = async (query: string, extra: Record<string, unknown> = {}) =>
  (await t.call('search', { query, ...extra } as never)).hits.map((h) => h.title);

describe('search', () => {
  it('finds one-character and two-character words, and longer phrases exactly', async () => {
    expect(await titles('鳜')).toEqual(['鳜鱼养殖带动增收']);
    expect(await titles('学位')).toEqual(['我县新建两所小学']);
    expect(await titles('老旧小区')).toEqual(['城关镇老旧小区改造提速']);
    expect(await titles('小区老旧')).toEqual([]);
    expect((await titles('5g')).length).toBe(1);
    expect(await titles('不存在的词')).toEqual([]);
  });

  it('needs every word of a several-word query', async () => {
    expect(await titles('城关 消防')).toEqual(['城关镇开展安全生产检查']);
    expect(await titles('小区 鳜鱼')).toEqual([]);
    expect(await titles('镇 消防')).toEqual(['城关镇开展安全生产检查']);
  });

  it('ranks the better match first: in the title and several times beats one mention', async () => {
    const hits = await titles('改造');
    expect(hits[0]).toBe('城关镇老旧小区改造提速');
    expect(hits).toContain('城关镇开展安全生产检查');
    const r = await t.call('search', { query: '改造' });
    expect(r.order).toBe('rank');
  });

  it('marks the matched words in a snippet taken from the real text', async () => {
    const [hit] = (await t.call('search', { query: '学位' })).hits;
    expect(hit!.kind).toBe('article');
    const [a, b] = hit!.marks[0]!;
    expect(hit!.snippet.slice(a, b)).toBe('学位');
    expect(hit!.unit).toBe('县教育局');
  });

  it('respects the filters: unit, category, kind, state, year', async () => {
    expect(await titles('小区', { unit: '县教育局' })).toEqual([]);
    expect(await titles('新建', { unit: '县教育局', category: 'research' })).toEqual(['我县新建两所小学']);
    expect(await titles('改造', { category: 'practice' })).toEqual(['城关镇老旧小区改造提速']);
    expect(await titles('改造', { kinds: ['issue'] })).toEqual([]);
    expect(await titles('改造', { state: 'used' })).toEqual([]);
    expect((await titles('改造', { year: new Date().getFullYear() })).length).toBe(2);
  });

  it('follows edits, deletions, signing and voiding — never a stale hit', async () => {
    await t.call('articleEdit', { id: ids.fish!, body: '山区乡镇发展稻渔综合种养。' });
    expect(await titles('鳜')).toEqual(['鳜鱼养殖带动增收']); // the title still has it
    await t.call('articleEdit', { id: ids.fish!, title: '稻渔综合种养带动增收' });
    expect(await titles('鳜')).toEqual([]);
    await t.call('articleDelete', { id: ids.fish! });
    expect(await titles('稻渔')).toEqual([]);

    const issue = await publish(t, 1, [ids.renovation!], '2026-11-21');
    expect(await titles('老旧小区', { state: 'used' })).toEqual(['城关镇老旧小区改造提速']);
    const issueHits = (await t.call('search', { query: '老旧小区', kinds: ['issue'] })).hits;
    expect(issueHits.map((h) => [h.kind, h.id])).toEqual([['issue', issue.id]]);
    expect((await t.call('search', { query: '第1期', kinds: ['issue'] })).hits[0]!.id).toBe(issue.id);

    await t.call('issueVoid', { id: issue.id, reason: '重印' });
    expect(await titles('老旧小区', { state: 'used' })).toEqual([]);
    expect(await titles('老旧小区', { state: 'unused' })).toEqual(['城关镇老旧小区改造提速']);
    expect((await t.call('search', { query: '老旧小区', kinds: ['issue'], state: 'voided' })).hits).toHaveLength(1);
  });

  it('gives the same answers as an index rebuilt from scratch', async () => {
    const issue = await publish(t, 1, [ids.school!, ids.mention!], '2026-11-21');
    await t.call('issueVoid', { id: issue.id, reason: '重印' });
    await t.call('articleEdit', { id: ids.mention!, body: '消防检查全覆盖。' });
    const queries = ['改造', '小区', '镇', '学', '消防', '城关 检查', '5g', '第1期'];
    const before = await Promise.all(queries.map((q) => t.call('search', { query: q, order: 'newest' })));
    reindexAll(t.db);
    const after = await Promise.all(queries.map((q) => t.call('search', { query: q, order: 'newest' })));
    const key = (r: (typeof before)[number]) => r.hits.map((h) => `${h.kind}:${h.id}`).sort();
    expect(after.map(key)).toEqual(before.map(key));
  });

  it('refuses an empty query and treats FTS syntax as plain text', async () => {
    expect((await t.refuse('search', { query: '，。 ' })).code).toBe('INVALID_INPUT');
    // quotes, brackets and stars are separators, never FTS5 operators
    expect(await titles('"改造"(小区*')).toEqual(['城关镇老旧小区改造提速', '城关镇开展安全生产检查']);
    expect(await titles('改造 OR 鳜鱼')).toEqual([]); // OR is a word that must match too
  });

  it('is the `bulletin search` command, whose --json is the list of hits', async () => {
    const r = await cli(t.file, '--json', 'search', '改造', '--limit', '1');
    expect(r.code).toBe(0);
    const hits = r.json() as { kind: string; id: number; title: string; snippet: string }[];
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'article', id: ids.renovation, title: '城关镇老旧小区改造提速' });
    expect(typeof hits[0]!.snippet).toBe('string');
    const text = await cli(t.file, 'search', '学位');
    expect(text.stdout).toContain('【学位】');
  });
});
