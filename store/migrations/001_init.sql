-- watchdesk schema v1. Every table has a deterministic primary key so writes are idempotent.

CREATE TABLE companies (
    cik          BIGINT PRIMARY KEY,
    ticker       VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);

CREATE TABLE documents (
    doc_id        VARCHAR PRIMARY KEY,      -- sha256 of the canonical source URL, first 16 hex
    parent_doc_id VARCHAR,                  -- an exhibit points at its filing's primary document
    source        VARCHAR NOT NULL,         -- edgar | transcript | news
    ticker        VARCHAR,
    cik           BIGINT,
    form          VARCHAR,
    accession     VARCHAR,
    filename      VARCHAR,
    doc_type      VARCHAR,                  -- 10-K, EX-99.1, ...
    title         VARCHAR,
    url           VARCHAR NOT NULL,
    filed_at      DATE,
    period        DATE,
    items         VARCHAR[],
    content_hash  VARCHAR NOT NULL,         -- sha256 of the text
    n_chars       INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    fetched_at    TIMESTAMP NOT NULL,
    run_id        VARCHAR
);

CREATE TABLE sentences (
    doc_id   VARCHAR NOT NULL,
    seq      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    section  VARCHAR,
    speaker  VARCHAR,
    text     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE findings (
    finding_id     VARCHAR PRIMARY KEY,     -- hash of doc, span, topic, method version
    doc_id         VARCHAR NOT NULL,
    ticker         VARCHAR,
    topic          VARCHAR NOT NULL,
    polarity       VARCHAR NOT NULL,
    score          DOUBLE NOT NULL,
    sentence       VARCHAR NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    section        VARCHAR,
    speaker        VARCHAR,
    method         VARCHAR NOT NULL,
    method_version VARCHAR NOT NULL,
    run_id         VARCHAR,
    created_at     TIMESTAMP NOT NULL
);

-- Which documents a flagging method version has already processed (so a crash mid-run is resumed,
-- and a new version re-flags everything once).
CREATE TABLE doc_flags (
    doc_id          VARCHAR NOT NULL,
    method          VARCHAR NOT NULL,
    method_version  VARCHAR NOT NULL,
    n_sentences     INTEGER NOT NULL,
    n_findings      INTEGER NOT NULL,
    flagged_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (doc_id, method, method_version)
);

CREATE TABLE gaps (
    gap_id      VARCHAR PRIMARY KEY,        -- hash of run, agent, target
    run_id      VARCHAR NOT NULL,
    ticker      VARCHAR,
    agent       VARCHAR NOT NULL,
    target      VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    tried       VARCHAR[],
    created_at  TIMESTAMP NOT NULL
);

CREATE TABLE runs (
    run_id         VARCHAR PRIMARY KEY,
    thread_id      VARCHAR,
    watchlist      VARCHAR NOT NULL,
    watchlist_hash VARCHAR NOT NULL,
    watchlist_json JSON,                    -- the validated watchlist, so `approve` resumes the same one
    mode           VARCHAR NOT NULL,        -- live | replay
    status         VARCHAR NOT NULL,        -- planned | awaiting_approval | running | done | failed
    plan           JSON,
    approval       VARCHAR,
    counts         JSON,
    cost           JSON,
    error          VARCHAR,
    started_at     TIMESTAMP NOT NULL,
    finished_at    TIMESTAMP
);

CREATE TABLE actions (
    action_id   VARCHAR PRIMARY KEY,        -- hash of run, agent, method, target, attempt
    run_id      VARCHAR,
    agent       VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,           -- http.get | store.write | deliver.file ...
    target      VARCHAR NOT NULL,           -- URL with secrets redacted, or a path
    host        VARCHAR,
    attempt     INTEGER NOT NULL,
    outcome     VARCHAR NOT NULL,
    status      INTEGER,
    nbytes      BIGINT,
    ms          DOUBLE,
    detail      VARCHAR,
    "at"        TIMESTAMP NOT NULL
);

CREATE TABLE cursors (
    ticker      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,           -- edgar:10-K, transcripts, ...
    value       VARCHAR NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (ticker, source)
);

CREATE TABLE briefings (
    briefing_id   VARCHAR PRIMARY KEY,      -- hash of run and period
    run_id        VARCHAR NOT NULL,
    period_start  DATE NOT NULL,
    period_end    DATE NOT NULL,
    path_md       VARCHAR,
    content_md    VARCHAR NOT NULL,
    n_findings    INTEGER NOT NULL,
    n_gaps        INTEGER NOT NULL,
    created_at    TIMESTAMP NOT NULL
);

CREATE INDEX findings_doc ON findings (doc_id);
CREATE INDEX findings_ticker_topic ON findings (ticker, topic);
CREATE INDEX documents_ticker ON documents (ticker, filed_at);
