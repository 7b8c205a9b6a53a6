/**
 * Version 15: liaison officers (信息员) and urgent events (紧急信息), issue 16 parts 4–5.
 *
 * Depends only on tables of versions 1–13 (units, submissions, deductions), so it applies after
 * whatever version 14 adds.
 *
 * An officer is never overwritten: a change ends the one (valid_to) and adds the next, so a
 * draft keeps the person who wrote it and points follow that person. A unit's officers never
 * overlap in time (triggers below; the service says it in words first).
 * An urgent event records times as local 'YYYY-MM-DDTHH:MM'; no report may be earlier than the
 * event. Its deduction is applied only on request, through the deductions table, and the event
 * remembers which row it made so it is never applied twice.
 */
const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";
const TIME = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'";

export const sql = /* sql */ `
CREATE TABLE liaisons (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  phone      TEXT    NOT NULL DEFAULT '' CHECK (length(phone) <= 100),
  valid_from TEXT    NOT NULL CHECK (valid_from ${DATE}),
  valid_to   TEXT    CHECK (valid_to IS NULL OR (valid_to ${DATE} AND valid_to >= valid_from)),
  created_at TEXT    NOT NULL
);
CREATE INDEX liaisons_unit ON liaisons(unit_id, valid_from);
CREATE INDEX liaisons_name ON liaisons(name);

CREATE TRIGGER liaisons_no_overlap_insert BEFORE INSERT ON liaisons
WHEN EXISTS (SELECT 1 FROM liaisons l WHERE l.unit_id = NEW.unit_id
  AND l.valid_from <= coalesce(NEW.valid_to, '9999-12-31') AND coalesce(l.valid_to, '9999-12-31') >= NEW.valid_from)
BEGIN
  SELECT RAISE(ABORT, '同一单位的信息员任职时间不能重叠。');
END;

-- History is kept: only the end date may be set, once, and not before the start.
CREATE TRIGGER liaisons_history_kept BEFORE UPDATE ON liaisons
WHEN OLD.valid_to IS NOT NULL OR NEW.unit_id IS NOT OLD.unit_id OR NEW.name IS NOT OLD.name
  OR NEW.phone IS NOT OLD.phone OR NEW.valid_from IS NOT OLD.valid_from OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, '信息员的任职记录不能修改；更换信息员请先结束原任，再添加新任。');
END;

CREATE TRIGGER liaisons_no_delete BEFORE DELETE ON liaisons
BEGIN
  SELECT RAISE(ABORT, '信息员的任职记录不能删除。');
END;

-- The author of a draft: an officer of the draft's own unit.
ALTER TABLE submissions ADD COLUMN liaison_id INTEGER REFERENCES liaisons(id) ON DELETE RESTRICT;
CREATE INDEX submissions_liaison ON submissions(liaison_id, received_date);

CREATE TRIGGER submissions_liaison_unit_insert BEFORE INSERT ON submissions
WHEN NEW.liaison_id IS NOT NULL
  AND NEW.unit_id IS NOT (SELECT unit_id FROM liaisons WHERE id = NEW.liaison_id)
BEGIN
  SELECT RAISE(ABORT, '来稿的作者必须是来稿单位的信息员。');
END;

CREATE TRIGGER submissions_liaison_unit_update BEFORE UPDATE OF liaison_id ON submissions
WHEN NEW.liaison_id IS NOT NULL AND NEW.liaison_id IS NOT OLD.liaison_id
  AND NEW.unit_id IS NOT (SELECT unit_id FROM liaisons WHERE id = NEW.liaison_id)
BEGIN
  SELECT RAISE(ABORT, '来稿的作者必须是来稿单位的信息员。');
END;

-- Matched by name on registration and import: the draft's liaison text → the officer of its
-- unit of that name in office on the received date (none when nobody matches).
CREATE TRIGGER submissions_author_matched AFTER INSERT ON submissions
WHEN NEW.liaison_id IS NULL AND NEW.unit_id IS NOT NULL AND NEW.liaison_name <> ''
BEGIN
  UPDATE submissions SET liaison_id = (SELECT l.id FROM liaisons l WHERE l.unit_id = NEW.unit_id AND l.name = NEW.liaison_name
    AND l.valid_from <= NEW.received_date AND coalesce(l.valid_to, '9999-12-31') >= NEW.received_date) WHERE id = NEW.id;
END;

-- A corrected unit, name or date keeps the author only while they still fit; else re-matched.
CREATE TRIGGER submissions_author_rematched AFTER UPDATE OF unit_id, liaison_name, received_date ON submissions
WHEN NOT EXISTS (SELECT 1 FROM liaisons l WHERE l.id = NEW.liaison_id AND l.unit_id IS NEW.unit_id
    AND l.valid_from <= NEW.received_date AND coalesce(l.valid_to, '9999-12-31') >= NEW.received_date)
BEGIN
  UPDATE submissions SET liaison_id = (SELECT l.id FROM liaisons l WHERE l.unit_id = NEW.unit_id AND l.name = NEW.liaison_name
    AND l.valid_from <= NEW.received_date AND coalesce(l.valid_to, '9999-12-31') >= NEW.received_date) WHERE id = NEW.id;
END;

-- A deduction may name the officer it is charged to as well (the individual's 100-point bar).
ALTER TABLE deductions ADD COLUMN liaison_id INTEGER REFERENCES liaisons(id) ON DELETE RESTRICT;

CREATE TABLE urgent_events (
  id               INTEGER PRIMARY KEY,
  unit_id          INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  liaison_id       INTEGER REFERENCES liaisons(id) ON DELETE RESTRICT,
  what             TEXT    NOT NULL CHECK (length(what) BETWEEN 1 AND 800),
  place            TEXT    NOT NULL DEFAULT '' CHECK (length(place) <= 400),
  event_time       TEXT    NOT NULL CHECK (event_time ${TIME}),
  -- NULL: the unit never reported it (漏报/瞒报), the office learnt of it elsewhere
  unit_reported_at TEXT    CHECK (unit_reported_at IS NULL OR (unit_reported_at ${TIME} AND unit_reported_at >= event_time)),
  deduction_id     INTEGER UNIQUE REFERENCES deductions(id) ON DELETE SET NULL,
  created_at       TEXT    NOT NULL
);
CREATE INDEX urgent_events_time ON urgent_events(event_time);

CREATE TRIGGER urgent_events_liaison_unit BEFORE INSERT ON urgent_events
WHEN NEW.liaison_id IS NOT NULL AND NEW.unit_id IS NOT (SELECT unit_id FROM liaisons WHERE id = NEW.liaison_id)
BEGIN
  SELECT RAISE(ABORT, '紧急信息的报告人必须是该单位的信息员。');
END;

CREATE TABLE urgent_reports (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES urgent_events(id) ON DELETE RESTRICT,
  kind        TEXT    NOT NULL CHECK (kind IN ('upward', 'followup')),
  level       TEXT    CHECK (level IS NULL OR level IN ('city', 'province')),
  reported_at TEXT    NOT NULL CHECK (reported_at ${TIME}),
  note        TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  created_at  TEXT    NOT NULL,
  CHECK (kind <> 'upward' OR level IS NOT NULL)
);
CREATE INDEX urgent_reports_event ON urgent_reports(event_id, reported_at);

CREATE TRIGGER urgent_reports_not_before_event BEFORE INSERT ON urgent_reports
WHEN NEW.reported_at < (SELECT event_time FROM urgent_events WHERE id = NEW.event_id)
BEGIN
  SELECT RAISE(ABORT, '报送时间不能早于事件发生时间。');
END;

CREATE TRIGGER urgent_reports_kept BEFORE UPDATE ON urgent_reports
BEGIN
  SELECT RAISE(ABORT, '已登记的报送记录不能修改。');
END;
`;
