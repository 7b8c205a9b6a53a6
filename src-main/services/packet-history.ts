/**
 * What went upward, read from the packet register: per item (已上报 with the date, directly or
 * inside a sent issue) and the lists the export dialog offers. Read-only queries; the helpers
 * take the database so other services (articleGet, articleList) can show the same marks.
 */
import type { OpArgs } from '../api/contract';
import type { ArticlePacketRef, ArticleSubmission, PacketArticleCandidate, PacketCandidates, PacketIssueCandidate, SubmittedMark } from '../api/ops/packets';
import type { Category, Classification } from '../api/schemas';
import type { Paragraph } from '../api/text';
import { countChars } from '../api/text';
import type { DB } from '../store/db';
import type { Ctx } from './context';
import { getArticle } from './articles';
import { issueArticles, issueLabel, type IssueRow } from './issues';
import { submittedMarks } from './submitted-marks';
import { printedSeriesName } from '../store/printed-series';

export { submittedMarks };

/** Packets that carried the article alone, or inside an issue that printed it, oldest first. */
const FOR_ARTICLE = `
  SELECT p.id AS packet_id, p.created_at, p.file_name, 'article' AS via, NULL AS issue_id
  FROM packet_items pi JOIN packets p ON p.id = pi.packet_id
  WHERE pi.kind = 'article' AND pi.ref_id = @id
  UNION ALL
  SELECT p.id, p.created_at, p.file_name, 'issue', pi.ref_id
  FROM packet_items pi JOIN packets p ON p.id = pi.packet_id
  JOIN issue_articles ia ON ia.issue_id = pi.ref_id AND ia.article_id = @id
  WHERE pi.kind = 'issue'
  ORDER BY 2, 1`;

export function packetsForArticle(db: DB, articleId: number): ArticleSubmission {
  const rows = db.prepare(FOR_ARTICLE).all({ id: articleId }) as {
    packet_id: number;
    created_at: string;
    file_name: string;
    via: 'article' | 'issue';
    issue_id: number | null;
  }[];
  const issueRow = db.prepare(`SELECT i.*, ${printedSeriesName('i', 's')} AS series FROM issues i JOIN series s ON s.id = i.series_id WHERE i.id = ?`);
  const packets: ArticlePacketRef[] = rows.map((r) => {
    const issue = r.issue_id === null ? undefined : (issueRow.get(r.issue_id) as IssueRow | undefined);
    return {
      packetId: r.packet_id,
      createdAt: r.created_at,
      fileName: r.file_name,
      via: r.via,
      issueId: r.issue_id,
      issueTitle: issue ? issueLabel(issue) : null,
    };
  });
  return { articleId, submittedAt: packets[0]?.createdAt ?? null, packets };
}

/** The API entry: refuses an unknown item like articleGet does. */
export function articlePackets(ctx: Ctx, args: OpArgs<'packetsForArticle'>): ArticleSubmission {
  getArticle(ctx, { id: args.id });
  return packetsForArticle(ctx.db, args.id);
}

function issueMarks(db: DB, issueIds: readonly number[]): Map<number, SubmittedMark> {
  const out = new Map<number, SubmittedMark>();
  const rows = db
    .prepare(
      `SELECT pi.ref_id AS issue_id, count(*) AS n, min(p.created_at) AS first_at, max(p.created_at) AS last_at
       FROM packet_items pi JOIN packets p ON p.id = pi.packet_id
       WHERE pi.kind = 'issue' AND pi.ref_id IN (SELECT value FROM json_each(?)) GROUP BY pi.ref_id`,
    )
    .all(JSON.stringify(issueIds)) as { issue_id: number; n: number; first_at: string; last_at: string }[];
  for (const r of rows) out.set(r.issue_id, { count: r.n, firstAt: r.first_at, lastAt: r.last_at });
  return out;
}

const rank: Record<Classification, number> = { public: 0, internal: 1, classified: 2 };

/** Signed issues (newest first) and items (latest edited first) the export dialog offers. */
export function packetCandidates(ctx: Ctx, args: OpArgs<'packetCandidates'>): PacketCandidates {
  const limit = args.limit ?? 200;
  const text = args.text || null;
  const issueRows = ctx.db
    .prepare(
      `SELECT i.*, ${printedSeriesName('i', 's')} AS series, (SELECT count(*) FROM issue_articles ia WHERE ia.issue_id = i.id) AS article_count
       FROM issues i JOIN series s ON s.id = i.series_id
       WHERE i.status = 'signed' AND (@text IS NULL OR instr(${printedSeriesName('i', 's')}, @text) > 0
             OR EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.issue_id = i.id AND instr(json_extract(ia.snapshot, '$.title'), @text) > 0))
       ORDER BY i.signed_at DESC, i.id DESC LIMIT @limit`,
    )
    .all({ text, limit }) as IssueRow[];
  const iMarks = issueMarks(ctx.db, issueRows.map((r) => r.id));
  const issues: PacketIssueCandidate[] = issueRows.map((r) => {
    const items = issueArticles(ctx, r.id);
    const classification = items.reduce<Classification>((h, a) => (rank[a.classification] > rank[h] ? a.classification : h), 'public');
    const classified = items.filter((a) => a.classification === 'classified').map((a) => `#${a.id}“${a.title}”`);
    return {
      id: r.id,
      title: `《${r.series}》${r.year}年${r.supplement ? '增刊' : ''}第${r.number}期${r.total_number ? `（总第${r.total_number}期）` : ''}`,
      date: r.date,
      articleCount: r.article_count,
      classification,
      blocked: classified.length ? `含涉密信息 ${classified.join('、')}，涉密信息不上网` : null,
      submitted: iMarks.get(r.id) ?? null,
    };
  });

  const articleRows = ctx.db
    .prepare(
      `SELECT a.id, a.title, a.paragraphs, a.category, a.classification, u.name AS unit,
              i.status, i.year, i.number, i.supplement, ${printedSeriesName('i', 's')} AS series
       FROM articles a
       LEFT JOIN units u ON u.id = a.unit_id
       LEFT JOIN issue_articles ia ON ia.article_id = a.id AND ia.live = 1
       LEFT JOIN issues i ON i.id = ia.issue_id
       LEFT JOIN series s ON s.id = i.series_id
       WHERE (@text IS NULL OR instr(a.title, @text) > 0)
       ORDER BY a.updated_at DESC, a.id DESC LIMIT @limit`,
    )
    .all({ text, limit }) as {
    id: number;
    title: string;
    paragraphs: string;
    category: Category;
    classification: Classification;
    unit: string | null;
    status: string | null;
    year: number | null;
    number: number | null;
    supplement: number | null;
    series: string | null;
  }[];
  const aMarks = submittedMarks(ctx.db, articleRows.map((r) => r.id));
  const articles: PacketArticleCandidate[] = articleRows.map((r) => ({
    id: r.id,
    title: r.title,
    unit: r.unit,
    category: r.category,
    classification: r.classification,
    chars: countChars(JSON.parse(r.paragraphs) as Paragraph[]),
    issueTitle: r.status === 'signed' ? `《${r.series}》${r.year}年${r.supplement ? '增刊' : ''}第${r.number}期` : null,
    blocked: r.classification === 'classified' ? '涉密信息不上网，不能放入上报包' : null,
    submitted: aMarks.get(r.id) ?? null,
  }));
  return { issues, articles };
}
