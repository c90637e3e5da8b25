-- Channel subscriptions (feature: Subscriptions). Snowflakes are stored as signed 64-bit integers (the same bits).
-- List columns hold JSON arrays of strings; an empty topics or sources list means "all".

CREATE TABLE subscriptions (
    id               INTEGER PRIMARY KEY,
    guild_id         INTEGER NOT NULL,
    channel_id       INTEGER NOT NULL,
    name             TEXT    NOT NULL,
    topics           TEXT    NOT NULL DEFAULT '[]',
    sources          TEXT    NOT NULL DEFAULT '[]',
    include_keywords TEXT    NOT NULL DEFAULT '[]',
    exclude_keywords TEXT    NOT NULL DEFAULT '[]',
    include_pattern  TEXT,
    exclude_pattern  TEXT,
    mode             TEXT    NOT NULL CHECK (mode IN ('daily', 'weekly', 'instant')),
    delivery_time    TEXT    NOT NULL,
    weekday          INTEGER CHECK (weekday BETWEEN 0 AND 6),
    time_zone        TEXT    NOT NULL,
    size             INTEGER NOT NULL CHECK (size BETWEEN 1 AND 25),
    muted_sources    TEXT    NOT NULL DEFAULT '[]',
    paused           INTEGER NOT NULL DEFAULT 0,
    paused_reason    TEXT,
    share_role_id    INTEGER,
    created_by       INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (guild_id, channel_id, name)
);
CREATE INDEX ix_subscriptions_guild ON subscriptions(guild_id, channel_id);
