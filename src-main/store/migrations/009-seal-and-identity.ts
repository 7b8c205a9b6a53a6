/**
 * Version 9: the sealed archive and the database's identity.
 *
 * Every signing and every voiding appends one link to `issue_seals`: a SHA-256 over the previous
 * link and what the issue is (see store/seal.ts). Nothing is ever rewritten: a void adds a link.
 *
 * The freeze of versions 1–2 had holes the sqlite3 shell walks through: `REPLACE INTO` deletes
 * the conflicting row without firing a delete trigger, and with foreign keys off (the shell's
 * default) nothing stops a DELETE of an article or a stored file's issue. So every frozen table
 * also gets a BEFORE INSERT trigger that looks the new row up by its primary key and by every
 * UNIQUE key, refusing when it would replace a frozen row, and a BEFORE DELETE trigger that
 * does not rely on foreign keys. What still gets past (a dropped trigger) is caught by
 * `bulletin archive verify`.
 *
 * `database_identity` holds one UUID, made when the database is created (or here, for an older
 * one): backups carry it inside, so a backup can be told from another database's.
 */
export const sql = /* sql */ `
CREATE TABLE database_identity (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  uuid       TEXT    NOT NULL CHECK (length(uuid) = 36),
  created_at TEXT    NOT NULL
);

CREATE TABLE issue_seals (
  seq         INTEGER PRIMARY KEY,
  issue_id    INTEGER NOT NULL REFERENCES issues(id) ON DELETE RESTRICT,
  status      TEXT    NOT NULL CHECK (status IN ('signed', 'voided')),
  -- NULL only for the first link of the chain
  prev_seal   TEXT    CHECK (prev_seal IS NULL OR (length(prev_seal) = 64 AND prev_seal NOT GLOB '*[^0-9a-f]*')),
  -- the stored Word file's SHA-256 as sealed (NULL for an issue signed before files were stored),
  -- kept so that verify can say whether the file or the issue changed
  file_sha256 TEXT    CHECK (file_sha256 IS NULL OR (length(file_sha256) = 64 AND file_sha256 NOT GLOB '*[^0-9a-f]*')),
  seal        TEXT    NOT NULL UNIQUE CHECK (length(seal) = 64 AND seal NOT GLOB '*[^0-9a-f]*'),
  created_at  TEXT    NOT NULL,
  UNIQUE (issue_id, status)
);

-- Append only: a new link must follow the current last one, and no link changes or goes.
CREATE TRIGGER issue_seals_append_only BEFORE INSERT ON issue_seals
WHEN EXISTS (SELECT 1 FROM issue_seals WHERE seq = NEW.seq OR seal = NEW.seal
             OR (issue_id = NEW.issue_id AND status = NEW.status))
  OR NEW.prev_seal IS NOT (SELECT seal FROM issue_seals ORDER BY seq DESC LIMIT 1)
  OR NEW.seq <= coalesce((SELECT max(seq) FROM issue_seals), 0)
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the archive seal is append-only');
END;

CREATE TRIGGER issue_seals_no_update BEFORE UPDATE ON issue_seals
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the archive seal never changes');
END;

CREATE TRIGGER issue_seals_no_delete BEFORE DELETE ON issue_seals
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the archive seal is never deleted');
END;

-- REPLACE INTO issues: by id, by (series, year, supplement, number), by (series, total number).
CREATE TRIGGER issues_frozen_replace BEFORE INSERT ON issues
WHEN EXISTS (SELECT 1 FROM issues WHERE status IN ('signed', 'voided') AND (
        id = NEW.id
     OR (series_id = NEW.series_id AND year = CAST(substr(NEW.date, 1, 4) AS INTEGER)
         AND supplement = NEW.supplement AND number = NEW.number)
     OR (series_id = NEW.series_id AND total_number = NEW.total_number)))
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: issue is signed or voided');
END;

-- REPLACE INTO issue_articles for an issue that is not frozen can still hit a frozen row
-- through the one-live-issue index (an article printed in a signed issue).
CREATE TRIGGER issue_articles_frozen_replace BEFORE INSERT ON issue_articles
WHEN NEW.live = 1 AND EXISTS (SELECT 1 FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
                              WHERE ia.article_id = NEW.article_id AND ia.live = 1
                                AND i.status IN ('signed', 'voided'))
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: article is printed in a signed issue');
END;

-- Articles: REPLACE by id of an article printed in a signed issue, and DELETE of one any signed
-- or voided issue refers to (foreign keys stop that only when they are on).
CREATE TRIGGER articles_frozen_replace BEFORE INSERT ON articles
WHEN EXISTS (SELECT 1 FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
             WHERE ia.article_id = NEW.id AND i.status = 'signed')
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: article is printed in a signed issue');
END;

CREATE TRIGGER articles_frozen_delete BEFORE DELETE ON articles
WHEN EXISTS (SELECT 1 FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
             WHERE ia.article_id = OLD.id AND i.status IN ('signed', 'voided'))
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: article is printed in a signed issue');
END;

-- A stored file is written once: a second row for the same issue (REPLACE) is refused.
CREATE TRIGGER issue_files_no_replace BEFORE INSERT ON issue_files
WHEN EXISTS (SELECT 1 FROM issue_files WHERE issue_id = NEW.issue_id)
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: an archived file never changes');
END;
`;
