//! `/country/{c}/{year}/worksheet`: an analyst overrides findings (a GET form, so a what-if
//! changes nothing) and sees the re-assessed tier and reasons beside the original; saving
//! (POST, CSRF-checked) records the overrides with the analyst's name and the server's time.

use super::{page, PageError};
use crate::csrf;
use crate::error::ApiError;
use crate::extract::{pairs, HP as P};
use crate::state::AppState;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use maud::{html, Markup};
use tierwatch_law::overrides::OVERRIDABLE;
use tierwatch_law::Override;

/// Findings set with a number; `watch_list_basis` takes a basis; the rest are true/false.
fn is_count(f: &str) -> bool {
    ["investigations", "prosecutions", "convictions", "victims_identified", "consecutive_watch_list_years", "penalty_max_years"]
        .iter()
        .any(|p| f.starts_with(p))
}

/// Overrides from form pairs: `f.<finding>=<value>` (empty = not set) and `extra` lines of FINDING=VALUE.
pub fn overrides_from(pairs: &[(String, String)]) -> Result<Vec<Override>, ApiError> {
    let mut settings = Vec::new();
    for (k, v) in pairs {
        let v = v.trim();
        if let Some(f) = k.strip_prefix("f.") {
            if !v.is_empty() {
                settings.push(format!("{f}={v}"));
            }
        } else if k == "extra" {
            settings.extend(v.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from));
        }
    }
    Ok(tierwatch_app::worksheet::parse_overrides(&settings)?)
}

fn value_of<'a>(o: &'a [Override], f: &str) -> &'a str {
    o.iter().find(|x| x.finding == f).map(|x| x.value.as_str()).unwrap_or("")
}

fn field(f: &str, o: &[Override]) -> Markup {
    let v = value_of(o, f);
    let name = format!("f.{f}");
    html! {
        label { (f.replace('_', " "))
            @if is_count(f) {
                input type="number" min="0" name=(name) value=(v);
            } @else if f == "watch_list_basis" {
                select name=(name) { option value="" { "—" }
                    @for b in ["future_commitments", "victims_number", "no_increasing_efforts"] { option value=(b) selected[v == b] { (b) } } }
            } @else {
                select name=(name) { option value="" { "—" } option value="true" selected[v == "true"] { "true" } option value="false" selected[v == "false"] { "false" } }
            }
        }
    }
}

pub async fn show(State(s): State<AppState>, P((c, year)): P<(String, u16)>, RawQuery(q): RawQuery, headers: HeaderMap) -> Result<Response, PageError> {
    let pairs = pairs(q.as_deref())?;
    let overrides = overrides_from(&pairs)?;
    let saved_id: Option<i64> = pairs.iter().find(|(k, _)| k == "saved").and_then(|(_, v)| v.parse().ok());
    let ov = overrides.clone();
    let (out, list) = s
        .run(move |ctx| {
            let out = tierwatch_app::worksheet::what_if(ctx.store, ctx.law(), &c, year, &ov)?;
            let list = tierwatch_app::worksheet::list(ctx.store, &c, year)?;
            Ok((out, list))
        })
        .await?;
    let (token, set_cookie) = csrf::ensure(&headers);
    let a = &out.assessment;
    let (iso3, name) = (a.country.iso3.clone(), a.country.name.clone());
    let html = page(
        &format!("Worksheet {name} {year}"),
        html! {
            h1 { "Assessment worksheet: " (name) " " (year) }
            p { a href={ "/country/" (iso3) "/" (year) } { "Back to the narrative" } }
            @if let Some(id) = saved_id { p.notice #saved { "Saved as worksheet #" (id) "." } }
            form #whatif method="get" {
                p.small.muted { "Override findings (— keeps what the narrative says), then re-assess. Nothing is saved." }
                div.inline style="display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.4rem" {
                    @for f in OVERRIDABLE { (field(f, &overrides)) }
                }
                label { "More settings, one FINDING=VALUE per line (e.g. standard.s1=false)"
                    textarea name="extra" rows="2" cols="60" {} }
                p { button type="submit" #reassess { "Re-assess" } " " a href="?" { "Clear" } }
            }
            @match &out.original {
                Some(original) => div.cols #compare {
                    (super::assessment::render(original, "Original (as the narrative states)"))
                    (super::assessment::render(a, "With your overrides"))
                },
                None => (super::assessment::render(a, "Assessment (no overrides yet)")),
            }
            @if !overrides.is_empty() {
                form #save method="post" {
                    h3 { "Save this worksheet" }
                    input type="hidden" name=(csrf::FIELD) value=(token);
                    @for o in &overrides { input type="hidden" name="extra" value={ (o.finding) "=" (o.value) }; }
                    label { "Your name" input type="text" name="analyst" required maxlength="100"; }
                    label { "Note" input type="text" name="note" maxlength="500"; }
                    button type="submit" { "Save" }
                }
            }
            h2 { "Saved worksheets" }
            @if list.is_empty() { p.muted { "None yet." } }
            table #saved-list {
                @if !list.is_empty() { thead { tr { th { "#" } th { "Saved" } th { "Analyst" } th { "Overrides" } th { "Outcome" } th { "Note" } } } }
                tbody { @for w in &list {
                    tr {
                        td { (w.id) } td { (w.saved_at) } td { (w.analyst) }
                        td.small { @for o in w.overrides.as_array().into_iter().flatten() {
                            code { (o["finding"].as_str().unwrap_or("")) "=" (o["value"].as_str().unwrap_or("")) } " " } }
                        td { (w.original_outcome) " → " (w.outcome) } td { (w.note) }
                    }
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

pub async fn save(State(s): State<AppState>, P((c, year)): P<(String, u16)>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Result<Response, PageError> {
    let token = form.iter().find(|(k, _)| k == csrf::FIELD).map(|(_, v)| v.as_str());
    if !csrf::verify(&headers, token) {
        return Err(ApiError::csrf().into());
    }
    let overrides = overrides_from(&form)?;
    let get = |k: &str| form.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let (analyst, note) = (get("analyst"), get("note"));
    let now = crate::clock::now_rfc3339();
    let ov = overrides.clone();
    let w = s.run(move |ctx| Ok(tierwatch_app::worksheet::save(ctx.store, ctx.law(), &c, year, &analyst, &ov, &now, &note)?)).await?;
    let query: String = overrides.iter().map(|o| format!("&extra={}", urlencode(&format!("{}={}", o.finding, o.value)))).collect();
    Ok(Redirect::to(&format!("/country/{}/{}/worksheet?saved={}{query}", w.iso3, year, w.id)).into_response())
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|x| x[1..].to_string()).unwrap_or_default()
}
