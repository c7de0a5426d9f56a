-- Which way of comparing two filings made a comparison (agents/filings_compare.COMPARE_VERSION; NULL: made before this
-- was recorded, read as 1). A filing whose comparison is older than this watchdesk's is compared again by the next
-- run that lists it as the newest of its form (agents/filings._stored_uncompared), its rows replaced: a store upgraded
-- past today's fixes then gets what a changed risk factor gained, and loses "removed" factors a 10-Q that lists only
-- the changed ones never removed.
ALTER TABLE filing_comparisons ADD COLUMN compare_version INTEGER;
