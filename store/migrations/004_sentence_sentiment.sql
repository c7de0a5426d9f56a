-- Every stored sentence carries the default sentence sentiment (positive / negative / neutral, score in [-1, 1]),
-- so tone can be followed over time per company, section or speaker, not only on flagged topic mentions.
-- Sentences stored before this migration have NULL here until their document is flagged again.
ALTER TABLE sentences ADD COLUMN sentiment VARCHAR;
ALTER TABLE sentences ADD COLUMN sentiment_score DOUBLE;
