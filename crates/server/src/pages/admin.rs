//! `/admin` (admins only): the accounts, a form to add one, a button to disable each, and the
//! audit trail, newest first. The first account of a store is made with `tierwatch user add`
//! (on a store without accounts nobody is logged in to be an admin).

use super::{page, PageError};
use crate::auth::Who;
use crate::csrf;
use crate::error::ApiError;
use crate::extract::HP as P;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use maud::html;
use tierwatch_app::review::Write;
use tierwatch_store::{Role, User};

/// Audit entries shown on the page (the CLI lists them all).
const SHOWN: usize = 500;

/// The admin making this request: 401 anonymous, 403 another role or a store without accounts.
fn admin(who: &Who) -> Result<User, ApiError> {
    match who.require(Write::ManageUsers)? {
        Some(u) => Ok(u.clone()),
        None => Err(ApiError::forbidden("this store has no accounts: make the first with `tierwatch user add NAME --role admin`")),
    }
}

fn field(form: &[(String, String)], k: &str) -> String {
    form.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone()).unwrap_or_default()
}

pub async fn show(State(s): State<AppState>, Extension(who): Extension<Who>, headers: HeaderMap) -> Result<Response, PageError> {
    if who.accounts_exist && who.user.is_none() {
        return Ok(Redirect::to("/login?next=%2Fadmin").into_response());
    }
    admin(&who)?;
    let (users, mut audit) = s.run(|ctx| Ok((ctx.store.users()?, tierwatch_app::audit::list(ctx.store, None, None)?))).await?;
    audit.reverse();
    audit.truncate(SHOWN);
    let (token, set_cookie) = csrf::ensure(&headers);
    let html = page(
        "Admin",
        html! {
            h1 { "Accounts" }
            table #users {
                thead { tr { th { "Name" } th { "Role" } th { "Made" } th { "State" } th {} } }
                tbody { @for u in &users {
                    tr {
                        td { (u.name) } td { (u.role.code()) } td { (u.created_at) }
                        td { @if let Some(t) = &u.disabled_at { "disabled " (t) } @else { "active" } }
                        td { @if u.disabled_at.is_none() {
                            form method="post" action={ "/admin/users/" (u.name) "/disable" } {
                                input type="hidden" name=(csrf::FIELD) value=(token);
                                button type="submit" { "Disable" }
                            }
                        } }
                    }
                } }
            }
            h2 { "Add an account" }
            form.inline #add-user method="post" action="/admin/users" {
                input type="hidden" name=(csrf::FIELD) value=(token);
                label { "Name" input type="text" name="name" required maxlength="64"; }
                label { "Role" select name="role" { @for r in Role::ALL { option value=(r.code()) { (r.code()) } } } }
                label { "Password (8+ characters)" input type="password" name="password" required minlength="8" autocomplete="new-password"; }
                button type="submit" { "Add" }
            }
            h2 { "Audit trail" }
            p.muted.small { "Newest first, at most " (SHOWN) ". " code { "tierwatch audit" } " lists all; " code { "tierwatch audit verify" } " checks the hash chain." }
            table #audit {
                thead { tr { th { "#" } th { "At" } th { "Actor" } th { "Action" } th { "Subject" } th { "Reason" } } }
                tbody { @for e in &audit {
                    tr { td { (e.id) } td { (e.at) } td { (e.actor) } td { code { (e.action) } } td { (e.subject) } td { (e.reason) } }
                } }
            }
        },
    )?;
    let mut resp = html.into_response();
    if let Some(cookie) = set_cookie {
        resp.headers_mut().insert(header::SET_COOKIE, cookie.parse().map_err(ApiError::internal)?);
    }
    Ok(resp)
}

pub async fn add_user(State(s): State<AppState>, Extension(who): Extension<Who>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Result<Response, PageError> {
    if !csrf::verify(&headers, Some(&field(&form, csrf::FIELD))) {
        return Err(ApiError::csrf().into());
    }
    let by = admin(&who)?;
    let (name, role, password) = (field(&form, "name"), field(&form, "role"), field(&form, "password"));
    let role = Role::parse(&role).ok_or_else(|| ApiError::bad_request(format!("unknown role {role:?}: analyst, reviewer or admin")))?;
    let now = crate::clock::now_rfc3339();
    s.run(move |ctx| {
        ctx.store.set_actor(&by.name);
        Ok(tierwatch_app::accounts::add_user(ctx.store, &name, role, &password, &now)?)
    })
    .await?;
    Ok(Redirect::to("/admin").into_response())
}

pub async fn disable_user(State(s): State<AppState>, Extension(who): Extension<Who>, P(name): P<String>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Result<Response, PageError> {
    if !csrf::verify(&headers, Some(&field(&form, csrf::FIELD))) {
        return Err(ApiError::csrf().into());
    }
    let by = admin(&who)?;
    let now = crate::clock::now_rfc3339();
    s.run(move |ctx| {
        ctx.store.set_actor(&by.name);
        Ok(tierwatch_app::accounts::disable_user(ctx.store, &name, &now)?)
    })
    .await?;
    Ok(Redirect::to("/admin").into_response())
}
