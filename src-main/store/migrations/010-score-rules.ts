/**
 * Scoring per series (issue 12): each series says which county rule its items score under
 * (单条, 简讯, 每日要情, 网站“今日”栏目 — the county kinds of the rules table), and an item placed
 * in an issue may be marked as a 简讯 there.
 *
 * The rule is copied onto the issue as it is signed (issues.score_rule), so changing a series'
 * rule later never changes the points of issues already signed. Every existing row gets
 * 'single' — what every series scored under before — so old databases keep their results; the
 * columns are added without an UPDATE, which the frozen-issue triggers would refuse.
 */
export const sql = /* sql */ `
ALTER TABLE series ADD COLUMN score_rule TEXT NOT NULL DEFAULT 'single'
  CHECK (score_rule IN ('single', 'brief', 'daily', 'web'));
ALTER TABLE issues ADD COLUMN score_rule TEXT NOT NULL DEFAULT 'single'
  CHECK (score_rule IN ('single', 'brief', 'daily', 'web'));
ALTER TABLE issue_articles ADD COLUMN brief INTEGER NOT NULL DEFAULT 0 CHECK (brief IN (0, 1));

-- The brief mark and the rule are part of what was signed: the freeze triggers of version 1/3
-- compare named columns only, so these two get triggers of their own.
CREATE TRIGGER issue_articles_brief_frozen BEFORE UPDATE OF brief ON issue_articles
WHEN NEW.brief IS NOT OLD.brief
 AND (SELECT status FROM issues WHERE id = OLD.issue_id) IN ('signed', 'voided')
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: issue is signed or voided');
END;

CREATE TRIGGER issues_score_rule_frozen BEFORE UPDATE OF score_rule ON issues
WHEN NEW.score_rule IS NOT OLD.score_rule AND OLD.status IN ('signed', 'voided')
BEGIN
  SELECT RAISE(ABORT, 'FROZEN: issue is signed or voided');
END;
`;
