-- Facts extracted from each document, replaced whenever the document or extractors change.
CREATE TABLE facts (
    document_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx               BIGINT NOT NULL,
    fact_id           TEXT NOT NULL,
    kind              TEXT NOT NULL,
    value             TEXT NOT NULL,   -- JSON
    period            TEXT NOT NULL,   -- JSON: year, "reporting_period", "previous_period" or null
    qualifier         TEXT NOT NULL,
    scope             TEXT,
    unit              TEXT,
    confidence        DOUBLE PRECISION NOT NULL,
    start             BIGINT NOT NULL,
    "end"             BIGINT NOT NULL,
    quote             TEXT NOT NULL,
    section           TEXT,
    extractor         TEXT NOT NULL,
    extractor_version BIGINT NOT NULL,
    PRIMARY KEY (document_id, idx)
);
CREATE INDEX facts_kind ON facts(kind);

-- Which extractor-set version produced a document's facts.
ALTER TABLE documents ADD COLUMN extractor_set_version BIGINT;
