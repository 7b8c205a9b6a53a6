/**
 * The loop with the city office (issue 17), migration 16:
 * - packet_uuids: the UUID an item or an issue carries when it first leaves in a packet. Made
 *   once and kept for good: the city answers by it, so a trigger forbids changing or dropping it.
 * - received_packets: packets this desk received (the city side), one row per distinct zip
 *   (by its SHA-256), naming the sender by its database identity and office.
 * - received_items: which received packet each draft came in, with the item's UUID; an item
 *   already received through another packet points at the draft it repeats.
 */
export const sql = /* sql */ `
CREATE TABLE packet_uuids (
  kind       TEXT    NOT NULL CHECK (kind IN ('article', 'issue')),
  ref_id     INTEGER NOT NULL,
  uuid       TEXT    NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at TEXT    NOT NULL,
  PRIMARY KEY (kind, ref_id)
);
CREATE TRIGGER packet_uuids_kept BEFORE UPDATE ON packet_uuids
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: an item''s packet UUID never changes');
END;
CREATE TRIGGER packet_uuids_not_deleted BEFORE DELETE ON packet_uuids
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: an item''s packet UUID is kept for good');
END;

CREATE TABLE received_packets (
  id              INTEGER PRIMARY KEY,
  sha256          TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  file_name       TEXT    NOT NULL,
  sender_identity TEXT    CHECK (sender_identity IS NULL OR length(sender_identity) = 36),
  sender_office   TEXT    NOT NULL CHECK (length(sender_office) >= 1),
  unit_id         INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  manifest        TEXT    NOT NULL CHECK (json_valid(manifest)),
  imported_at     TEXT    NOT NULL,
  imported_by     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX received_packets_sender ON received_packets(sender_identity);
CREATE TRIGGER received_packets_kept BEFORE UPDATE ON received_packets
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: a received packet''s record never changes');
END;

CREATE TABLE received_items (
  submission_id INTEGER PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
  packet_id     INTEGER NOT NULL REFERENCES received_packets(id) ON DELETE RESTRICT,
  item_uuid     TEXT    NOT NULL CHECK (length(item_uuid) = 36),
  -- the issue it was printed in at the sender, when it came inside an issue
  issue_title   TEXT,
  duplicate_of  INTEGER REFERENCES submissions(id) ON DELETE SET NULL
);
CREATE INDEX received_items_uuid ON received_items(item_uuid);
CREATE INDEX received_items_packet ON received_items(packet_id);
`;
