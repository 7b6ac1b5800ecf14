//! Logging in: a name and password checked against the stored argon2id hash, then a
//! session — a random 256-bit token for the browser, only its SHA-256 kept in the store.

use crate::AppError;
use sha2::{Digest, Sha256};
use tierwatch_store::{Store, User, Viewer};

/// How long a session lasts: 12 hours.
pub const SESSION_SECONDS: i64 = 12 * 3600;

/// What the store keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// 64 hex digits from the OS's random source.
fn new_token() -> Result<String, AppError> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).map_err(|e| AppError::Invalid(format!("no random source: {e}")))?;
    Ok(hex::encode(b))
}

/// A new session for `name` if `password` is theirs (and the account is enabled): the
/// token to give the browser and the account. A wrong name or password is one error, so
/// the answer does not tell which one was wrong.
pub fn login(store: &Store, name: &str, password: &str) -> Result<(String, User), AppError> {
    let found = store.user(name)?;
    if found.is_none() {
        crate::accounts::verify_nobody(password);
    }
    let user = found.filter(|u| crate::accounts::password_matches(u, password));
    let Some(user) = user else {
        return Err(AppError::Unauthenticated("unknown user or wrong password".into()));
    };
    let token = new_token()?;
    store.create_session(&token_hash(&token), user.id, SESSION_SECONDS)?;
    Ok((token, user))
}

/// End the session of `token`.
pub fn logout(store: &Store, token: &str) -> Result<(), AppError> {
    Ok(store.delete_session(&token_hash(token))?)
}

/// Whether the store has accounts, and whose session `token` is.
pub fn viewer(store: &Store, token: Option<&str>) -> Result<Viewer, AppError> {
    Ok(store.viewer(token.map(token_hash).as_deref())?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tierwatch_store::Role;

    #[test]
    fn a_login_gives_a_token_whose_hash_finds_the_user() {
        let store = Store::open_in_memory().unwrap();
        crate::accounts::add_user(&store, "ana", Role::Analyst, "correct horse", "t").unwrap();
        assert!(matches!(login(&store, "ana", "wrong horse"), Err(AppError::Unauthenticated(_))));
        assert!(matches!(login(&store, "nobody", "correct horse"), Err(AppError::Unauthenticated(_))));
        let (token, user) = login(&store, "ana", "correct horse").unwrap();
        assert_eq!((token.len(), user.name.as_str()), (64, "ana"));
        assert_eq!(viewer(&store, Some(&token)).unwrap().user.map(|u| u.name).as_deref(), Some("ana"));
        let (other, _) = login(&store, "ana", "correct horse").unwrap();
        assert_ne!(token, other, "every session has its own token");
        logout(&store, &token).unwrap();
        assert!(viewer(&store, Some(&token)).unwrap().user.is_none());
        assert!(viewer(&store, Some(&other)).unwrap().user.is_some());
    }
}
