-- Stories a member shared into a channel (feature: Picks); ranked above automatic stories in that channel's digest.
-- Also guild_sources (feature: Sources): feeds a server's admins added for that server; kept in this reserved file.

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

-- Feeds a guild's admins added with /sources add (feature: Sources, when Sources:AllowGuildSources is on).
-- Collected like configured sources (their fetch state lives in sources, by url); shown and offered only in that guild.

CREATE TABLE guild_sources (
    id        INTEGER PRIMARY KEY,
    guild_id  INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    url       TEXT    NOT NULL,
    topics    TEXT    NOT NULL DEFAULT '[]',
    added_by  INTEGER,
    added_at  INTEGER NOT NULL,
    UNIQUE (guild_id, url),
    UNIQUE (guild_id, name)
);
CREATE INDEX ix_guild_sources_url ON guild_sources(url);
