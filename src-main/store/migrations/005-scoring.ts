/**
 * Version 5: assessment (考核) — adoptions entered by hand, leader instructions, commissions,
 * deductions, monthly targets, the units of combined items, and the rules as versioned data.
 *
 * Adoption by our own series is not stored: it is read from the signed issue that printed the
 * item, so voiding the issue takes it away. A rules version, once saved, never changes (a new
 * version from a date replaces it from then on), so a past circular always computes the same.
 * An item with an adoption, instruction or commission answer on record is never deleted.
 */
const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";

/** DOMAIN.md's default table, written out so this migration stays as released whatever the code's defaults become. */
const DEFAULT_RULES_JSON =
  '{"adoption":{"county":{"single":{"points":10,"reward":20},"brief":{"points":5,"reward":10},"daily":{"points":10,"reward":20},' +
  '"web":{"points":5,"reward":10}},"city":{"single":{"points":50,"reward":100},"research":{"points":100,"reward":300}},' +
  '"province":{"single":{"points":100,"reward":200},"research":{"points":300,"reward":500}}},"combined":{"points":10,"reward":0},' +
  '"instruction":{"county":{"points":20,"reward":100},"city":{"points":40,"reward":300},"province":{"points":80,"reward":500}},' +
  '"monthlyTarget":{"met":20,"missed":30},"commission":{"late":50,"missing":50},"deductions":{"falseInfo":{"min":50,"max":100},' +
  '"urgentLate":{"county":30,"city":50,"province":100},"urgentConcealed":{"county":60,"city":100,"province":200},"criticism":100},' +
  '"thresholds":{"notAdvanced":100,"criticised":200}}';

export const sql = /* sql */ `
-- The further units of a combined item (合报); the item's own unit_id stays the first.
CREATE TABLE article_units (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  PRIMARY KEY (article_id, unit_id)
);
CREATE INDEX article_units_unit ON article_units(unit_id);

-- Adoptions by publications this database does not print (city, province, county 每日要情, web).
CREATE TABLE adoptions (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE RESTRICT,
  publication TEXT    NOT NULL CHECK (length(publication) BETWEEN 1 AND 400),
  level       TEXT    NOT NULL CHECK (level IN ('county', 'city', 'province')),
  kind        TEXT    NOT NULL CHECK (kind IN ('single', 'brief', 'research', 'daily', 'web')),
  date        TEXT    NOT NULL CHECK (date ${DATE}),
  issue_ref   TEXT    NOT NULL DEFAULT '' CHECK (length(issue_ref) <= 400),
  created_at  TEXT    NOT NULL,
  -- the rows of the published table: county prints items, briefs, 每日要情 and the web column;
  -- city and province score single items and research pieces
  CHECK ((level = 'county' AND kind IN ('single', 'brief', 'daily', 'web'))
      OR (level IN ('city', 'province') AND kind IN ('single', 'research'))),
  UNIQUE (article_id, publication, kind, issue_ref)
);
CREATE INDEX adoptions_date ON adoptions(date);

CREATE TABLE instructions (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE RESTRICT,
  level      TEXT    NOT NULL CHECK (level IN ('county', 'city', 'province')),
  leader     TEXT    NOT NULL CHECK (length(leader) BETWEEN 1 AND 400),
  date       TEXT    NOT NULL CHECK (date ${DATE}),
  text       TEXT    NOT NULL DEFAULT '' CHECK (length(text) <= 20000),
  created_at TEXT    NOT NULL
);
CREATE INDEX instructions_date ON instructions(date);
CREATE INDEX instructions_article ON instructions(article_id);
CREATE INDEX adoptions_article ON adoptions(article_id);

CREATE TABLE commissions (
  id         INTEGER PRIMARY KEY,
  topic      TEXT    NOT NULL CHECK (length(topic) BETWEEN 1 AND 800),
  deadline   TEXT    NOT NULL CHECK (deadline ${DATE}),
  created_at TEXT    NOT NULL
);
CREATE INDEX commissions_deadline ON commissions(deadline);

CREATE TABLE commission_units (
  commission_id INTEGER NOT NULL REFERENCES commissions(id) ON DELETE RESTRICT,
  unit_id       INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  answered_date TEXT    CHECK (answered_date IS NULL OR answered_date ${DATE}),
  article_id    INTEGER REFERENCES articles(id) ON DELETE RESTRICT,
  CHECK (article_id IS NULL OR answered_date IS NOT NULL),
  PRIMARY KEY (commission_id, unit_id)
);

-- An answer on record decides on time / late; it is never rewritten.
CREATE TRIGGER commission_units_answer_kept BEFORE UPDATE ON commission_units
WHEN OLD.answered_date IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, '该单位对本次约稿的报送已登记，不能更改。');
END;

CREATE TABLE deductions (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  points     INTEGER NOT NULL CHECK (points > 0 AND points <= 10000),
  reason     TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  date       TEXT    NOT NULL CHECK (date ${DATE}),
  created_at TEXT    NOT NULL
);
CREATE INDEX deductions_date ON deductions(date);

-- A unit's monthly submission target from a month on; 0 means none from then.
CREATE TABLE unit_targets (
  unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  valid_from TEXT    NOT NULL CHECK (valid_from ${DATE}),
  monthly    INTEGER NOT NULL CHECK (monthly BETWEEN 0 AND 10000),
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL,
  PRIMARY KEY (unit_id, valid_from)
);

CREATE TABLE score_rules (
  id         INTEGER PRIMARY KEY,
  valid_from TEXT    NOT NULL UNIQUE CHECK (valid_from ${DATE}),
  rules      TEXT    NOT NULL CHECK (json_valid(rules) AND json_type(rules) = 'object'),
  created_at TEXT    NOT NULL
);

CREATE TRIGGER score_rules_no_update BEFORE UPDATE ON score_rules
BEGIN
  SELECT RAISE(ABORT, '计分规则的已有版本不能修改；请从某日起另存一个新版本。');
END;

CREATE TRIGGER score_rules_no_delete BEFORE DELETE ON score_rules
BEGIN
  SELECT RAISE(ABORT, '计分规则的已有版本不能删除；请从某日起另存一个新版本。');
END;

CREATE TRIGGER articles_scored_kept BEFORE DELETE ON articles
WHEN EXISTS (SELECT 1 FROM adoptions WHERE article_id = OLD.id)
  OR EXISTS (SELECT 1 FROM instructions WHERE article_id = OLD.id)
  OR EXISTS (SELECT 1 FROM commission_units WHERE article_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, '该信息已有采用、批示或约稿报送记录，不能删除。');
END;

INSERT INTO score_rules (valid_from, rules, created_at)
VALUES ('1900-01-01', '${DEFAULT_RULES_JSON}', '1900-01-01T00:00:00.000Z');
`;
