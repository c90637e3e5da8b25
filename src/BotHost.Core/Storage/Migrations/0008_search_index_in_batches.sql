-- New stories reach the full-text index in batches (SearchIndexer), no longer one by one from a trigger in each
-- feed's transaction: FTS5 writes a segment per transaction and merges segments as they pile up, and on a store of a
-- million stories those merges took more than half of ingest's time. Stories up to indexed_through are in the index;
-- the triggers keep those current on update and delete, and index a new story at once only when its id is at or below
-- the mark (an id handed out again after the newest story was deleted), which the next batch would skip.
CREATE TABLE story_search_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_through INTEGER NOT NULL
);
INSERT INTO story_search_state(id, indexed_through) SELECT 1, COALESCE(MAX(id), 0) FROM stories;

DROP TRIGGER stories_ai;
DROP TRIGGER stories_ad;
DROP TRIGGER stories_au;
CREATE TRIGGER stories_ai AFTER INSERT ON stories WHEN new.id <= (SELECT indexed_through FROM story_search_state) BEGIN
    INSERT INTO story_search(rowid, title, summary_text) VALUES (new.id, new.title, new.summary_text);
END;
CREATE TRIGGER stories_ad AFTER DELETE ON stories WHEN old.id <= (SELECT indexed_through FROM story_search_state) BEGIN
    INSERT INTO story_search(story_search, rowid, title, summary_text) VALUES ('delete', old.id, old.title, old.summary_text);
END;
CREATE TRIGGER stories_au AFTER UPDATE OF title, summary_text ON stories WHEN old.id <= (SELECT indexed_through FROM story_search_state) BEGIN
    INSERT INTO story_search(story_search, rowid, title, summary_text) VALUES ('delete', old.id, old.title, old.summary_text);
    INSERT INTO story_search(rowid, title, summary_text) VALUES (new.id, new.title, new.summary_text);
END;
