-- Accounts (issue 14): a name, a role, an argon2 password hash (PHC string, made by the app
-- layer), when the account was made and, once disabled, when. Never deleted: the audit
-- trail names them.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('analyst', 'reviewer', 'admin')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    disabled_at   TEXT
);
