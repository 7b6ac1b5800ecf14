//! Reading the tokens tierwatch sets as cookies (the CSRF token, the session token): the value
//! of a named cookie, accepted only when it has the shape tierwatch writes (a fixed number of
//! hex digits), so nothing else a client sends under that name reaches a lookup.

use axum::http::{header, HeaderMap};

/// The value of cookie `name` if it is exactly `hex_len` hex digits.
pub fn hex_token(headers: &HeaderMap, name: &str, hex_len: usize) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, v)| *k == name && v.len() == hex_len && v.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|(_, v)| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_named_cookie_of_the_right_shape_only() {
        let mut h = HeaderMap::new();
        h.append(header::COOKIE, "a=1; tw=abcd".parse().unwrap());
        h.append(header::COOKIE, "other=ffff".parse().unwrap());
        assert_eq!(hex_token(&h, "tw", 4).as_deref(), Some("abcd"));
        assert_eq!(hex_token(&h, "tw", 8), None);
        assert_eq!(hex_token(&h, "a", 1).as_deref(), Some("1"));
        h.append(header::COOKIE, "x=zz".parse().unwrap());
        assert_eq!(hex_token(&h, "x", 2), None);
    }
}
