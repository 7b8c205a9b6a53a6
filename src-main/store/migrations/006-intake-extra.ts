/**
 * Version 6: indexes for the intake register's duplicate check and its list.
 *
 * Every import compares the new draft with every draft registered before it. In `submissions`
 * the original file (often hundreds of kilobytes, with photos megabytes) sits before the
 * columns the check needs, so reading those from the table walks the file's overflow pages, row
 * after row. These indexes hold what the check reads, so it never touches the files: the SHA-256
 * lookup for "the same file", and a covering index for "same unit and title" and the SimHash scan.
 * The register's list, newest first and often filtered by state, gets one that holds the state
 * and the item link, so a filter that matches few drafts reads the index, not every row.
 */
export const sql = /* sql */ `
CREATE INDEX submissions_sha256 ON submissions(original_sha256) WHERE original_sha256 IS NOT NULL;
CREATE INDEX submissions_dedupe ON submissions(unit_id, fingerprint, title);
CREATE INDEX submissions_list ON submissions(received_date, id, state, article_id);
-- Its job is done by submissions_list, which the planner would otherwise pass over for it.
DROP INDEX submissions_received;
`;
