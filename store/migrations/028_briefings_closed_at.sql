-- A briefing closes its period at a moment, not on a day (store/queries.py LATE_DAYS_OF). closed_at: the UTC time a
-- briefing of the period was first written on or after the period's last day (that day by the UTC clock, or by the
-- `--as-of` day of the run writing it); a document of the period first stored after it is in none of its briefings,
-- and counts, late, in the period after. It replaces closed_on (migration 026), the UTC day of that write, with which
-- a document was late only when first stored on a LATER DAY: a call stored at 20:00 on the day a 06:00 run closed
-- its week counted in that week, already briefed without it, and in no later briefing.
-- Rows of before: closed at their created_at (the time they were last written) when that was on their closed_on
-- day: the first close was that day, at or before it, and what was first stored that day before it counted in the
-- period by the day rule, so that write held it; what was stored after it that day was in no write, and is now late.
-- Rewritten on a later day, the time of the first close is not known: the end of the closed_on day (its last
-- microsecond), which keeps the day rule for them exactly (late when first stored on a later day). Not closed
-- (closed_on NULL): NULL. IF NOT EXISTS: as 025; closed_on is added back first (empty) so that a store whose
-- schema_migrations lost this row after it ran can run it again.
ALTER TABLE briefings ADD COLUMN IF NOT EXISTS closed_at TIMESTAMP;
ALTER TABLE briefings ADD COLUMN IF NOT EXISTS closed_on DATE;
UPDATE briefings SET closed_at = CASE WHEN CAST(created_at AS DATE) = closed_on THEN created_at
                                      ELSE CAST(closed_on + 1 AS TIMESTAMP) - INTERVAL 1 MICROSECOND END
WHERE closed_at IS NULL AND closed_on IS NOT NULL;
ALTER TABLE briefings DROP COLUMN closed_on;
