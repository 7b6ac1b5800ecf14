//! Accounts: adding a user (name checked, password hashed with argon2id and a random salt),
//! listing, disabling, and checking a password against the stored hash (for the login that
//! comes next). The time of each change is an argument: the app never reads a clock.

use crate::AppError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use tierwatch_store::{Role, Store, User};

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 8;

/// A user name: 1-64 characters, letters, digits, `.`, `_`, `-`, `@`.
pub fn check_name(name: &str) -> Result<(), AppError> {
    let ok = !name.is_empty()
        && name.chars().count() <= 64
        && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if ok {
        Ok(())
    } else {
        Err(AppError::Invalid(format!("bad user name {name:?}: use 1-64 letters, digits, '.', '_', '-' or '@'")))
    }
}

/// An argon2id hash (PHC string) of `password` with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::Invalid(format!("the password is too short: at least {MIN_PASSWORD_CHARS} characters")));
    }
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| AppError::Invalid(format!("no random salt: {e}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AppError::Invalid(e.to_string()))?;
    Ok(Argon2::default().hash_password(password.as_bytes(), &salt).map_err(|e| AppError::Invalid(e.to_string()))?.to_string())
}

/// True if `password` is the one `user` was made with, and the account is not disabled.
pub fn password_matches(user: &User, password: &str) -> bool {
    user.disabled_at.is_none()
        && PasswordHash::new(&user.password_hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// Check `password` against a fixed hash and throw the answer away: a login with an unknown
/// name then takes as long as one with a wrong password, so timing does not tell which names
/// exist.
pub fn verify_nobody(password: &str) {
    static DUMMY: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    if let Some(h) = DUMMY.get_or_init(|| hash_password("no account has this password").ok()) {
        if let Ok(h) = PasswordHash::new(h) {
            let _ = Argon2::default().verify_password(password.as_bytes(), &h);
        }
    }
}

/// `tierwatch user add`.
pub fn add_user(store: &Store, name: &str, role: Role, password: &str, now: &str) -> Result<User, AppError> {
    check_name(name)?;
    let hash = hash_password(password)?;
    Ok(store.add_user(name, role, &hash, now)?)
}

/// `tierwatch user disable`: an unknown name is an error.
pub fn disable_user(store: &Store, name: &str, now: &str) -> Result<(), AppError> {
    if store.disable_user(name, now)? {
        Ok(())
    } else {
        Err(AppError::NotFound(format!("no user named {name:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_is_added_with_a_salted_hash_that_checks_the_password() {
        let store = Store::open_in_memory().unwrap();
        let ana = add_user(&store, "ana", Role::Analyst, "correct horse", "2026-12-02T10:00:00Z").unwrap();
        assert!(ana.password_hash.starts_with("$argon2id$"), "{}", ana.password_hash);
        assert!(!ana.password_hash.contains("correct horse"));
        assert!(password_matches(&ana, "correct horse"));
        assert!(!password_matches(&ana, "correct horsf"));
        let bo = add_user(&store, "bo", Role::Reviewer, "correct horse", "2026-12-02T10:00:00Z").unwrap();
        assert_ne!(bo.password_hash, ana.password_hash, "each hash has its own salt");
        disable_user(&store, "ana", "2026-12-02T11:00:00Z").unwrap();
        assert!(!password_matches(&store.user("ana").unwrap().unwrap(), "correct horse"), "a disabled account cannot log in");
        assert!(matches!(disable_user(&store, "nobody", "t"), Err(AppError::NotFound(_))));
    }

    #[test]
    fn bad_names_and_short_passwords_are_refused() {
        let store = Store::open_in_memory().unwrap();
        for bad in ["", "two words", "semi;colon", &"x".repeat(65)] {
            assert!(add_user(&store, bad, Role::Admin, "long enough", "t").is_err(), "{bad:?}");
        }
        let err = add_user(&store, "ana", Role::Admin, "short", "t").unwrap_err().to_string();
        assert!(err.contains("at least 8"), "{err}");
        assert!(store.users().unwrap().is_empty());
    }
}
