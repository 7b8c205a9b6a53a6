/**
 * Version 7: a series' highest classification, and the series name a signed issue was printed under.
 *
 * `series.max_classification` is the highest 密级 the series may print. Every existing series
 * starts at 内部 ('internal'): a county bulletin is an internal publication, so what it printed
 * so far stays allowed, and a 涉密 item is refused from now on until a series says it may carry one.
 *
 * `issue_series_names` keeps, for every signed or voided issue, the series name it was printed
 * under, so renaming a series later does not retitle its archive (listing, labels, exported file
 * names). A table of its own, insert-only like `issue_files`, rather than a column on `issues`:
 * filling a column for issues already signed would mean lifting their freeze trigger. Existing
 * signed and voided issues take the name their series has now, the best that is known.
 *
 * The further units of an item printed in a signed issue (article_units) are frozen like the
 * item itself: its points were counted for them.
 */
export const sql = /* sql */ `
ALTER TABLE series ADD COLUMN max_classification TEXT NOT NULL DEFAULT 'internal'
  CHECK (max_classification IN ('public', 'internal', 'classified'));

CREATE TABLE issue_series_names (
  issue_id INTEGER PRIMARY KEY REFERENCES issues(id),
  name     TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 400)
);

INSERT INTO issue_series_names (issue_id, name)
SELECT i.id, s.name FROM issues i JOIN series s ON s.id = i.series_id WHERE i.status IN ('signed', 'voided');

-- Written once, in the signing transaction; REPLACE INTO would delete without a delete trigger,
-- so an insert over an existing row is refused here as well.
CREATE TRIGGER issue_series_names_insert BEFORE INSERT ON issue_series_names
WHEN (SELECT status FROM issues WHERE id = NEW.issue_id) IS NOT 'signed'
  OR EXISTS (SELECT 1 FROM issue_series_names WHERE issue_id = NEW.issue_id)
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the series name of a signed issue is written once');
END;

CREATE TRIGGER issue_series_names_no_update BEFORE UPDATE ON issue_series_names
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the series name of a signed issue never changes');
END;

CREATE TRIGGER issue_series_names_no_delete BEFORE DELETE ON issue_series_names
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the series name of a signed issue is never deleted');
END;

CREATE TRIGGER article_units_frozen_insert BEFORE INSERT ON article_units
WHEN EXISTS (SELECT 1 FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
             WHERE ia.article_id = NEW.article_id AND i.status = 'signed')
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the units of an item printed in a signed issue never change');
END;

CREATE TRIGGER article_units_frozen_delete BEFORE DELETE ON article_units
WHEN EXISTS (SELECT 1 FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
             WHERE ia.article_id = OLD.article_id AND i.status = 'signed')
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the units of an item printed in a signed issue never change');
END;

CREATE TRIGGER article_units_frozen_update BEFORE UPDATE ON article_units
WHEN EXISTS (SELECT 1 FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
             WHERE ia.article_id IN (OLD.article_id, NEW.article_id) AND i.status = 'signed')
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: the units of an item printed in a signed issue never change');
END;
`;
