/**
 * Version 8: every name a unit goes by — its full name, one short name (简称) and any aliases
 * (别称, e.g. 县发改局 for 县发展和改革局) — in one table whose primary key is the name, so no
 * two units can ever answer to the same name, whichever kind of name each is. The full name's
 * row follows units.name through triggers, so no code path can leave them apart.
 */
export const sql = /* sql */ `
CREATE TABLE unit_names (
  name    TEXT    PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 400),
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  kind    TEXT    NOT NULL CHECK (kind IN ('name', 'short', 'alias'))
) WITHOUT ROWID;
-- one full name and at most one short name per unit
CREATE UNIQUE INDEX unit_names_full ON unit_names(unit_id) WHERE kind = 'name';
CREATE UNIQUE INDEX unit_names_short ON unit_names(unit_id) WHERE kind = 'short';
CREATE INDEX unit_names_unit ON unit_names(unit_id, kind);

INSERT INTO unit_names (name, unit_id, kind) SELECT name, id, 'name' FROM units;

CREATE TRIGGER units_name_added AFTER INSERT ON units
BEGIN
  INSERT INTO unit_names (name, unit_id, kind) VALUES (NEW.name, NEW.id, 'name');
END;

CREATE TRIGGER units_name_changed AFTER UPDATE OF name ON units WHEN NEW.name IS NOT OLD.name
BEGIN
  UPDATE unit_names SET name = NEW.name WHERE unit_id = NEW.id AND kind = 'name';
END;

-- the sqlite3 shell runs with foreign keys off, so the cascade is not relied on
CREATE TRIGGER units_names_removed AFTER DELETE ON units
BEGIN
  DELETE FROM unit_names WHERE unit_id = OLD.id;
END;

-- the full name's row is only ever changed through units.name
CREATE TRIGGER unit_names_full_kept BEFORE UPDATE ON unit_names
WHEN OLD.kind = 'name' AND (NEW.kind IS NOT 'name' OR NEW.unit_id IS NOT OLD.unit_id
  OR NEW.name IS NOT (SELECT name FROM units WHERE id = OLD.unit_id))
BEGIN
  SELECT RAISE(ABORT, 'a unit''s full name changes only through units.name');
END;

-- the register's 未填单位 count and filter
CREATE INDEX submissions_no_unit ON submissions(received_date) WHERE unit_id IS NULL;
`;
