//! `/login` (GET: the form; POST: check the name and password, open a session, go back to
//! `next`) and `/logout` (POST: end the session). Both POSTs check the CSRF token; the
//! session cookie is HttpOnly and SameSite=Strict (and Secure behind https, see
//! [`crate::auth::session_cookie`]).

use super::{page, PageError};
use crate::auth::{self, Who};
use crate::csrf;
use crate::error::ApiError;
use crate::extract::pairs;
use crate::state::AppState;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use maud::html;

fn field<'a>(form: &'a [(String, String)], k: &str) -> &'a str {
    form.iter().find(|(x, _)| x == k).map(|(_, v)| v.as_str()).unwrap_or("")
}

fn form_page(headers: &HeaderMap, who: &Who, next: &str, error: Option<&str>) -> Result<Response, PageError> {
    let (token, set_cookie) = csrf::ensure(headers);
    let html = page(
        "Log in",
        html! {
            h1 { "Log in" }
            @if !who.accounts_exist {
                p.notice { "This store has no accounts, so nothing needs a login. Add one with "
                    code { "tierwatch user add NAME --role analyst|reviewer|admin" } "." }
            }
            @if let Some(u) = &who.user { p.notice { "Logged in as " (u.name) " (" (u.role.code()) ")." } }
            @if let Some(e) = error { p.error #login-error { (e) } }
            form #login method="post" action="/login" {
                input type="hidden" name=(csrf::FIELD) value=(token);
                input type="hidden" name="next" value=(auth::local_target(next));
                label { "Name" input type="text" name="name" required maxlength="64" autocomplete="username"; }
                label { "Password" input type="password" name="password" required autocomplete="current-password"; }
                p { button type="submit" { "Log in" } }
            }
        },
    )?;
    let mut resp = html.into_response();
    if error.is_some() {
        *resp.status_mut() = StatusCode::UNAUTHORIZED;
    }
    if let Some(cookie) = set_cookie {
        resp.headers_mut().insert(header::SET_COOKIE, cookie.parse().map_err(ApiError::internal)?);
    }
    Ok(resp)
}

pub async fn show(Extension(who): Extension<Who>, RawQuery(q): RawQuery, headers: HeaderMap) -> Result<Response, PageError> {
    let pairs = pairs(q.as_deref())?;
    let next = pairs.iter().find(|(k, _)| k == "next").map(|(_, v)| v.as_str()).unwrap_or("/");
    form_page(&headers, &who, next, None)
}

pub async fn login(State(s): State<AppState>, Extension(who): Extension<Who>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Result<Response, PageError> {
    if !csrf::verify(&headers, Some(field(&form, csrf::FIELD))) {
        return Err(ApiError::csrf().into());
    }
    let (name, password, next) = (field(&form, "name").to_string(), field(&form, "password").to_string(), field(&form, "next").to_string());
    let result = s.run(move |ctx| Ok(tierwatch_app::sessions::login(ctx.store, &name, &password))).await?;
    match result {
        Ok((token, _)) => {
            let mut resp = Redirect::to(auth::local_target(&next)).into_response();
            resp.headers_mut().insert(header::SET_COOKIE, auth::session_cookie(&s, &headers, &token).parse().map_err(ApiError::internal)?);
            Ok(resp)
        }
        Err(tierwatch_app::AppError::Unauthenticated(m)) => form_page(&headers, &who, &next, Some(&m)),
        Err(e) => Err(e.into()),
    }
}

pub async fn logout(State(s): State<AppState>, Extension(who): Extension<Who>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Result<Response, PageError> {
    if !csrf::verify(&headers, Some(field(&form, csrf::FIELD))) {
        return Err(ApiError::csrf().into());
    }
    who.account()?;
    if let Some(token) = auth::token(&headers) {
        s.run(move |ctx| Ok(tierwatch_app::sessions::logout(ctx.store, &token)?)).await?;
    }
    let mut resp = Redirect::to("/login").into_response();
    resp.headers_mut().insert(header::SET_COOKIE, auth::clear_cookie().parse().map_err(ApiError::internal)?);
    Ok(resp)
}
