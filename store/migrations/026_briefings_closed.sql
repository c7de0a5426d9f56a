-- What a briefing tells of the documents it lacks (store/queries.py LATE_DAY). closed_on: the UTC day a briefing of
-- the period was first written on or after the period's last day (that day by the UTC clock, or by the `--as-of` day
-- of the run writing it): a document of the period first stored on a later day is in none of its briefings, and
-- counts, late, in the period after. A later write of the briefing keeps the day. tickers: the watchlist's tickers as
-- the briefing was last written (NULL: not known, any ticker).
-- Rows of before: their tickers from the run that wrote them, closed on the day they were last written, when that was
-- on or after the period's last day (the first such write is not known). IF NOT EXISTS: as 025.
ALTER TABLE briefings ADD COLUMN IF NOT EXISTS tickers VARCHAR[];
ALTER TABLE briefings ADD COLUMN IF NOT EXISTS closed_on DATE;
UPDATE briefings b SET tickers = (
    SELECT json_extract_string(r.watchlist_json, '$.tickers[*].symbol') FROM runs r WHERE r.run_id = b.run_id
) WHERE tickers IS NULL;
UPDATE briefings b SET closed_on = CAST(created_at AS DATE)
WHERE closed_on IS NULL AND (CAST(created_at AS DATE) >= period_end
                             OR period_end <= (SELECT r.as_of FROM runs r WHERE r.run_id = b.run_id));
