-- Title bands moved to memory (TitleBandIndex, rebuilt from the stories of the match window): 16 rows per story on
-- random pages of this table's index were the largest share of what ingest wrote, and grew with the store. The exact
-- normalized-title hash is looked up there too, so its index here has no reader left and only cost every insert.
DROP TABLE story_title_bands;
DROP INDEX ix_stories_title_hash;
