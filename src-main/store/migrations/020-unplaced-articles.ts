/**
 * Version 20 (issue 14): the items in no live issue (未编入的信息), kept by triggers, so the
 * composer's "not yet used" list reads its page and its total from this short table instead of
 * walking every item of a ten-year archive (635 ms at 100,000 items, nearly all used; a few ms
 * now). A row per item that is in no issue, or only in voided ones; every change to
 * issue_articles puts the touched items right, the same statement for all.
 *
 * REPLACE INTO issue_articles deletes a clashing row without its DELETE trigger: the BEFORE
 * INSERT trigger marks the item that a REPLACE on (issue, position) would push out, and if the
 * insert fails instead, that mark is undone with the statement.
 */
export const sql = /* sql */ `
CREATE TABLE unplaced_articles (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);

INSERT INTO unplaced_articles (article_id)
SELECT a.id FROM articles a
 WHERE NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id AND ia.live = 1);

CREATE TRIGGER unplaced_new_article AFTER INSERT ON articles
BEGIN
  INSERT OR IGNORE INTO unplaced_articles (article_id)
  SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM issue_articles WHERE article_id = NEW.id AND live = 1);
END;

CREATE TRIGGER unplaced_before_link BEFORE INSERT ON issue_articles
BEGIN
  INSERT OR IGNORE INTO unplaced_articles (article_id)
  SELECT article_id FROM issue_articles
   WHERE issue_id = NEW.issue_id AND position = NEW.position AND article_id <> NEW.article_id AND live = 1;
END;

CREATE TRIGGER unplaced_link AFTER INSERT ON issue_articles WHEN NEW.live = 1
BEGIN
  DELETE FROM unplaced_articles WHERE article_id = NEW.article_id;
END;

CREATE TRIGGER unplaced_relink AFTER UPDATE OF article_id, live ON issue_articles
BEGIN
  DELETE FROM unplaced_articles WHERE article_id IN (OLD.article_id, NEW.article_id);
  INSERT OR IGNORE INTO unplaced_articles (article_id)
  SELECT a.id FROM articles a
   WHERE a.id IN (OLD.article_id, NEW.article_id)
     AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id AND ia.live = 1);
END;

CREATE TRIGGER unplaced_unlink AFTER DELETE ON issue_articles WHEN OLD.live = 1
BEGIN
  INSERT OR IGNORE INTO unplaced_articles (article_id)
  SELECT a.id FROM articles a
   WHERE a.id = OLD.article_id
     AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id AND ia.live = 1);
END;
`;
