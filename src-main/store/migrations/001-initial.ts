/**
 * Version 1: series, units, articles, issues and the articles each issue carries.
 * The rules users rely on are written into the schema so that no code path can break them:
 * unique numbers, one live issue per article, and frozen signed issues (triggers).
 */
export const sql = /* sql */ `
CREATE TABLE series (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 400),
  org           TEXT    NOT NULL DEFAULT '',
  first_number  INTEGER NOT NULL DEFAULT 1 CHECK (first_number >= 1),
  first_total   INTEGER NOT NULL DEFAULT 1 CHECK (first_total >= 1),
  continuous    INTEGER NOT NULL DEFAULT 0 CHECK (continuous IN (0, 1)),
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL
);

CREATE TABLE units (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 400),
  kind       TEXT    NOT NULL DEFAULT 'other' CHECK (kind IN ('town', 'street', 'department', 'other')),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
);

CREATE TABLE articles (
  id             INTEGER PRIMARY KEY,
  title          TEXT    NOT NULL CHECK (length(title) >= 1),
  paragraphs     TEXT    NOT NULL CHECK (json_valid(paragraphs) AND json_type(paragraphs) = 'array'),
  unit_id        INTEGER REFERENCES units(id) ON DELETE RESTRICT,
  category       TEXT    NOT NULL DEFAULT 'news'
                 CHECK (category IN ('news', 'practice', 'problem', 'research', 'followup')),
  classification TEXT    NOT NULL DEFAULT 'public' CHECK (classification IN ('public', 'internal', 'classified')),
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL
);
CREATE INDEX articles_unit ON articles(unit_id);
CREATE INDEX articles_created ON articles(created_at);

CREATE TABLE issues (
  id           INTEGER PRIMARY KEY,
  series_id    INTEGER NOT NULL REFERENCES series(id) ON DELETE RESTRICT,
  status       TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'signed', 'voided')),
  supplement   INTEGER NOT NULL DEFAULT 0 CHECK (supplement IN (0, 1)),
  date         TEXT    NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  year         INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) STORED,
  number       INTEGER CHECK (number >= 1),
  total_number INTEGER CHECK (total_number >= 1),
  signed_by    TEXT,
  signed_at    TEXT,
  void_reason  TEXT,
  voided_at    TEXT,
  created_at   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL,
  -- a number exactly when signed or voided; a supplement never takes a running number
  CHECK ((status IN ('signed', 'voided')) = (number IS NOT NULL)),
  CHECK ((status IN ('signed', 'voided')) = (signed_by IS NOT NULL AND signed_at IS NOT NULL)),
  CHECK ((status = 'voided') = (void_reason IS NOT NULL AND voided_at IS NOT NULL)),
  CHECK (supplement = 0 OR total_number IS NULL),
  CHECK (supplement = 1 OR (number IS NULL) = (total_number IS NULL)),
  UNIQUE (series_id, year, supplement, number)
);
CREATE UNIQUE INDEX issues_total_unique ON issues(series_id, total_number) WHERE total_number IS NOT NULL;
CREATE INDEX issues_list ON issues(series_id, year, status);

CREATE TABLE issue_articles (
  issue_id   INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE RESTRICT,
  position   INTEGER NOT NULL CHECK (position >= 1),
  -- 1 while the issue is not voided, NULL after: the partial index below then lets the
  -- article go into another issue, and keeps it from being in two live issues at once.
  live       INTEGER DEFAULT 1 CHECK (live IS NULL OR live = 1),
  -- what was signed, kept as it was printed: title, paragraphs, unit name, category, classification
  snapshot   TEXT CHECK (snapshot IS NULL OR json_valid(snapshot)),
  PRIMARY KEY (issue_id, article_id),
  UNIQUE (issue_id, position)
);
CREATE UNIQUE INDEX issue_articles_one_live_issue ON issue_articles(article_id) WHERE live = 1;

-- A signed or voided issue is frozen. The only changes allowed: signed -> voided (with reason).
CREATE TRIGGER issues_frozen BEFORE UPDATE ON issues
WHEN OLD.status IN ('signed', 'voided')
 AND NOT (OLD.status = 'signed' AND NEW.status = 'voided'
          AND NEW.series_id IS OLD.series_id AND NEW.date IS OLD.date AND NEW.number IS OLD.number
          AND NEW.total_number IS OLD.total_number AND NEW.supplement IS OLD.supplement
          AND NEW.signed_by IS OLD.signed_by AND NEW.signed_at IS OLD.signed_at)
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: issue is signed or voided');
END;

CREATE TRIGGER issues_no_delete_signed BEFORE DELETE ON issues
WHEN OLD.status IN ('signed', 'voided')
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: a signed or voided issue is never deleted');
END;

CREATE TRIGGER issue_articles_frozen_insert BEFORE INSERT ON issue_articles
WHEN (SELECT status FROM issues WHERE id = NEW.issue_id) IN ('signed', 'voided')
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: issue is signed or voided');
END;

CREATE TRIGGER issue_articles_frozen_delete BEFORE DELETE ON issue_articles
WHEN (SELECT status FROM issues WHERE id = OLD.issue_id) IN ('signed', 'voided')
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: issue is signed or voided');
END;

-- In a signed issue only one change is allowed: live 1 -> NULL as the issue is voided.
-- The snapshot is written while the issue is still in review, in the signing transaction.
CREATE TRIGGER issue_articles_frozen_update BEFORE UPDATE ON issue_articles
WHEN (SELECT status FROM issues WHERE id = OLD.issue_id) IN ('signed', 'voided')
 AND NOT (NEW.live IS NULL AND OLD.live = 1
          AND (SELECT status FROM issues WHERE id = OLD.issue_id) = 'voided'
          AND NEW.issue_id IS OLD.issue_id AND NEW.article_id IS OLD.article_id
          AND NEW.position IS OLD.position AND NEW.snapshot IS OLD.snapshot)
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: issue is signed or voided');
END;

-- An article printed in a signed issue does not change (a correction goes in a new issue).
CREATE TRIGGER articles_frozen BEFORE UPDATE ON articles
WHEN EXISTS (SELECT 1 FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
             WHERE ia.article_id = OLD.id AND i.status = 'signed')
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: article is printed in a signed issue');
END;
`;
