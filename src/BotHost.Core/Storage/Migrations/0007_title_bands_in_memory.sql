-- Title bands moved to memory (TitleBandIndex, rebuilt from the stories of the match window): 16 rows per story on
-- random pages of this table's index were the largest share of what ingest wrote, and grew with the store.
DROP TABLE story_title_bands;
