/**
 * Version 14: the follow-up of commissions and instructions (issue 16, parts 1–3).
 * - commission_notices: what the written 约稿通知 says beyond the topic and deadline kept in
 *   `commissions` — the date it goes out, the requirements and whom to call. A deadline
 *   before that date is refused here too, whichever table changes.
 * - submissions.commission_id: a draft registered against a commission. The trigger records
 *   it as the unit's answer on the day the draft was received (on time / late is decided from
 *   that date), once: an answer on record is never rewritten (005's trigger).
 * - instruction_followups / instruction_notes: 批示督办 — the handling unit, the deadline, the
 *   state, the feedback (text, or a file kept byte for byte) and dated progress notes.
 *   逾期 is not stored: it is derived from the deadline and today.
 */
const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";

export const sql = /* sql */ `
CREATE TABLE commission_notices (
  commission_id INTEGER PRIMARY KEY REFERENCES commissions(id) ON DELETE RESTRICT,
  issued_date   TEXT    NOT NULL CHECK (issued_date ${DATE}),
  requirements  TEXT    NOT NULL DEFAULT '' CHECK (length(requirements) <= 20000),
  contact       TEXT    NOT NULL DEFAULT '' CHECK (length(contact) <= 400),
  updated_at    TEXT    NOT NULL
);

CREATE TRIGGER commission_notices_deadline_ins BEFORE INSERT ON commission_notices
WHEN (SELECT deadline FROM commissions WHERE id = NEW.commission_id) < NEW.issued_date
BEGIN
  SELECT RAISE(ABORT, '约稿的截止日期不能早于发出约稿的日期。');
END;
CREATE TRIGGER commission_notices_deadline_upd BEFORE UPDATE ON commission_notices
WHEN (SELECT deadline FROM commissions WHERE id = NEW.commission_id) < NEW.issued_date
BEGIN
  SELECT RAISE(ABORT, '约稿的截止日期不能早于发出约稿的日期。');
END;
CREATE TRIGGER commissions_deadline_after_notice BEFORE UPDATE OF deadline ON commissions
WHEN NEW.deadline < (SELECT issued_date FROM commission_notices WHERE commission_id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, '约稿的截止日期不能早于发出约稿的日期。');
END;

ALTER TABLE submissions ADD COLUMN commission_id INTEGER REFERENCES commissions(id) ON DELETE RESTRICT;
CREATE INDEX submissions_commission ON submissions(commission_id) WHERE commission_id IS NOT NULL;

-- The first draft of an asked unit answers the commission on the day it was received.
CREATE TRIGGER submissions_answer_commission AFTER UPDATE OF commission_id ON submissions
WHEN NEW.commission_id IS NOT NULL AND NEW.unit_id IS NOT NULL
BEGIN
  UPDATE commission_units SET answered_date = NEW.received_date, article_id = NEW.article_id
  WHERE commission_id = NEW.commission_id AND unit_id = NEW.unit_id AND answered_date IS NULL;
END;

CREATE TABLE instruction_followups (
  instruction_id INTEGER PRIMARY KEY REFERENCES instructions(id) ON DELETE CASCADE,
  unit_id        INTEGER REFERENCES units(id) ON DELETE RESTRICT,
  deadline       TEXT    CHECK (deadline IS NULL OR deadline ${DATE}),
  state          TEXT    NOT NULL DEFAULT 'todo' CHECK (state IN ('todo', 'doing', 'done')),
  done_date      TEXT    CHECK (done_date IS NULL OR done_date ${DATE}),
  feedback_text  TEXT    NOT NULL DEFAULT '' CHECK (length(feedback_text) <= 20000),
  feedback_name  TEXT    CHECK (feedback_name IS NULL OR length(feedback_name) BETWEEN 1 AND 255),
  feedback_file  BLOB,
  feedback_sha256 TEXT   CHECK (feedback_sha256 IS NULL OR length(feedback_sha256) = 64),
  updated_at     TEXT    NOT NULL,
  CHECK ((state = 'done') = (done_date IS NOT NULL)),
  CHECK ((feedback_file IS NULL) = (feedback_name IS NULL) AND (feedback_file IS NULL) = (feedback_sha256 IS NULL))
);
CREATE INDEX instruction_followups_deadline ON instruction_followups(deadline) WHERE state <> 'done';

CREATE TABLE instruction_notes (
  id             INTEGER PRIMARY KEY,
  instruction_id INTEGER NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  date           TEXT    NOT NULL CHECK (date ${DATE}),
  text           TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
  created_at     TEXT    NOT NULL
);
CREATE INDEX instruction_notes_instruction ON instruction_notes(instruction_id, date);
`;
