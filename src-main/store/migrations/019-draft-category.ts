/**
 * Version 19 (issue 15): a draft
 * (来稿) keeps a category (栏目), the same words an item uses, so the register can be sorted,
 * filtered and set by batch before anything is edited, and 编辑成信息 gives the item that
 * category. NULL means 未定: the wording did not make it clear and nobody has said yet.
 *
 * Existing drafts made into items take their item's category; the others get the one their
 * wording points to (intake/category-guess.ts, in `after`, where SQL cannot tokenize), or stay
 * 未定.
 *
 * The view is re-made with the column (it names its columns, see migration 6), so the list
 * still reads each draft through one scan.
 */
import { guessCategory } from '../../intake/category-guess';
import type { DB } from '../db-handle';

export const sql = /* sql */ `
ALTER TABLE submissions ADD COLUMN category TEXT
  CHECK (category IS NULL OR category IN ('news', 'practice', 'problem', 'research', 'followup'));
CREATE INDEX submissions_category ON submissions(category, received_date);

UPDATE submissions SET category = (SELECT a.category FROM articles a WHERE a.id = submissions.article_id)
WHERE article_id IS NOT NULL;

DROP VIEW submission_states;
CREATE VIEW submission_states AS
SELECT s.id, s.unit_id, s.liaison_name, s.liaison_phone, s.received_date, s.title, s.paragraphs,
       s.original_name, s.original_format, s.original_encoding, s.original_file, s.original_sha256,
       s.fingerprint, s.duplicate_of, s.state_reason, s.article_id, s.created_at, s.updated_at,
       CASE WHEN EXISTS (SELECT 1 FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
                         WHERE ia.article_id = s.article_id AND ia.live = 1 AND i.status = 'signed')
            THEN 'used' ELSE s.state END AS state,
       (SELECT ia.issue_id FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
         WHERE ia.article_id = s.article_id AND ia.live = 1 AND i.status = 'signed') AS issue_id,
       s.category
FROM submissions s;

-- A draft used in a signed issue is kept as it was: its category no more changes than its state.
CREATE TRIGGER submissions_used_category_kept BEFORE UPDATE OF category ON submissions
WHEN NEW.category IS NOT OLD.category AND EXISTS (
  SELECT 1 FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
  WHERE ia.article_id = OLD.article_id AND ia.live = 1 AND i.status = 'signed')
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the category of a draft used in a signed issue never changes');
END;
`;

/** The drafts not yet made into items get the category their wording points to, where clear. */
export function guessExisting(db: DB): void {
  const rows = db.prepare('SELECT id, title, paragraphs FROM submissions WHERE category IS NULL AND article_id IS NULL').all() as {
    id: number;
    title: string;
    paragraphs: string;
  }[];
  const set = db.prepare('UPDATE submissions SET category = ? WHERE id = ?');
  for (const r of rows) {
    const body = (JSON.parse(r.paragraphs) as { text: string }[]).map((p) => p.text).join('\n');
    const c = guessCategory(r.title, body);
    if (c !== null) set.run(c, r.id);
  }
}
