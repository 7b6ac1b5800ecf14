//! Who is asking, and may they: the session cookie, the request's [`Who`], the read gate and
//! the write checks.
//!
//! A store without accounts is one person's tool: nothing asks for a login and every request
//! passes, as before accounts existed. Once the store has an account, [`gate`] (a middleware
//! over the whole router) resolves the `tw_session` cookie to its user through the app layer,
//! and refuses anonymous requests — pages with a redirect to `/login`, everything else with
//! 401 — unless `serve --public-read` lets anonymous readers through (writes still need an
//! account). Each write handler then asks [`Who::require`] for its kind of write: 401 when
//! nobody is logged in, 403 when the role may not make it (the table is
//! `tierwatch_app::review`). The [`Who`] of the request is also kept task-locally so the page
//! frame can say who is logged in.

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use tierwatch_app::review::Write;
use tierwatch_store::User;

/// The session cookie's name.
pub const COOKIE: &str = "tw_session";

/// Paths open to anyone even when reading needs a login: the login page itself and the
/// pages' one script and API description.
const OPEN: &[&str] = &["/login", crate::assets::APP_JS_PATH, "/openapi.json"];

/// The requester.
#[derive(Debug, Clone, Default)]
pub struct Who {
    /// False: a store without accounts (no login anywhere).
    pub accounts_exist: bool,
    pub user: Option<User>,
    /// The request's CSRF token, if it has the cookie (for the logout form in the header).
    pub csrf: Option<String>,
    /// Let through as "no accounts" from the server's last-known answer, without asking the
    /// store: the request's store job checks again (see `AppState::run`).
    pub recheck: bool,
}

tokio::task_local! {
    static CURRENT: Who;
}

/// The current request's [`Who`], where the page frame renders (the request's task).
pub fn current() -> Option<Who> {
    CURRENT.try_with(Clone::clone).ok()
}

impl Who {
    /// The account that may make `write`: 401 when nobody is logged in, 403 when its role
    /// may not. `Ok(None)` on a store without accounts (no one to check).
    pub fn require(&self, write: Write) -> Result<Option<&User>, ApiError> {
        if !self.accounts_exist {
            return Ok(None);
        }
        let Some(u) = &self.user else {
            return Err(ApiError::unauthorized("log in to do this (/login)"));
        };
        tierwatch_app::review::require(u, write)?;
        Ok(Some(u))
    }

    /// The logged-in account for a write any account may make (logging out): 401 without one.
    pub fn account(&self) -> Result<&User, ApiError> {
        self.user.as_ref().ok_or_else(|| ApiError::unauthorized("log in to do this (/login)"))
    }
}

/// The session token in the request's cookie, if it looks like one (64 hex digits).
pub fn token(headers: &HeaderMap) -> Option<String> {
    crate::cookie::hex_token(headers, COOKIE, 64)
}

/// True when the request came over https (directly or through a proxy that says so).
fn https(headers: &HeaderMap) -> bool {
    headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()).is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

/// The `Set-Cookie` value for a new session: HttpOnly, SameSite=Strict, and `Secure` when
/// the server is configured so or the request came over https.
pub fn session_cookie(state: &AppState, headers: &HeaderMap, token: &str) -> String {
    let secure = if state.0.secure_cookies || https(headers) { "; Secure" } else { "" };
    format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{secure}", tierwatch_app::sessions::SESSION_SECONDS)
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie() -> String {
    format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}

/// The middleware: resolve [`Who`], refuse anonymous reads when they need a login, and run
/// the rest with `Who` in the request's extensions and task-local.
pub async fn gate(State(s): State<AppState>, mut req: Request, next: Next) -> Response {
    let csrf = crate::csrf::from_cookie(req.headers());
    let path = req.uri().path();
    let mut who = match token(req.headers()) {
        // Without a session cookie only "are there accounts?" matters, and the server knows
        // it without a store call (accounts are never deleted; a first one is caught by the
        // request's own store job).
        None => {
            let accounts_exist = s.0.accounts.hint();
            Who { accounts_exist, user: None, csrf, recheck: !accounts_exist && !OPEN.contains(&path) }
        }
        Some(token) => {
            let viewer = s.run(move |ctx| Ok(tierwatch_app::sessions::viewer(ctx.store, Some(&token))?)).await;
            match viewer {
                Ok(v) => Who { accounts_exist: v.accounts_exist, user: v.user, csrf, recheck: false },
                Err(e) => return e.into_response(),
            }
        }
    };
    if who.accounts_exist && who.user.is_none() && !s.0.public_read && !OPEN.contains(&path) {
        return refuse_anonymous(&req);
    }
    // A logged-in browser without a CSRF cookie (a session outlives the browser's CSRF cookie)
    // gets one now, so the header's logout form works; the handlers see it as the request's.
    let mut new_csrf = None;
    if who.user.is_some() && who.csrf.is_none() {
        let t = crate::csrf::token();
        let cookie = format!("{}={t}", crate::csrf::COOKIE);
        if let Ok(v) = axum::http::HeaderValue::from_str(&cookie) {
            req.headers_mut().append(header::COOKIE, v);
            new_csrf = Some(format!("{cookie}; Path=/; HttpOnly; SameSite=Strict"));
            who.csrf = Some(t);
        }
    }
    req.extensions_mut().insert(who.clone());
    let mut resp = CURRENT.scope(who, next.run(req)).await;
    if let Some(c) = new_csrf.and_then(|c| axum::http::HeaderValue::from_str(&c).ok()) {
        resp.headers_mut().append(header::SET_COOKIE, c);
    }
    resp
}

/// A page GET goes to the login page (and back after); anything else is a 401.
fn refuse_anonymous(req: &Request) -> Response {
    let path = req.uri().path();
    if req.method() == axum::http::Method::GET && !path.starts_with("/api") {
        let back = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let next = serde_urlencoded::to_string([("next", back)]).unwrap_or_default();
        return Redirect::to(&format!("/login?{next}")).into_response();
    }
    ApiError::unauthorized("this server needs a login to read (/login)").into_response()
}

/// A `next=` target that stays on this site (a path, not `//host` or a URL).
pub fn local_target(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") { next } else { "/" }
}

impl ApiError {
    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::UNAUTHORIZED, code: "unauthorized", message: message.into() }
    }

    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::FORBIDDEN, code: "forbidden", message: message.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_targets_stay_on_the_site() {
        assert_eq!(local_target("/country/MEX/2018"), "/country/MEX/2018");
        for bad in ["https://evil.example/", "//evil.example/", "/\\evil.example", "", "javascript:alert(1)"] {
            assert_eq!(local_target(bad), "/", "{bad}");
        }
    }
}
