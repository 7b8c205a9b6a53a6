/**
 * Version 3: the intake register (来稿登记) and the full-text index; a signed issue's text kept once.
 *
 * A submission keeps the original file as received, byte for byte, beside the text read from it.
 * Its state is stored for the steps people take (received, editing, forwarded, not used); "used
 * in an issue" is not stored but read from the issue that printed its article (the view below),
 * so a void can never leave it stale.
 *
 * Search: the text is tokenized in JavaScript (src-main/search/tokenize.ts) and stored only as
 * tokens in two contentless FTS5 tables, so the text itself is kept once (in its own table).
 */
export const sql = /* sql */ `
-- The text of a signed issue's articles is kept once: the article rows themselves, frozen by
-- trigger while the issue is signed. A void copies each into the snapshot as it releases it.
DROP TRIGGER issue_articles_frozen_update;
CREATE TRIGGER issue_articles_frozen_update BEFORE UPDATE ON issue_articles
WHEN (SELECT status FROM issues WHERE id = OLD.issue_id) IN ('signed', 'voided')
 AND NOT (NEW.live IS NULL AND OLD.live = 1
          AND (SELECT status FROM issues WHERE id = OLD.issue_id) = 'voided'
          AND NEW.issue_id IS OLD.issue_id AND NEW.article_id IS OLD.article_id
          AND NEW.position IS OLD.position
          AND (NEW.snapshot IS OLD.snapshot OR (OLD.snapshot IS NULL AND json_valid(NEW.snapshot))))
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: issue is signed or voided');
END;

CREATE TABLE submissions (
  id                INTEGER PRIMARY KEY,
  unit_id           INTEGER REFERENCES units(id) ON DELETE RESTRICT,
  liaison_name      TEXT    NOT NULL DEFAULT '',
  liaison_phone     TEXT    NOT NULL DEFAULT '',
  received_date     TEXT    NOT NULL CHECK (received_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  title             TEXT    NOT NULL CHECK (length(title) >= 1),
  paragraphs        TEXT    NOT NULL CHECK (json_valid(paragraphs) AND json_type(paragraphs) = 'array'),
  original_name     TEXT    NOT NULL DEFAULT '',
  original_format   TEXT    NOT NULL CHECK (original_format IN ('docx', 'txt', 'typed')),
  original_encoding TEXT,
  original_file     BLOB,
  original_sha256   TEXT    CHECK (original_sha256 IS NULL OR length(original_sha256) = 64),
  fingerprint       TEXT    NOT NULL DEFAULT '',
  duplicate_of      INTEGER REFERENCES submissions(id) ON DELETE SET NULL,
  state             TEXT    NOT NULL DEFAULT 'received'
                    CHECK (state IN ('received', 'editing', 'forwarded', 'unused')),
  state_reason      TEXT,
  article_id        INTEGER UNIQUE REFERENCES articles(id) ON DELETE SET NULL,
  created_at        TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL,
  CHECK (state <> 'unused' OR (state_reason IS NOT NULL AND length(state_reason) > 0)),
  CHECK ((original_format = 'typed') = (original_file IS NULL)),
  CHECK ((original_file IS NULL) = (original_sha256 IS NULL))
);
CREATE INDEX submissions_received ON submissions(received_date);
CREATE INDEX submissions_unit ON submissions(unit_id, received_date);

-- The original file is evidence of what a unit sent: never changed once stored.
CREATE TRIGGER submissions_original_kept BEFORE UPDATE ON submissions
WHEN NEW.original_file IS NOT OLD.original_file OR NEW.original_sha256 IS NOT OLD.original_sha256
  OR NEW.original_name IS NOT OLD.original_name OR NEW.original_format IS NOT OLD.original_format
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the original file of a submission never changes');
END;

CREATE VIEW submission_states AS
SELECT s.id,
       CASE WHEN EXISTS (SELECT 1 FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
                         WHERE ia.article_id = s.article_id AND ia.live = 1 AND i.status = 'signed')
            THEN 'used' ELSE s.state END AS state,
       (SELECT ia.issue_id FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
         WHERE ia.article_id = s.article_id AND ia.live = 1 AND i.status = 'signed') AS issue_id
FROM submissions s;

-- One row per searchable thing; its id is the rowid of both FTS tables.
CREATE TABLE search_docs (
  id     INTEGER PRIMARY KEY,
  kind   TEXT    NOT NULL CHECK (kind IN ('article', 'submission', 'issue')),
  ref_id INTEGER NOT NULL,
  UNIQUE (kind, ref_id)
);

-- One column each, so position lists carry no column markers (the index is most of the size).
-- Bigram phrases, with positions, answer queries of two or more characters and rank them;
-- each Han character once per document (no positions) answers one-character queries. Both
-- also hold filter tokens (zzkind…, zzunit…, zzyear…) that no text can produce, so filters
-- are index lookups too.
CREATE VIRTUAL TABLE search_bi USING fts5(text, content = '', contentless_delete = 1, tokenize = 'ascii', detail = 'full');
CREATE VIRTUAL TABLE search_uni USING fts5(text, content = '', contentless_delete = 1, tokenize = 'ascii', detail = 'none');
CREATE VIRTUAL TABLE search_bi_vocab USING fts5vocab(search_bi, 'row');
CREATE VIRTUAL TABLE search_uni_vocab USING fts5vocab(search_uni, 'row');
`;
