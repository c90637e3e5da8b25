-- The delivery outbox: one row per digest of a subscription and period, written in the same transaction that
-- picks its stories, before anything is sent. It replaces 0001's `deliveries`, which had no status, nonce or
-- message id. No released code wrote that table, but a migration never drops rows: it is kept, renamed, and the
-- stories its rows name stay held from retention.

ALTER TABLE deliveries RENAME TO deliveries_v1;

-- No foreign key to subscriptions: a channel's delivery history outlives the subscription that made it, so a
-- story is never posted to that channel again.
CREATE TABLE digest_deliveries (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL,
    guild_id        INTEGER NOT NULL,
    channel_id      INTEGER NOT NULL,
    period_key      TEXT    NOT NULL,
    reason          TEXT    NOT NULL,              -- scheduled | catchup | now | instant
    status          TEXT    NOT NULL,              -- pending | sent | empty | failed
    story_count     INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    completed_at    INTEGER,
    lease_owner     TEXT,
    lease_until     INTEGER,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    last_error      TEXT
);
-- One digest per subscription and period; a failed one (channel gone) does not block a retry after resume.
CREATE UNIQUE INDEX ux_digest_deliveries_period ON digest_deliveries(subscription_id, period_key) WHERE status <> 'failed';
CREATE INDEX ix_digest_deliveries_pending ON digest_deliveries(status, next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_digest_deliveries_channel ON digest_deliveries(guild_id, channel_id, created_at);

-- The stories a delivery carries, in rank order. The unique index is the rule "never twice to one channel".
CREATE TABLE digest_delivery_stories (
    delivery_id INTEGER NOT NULL REFERENCES digest_deliveries(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    story_id    INTEGER NOT NULL REFERENCES stories(id),
    guild_id    INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,
    part_index  INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, position)
);
CREATE UNIQUE INDEX ux_digest_delivery_stories_channel ON digest_delivery_stories(guild_id, channel_id, story_id);
CREATE INDEX ix_digest_delivery_stories_story ON digest_delivery_stories(story_id);

-- Rendered message parts, sent in order. A part is pending until Discord's message id is recorded;
-- first_attempt_at tells a resumed sender whether the nonce still dedupes or it must look for the part.
CREATE TABLE digest_delivery_parts (
    delivery_id      INTEGER NOT NULL REFERENCES digest_deliveries(id) ON DELETE CASCADE,
    part_index       INTEGER NOT NULL,
    body             TEXT    NOT NULL,             -- the rendered part, JSON
    marker           TEXT    NOT NULL,
    nonce            TEXT    NOT NULL,
    status           TEXT    NOT NULL,             -- pending | sent
    attempts         INTEGER NOT NULL DEFAULT 0,
    first_attempt_at INTEGER,
    message_id       INTEGER,
    sent_at          INTEGER,
    PRIMARY KEY (delivery_id, part_index)
);
