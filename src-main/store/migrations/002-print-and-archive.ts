/**
 * Version 2: how each series prints, and the archive of signed issues' Word files. An archived
 * file is written once, in the signing transaction, and never changed or deleted.
 */
export const sql = /* sql */ `
ALTER TABLE series ADD COLUMN print_settings TEXT NOT NULL DEFAULT '{}'
  CHECK (json_valid(print_settings) AND json_type(print_settings) = 'object');

CREATE TABLE issue_files (
  issue_id   INTEGER PRIMARY KEY REFERENCES issues(id) ON DELETE RESTRICT,
  docx       BLOB    NOT NULL CHECK (length(docx) > 0),
  sha256     TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size       INTEGER NOT NULL CHECK (size = length(docx)),
  created_at TEXT    NOT NULL
);

CREATE TRIGGER issue_files_only_signed BEFORE INSERT ON issue_files
WHEN (SELECT status FROM issues WHERE id = NEW.issue_id) IS NOT 'signed'
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: only a signed issue is archived');
END;

CREATE TRIGGER issue_files_no_update BEFORE UPDATE ON issue_files
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: an archived file never changes');
END;

CREATE TRIGGER issue_files_no_delete BEFORE DELETE ON issue_files
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: an archived file is never deleted');
END;
`;
