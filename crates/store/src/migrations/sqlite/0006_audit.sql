-- The audit trail (issue 14): one row per change to worksheets, reviews, users and stored
-- documents, appended in the transaction of the change it records. `id` is 1, 2, 3, …
-- without gaps (assigned by the writer, which holds the write lock); `at` is the database's
-- clock; `before_json` / `after_json` are JSON (NULL when there is nothing on that side).
-- `prev_hash` is the SHA-256 of the previous row's canonical serialisation (64 zeros for
-- the first), `hash` that of this row's: `tierwatch audit verify` recomputes both.
-- Append-only: tierwatch never updates or deletes a row, and the triggers refuse it.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    iso3        TEXT,
    report_year INTEGER,
    document_id TEXT,
    before_json TEXT,
    after_json  TEXT,
    reason      TEXT NOT NULL DEFAULT '',
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_country_year ON audit_log (iso3, report_year);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
