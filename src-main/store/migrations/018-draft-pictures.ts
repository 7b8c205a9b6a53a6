/**
 * Version 18 (issue 19): a draft's pictures, kept with the draft, and the series setting that
 * lets a bulletin print them.
 *
 * A picture is evidence of what a unit sent, like the original file (version 3): its bytes,
 * type, place and caption as read are never changed, and REPLACE INTO (a delete without the
 * delete trigger) is refused by a BEFORE INSERT trigger that looks the row up by both its keys.
 * A draft's pictures go with the draft when an unused draft is deleted (ON DELETE CASCADE),
 * but never once the draft's item is in a signed or voided issue: the printed item refers to
 * them. Items place a picture by its id (api/body-pictures.ts); the bytes stay here, once.
 *
 * `series.allow_pictures` (允许印发图片): off by default, bulletins are usually text.
 */
export const sql = /* sql */ `
CREATE TABLE draft_pictures (
  id            INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL CHECK (position BETWEEN 1 AND 50),
  content_type  TEXT    NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/bmp', 'image/tiff')),
  bytes         BLOB    NOT NULL CHECK (typeof(bytes) = 'blob' AND length(bytes) BETWEEN 1 AND 20971520),
  sha256        TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  caption       TEXT    NOT NULL DEFAULT '' CHECK (length(caption) <= 200),
  created_at    TEXT    NOT NULL,
  UNIQUE (submission_id, position)
);

CREATE TRIGGER draft_pictures_kept BEFORE UPDATE ON draft_pictures
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: a draft''s picture never changes');
END;

-- A second row in a taken place (REPLACE) is refused; so is a picture added to a draft whose
-- item is already printed in a signed or voided issue.
CREATE TRIGGER draft_pictures_no_replace BEFORE INSERT ON draft_pictures
WHEN EXISTS (SELECT 1 FROM draft_pictures WHERE id = NEW.id OR (submission_id = NEW.submission_id AND position = NEW.position))
  OR EXISTS (SELECT 1 FROM submissions s JOIN issue_articles ia ON ia.article_id = s.article_id
             JOIN issues i ON i.id = ia.issue_id
             WHERE s.id = NEW.submission_id AND i.status IN ('signed', 'voided'))
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: a draft''s picture never changes');
END;

CREATE TRIGGER draft_pictures_frozen_delete BEFORE DELETE ON draft_pictures
WHEN EXISTS (SELECT 1 FROM submissions s JOIN issue_articles ia ON ia.article_id = s.article_id
             JOIN issues i ON i.id = ia.issue_id
             WHERE s.id = OLD.submission_id AND i.status IN ('signed', 'voided'))
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the picture belongs to an item printed in a signed issue');
END;

ALTER TABLE series ADD COLUMN allow_pictures INTEGER NOT NULL DEFAULT 0 CHECK (allow_pictures IN (0, 1));
`;
