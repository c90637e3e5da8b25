-- Times are Unix milliseconds (UTC) in INTEGER columns.

CREATE TABLE sources (
    id                   INTEGER PRIMARY KEY,
    location             TEXT    NOT NULL UNIQUE,
    name                 TEXT    NOT NULL,
    etag                 TEXT,
    last_modified        TEXT,
    last_attempt_at      INTEGER,
    last_success_at      INTEGER,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    failing_since        INTEGER,
    last_error           TEXT,
    next_fetch_at        INTEGER,
    first_fetch_done     INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL
);

CREATE TABLE stories (
    id                    INTEGER PRIMARY KEY,
    canonical_url         TEXT,
    title                 TEXT    NOT NULL,
    summary_text          TEXT    NOT NULL DEFAULT '',
    normalized_title_hash INTEGER NOT NULL,
    published_at          INTEGER,
    first_seen_at         INTEGER NOT NULL,
    mention_count         INTEGER NOT NULL DEFAULT 0,
    is_backlog            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_stories_first_seen ON stories(first_seen_at);
CREATE INDEX ix_stories_title_hash ON stories(normalized_title_hash);

-- Exact-match keys of a story: its article URLs, discussion URLs and long summaries.
CREATE TABLE story_keys (
    key      TEXT    NOT NULL PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX ix_story_keys_story ON story_keys(story_id);

-- Locality-sensitive buckets of a story's title, so near-duplicate lookup costs one index probe per band.
CREATE TABLE story_title_bands (
    band_key INTEGER NOT NULL,
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, story_id)
) WITHOUT ROWID;
CREATE INDEX ix_story_title_bands_story ON story_title_bands(story_id);

CREATE TABLE items (
    id                  INTEGER PRIMARY KEY,
    source_id           INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    source_item_id      TEXT    NOT NULL,
    raw_url             TEXT,
    canonical_url       TEXT,
    comments_url        TEXT,
    title               TEXT    NOT NULL,
    summary_text        TEXT    NOT NULL DEFAULT '',
    published_at        INTEGER,
    first_seen_at       INTEGER NOT NULL,
    last_seen_at        INTEGER NOT NULL,
    is_backlog          INTEGER NOT NULL DEFAULT 0,
    dropped_reason      TEXT,
    dropped_explanation TEXT,
    UNIQUE (source_id, source_item_id)
);
CREATE INDEX ix_items_source_canonical ON items(source_id, canonical_url);
CREATE INDEX ix_items_last_seen ON items(last_seen_at);

CREATE TABLE story_mentions (
    story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    item_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, item_id)
) WITHOUT ROWID;
CREATE INDEX ix_story_mentions_item ON story_mentions(item_id);

-- Filled by the digest feature; retention keeps every story a delivery references.
CREATE TABLE deliveries (
    id           INTEGER PRIMARY KEY,
    channel_key  TEXT    NOT NULL,
    story_id     INTEGER NOT NULL REFERENCES stories(id),
    created_at   INTEGER NOT NULL
);
CREATE INDEX ix_deliveries_story ON deliveries(story_id);

CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE VIRTUAL TABLE story_search USING fts5(
    title, summary_text, content='stories', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER stories_ai AFTER INSERT ON stories BEGIN
    INSERT INTO story_search(rowid, title, summary_text) VALUES (new.id, new.title, new.summary_text);
END;
CREATE TRIGGER stories_ad AFTER DELETE ON stories BEGIN
    INSERT INTO story_search(story_search, rowid, title, summary_text) VALUES ('delete', old.id, old.title, old.summary_text);
END;
CREATE TRIGGER stories_au AFTER UPDATE OF title, summary_text ON stories BEGIN
    INSERT INTO story_search(story_search, rowid, title, summary_text) VALUES ('delete', old.id, old.title, old.summary_text);
    INSERT INTO story_search(rowid, title, summary_text) VALUES (new.id, new.title, new.summary_text);
END;
