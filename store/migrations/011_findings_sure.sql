-- Whether the flagger's learned second pass was sure of a finding (refine.is_sure): TRUE, FALSE, or NULL where it
-- did not judge it (rules alone, a custom topic, an LLM's verdict, or findings stored before this column). The
-- current_findings view (SELECT f.*) carries the new column: DuckDB expands the star when the view is read.
ALTER TABLE findings ADD COLUMN sure BOOLEAN;
