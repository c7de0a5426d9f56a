-- The store's own identity, drawn once when the store is made (or migrated to this version); a copy of the file draws
-- its own at its first writing open (migration 021). Briefing file names end in a tag of it and the watchlist's name,
-- so two stores briefing watchlists of one name into the same folder never overwrite each other's files.
CREATE TABLE store_identity (store_id VARCHAR NOT NULL);
INSERT INTO store_identity SELECT replace(CAST(gen_random_uuid() AS VARCHAR), '-', '');
