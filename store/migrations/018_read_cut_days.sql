-- A step may leave several stretches of days unread by the watchlist's choice: besides the days before the oldest
-- filing `limit_per_form` kept, each day of a 6-K of a kind the step does not read (monthly revenue, notices). So a
-- step keeps several read cuts, one per first day; a step's cuts are replaced together when it runs again.
-- DuckDB cannot change a primary key in place: the rows move to a copy that gets the new key.
CREATE TABLE read_cuts_018 AS SELECT * FROM read_cuts;
DROP TABLE read_cuts;
ALTER TABLE read_cuts_018 RENAME TO read_cuts;
ALTER TABLE read_cuts ADD PRIMARY KEY (run_id, agent, ticker, unread_from);
ALTER TABLE read_cuts ALTER COLUMN unread_to SET NOT NULL;
ALTER TABLE read_cuts ALTER COLUMN reason SET NOT NULL;
ALTER TABLE read_cuts ALTER COLUMN created_at SET NOT NULL;
