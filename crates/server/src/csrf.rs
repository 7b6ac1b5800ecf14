//! CSRF protection for forms that change state: double-submit. A random token lives in the
//! `tw_csrf` cookie (HttpOnly, SameSite=Strict) and in a hidden field of every such form;
//! a POST is accepted only when both are present and equal.

use axum::http::HeaderMap;

pub const COOKIE: &str = "tw_csrf";
pub const FIELD: &str = "csrf";

/// 32 random hex digits from the OS.
pub fn token() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the OS random source is available");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The token in the request's cookie, if any.
pub fn from_cookie(headers: &HeaderMap) -> Option<String> {
    crate::cookie::hex_token(headers, COOKIE, 32)
}

/// The cookie's token, or a new one with the `Set-Cookie` value to send.
pub fn ensure(headers: &HeaderMap) -> (String, Option<String>) {
    match from_cookie(headers) {
        Some(t) => (t, None),
        None => {
            let t = token();
            let cookie = format!("{COOKIE}={t}; Path=/; HttpOnly; SameSite=Strict");
            (t, Some(cookie))
        }
    }
}

/// True when the form's token matches the cookie's (compared in constant time).
pub fn verify(headers: &HeaderMap, form_token: Option<&str>) -> bool {
    match (from_cookie(headers), form_token) {
        (Some(c), Some(f)) if c.len() == f.len() => c.bytes().zip(f.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{header, HeaderValue};

    #[test]
    fn double_submit() {
        let t = token();
        assert_eq!(t.len(), 32);
        let mut h = HeaderMap::new();
        assert!(!verify(&h, Some(&t)));
        h.insert(header::COOKIE, HeaderValue::from_str(&format!("a=b; {COOKIE}={t}")).unwrap());
        assert!(verify(&h, Some(&t)));
        assert!(!verify(&h, Some(&token())));
        assert!(!verify(&h, None));
        assert_eq!(ensure(&h), (t, None));
    }
}
