//! Server-rendered pages (maud: every interpolated string is HTML-escaped). Readable without
//! JavaScript; the one script, `/static/app.js` ([`crate::assets`]), submits the year form on
//! change (the Content-Security-Policy allows no inline script or event handler). Pages call the app layer
//! through [`crate::data`] and the API helpers, never the store's SQL.

pub mod admin;
pub mod assessment;
pub mod country;
pub mod estimate;
pub mod login;
pub mod map;
pub mod narrative;
pub mod team;
pub mod tools;
pub mod worksheet;

use crate::error::ApiError;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use tierwatch_model::Tier;

/// An error shown as a page (same codes as the API).
pub struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> PageError {
        PageError(e)
    }
}

impl From<tierwatch_app::AppError> for PageError {
    fn from(e: tierwatch_app::AppError) -> PageError {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let e = self.0;
        let body = layout(
            "Error",
            html! {
                h1 { "Error" }
                p.error { "[" code { (e.code) } "] " (e.message) }
                p { a href="/" { "Back to the map" } }
            },
        );
        (e.status, Html(body.into_string())).into_response()
    }
}

pub type PageResult = Result<Html<String>, PageError>;

pub fn page(title: &str, body: Markup) -> PageResult {
    Ok(Html(layout(title, body).into_string()))
}

/// The not-found page for unknown paths.
pub async fn not_found() -> Response {
    let mut r = PageError(ApiError::not_found("no such page")).into_response();
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}

/// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies); every
/// use is also labelled in text.
pub fn tier_colour(t: Option<Tier>) -> &'static str {
    match t {
        Some(Tier::Tier1) => "#0072B2",
        Some(Tier::Tier2) => "#56B4E9",
        Some(Tier::Tier2WatchList) => "#E69F00",
        Some(Tier::Tier3) => "#D55E00",
        Some(Tier::SpecialCase) => "#CC79A7",
        None => "url(#nodata)",
    }
}

pub fn tier_label(t: Option<Tier>) -> &'static str {
    t.map(Tier::label).unwrap_or("no data")
}

pub const TIERS: [Tier; 5] = [Tier::Tier1, Tier::Tier2, Tier::Tier2WatchList, Tier::Tier3, Tier::SpecialCase];

/// A colour swatch with its label.
pub fn swatch(t: Option<Tier>) -> Markup {
    let fill = match t {
        None => "#f0f0f0",
        _ => tier_colour(t),
    };
    html! { span.swatch style={ "background:" (fill) } {} " " (tier_label(t)) }
}

const CSS: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1b1b1b;line-height:1.45}
header{background:#1b2a41;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.4rem;align-items:baseline;flex-wrap:wrap}
header a{color:#fff} header .brand{font-weight:700;font-size:1.15rem;text-decoration:none}
main{padding:1rem 1.2rem;max-width:1200px}
table{border-collapse:collapse;margin:.5rem 0} th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6} .num{text-align:right}
.swatch{display:inline-block;width:.9em;height:.9em;border:1px solid #555;vertical-align:middle}
.legend{display:flex;gap:1rem;flex-wrap:wrap;margin:.4rem 0}
mark{background:#ffe066;padding:0 .1em;outline:2px solid #b58900} mark#hl{scroll-margin-top:30vh}
.narrative p{max-width:80ch} .error{color:#9b1c1c} .notice{background:#e8f4ea;padding:.5rem;border-left:4px solid #2e7d32}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem} .box{border:1px solid #ccc;padding:.6rem;border-radius:4px}
.outcome{font-size:1.3rem;font-weight:700} .muted{color:#555} .small{font-size:.85rem}
.op-removed{background:#fde2e1} .op-added{background:#e1f5e4} .hint{background:#fff7e0;padding:.6rem;border-left:4px solid #E69F00}
svg.map path{stroke:#fff;stroke-width:.4} svg.map a:focus path,svg.map a:hover path{stroke:#000;stroke-width:1.2}
form.inline{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end} label{display:inline-flex;flex-direction:column;font-size:.9rem}
";

/// Who is logged in, with the logout button (and the admin page for admins); a login link
/// once the store has accounts; nothing on a store without any.
fn account_nav() -> Markup {
    let Some(who) = crate::auth::current() else { return html! {} };
    html! {
        @match (&who.user, who.accounts_exist) {
            (Some(u), _) => nav #account {
                span #whoami { (u.name) " (" (u.role.code()) ")" } " "
                @if u.role == tierwatch_store::Role::Admin { a href="/admin" { "Admin" } " " }
                form.inline style="display:inline" method="post" action="/logout" {
                    input type="hidden" name=(crate::csrf::FIELD) value=(who.csrf.as_deref().unwrap_or(""));
                    button type="submit" #logout { "Log out" }
                }
            },
            (None, true) => nav #account { a href="/login" { "Log in" } },
            (None, false) => {},
        }
    }
}

/// The page frame: header with navigation, main content.
pub fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — tierwatch" }
                style { (PreEscaped(CSS)) }
                script src=(crate::assets::APP_JS_PATH) defer {}
            }
            body {
                header {
                    a.brand href="/" { "tierwatch" }
                    nav {
                        a href="/" { "Map" } " · "
                        a href="/search" { "Search" } " · "
                        a href="/diff" { "Diff" } " · "
                        a href="/export" { "Export" } " · "
                        a href="/openapi.json" { "API (OpenAPI)" }
                    }
                    (account_nav())
                }
                main { (body) }
            }
        }
    }
}
