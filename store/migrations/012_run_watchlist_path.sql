-- The file a run's watchlist was read from. runs.watchlist_json keeps the watchlist with the secrets in its URLs
-- redacted (a ?token= in a transcript or feed URL); `watchdesk approve` reads the real ones from this file again.
ALTER TABLE runs ADD COLUMN watchlist_path VARCHAR;
