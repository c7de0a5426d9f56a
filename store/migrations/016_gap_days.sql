-- The days whose documents a gap leaves unread, when the agent that records it knows them: a filing that could not be
-- fetched or compared, its filing date; an older listing page that could not be read, the days it would have listed
-- (unread_to: the day before the oldest filing listed). NULL otherwise: a failed step leaves its window unread, read
-- from the run's plan; a call source or a feed names no day. Listing gaps stored before this say their last day in
-- their reason ("filings before 2026-04-10 not listed").
ALTER TABLE gaps ADD COLUMN unread_from DATE;
ALTER TABLE gaps ADD COLUMN unread_to DATE;
UPDATE gaps
SET unread_to = CAST(regexp_extract(reason, '^filings before (\d{4}-\d{2}-\d{2}) not listed', 1) AS DATE) - 1
WHERE agent = 'filings' AND starts_with(target, 'older filings of CIK ')
  AND regexp_matches(reason, '^filings before \d{4}-\d{2}-\d{2} not listed');
