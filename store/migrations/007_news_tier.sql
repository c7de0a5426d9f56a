-- News documents carry the credibility tier of their source (primary | established | other), so the
-- briefing can say how much weight an item deserves. NULL for filings and transcripts.
ALTER TABLE documents ADD COLUMN tier VARCHAR;
