/**
 * Version 4: app-wide settings, and the register of packets sent to the city office (上报包).
 *
 * A registered export is the county's proof of what it sent: the row, its manifest and its
 * items are written once, in the export's transaction, and the triggers below refuse any change
 * or deletion. An item that went upward alone cannot be deleted either, so the register never
 * points at nothing (an item inside a sent issue is already kept by the signed issue).
 */
export const sql = /* sql */ `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
  value TEXT NOT NULL CHECK (json_valid(value))
);

CREATE TABLE packets (
  id               INTEGER PRIMARY KEY,
  created_at       TEXT    NOT NULL,
  created_by       TEXT    NOT NULL DEFAULT '',
  file_name        TEXT    NOT NULL CHECK (length(file_name) BETWEEN 5 AND 255),
  -- where it was written, so the file can be offered again and checked against sha256
  path             TEXT    NOT NULL CHECK (length(path) >= 1),
  sha256           TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size             INTEGER NOT NULL CHECK (size > 0),
  manifest         TEXT    NOT NULL CHECK (json_valid(manifest) AND json_type(manifest) = 'object'),
  issue_count      INTEGER NOT NULL CHECK (issue_count >= 0),
  article_count    INTEGER NOT NULL CHECK (article_count >= 0),
  include_internal INTEGER NOT NULL DEFAULT 0 CHECK (include_internal IN (0, 1)),
  CHECK (issue_count + article_count > 0)
);
CREATE INDEX packets_created ON packets(created_at);

CREATE TABLE packet_items (
  packet_id INTEGER NOT NULL REFERENCES packets(id) ON DELETE RESTRICT,
  kind      TEXT    NOT NULL CHECK (kind IN ('issue', 'article')),
  ref_id    INTEGER NOT NULL CHECK (ref_id > 0),
  sha256    TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  PRIMARY KEY (packet_id, kind, ref_id)
);
CREATE INDEX packet_items_ref ON packet_items(kind, ref_id);

CREATE TRIGGER packets_no_update BEFORE UPDATE ON packets
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: a registered packet never changes');
END;

CREATE TRIGGER packets_no_delete BEFORE DELETE ON packets
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: a registered packet is never deleted');
END;

CREATE TRIGGER packet_items_no_update BEFORE UPDATE ON packet_items
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: a registered packet never changes');
END;

CREATE TRIGGER packet_items_no_delete BEFORE DELETE ON packet_items
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: a registered packet is never deleted');
END;

-- Items are added only with their packet, in the same transaction as the packet row.
CREATE TRIGGER packet_items_only_new BEFORE INSERT ON packet_items
WHEN NEW.packet_id IS NOT (SELECT max(id) FROM packets)
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: items join only the packet being registered');
END;

CREATE TRIGGER articles_sent_upward_kept BEFORE DELETE ON articles
WHEN EXISTS (SELECT 1 FROM packet_items WHERE kind = 'article' AND ref_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: an item sent upward in a packet is never deleted');
END;
`;
