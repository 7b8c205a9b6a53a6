/**
 * Proofreading (issue 18), migration 13:
 * - proof_wording: the office's 规范提法 list and thousands style as dated versions, like the
 *   scoring rules: a version is never changed, a new one applies from its date. With no row
 *   the shipped default set (src-main/proof/wording.ts) applies.
 * - proof_ignored: findings an editor chose to ignore (忽略), kept with the item by the
 *   finding's key (rule, text and a few characters either side).
 */
export const sql = /* sql */ `
CREATE TABLE proof_wording (
  id INTEGER PRIMARY KEY,
  valid_from TEXT NOT NULL UNIQUE,
  entries TEXT NOT NULL,
  thousands TEXT NOT NULL DEFAULT 'any' CHECK (thousands IN ('plain', 'any')),
  created_at TEXT NOT NULL
);
CREATE TRIGGER proof_wording_no_update BEFORE UPDATE ON proof_wording
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: a saved wording version is never changed');
END;
CREATE TRIGGER proof_wording_no_delete BEFORE DELETE ON proof_wording
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: a saved wording version is never deleted');
END;

CREATE TABLE proof_ignored (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  rule TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (article_id, key)
) WITHOUT ROWID;
`;
