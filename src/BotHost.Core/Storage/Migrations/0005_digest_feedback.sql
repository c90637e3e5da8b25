-- Votes from the buttons under digest messages, per channel and member; a member's later click replaces the earlier one.
CREATE TABLE digest_feedback (
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    story_id   INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    source     TEXT    NOT NULL,
    voted_at   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id, story_id, user_id)
) WITHOUT ROWID;
CREATE INDEX ix_digest_feedback_channel_source ON digest_feedback(guild_id, channel_id, source);
