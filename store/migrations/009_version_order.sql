-- Method versions are ordered by their numeric parts, not as strings: "0.10" is newer than "0.9" (as text it sorts
-- first). Only the tie-break between flaggings with the same flagged_at uses it. Same rule as queries.py.
CREATE OR REPLACE VIEW current_findings AS
WITH latest AS (
    SELECT doc_id, method, method_version FROM doc_flags
    QUALIFY row_number() OVER (
        PARTITION BY doc_id
        ORDER BY flagged_at DESC,
                 list_transform(string_split(method_version, '.'), lambda p: TRY_CAST(p AS BIGINT)) DESC,
                 method_version DESC, method
    ) = 1
)
SELECT f.* FROM findings f
LEFT JOIN latest l ON l.doc_id = f.doc_id
WHERE l.doc_id IS NULL OR (l.method = f.method AND l.method_version = f.method_version);
