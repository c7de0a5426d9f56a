-- The days a step chose not to read, by the watchlist's own limit rather than a failure: a filings step that read
-- only the newest `limit_per_form` filings of a form leaves the days before the oldest one it kept unread (from its
-- window's start). Not a gap: the run is not partial and lists nothing under Gaps; the briefing reads these so an
-- absence of documents on those days is "not known", not "nothing filed". `reason` is said after "the runs".
CREATE TABLE read_cuts (
    run_id VARCHAR NOT NULL,
    agent VARCHAR NOT NULL,
    ticker VARCHAR NOT NULL,
    unread_from DATE NOT NULL,
    unread_to DATE NOT NULL,
    reason VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, agent, ticker)
);
