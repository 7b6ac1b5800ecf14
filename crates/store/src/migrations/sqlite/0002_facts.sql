-- Facts extracted from each document, replaced whenever the document or extractors change.
CREATE TABLE facts (
    document_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx               INTEGER NOT NULL,
    fact_id           TEXT NOT NULL,
    kind              TEXT NOT NULL,
    value             TEXT NOT NULL,   -- JSON
    period            TEXT NOT NULL,   -- JSON: year, "reporting_period", "previous_period" or null
    qualifier         TEXT NOT NULL,
    scope             TEXT,
    unit              TEXT,
    confidence        REAL NOT NULL,
    start             INTEGER NOT NULL,
    end               INTEGER NOT NULL,
    quote             TEXT NOT NULL,
    section           TEXT,
    extractor         TEXT NOT NULL,
    extractor_version INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
);
CREATE INDEX facts_kind ON facts(kind);

-- Which extractor-set version produced a document's facts.
ALTER TABLE documents ADD COLUMN extractor_set_version INTEGER;
