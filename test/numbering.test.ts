import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, publish, seed, type TestDb } from './helpers/db';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

async function newArticle(title: string) {
  return t.call('articleAdd', { title, body: '正文。' });
}

describe('issue numbering', () => {
  it('gives the configured first numbers to the first issue, then counts on', async () => {
    const { series, articles } = await seed(t, 3, { name: '城关县政务信息', firstNumber: 433, firstTotal: 2045 });
    const a = await publish(t, series.id, [articles[0]!.id], '2026-11-20');
    const b = await publish(t, series.id, [articles[1]!.id], '2026-11-21');
    expect([a.number, a.totalNumber, a.year]).toEqual([433, 2045, 2026]);
    expect([b.number, b.totalNumber]).toEqual([434, 2046]);
    expect((await t.call('seriesGet', { series: series.id })).numbered).toBe(true);
  });

  it('numbers in signing order, not creation order, and never before sign-off', async () => {
    const { series, articles } = await seed(t, 2);
    const first = await t.call('issueCreate', { series: series.id, date: '2026-03-01' });
    const second = await t.call('issueCreate', { series: series.id, date: '2026-03-01' });
    expect(first.number).toBeNull();
    await t.call('issueAddArticles', { id: first.id, articleIds: [articles[0]!.id] });
    await t.call('issueAddArticles', { id: second.id, articleIds: [articles[1]!.id] });
    await t.call('issueSubmit', { id: second.id });
    await t.call('issueSubmit', { id: first.id });
    expect(await t.call('issueNextNumber', { id: first.id })).toMatchObject({ number: 1, totalNumber: 1, year: 2026 });
    const s2 = await t.call('issueSign', { id: second.id, signedBy: '张某某' });
    const s1 = await t.call('issueSign', { id: first.id, signedBy: '张某某' });
    expect(s2.number).toBe(1);
    expect(s1.number).toBe(2);
  });

  it('keeps a voided number used: the next issue takes the following one, and the void keeps its reason', async () => {
    const { series, articles } = await seed(t, 2);
    const a = await publish(t, series.id, [articles[0]!.id], '2026-05-01');
    const voided = await t.call('issueVoid', { id: a.id, reason: '数据有误，重新印发' });
    expect(voided).toMatchObject({ status: 'voided', number: 1, voidReason: '数据有误，重新印发' });
    // voiding released the article: it can go into the next issue
    const b = await publish(t, series.id, [articles[0]!.id, articles[1]!.id], '2026-05-02');
    expect([b.number, b.totalNumber]).toEqual([2, 2]);
    // the voided issue still lists what it carried, as signed
    expect((await t.call('issueGet', { id: a.id })).articles.map((x) => x.id)).toEqual([articles[0]!.id]);
    const list = await t.call('issueList', { series: series.id, year: 2026 });
    expect(list.rows.map((i) => [i.number, i.status])).toEqual([
      [2, 'signed'],
      [1, 'voided'],
    ]);
  });

  it('starts again at 1 in a new calendar year, while the running number counts on', async () => {
    const { series } = await seed(t, 0, { name: '政务信息', firstNumber: 479, firstTotal: 3000 });
    const a = await publish(t, series.id, [(await newArticle('年末一期')).id], '2026-12-30');
    const b = await publish(t, series.id, [(await newArticle('新年第一期')).id], '2027-01-04');
    const c = await publish(t, series.id, [(await newArticle('新年第二期')).id], '2027-01-05');
    expect([a.year, a.number, a.totalNumber]).toEqual([2026, 479, 3000]);
    expect([b.year, b.number, b.totalNumber]).toEqual([2027, 1, 3001]);
    expect([c.year, c.number, c.totalNumber]).toEqual([2027, 2, 3002]);
  });

  it('runs on across years for a continuous series', async () => {
    const { series } = await seed(t, 0, { name: '每日要情', firstNumber: 10, continuous: true });
    const a = await publish(t, series.id, [(await newArticle('一')).id], '2026-12-31');
    const b = await publish(t, series.id, [(await newArticle('二')).id], '2027-01-01');
    expect([a.number, b.number, b.year]).toEqual([10, 11, 2027]);
    expect([a.totalNumber, b.totalNumber]).toEqual([10, 11]);
  });

  it('numbers each series on its own, and supplements apart from the main sequence', async () => {
    const { series } = await seed(t, 0);
    const other = await t.call('seriesAdd', { name: '情况反映' });
    const a = await publish(t, series.id, [(await newArticle('甲')).id], '2026-06-01');
    const b = await publish(t, other.id, [(await newArticle('乙')).id], '2026-06-01');
    const sup = await t.call('issueCreate', { series: series.id, date: '2026-06-02', supplement: true });
    await t.call('issueAddArticles', { id: sup.id, articleIds: [(await newArticle('丙')).id] });
    await t.call('issueSubmit', { id: sup.id });
    const supSigned = await t.call('issueSign', { id: sup.id, signedBy: '张某某' });
    const c = await publish(t, series.id, [(await newArticle('丁')).id], '2026-06-03');
    expect([a.number, b.number]).toEqual([1, 1]);
    expect([supSigned.supplement, supSigned.number, supSigned.totalNumber]).toEqual([true, 1, null]);
    expect([c.number, c.totalNumber]).toEqual([2, 2]);
  });

  it('takes the date given at sign-off and numbers by its year', async () => {
    const { series, articles } = await seed(t, 1);
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-12-31' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [articles[0]!.id] });
    await t.call('issueSubmit', { id: issue.id });
    expect((await t.call('issueNextNumber', { id: issue.id, date: '2027-01-02' })).year).toBe(2027);
    const signed = await t.call('issueSign', { id: issue.id, signedBy: '王某', date: '2027-01-02' });
    expect([signed.date, signed.year, signed.number]).toEqual(['2027-01-02', 2027, 1]);
  });

  it('refuses a sign-off dated before the last numbered issue, and changes nothing', async () => {
    const { series, articles } = await seed(t, 2);
    await publish(t, series.id, [articles[0]!.id], '2026-06-10');
    const late = await t.call('issueCreate', { series: series.id, date: '2026-06-01' });
    await t.call('issueAddArticles', { id: late.id, articleIds: [articles[1]!.id] });
    await t.call('issueSubmit', { id: late.id });
    const err = await t.refuse('issueSign', { id: late.id, signedBy: '张某某' });
    expect(err.code).toBe('INVALID_STATE');
    expect(err.message).toContain('2026-06-10');
    expect((await t.call('issueGet', { id: late.id })).status).toBe('review');
  });

  it('keeps an article in one live issue at a time', async () => {
    const { series, articles } = await seed(t, 1);
    const a = await t.call('issueCreate', { series: series.id });
    const b = await t.call('issueCreate', { series: series.id });
    await t.call('issueAddArticles', { id: a.id, articleIds: [articles[0]!.id] });
    const err = await t.refuse('issueAddArticles', { id: b.id, articleIds: [articles[0]!.id] });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('只能编入一期');
    // the schema itself refuses it too
    expect(() => t.db.prepare('INSERT INTO issue_articles (issue_id, article_id, position) VALUES (?, ?, 1)').run(b.id, articles[0]!.id)).toThrow(/UNIQUE/);
  });

  it('has the database refuse a duplicate number even when code is bypassed', async () => {
    const { series, articles } = await seed(t, 2);
    const a = await publish(t, series.id, [articles[0]!.id], '2026-01-05');
    const b = await t.call('issueCreate', { series: series.id, date: '2026-01-06' });
    expect(() =>
      t.db
        .prepare(
          "UPDATE issues SET status = 'signed', number = ?, total_number = ?, signed_by = 'x', signed_at = 'x' WHERE id = ?",
        )
        .run(a.number, 99, b.id),
    ).toThrow(/UNIQUE/);
    expect(() =>
      t.db
        .prepare("UPDATE issues SET status = 'signed', number = 50, total_number = ?, signed_by = 'x', signed_at = 'x' WHERE id = ?")
        .run(a.totalNumber, b.id),
    ).toThrow(/UNIQUE/);
  });

  it('freezes what was signed: later edits to a released article do not change the voided issue', async () => {
    const { series, articles } = await seed(t, 1);
    const a = await publish(t, series.id, [articles[0]!.id], '2026-02-01');
    await t.call('issueVoid', { id: a.id, reason: '重印' });
    await t.call('articleEdit', { id: articles[0]!.id, title: '改过的标题' });
    expect((await t.call('issueGet', { id: a.id })).articles[0]!.title).toBe(articles[0]!.title);
  });

  it('sends an issue back from review to draft, and deletes unsigned drafts only', async () => {
    const { series, articles } = await seed(t, 2);
    const d = await t.call('issueCreate', { series: series.id, date: '2026-04-01' });
    await t.call('issueAddArticles', { id: d.id, articleIds: [articles[0]!.id] });
    await t.call('issueSubmit', { id: d.id });
    expect((await t.call('issueWithdraw', { id: d.id })).status).toBe('draft');
    await t.call('issueAddArticles', { id: d.id, articleIds: [articles[1]!.id] });
    expect((await t.call('issueReorder', { id: d.id, articleIds: [articles[1]!.id, articles[0]!.id] })).articles.map((a) => a.id)).toEqual([
      articles[1]!.id,
      articles[0]!.id,
    ]);
    await t.call('issueDelete', { id: d.id });
    // its articles are free again
    expect((await t.call('articleGet', { id: articles[0]!.id })).issue).toBeNull();
  });
});
