/**
 * Version 6: indexes for the intake register's duplicate check and its list.
 *
 * Every import compares the new draft with every draft registered before it. In `submissions`
 * the original file (often hundreds of kilobytes, with photos megabytes) sits before the
 * columns the check needs, so reading those from the table walks the file's overflow pages, row
 * after row. These indexes hold what the check reads, so it never touches the files: the SHA-256
 * lookup for "the same file", and a covering index for "same unit and title" and the SimHash scan.
 * The register's list, newest first and often filtered by state, gets one that holds the state
 * and the item link, so a filter that matches few drafts reads the index, not every row. For
 * that the list must read the drafts through one scan: submission_states now carries every
 * column of the draft beside its derived state, so the list selects from the view alone and
 * SQLite folds it into the query (joined back to submissions by id, it read each row twice).
 */
export const sql = /* sql */ `
CREATE INDEX submissions_sha256 ON submissions(original_sha256) WHERE original_sha256 IS NOT NULL;
CREATE INDEX submissions_dedupe ON submissions(unit_id, fingerprint, title);
CREATE INDEX submissions_list ON submissions(received_date, id, state, article_id);
-- Its job is done by submissions_list, which the planner would otherwise pass over for it.
DROP INDEX submissions_received;

DROP VIEW submission_states;
CREATE VIEW submission_states AS
SELECT s.id, s.unit_id, s.liaison_name, s.liaison_phone, s.received_date, s.title, s.paragraphs,
       s.original_name, s.original_format, s.original_encoding, s.original_file, s.original_sha256,
       s.fingerprint, s.duplicate_of, s.state_reason, s.article_id, s.created_at, s.updated_at,
       CASE WHEN EXISTS (SELECT 1 FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
                         WHERE ia.article_id = s.article_id AND ia.live = 1 AND i.status = 'signed')
            THEN 'used' ELSE s.state END AS state,
       (SELECT ia.issue_id FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
         WHERE ia.article_id = s.article_id AND ia.live = 1 AND i.status = 'signed') AS issue_id
FROM submissions s;
`;
