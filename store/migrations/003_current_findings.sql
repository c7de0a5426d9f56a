-- The findings to read: each document's latest flagging only. After an upgrade of the flagger (method version
-- 0.3 -> 0.4) or a run with the LLM judge, a document holds findings of several versions side by side (each
-- version replaces only its own); counting them all would double its mentions. Documents flagged before doc_flags
-- markers existed keep all their findings.
CREATE VIEW current_findings AS
WITH latest AS (
    SELECT doc_id, method, method_version FROM doc_flags
    QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY flagged_at DESC, method_version DESC, method) = 1
)
SELECT f.* FROM findings f
LEFT JOIN latest l ON l.doc_id = f.doc_id
WHERE l.doc_id IS NULL OR (l.method = f.method AND l.method_version = f.method_version);
