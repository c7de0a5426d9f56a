-- runs.watchlist_hash was 12 hex digits of SHA-256 over the watchlist with its secrets as written, kept beside
-- runs.watchlist_json with them redacted: putting candidates in place of "REDACTED" gave a short secret back (a
-- 4-digit ?pin= in 10,000 tries). A run whose stored watchlist had a secret takes the hash of that stored text, as
-- Watchlist.fingerprint now hashes the watchlist redacted; a `first:N` watchlist holding a secret asks approval once more.
UPDATE runs SET watchlist_hash = substr(sha256(watchlist_json), 1, 12) WHERE watchlist_json LIKE '%REDACTED%';
