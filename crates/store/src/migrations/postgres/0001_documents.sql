-- Narratives, where they came from, and their segmentation (the schema of SQLite's 0001).
-- Integers are BIGINT and reals DOUBLE PRECISION (what SQLite stores); text that is sorted
-- is COLLATE "C", so rows come back in SQLite's byte order whatever the cluster's locale.
CREATE TABLE documents (
    id               TEXT PRIMARY KEY,          -- SHA-256 of the text
    iso3             TEXT COLLATE "C" NOT NULL,
    country          TEXT COLLATE "C" NOT NULL,
    report_year      BIGINT NOT NULL,
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

CREATE TABLE document_sources (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    path        TEXT COLLATE "C" NOT NULL,
    format      TEXT NOT NULL,
    PRIMARY KEY (document_id, path)
);

CREATE TABLE files (
    path   TEXT COLLATE "C" PRIMARY KEY,
    sha256 TEXT NOT NULL,
    size   BIGINT NOT NULL
);

CREATE TABLE sections (
    document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx           BIGINT NOT NULL,
    kind          TEXT NOT NULL,
    start         BIGINT NOT NULL,
    "end"         BIGINT NOT NULL,
    heading_start BIGINT,
    heading_end   BIGINT,
    method        TEXT NOT NULL,
    confidence    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE paragraphs (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         BIGINT NOT NULL,
    section     TEXT NOT NULL,
    start       BIGINT NOT NULL,
    "end"       BIGINT NOT NULL,
    method      TEXT NOT NULL,
    confidence  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE sentences (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         BIGINT NOT NULL,
    paragraph   BIGINT NOT NULL,
    start       BIGINT NOT NULL,
    "end"       BIGINT NOT NULL,
    PRIMARY KEY (document_id, idx)
);

-- PostgreSQL has no `data_version`: one row counting committed write transactions
-- (bumped first in each, which also makes writers take turns).
CREATE TABLE store_generation (
    one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    n   BIGINT NOT NULL
);
INSERT INTO store_generation (one, n) VALUES (TRUE, 0);
