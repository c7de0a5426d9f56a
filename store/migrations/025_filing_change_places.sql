-- Where a filing change stands (agents/filings_compare). under_heading: the heading the row's sentence or words sit
-- under in the filing they are quoted from (a risk factor's heading, or the MD&A subheading above them), so a reader
-- knows where the change is. moved_to: for a sentence moved between risk factors and MD&A, the section it went to
-- ("1A" or "7"), and moved_to_heading the heading it sits under there; before this the section was only implied (the
-- other of the row's item), and that is what rows of before are given here. A run compares the newest filings again
-- (COMPARE_VERSION 10) and fills the headings. IF NOT EXISTS: the migration may run again on a store whose
-- schema_migrations lost its rows while its columns stayed (a store pieced together by hand, or a test's store "as
-- an older watchdesk left it"); run again, it adds nothing and gives moved rows the same section.
ALTER TABLE filing_changes ADD COLUMN IF NOT EXISTS under_heading VARCHAR;
ALTER TABLE filing_changes ADD COLUMN IF NOT EXISTS moved_to VARCHAR;
ALTER TABLE filing_changes ADD COLUMN IF NOT EXISTS moved_to_heading VARCHAR;
UPDATE filing_changes SET moved_to = CASE item WHEN '1A' THEN '7' ELSE '1A' END WHERE kind = 'moved' AND moved_to IS NULL;
