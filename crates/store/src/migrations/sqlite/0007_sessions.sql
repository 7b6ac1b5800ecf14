-- Login sessions of `tierwatch serve` (issue 14): the SHA-256 of the random token the
-- browser holds (the token itself is never stored), whose account, and until when (seconds
-- since the epoch, by the database's clock). Logging out deletes the row.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL   -- seconds since the Unix epoch
);
