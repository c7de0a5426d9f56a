-- Briefing periods and delivery. A document belongs to a period by its event date: the filing date, the call
-- date or the publication date when the source gives one (filed_at), otherwise the day it was first stored.
-- first_stored_at is written once and never overwritten, so an undated call stays in the period of its first
-- storage in every later run. Each delivery attempt of a briefing to a target is one row of `deliveries`.
ALTER TABLE documents ADD COLUMN first_stored_at TIMESTAMP;
UPDATE documents SET first_stored_at = fetched_at WHERE first_stored_at IS NULL;

ALTER TABLE briefings ADD COLUMN path_html VARCHAR;
ALTER TABLE briefings ADD COLUMN watchlist VARCHAR;

CREATE TABLE deliveries (
    delivery_id   VARCHAR PRIMARY KEY,      -- hash of briefing, target, attempt time
    briefing_id   VARCHAR,
    run_id        VARCHAR,
    watchlist     VARCHAR,
    period_start  DATE,
    period_end    DATE,
    kind          VARCHAR NOT NULL,         -- file | email | slack
    target        VARCHAR NOT NULL,         -- a path, an address, or "webhook $VAR (host)": never a secret
    status        VARCHAR NOT NULL,         -- sent | failed | refused
    attempts      INTEGER NOT NULL,
    error         VARCHAR,
    "at"          TIMESTAMP NOT NULL
);
