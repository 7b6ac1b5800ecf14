-- Assessment worksheets saved by analysts (the web app): which findings were overridden,
-- by whom and when (a timestamp the face supplies), and the outcome with and without them.
-- Keyed by country-year, not by document id, so a worksheet survives a re-ingest.
CREATE TABLE worksheets (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    iso3             TEXT NOT NULL,
    report_year      INTEGER NOT NULL,
    analyst          TEXT NOT NULL,
    saved_at         TEXT NOT NULL,
    overrides        TEXT NOT NULL,   -- JSON array of {finding, value}
    outcome          TEXT NOT NULL,   -- outcome code with the overrides
    original_outcome TEXT NOT NULL,   -- outcome code without them
    note             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX worksheets_country_year ON worksheets (iso3, report_year);
