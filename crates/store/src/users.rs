//! Accounts (migration 0005): name, role, password hash, when made and when disabled. The
//! hash is made and checked by the app layer (argon2); the store only keeps it. Names are
//! unique; accounts are disabled, never deleted.

use crate::audit::{self, Change};
use crate::sql::args;
use crate::{Result, Store, StoreError};
use serde::Serialize;

/// What an account may do: analysts draft, reviewers approve or return, admins manage users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Analyst,
    Reviewer,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Analyst, Role::Reviewer, Role::Admin];

    pub fn code(self) -> &'static str {
        match self {
            Role::Analyst => "analyst",
            Role::Reviewer => "reviewer",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == s)
    }
}

/// A stored account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub role: Role,
    #[serde(skip)]
    pub password_hash: String,
    pub created_at: String,
    pub disabled_at: Option<String>,
}

pub(crate) const COLUMNS: &str = "id, name, role, password_hash, created_at, disabled_at";

/// An account as the audit trail records it (never the password hash).
fn shown(u: &User) -> serde_json::Value {
    serde_json::json!({ "name": u.name, "role": u.role.code(), "created_at": u.created_at, "disabled_at": u.disabled_at })
}

pub(crate) fn user(r: &crate::sql::Row) -> Result<User> {
    let role = r.text(2)?;
    Ok(User {
        id: r.int(0)?,
        name: r.text(1)?,
        role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("unknown role {role:?}")))?,
        password_hash: r.text(3)?,
        created_at: r.text(4)?,
        disabled_at: r.opt_text(5)?,
    })
}

impl Store {
    /// Add an account; a name already taken is an error naming it.
    pub fn add_user(&self, name: &str, role: Role, password_hash: &str, created_at: &str) -> Result<User> {
        let actor = self.actor();
        self.write(|c| {
            if c.query_opt("SELECT id FROM users WHERE name = ?1", args![name])?.is_some() {
                return Err(StoreError::Conflict(format!("a user named {name:?} already exists")));
            }
            let r = c.query_one(
                &format!("INSERT INTO users (name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING {COLUMNS}"),
                args![name, role.code(), password_hash, created_at],
            )?;
            let u = user(&r)?;
            audit::append(c, &actor, &Change { action: "user.add", subject: format!("user {name}"), after: Some(shown(&u)), ..Default::default() })?;
            Ok(u)
        })
    }

    /// Every account, by name (byte order).
    pub fn users(&self) -> Result<Vec<User>> {
        self.read(|c| c.query(&format!("SELECT {COLUMNS} FROM users ORDER BY name"), args![])?.iter().map(user).collect())
    }

    /// One account by name.
    pub fn user(&self, name: &str) -> Result<Option<User>> {
        self.read(|c| c.query_opt(&format!("SELECT {COLUMNS} FROM users WHERE name = ?1"), args![name])?.as_ref().map(user).transpose())
    }

    /// Disable an account (kept, so the audit trail can still name it). `Ok(false)` when no
    /// account has that name; disabling twice keeps the first time.
    pub fn disable_user(&self, name: &str, at: &str) -> Result<bool> {
        let actor = self.actor();
        self.write(|c| {
            let select = format!("SELECT {COLUMNS} FROM users WHERE name = ?1");
            let Some(before) = c.query_opt(&select, args![name])?.as_ref().map(user).transpose()? else {
                return Ok(false);
            };
            if c.exec("UPDATE users SET disabled_at = ?2 WHERE name = ?1 AND disabled_at IS NULL", args![name, at])? > 0 {
                c.exec("DELETE FROM sessions WHERE user_id = ?1", args![before.id])?;
                let after = user(&c.query_one(&select, args![name])?)?;
                let change = Change { action: "user.disable", subject: format!("user {name}"), before: Some(shown(&before)), after: Some(shown(&after)), ..Default::default() };
                audit::append(c, &actor, &change)?;
            }
            Ok(true)
        })
    }
}
