/**
 * The composer's "not yet used" items (未编入的信息) come from a table kept by triggers
 * (migration 20). Whatever happens to items and issues — put in, taken out, signed, voided, an
 * issue or an item deleted, a REPLACE from the sqlite3 shell — the list and its total are exactly
 * the items in no live issue, as the plain query over issue_articles finds them.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDb, seed, type TestDb } from './helpers/db';

const open: TestDb[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

/** The truth, computed the slow way. */
function unplacedTruth(t: TestDb): number[] {
  return t.db
    .prepare(
      `SELECT a.id FROM articles a
        WHERE NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id AND ia.live = 1)
        ORDER BY a.id`,
    )
    .pluck()
    .all() as number[];
}

async function listed(t: TestDb, args: { used: boolean }): Promise<{ ids: number[]; total: number }> {
  const page = await t.call('articleList', { ...args, limit: 500 });
  return { ids: page.rows.map((r) => r.id).sort((a, b) => a - b), total: page.total };
}

async function expectInStep(t: TestDb): Promise<void> {
  const truth = unplacedTruth(t);
  expect(await listed(t, { used: false })).toEqual({ ids: truth, total: truth.length });
  const all = t.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
  const used = all.filter((id) => !truth.includes(id));
  expect(await listed(t, { used: true })).toEqual({ ids: used, total: used.length });
}

type Step =
  | { kind: 'add' }
  | { kind: 'create' }
  | { kind: 'put'; issue: number; article: number }
  | { kind: 'takeOut'; issue: number; article: number }
  | { kind: 'sign'; issue: number }
  | { kind: 'void'; issue: number }
  | { kind: 'deleteIssue'; issue: number }
  | { kind: 'deleteArticle'; article: number };

const pick = fc.nat({ max: 30 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'add' }),
  fc.constant<Step>({ kind: 'create' }),
  fc.record({ kind: fc.constant('put' as const), issue: pick, article: pick }),
  fc.record({ kind: fc.constant('takeOut' as const), issue: pick, article: pick }),
  fc.record({ kind: fc.constant('sign' as const), issue: pick }),
  fc.record({ kind: fc.constant('void' as const), issue: pick }),
  fc.record({ kind: fc.constant('deleteIssue' as const), issue: pick }),
  fc.record({ kind: fc.constant('deleteArticle' as const), article: pick }),
);

describe('items in no live issue', () => {
  it('stay the exact set and count through any mix of issue work, refused steps included', async () => {
    // Steps that went through, by kind: the runs must have signed, voided and taken out for real.
    const done = new Map<Step['kind'], number>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        const t = openTestDb();
        try {
          const { series, articles } = await seed(t, 3);
          const issues: number[] = [];
          let day = 1;
          const nth = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
          for (const s of steps) {
            const articleIds = t.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
            try {
              if (s.kind === 'add') articles.push(await t.call('articleAdd', { title: `新信息${day}`, body: '正文。', category: 'news' }));
              else if (s.kind === 'create') issues.push((await t.call('issueCreate', { series: series.id, date: `2026-03-${String((day % 28) + 1).padStart(2, '0')}` })).id);
              else if (s.kind === 'put') await t.call('issueAddArticles', { id: nth(issues, s.issue) ?? 0, articleIds: [nth(articleIds, s.article) ?? 0] });
              else if (s.kind === 'takeOut') await t.call('issueRemoveArticle', { id: nth(issues, s.issue) ?? 0, articleId: nth(articleIds, s.article) ?? 0 });
              else if (s.kind === 'sign') {
                const id = nth(issues, s.issue) ?? 0;
                await t.call('issueSubmit', { id });
                await t.call('issueSign', { id, signedBy: '张某某' });
              } else if (s.kind === 'void') await t.call('issueVoid', { id: nth(issues, s.issue) ?? 0, reason: '内容有误' });
              else if (s.kind === 'deleteIssue') await t.call('issueDelete', { id: nth(issues, s.issue) ?? 0 });
              else await t.call('articleDelete', { id: nth(articleIds, s.article) ?? 0 });
              done.set(s.kind, (done.get(s.kind) ?? 0) + 1);
            } catch {
              // a refused step (an item already in a live issue, a signed issue changed...) changes nothing
            }
            day++;
            await expectInStep(t);
          }
        } finally {
          t.close();
        }
      }),
      { numRuns: 25, seed: 20261206 },
    );
    for (const kind of ['put', 'takeOut', 'sign', 'void', 'deleteIssue', 'deleteArticle'] as const) expect(done.get(kind), kind).toBeGreaterThan(0);
  });

  it('follows a REPLACE from the sqlite3 shell that pushes an item out of its place', async () => {
    const t = openTestDb();
    open.push(t);
    const { series, articles } = await seed(t, 3);
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-03-02' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [articles[0]!.id, articles[1]!.id] });
    await expectInStep(t);
    // article 3 takes position 1: the REPLACE deletes article 1's row without its DELETE trigger
    t.db.prepare('REPLACE INTO issue_articles (issue_id, article_id, position) VALUES (?, ?, 1)').run(issue.id, articles[2]!.id);
    expect(unplacedTruth(t)).toEqual([articles[0]!.id]);
    await expectInStep(t);
  });
});
