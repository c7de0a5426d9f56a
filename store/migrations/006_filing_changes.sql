-- What changed between two consecutive filings of one company (10-K, 10-Q or 20-F), keyed by the two documents.
-- filing_comparisons: one row per section compared (risk factors "1A", MD&A "7"), with its Lazy Prices similarity.
-- filing_changes: one row per risk factor (new, removed, expanded, shortened, reworded, unchanged) or MD&A sentence
-- added ("added"); old_start/old_end and new_start/new_end are the heading's (or sentence's) offsets in each
-- document's stored text, so a quote is checked against the store like any finding; topics are the watched topics
-- the heading or sentence mentions.
CREATE TABLE filing_comparisons (
    old_doc_id   VARCHAR NOT NULL,
    new_doc_id   VARCHAR NOT NULL,
    item         VARCHAR NOT NULL,          -- "1A" (risk factors, any form) | "7" (MD&A, any form)
    ticker       VARCHAR,
    form         VARCHAR,
    similarity   DOUBLE NOT NULL,           -- cosine on term counts
    jaccard      DOUBLE NOT NULL,           -- Jaccard on the sets of words
    n_old        INTEGER,                   -- risk factors in each filing (NULL for MD&A)
    n_new        INTEGER,
    note         VARCHAR,
    run_id       VARCHAR,
    created_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (old_doc_id, new_doc_id, item)
);

CREATE TABLE filing_changes (
    old_doc_id   VARCHAR NOT NULL,
    new_doc_id   VARCHAR NOT NULL,
    item         VARCHAR NOT NULL,
    seq          INTEGER NOT NULL,
    ticker       VARCHAR,
    kind         VARCHAR NOT NULL,          -- new | removed | expanded | shortened | reworded | unchanged | added
    risk_group   VARCHAR,
    old_heading  VARCHAR,
    new_heading  VARCHAR,                   -- for an added MD&A sentence: the sentence
    old_start    INTEGER,
    old_end      INTEGER,
    new_start    INTEGER,
    new_end      INTEGER,
    old_chars    INTEGER,                   -- body lengths, for expanded / shortened
    new_chars    INTEGER,
    similarity   DOUBLE,
    topics       VARCHAR[],
    run_id       VARCHAR,
    created_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (old_doc_id, new_doc_id, item, seq)
);
