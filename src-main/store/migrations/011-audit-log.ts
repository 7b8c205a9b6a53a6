/**
 * Version 9: the audit trail (操作日志), and who moved an issue along its workflow.
 *
 * `audit_log` is append-only. Every operation that may change something writes one row in the
 * same transaction as the change (wiring/dispatch.ts and store/audit-scope.ts), so a refused or
 * rolled-back operation leaves no row, and a row never describes a change that did not happen.
 * The triggers refuse UPDATE and DELETE whatever the foreign_keys setting (the sqlite3 shell
 * runs with it off), and `REPLACE INTO` over an existing row: REPLACE deletes the old row
 * without firing a delete trigger, so a BEFORE INSERT trigger looks the id up first.
 *
 * `object` names what the operation acted on as `kind:id` (issue:12, submission:7), or is empty
 * when it has no single object; `detail` is a short JSON summary (titles cut short, a reason
 * always kept), never an item's text.
 */
export const sql = /* sql */ `
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT    NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*'),
  operator  TEXT    NOT NULL CHECK (length(operator) BETWEEN 1 AND 60),
  operation TEXT    NOT NULL CHECK (length(operation) BETWEEN 1 AND 60),
  object    TEXT    NOT NULL DEFAULT '' CHECK (length(object) <= 60),
  summary   TEXT    NOT NULL DEFAULT '' CHECK (length(summary) <= 400),
  detail    TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(detail) AND length(detail) <= 4000)
);
CREATE INDEX audit_log_at ON audit_log(at, id);
CREATE INDEX audit_log_object ON audit_log(object, id);
CREATE INDEX audit_log_operator ON audit_log(operator, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'AUDIT: the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'AUDIT: the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'AUDIT: the audit log is append-only');
END;

-- Who moved the issue along, and when. signed_by stays the signer named on the issue (签发人);
-- sign_operator is who recorded the signing at this PC.
ALTER TABLE issues ADD COLUMN submitted_by  TEXT;
ALTER TABLE issues ADD COLUMN submitted_at  TEXT;
ALTER TABLE issues ADD COLUMN withdrawn_by  TEXT;
ALTER TABLE issues ADD COLUMN withdrawn_at  TEXT;
ALTER TABLE issues ADD COLUMN sign_operator TEXT;
ALTER TABLE issues ADD COLUMN voided_by     TEXT;

-- Voiding is the one change a signed issue allows (issues_frozen); it may set voided_by, and
-- nothing else of who did what.
CREATE TRIGGER issues_workflow_frozen BEFORE UPDATE ON issues
WHEN OLD.status IN ('signed', 'voided')
 AND (NEW.submitted_by IS NOT OLD.submitted_by OR NEW.submitted_at IS NOT OLD.submitted_at
      OR NEW.withdrawn_by IS NOT OLD.withdrawn_by OR NEW.withdrawn_at IS NOT OLD.withdrawn_at
      OR NEW.sign_operator IS NOT OLD.sign_operator
      OR (OLD.status = 'voided' AND NEW.voided_by IS NOT OLD.voided_by))
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: issue is signed or voided');
END;
`;
