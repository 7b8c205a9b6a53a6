/**
 * 已上报 marks read from the packet register, for item lists and pages. Kept apart from
 * packet-history.ts so that services/articles.ts can use it without an import cycle.
 */
import type { SubmittedMark } from '../api/types';
import type { DB } from '../store/db';

/** 已上报 marks for many items at once (lists): count, first and last date. */
export function submittedMarks(db: DB, articleIds: readonly number[]): Map<number, SubmittedMark> {
  const out = new Map<number, SubmittedMark>();
  if (articleIds.length === 0) return out;
  const rows = db
    .prepare(
      `WITH ids(id) AS (SELECT value FROM json_each(?)),
       hits AS (
         SELECT pi.ref_id AS article_id, p.id AS packet_id, p.created_at FROM packet_items pi JOIN packets p ON p.id = pi.packet_id
         WHERE pi.kind = 'article' AND pi.ref_id IN (SELECT id FROM ids)
         UNION
         SELECT ia.article_id, p.id, p.created_at FROM packet_items pi JOIN packets p ON p.id = pi.packet_id
         JOIN issue_articles ia ON ia.issue_id = pi.ref_id
         WHERE pi.kind = 'issue' AND ia.article_id IN (SELECT id FROM ids))
       SELECT article_id, count(DISTINCT packet_id) AS n, min(created_at) AS first_at, max(created_at) AS last_at FROM hits GROUP BY article_id`,
    )
    .all(JSON.stringify(articleIds)) as { article_id: number; n: number; first_at: string; last_at: string }[];
  for (const r of rows) out.set(r.article_id, { count: r.n, firstAt: r.first_at, lastAt: r.last_at });
  return out;
}
