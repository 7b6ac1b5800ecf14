//! Login sessions (migration 0007): the SHA-256 of a session token (the face makes the
//! random token and keeps it in a cookie; the store never sees more than its hash), whose
//! account it is, and when it expires — by the database's clock, so every server on one
//! PostgreSQL database agrees. A session of a disabled account never matches.

use crate::sql::args;
use crate::users::{user, COLUMNS};
use crate::{Result, Store, User};

/// Who is asking: whether the store has any account at all (without one, tierwatch is one
/// person's laptop tool and nothing asks for a login), and the session's account, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Viewer {
    pub accounts_exist: bool,
    pub user: Option<User>,
}

impl Store {
    /// Open a session for `user_id` lasting `seconds`; expired sessions are dropped on the way.
    pub fn create_session(&self, token_hash: &str, user_id: i64, seconds: i64) -> Result<()> {
        self.write(|c| {
            let now = c.epoch()?;
            c.exec("DELETE FROM sessions WHERE expires_at <= ?1", args![now])?;
            let at = c.now()?;
            c.exec("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)", args![token_hash, user_id, at, now + seconds])?;
            Ok(())
        })
    }

    /// End a session (logging out); ending one that is not there is not an error.
    pub fn delete_session(&self, token_hash: &str) -> Result<()> {
        self.write(|c| c.exec("DELETE FROM sessions WHERE token_hash = ?1", args![token_hash]).map(drop))
    }

    /// Whether accounts exist, and the account of an unexpired session of an enabled user.
    pub fn viewer(&self, token_hash: Option<&str>) -> Result<Viewer> {
        self.read(|c| {
            let accounts_exist = c.query_opt("SELECT id FROM users LIMIT 1", args![])?.is_some();
            let user = match token_hash {
                Some(t) if accounts_exist => {
                    let now = c.epoch()?;
                    let cols = COLUMNS.split(", ").map(|x| format!("u.{x}")).collect::<Vec<_>>().join(", ");
                    c.query_opt(
                        &format!("SELECT {cols} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND u.disabled_at IS NULL"),
                        args![t, now],
                    )?
                    .as_ref()
                    .map(user)
                    .transpose()?
                }
                _ => None,
            };
            Ok(Viewer { accounts_exist, user })
        })
    }
}
