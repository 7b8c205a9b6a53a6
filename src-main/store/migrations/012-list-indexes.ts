/**
 * Indexes for the paged lists' default orders (issue 14): each list's first page is read off an
 * index in order and stops at the page's end, instead of sorting the whole table.
 *
 * - issues: drafts first, then the newest numbers, within a series (期刊) and across all
 *   series (归档); the expression `(number IS NOT NULL)` is written exactly as the query does.
 * - issues by status and date: the own-series adoptions (signed issues, newest first).
 * - articles: last changed first (稿件).
 * - packets, instructions, audit: their default orders already have an index or the rowid.
 */
export const sql = /* sql */ `
CREATE INDEX issues_order ON issues(series_id, year DESC, (number IS NOT NULL), supplement, number DESC, id DESC);
CREATE INDEX issues_order_all ON issues(year DESC, (number IS NOT NULL), supplement, number DESC, id DESC);
CREATE INDEX issues_status_date ON issues(status, date, id);
CREATE INDEX articles_updated ON articles(updated_at, id);
`;
