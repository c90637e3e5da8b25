-- Topic tags of a story with the keyword that matched, filled when an item is assigned to its story
-- (subscriptions filter on them, digests show them, /explain names the term).
CREATE TABLE story_topics (
    story_id     INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    topic        TEXT    NOT NULL,
    matched_term TEXT    NOT NULL,
    PRIMARY KEY (story_id, topic)
) WITHOUT ROWID;
CREATE INDEX ix_story_topics_topic ON story_topics(topic, story_id);

-- How a mention joined its story: created | url | discussion-url | summary | title (with its score), for /explain.
ALTER TABLE story_mentions ADD COLUMN matched_by TEXT;
