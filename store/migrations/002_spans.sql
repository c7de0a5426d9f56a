-- Where a document came from when its identity is not a URL (a transcript is keyed by company and
-- call, whichever provider served it), and the labelled spans of a document: filing sections
-- (Item 1A, Part I Item 2, ...) and transcript statements (speaker, role, prepared remarks or Q&A).
ALTER TABLE documents ADD COLUMN source_url VARCHAR;
ALTER TABLE documents ADD COLUMN provider VARCHAR;

CREATE TABLE doc_spans (
    doc_id        VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    section       VARCHAR,                  -- "1A", "I-2", "prepared", "qa", ...
    title         VARCHAR,                  -- "Risk Factors"
    speaker       VARCHAR,
    role          VARCHAR,
    speaker_kind  VARCHAR,                  -- operator | management | analyst | other
    PRIMARY KEY (doc_id, seq)
);
