/**
 * Classification follows the series (issue 12, part 3): a series states the highest 密级 it may
 * print; an item above it is refused when added, submitted or signed, in the API (so the CLI and
 * the bridge alike), naming the item and the reason, and every refusal leaves the data as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge } from '../src-main/bridge/http-server';
import { API_PREFIX, TOKEN_HEADER } from '../src-main/api/transport';
import { cli } from './helpers/cli';
import { openTestDb, seed, snapshotAll, type TestDb } from './helpers/db';
import { request } from './helpers/http';

let t: TestDb;
let series: number;
let secret: number;
let plain: number;

beforeEach(async () => {
  t = openTestDb();
  const seeded = await seed(t, 2);
  series = seeded.series.id;
  plain = seeded.articles[0]!.id;
  secret = (await t.call('articleAdd', { title: '某项涉密工作进展', body: '不得公开的内容。', classification: 'classified' })).id;
});
afterEach(() => t.close());

describe('the series level', () => {
  it('is 内部 by default, and set through the API and `series set --classification`', async () => {
    expect((await t.call('seriesGet', { series })).maxClassification).toBe('internal');
    const viaCli = await cli(t.file, 'series', 'set', '城关县政务信息', '--classification', 'public');
    expect(viaCli.code).toBe(0);
    expect(viaCli.stdout).toContain('最高密级：公开');
    expect((await t.call('seriesGet', { series })).maxClassification).toBe('public');
    const before = snapshotAll(t.db);
    const wrong = await cli(t.file, 'series', 'set', '城关县政务信息', '--classification', 'secret');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/最高密级.*public（公开）/);
    expect(snapshotAll(t.db)).toEqual(before);
  });
});

describe('an item above the series level', () => {
  it('cannot be added: refused naming the item and the reason, nothing changed', async () => {
    const issue = await t.call('issueCreate', { series, date: '2026-11-20' });
    const before = snapshotAll(t.db);
    const e = await t.refuse('issueAddArticles', { id: issue.id, articleIds: [plain, secret] });
    expect(e.code).toBe('INVALID_STATE');
    expect(e.message).toContain(`信息 ${secret}“某项涉密工作进展”（涉密）`);
    expect(e.message).toContain('高于《城关县政务信息》可刊印的最高密级“内部”');
    expect(snapshotAll(t.db)).toEqual(before);

    const viaCli = await cli(t.file, 'issue', 'add', String(issue.id), String(secret));
    expect(viaCli.code).toBe(2);
    expect(viaCli.stderr).toContain('某项涉密工作进展');
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('is refused through the bridge as well', async () => {
    const issue = await t.call('issueCreate', { series, date: '2026-11-20' });
    const before = snapshotAll(t.db);
    const bridge = await startBridge({ dbPath: t.file, port: 0, staticDir: t.dir });
    try {
      const r = await request({
        port: bridge.port,
        method: 'POST',
        path: `${API_PREFIX}issueAddArticles`,
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token },
        body: JSON.stringify({ id: issue.id, articleIds: [secret] }),
      });
      const body = r.json() as { ok: boolean; error: { code: string; message: string } };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('INVALID_STATE');
      expect(body.error.message).toContain('某项涉密工作进展');
    } finally {
      await bridge.close();
    }
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('raised while it sits in a draft, or under a series set lower while in review, is caught at submit and at sign', async () => {
    const issue = await t.call('issueCreate', { series, date: '2026-11-20' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [plain] });
    await t.call('articleEdit', { id: plain, classification: 'classified' });
    let before = snapshotAll(t.db);
    const submit = await t.refuse('issueSubmit', { id: issue.id });
    expect(submit.message).toMatch(/不能提交.*审核：信息 \d+“第1条信息标题”（涉密）/);
    expect(snapshotAll(t.db)).toEqual(before);

    // In review the item cannot change, but the series may be set lower meanwhile.
    await t.call('seriesUpdate', { series, maxClassification: 'classified' });
    await t.call('issueSubmit', { id: issue.id });
    await t.call('seriesUpdate', { series, maxClassification: 'internal' });
    before = snapshotAll(t.db);
    const sign = await t.refuse('issueSign', { id: issue.id, signedBy: '张某某' });
    expect(sign.message).toMatch(/不能签发.*第1条信息标题/);
    expect(snapshotAll(t.db)).toEqual(before);
    const viaCli = await cli(t.file, 'issue', 'sign', String(issue.id), '--by', '张某某');
    expect(viaCli.code).toBe(2);
    expect(viaCli.stderr).toContain('第1条信息标题');
    expect(snapshotAll(t.db)).toEqual(before);
    // No number was used up: the next issue still gets the first one.
    expect((await t.call('issueNextNumber', { id: issue.id })).number).toBe(1);
  });

  it('goes in once the series may print it', async () => {
    await t.call('seriesUpdate', { series, maxClassification: 'classified' });
    const issue = await t.call('issueCreate', { series, date: '2026-11-20' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [secret] });
    await t.call('issueSubmit', { id: issue.id });
    expect((await t.call('issueSign', { id: issue.id, signedBy: '张某某' })).status).toBe('signed');
  });

  it('is listed for the composer with the reason it is kept out', async () => {
    const list = await t.call('articleList', { used: false, forSeries: series });
    expect(list.rows.find((a) => a.id === secret)!.blocked).toBe(
      '密级为“涉密”，高于《城关县政务信息》可刊印的最高密级“内部”；涉密信息只能编入允许涉密的刊物',
    );
    expect(list.rows.find((a) => a.id === plain)!.blocked).toBeNull();
    // Without a series the list says nothing about it.
    expect((await t.call('articleList', {})).rows.find((a) => a.id === secret)).not.toHaveProperty('blocked');
  });
});
