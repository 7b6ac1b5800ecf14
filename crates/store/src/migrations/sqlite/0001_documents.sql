-- Narratives, where they came from, and their segmentation.
CREATE TABLE documents (
    id               TEXT PRIMARY KEY,          -- SHA-256 of the text
    iso3             TEXT NOT NULL,
    country          TEXT NOT NULL,
    report_year      INTEGER NOT NULL,
    format           TEXT NOT NULL,
    source_path      TEXT NOT NULL,             -- the first source it was read from
    stated_tier      TEXT,
    title            TEXT,
    publisher        TEXT,
    author           TEXT,
    publication_date TEXT,
    cite_as          TEXT,
    last_updated     TEXT,
    year_source      TEXT,
    source_map       TEXT NOT NULL,             -- JSON
    text             TEXT NOT NULL,
    UNIQUE (iso3, report_year)
);

-- Every file (or file part) a narrative was read from: a chapter file and a whole-report
-- dump giving the same country-year are two sources of one document.
CREATE TABLE document_sources (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    format      TEXT NOT NULL,
    PRIMARY KEY (document_id, path)
);

-- Files already read, by content hash: the same bytes again are a no-op.
CREATE TABLE files (
    path   TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    size   INTEGER NOT NULL
);

CREATE TABLE sections (
    document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    heading_start INTEGER,
    heading_end   INTEGER,
    method        TEXT NOT NULL,
    confidence    REAL NOT NULL,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE paragraphs (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    section     TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    method      TEXT NOT NULL,
    confidence  REAL NOT NULL,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE sentences (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    paragraph   INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
);
