-- Login sessions of `tierwatch serve`; see migrations/sqlite/0007_sessions.sql.
CREATE TABLE sessions (
    token_hash TEXT COLLATE "C" PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
