-- Migration 009 ordered "0.9+ab12cd34" (a watchlist with custom topics adds the fingerprint after '+') by its parts
-- [0, NULL], which DuckDB sorts above every number: a custom-topic flagging won the tie-break over any plain one,
-- and "0.9+x" over "0.11+x". The fingerprint is now set aside before the numeric parts are compared. Same rule as
-- queries.VERSION_ORDER.
CREATE OR REPLACE VIEW current_findings AS
WITH latest AS (
    SELECT doc_id, method, method_version FROM doc_flags
    QUALIFY row_number() OVER (
        PARTITION BY doc_id
        ORDER BY flagged_at DESC,
                 list_transform(string_split(split_part(method_version, '+', 1), '.'), lambda p: TRY_CAST(p AS BIGINT)) DESC,
                 method_version DESC, method
    ) = 1
)
SELECT f.* FROM findings f
LEFT JOIN latest l ON l.doc_id = f.doc_id
WHERE l.doc_id IS NULL OR (l.method = f.method AND l.method_version = f.method_version);
