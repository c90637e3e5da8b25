-- Stories a member shared into a channel (feature: Picks); ranked above automatic stories in that channel's digest.

CREATE TABLE curator_picks (
    id             INTEGER PRIMARY KEY,
    guild_id       INTEGER NOT NULL,
    channel_id     INTEGER NOT NULL,
    story_id       INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    picked_by      INTEGER NOT NULL,
    picked_by_name TEXT    NOT NULL,
    note           TEXT,
    picked_at      INTEGER NOT NULL,
    UNIQUE (guild_id, channel_id, story_id)
);
CREATE INDEX ix_curator_picks_channel ON curator_picks(guild_id, channel_id, picked_at);
CREATE INDEX ix_curator_picks_story ON curator_picks(story_id);
