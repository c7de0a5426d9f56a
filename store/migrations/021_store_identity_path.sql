-- Where the store is kept (its absolute path), recorded at each writing open. A store opened for writing at another
-- path while a file is still kept at the recorded one is a copy, and draws its own identity (store/db.py): a copy
-- made as a test store must not name its briefing files as the original does. One moved away keeps its identity.
ALTER TABLE store_identity ADD COLUMN kept_at VARCHAR;
