//! `/country/{c}/{year}/worksheet`: an analyst overrides findings (a GET form, so a what-if
//! changes nothing) and sees the re-assessed tier and reasons beside the original; saving
//! (POST, CSRF-checked) records a draft team assessment — the overrides, a proposed tier, a
//! note and the fact ids it rests on — with the server's time and the logged-in account (on
//! a store without accounts, the name typed in). The saved list shows each worksheet's review
//! state and the buttons the viewer may press: submit or revise their own draft, approve or
//! return (with a comment) someone else's (`POST …/worksheet/{id}/submit|approve|return`).

use super::{page, PageError};
use crate::csrf;
use crate::error::ApiError;
use crate::extract::{pairs, HP as P};
use crate::state::AppState;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use crate::auth::Who;
use axum::{Extension, Form};
use maud::{html, Markup};
use tierwatch_app::review::{self, Write};
use tierwatch_app::worksheet::{Author, Draft};
use tierwatch_law::overrides::OVERRIDABLE;
use tierwatch_law::Override;
use tierwatch_model::Tier;
use tierwatch_store::{ReviewState, Worksheet};

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

/// The first value of `k` among form or query pairs ("" when absent).
fn first<'a>(pairs: &'a [(String, String)], k: &str) -> &'a str {
    pairs.iter().find(|(x, _)| x == k).map(|(_, v)| v.as_str()).unwrap_or("")
}

/// Fact ids typed into the form: separated by spaces or commas.
fn fact_ids(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == ',').filter(|x| !x.is_empty()).map(String::from).collect()
}

/// The worksheet page's query that shows `w`'s content again, for revising it.
fn revise_query(w: &Worksheet) -> String {
    let mut q = vec![("revise".to_string(), w.id.to_string())];
    for o in w.overrides.as_array().into_iter().flatten() {
        q.push(("extra".into(), format!("{}={}", o["finding"].as_str().unwrap_or(""), o["value"].as_str().unwrap_or(""))));
    }
    q.push(("tier".into(), w.proposed_tier.clone().unwrap_or_default()));
    q.push(("facts".into(), w.fact_ids.join(" ")));
    q.push(("note".into(), w.note.clone()));
    serde_urlencoded::to_string(&q).unwrap_or_default()
}

/// The buttons the viewer may press for `w`: submit or revise their own draft, approve or
/// return someone else's submitted one.
fn actions(w: &Worksheet, who: &Who, token: &str) -> Markup {
    let Some(u) = &who.user else { return html! {} };
    let base = format!("/country/{}/{}/worksheet/{}", w.iso3, w.report_year, w.id);
    let own = w.analyst == u.name;
    let editable = matches!(w.state, ReviewState::Draft | ReviewState::Returned);
    html! {
        @if own && editable && review::may(u.role, Write::Draft) {
            form.inline method="post" action={ (base) "/submit" } {
                input type="hidden" name=(csrf::FIELD) value=(token);
                button type="submit" data-action="submit" { "Submit for review" }
            }
            " " a data-action="revise" href={ "/country/" (w.iso3) "/" (w.report_year) "/worksheet?" (revise_query(w)) } { "Revise" }
        }
        @if !own && w.state == ReviewState::Submitted && review::may(u.role, Write::Decide) {
            form.inline method="post" action={ (base) "/approve" } {
                input type="hidden" name=(csrf::FIELD) value=(token);
                label { "Comment" input type="text" name="comment" maxlength="2000"; }
                button type="submit" data-action="approve" { "Approve" }
            }
            form.inline method="post" action={ (base) "/return" } {
                input type="hidden" name=(csrf::FIELD) value=(token);
                label { "Why it goes back" input type="text" name="comment" required maxlength="2000"; }
                button type="submit" data-action="return" { "Return" }
            }
        }
    }
}

pub async fn show(State(s): State<AppState>, Extension(who): Extension<Who>, P((c, year)): P<(String, u16)>, RawQuery(q): RawQuery, headers: HeaderMap) -> Result<Response, PageError> {
    let pairs = pairs(q.as_deref())?;
    let overrides = overrides_from(&pairs)?;
    let saved_id: Option<i64> = pairs.iter().find(|(k, _)| k == "saved").and_then(|(_, v)| v.parse().ok());
    let revise: Option<i64> = pairs.iter().find(|(k, _)| k == "revise").and_then(|(_, v)| v.parse().ok());
    let (tier, facts, note) = (first(&pairs, "tier").to_string(), first(&pairs, "facts").to_string(), first(&pairs, "note").to_string());
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
    let may_save = !who.accounts_exist || who.user.as_ref().is_some_and(|u| review::may(u.role, Write::Draft));
    let html = page(
        &format!("Worksheet {name} {year}"),
        html! {
            h1 { "Assessment worksheet: " (name) " " (year) }
            p { a href={ "/country/" (iso3) "/" (year) } { "Back to the narrative" } }
            @if let Some(id) = saved_id { p.notice #saved { "Saved as worksheet #" (id) "." } }
            form #whatif method="get" {
                p.small.muted { "Override findings (— keeps what the narrative says), then re-assess. Nothing is saved." }
                @if let Some(id) = revise { input type="hidden" name="revise" value=(id); }
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
            @if (!overrides.is_empty() || revise.is_some()) && may_save {
                form #save method="post" {
                    h3 { @if let Some(id) = revise { "Revise worksheet #" (id) } @else { "Save this worksheet as a draft" } }
                    input type="hidden" name=(csrf::FIELD) value=(token);
                    @if let Some(id) = revise { input type="hidden" name="revise" value=(id); }
                    @for o in &overrides { input type="hidden" name="extra" value={ (o.finding) "=" (o.value) }; }
                    @match &who.user {
                        Some(u) => p.small { "Saved as " strong { (u.name) } " (" (u.role.code()) ")." },
                        None => label { "Your name" input type="text" name="analyst" required maxlength="100"; },
                    }
                    label { "Proposed tier"
                        select name="proposed_tier" {
                            option value="" { "—" }
                            @for t in super::TIERS { option value=(t.code()) selected[tier == t.code()] { (t.label()) } }
                        }
                    }
                    label { "Fact ids the note rests on (space-separated)" input type="text" name="facts" value=(facts) maxlength="2000"; }
                    label { "Note" input type="text" name="note" value=(note) maxlength="2000"; }
                    button type="submit" { "Save" }
                }
            }
            @if who.accounts_exist && who.user.is_none() { p.muted { a href="/login" { "Log in" } " to save a worksheet." } }
            h2 { "Saved worksheets" }
            @if list.is_empty() { p.muted { "None yet." } }
            table #saved-list {
                @if !list.is_empty() { thead { tr { th { "#" } th { "Saved" } th { "Analyst" } th { "Overrides" } th { "Outcome" } th { "Proposed" }
                    th { "Facts" } th { "Note" } th { "State" } th { "Decided" } @if who.user.is_some() { th {} } } } }
                tbody { @for w in &list {
                    tr data-worksheet=(w.id) data-state=(w.state.code()) {
                        td { (w.id) } td { (w.saved_at) } td { (w.analyst) }
                        td.small { @for o in w.overrides.as_array().into_iter().flatten() {
                            code { (o["finding"].as_str().unwrap_or("")) "=" (o["value"].as_str().unwrap_or("")) } " " } }
                        td { (w.original_outcome) " → " (w.outcome) }
                        td { (w.proposed_tier.as_deref().and_then(Tier::parse).map(Tier::label).unwrap_or("")) }
                        td.small { @for f in &w.fact_ids { a href={ "/country/" (w.iso3) "/" (w.report_year) "#fact-" (f) } { code { (f) } } " " } }
                        td { (w.note) }
                        td { strong { (w.state.code()) } }
                        td.small { @if let (Some(by), Some(at)) = (&w.decided_by, &w.decided_at) { (by) ", " (at) }
                            @if !w.review_comment.is_empty() { br; "“" (w.review_comment) "”" } }
                        @if who.user.is_some() { td { (actions(w, &who, &token)) } }
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

/// POST the worksheet form: a new draft, or (`revise=ID`) a revision of the author's own.
pub async fn save(State(s): State<AppState>, Extension(who): Extension<Who>, P((c, year)): P<(String, u16)>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Result<Response, PageError> {
    let user = who.require(Write::Draft)?.cloned();
    if !csrf::verify(&headers, Some(first(&form, csrf::FIELD))) {
        return Err(ApiError::csrf().into());
    }
    let overrides = overrides_from(&form)?;
    let revise: Option<i64> = match first(&form, "revise") {
        "" => None,
        v => Some(v.parse().map_err(|_| ApiError::bad_request(format!("bad worksheet id {v:?}")))?),
    };
    let (analyst, note, facts) = (first(&form, "analyst").to_string(), first(&form, "note").to_string(), fact_ids(first(&form, "facts")));
    let tier = Some(first(&form, "proposed_tier").to_string()).filter(|t| !t.is_empty());
    let now = crate::clock::now_rfc3339();
    let ov = overrides.clone();
    let w = s
        .run(move |ctx| {
            let d = Draft { overrides: &ov, note: &note, proposed_tier: tier.as_deref(), fact_ids: &facts };
            Ok(match (revise, &user) {
                (Some(id), Some(u)) => tierwatch_app::worksheet::revise(ctx.store, ctx.law(), &c, year, u, id, &d)?,
                (Some(_), None) => return Err(ApiError::bad_request("revising needs accounts; save a new worksheet instead")),
                (None, Some(u)) => tierwatch_app::worksheet::save(ctx.store, ctx.law(), &c, year, Author::Account(u), &d, &now)?,
                (None, None) => tierwatch_app::worksheet::save(ctx.store, ctx.law(), &c, year, Author::Named(&analyst), &d, &now)?,
            })
        })
        .await?;
    let query: String = overrides.iter().map(|o| format!("&extra={}", urlencode(&format!("{}={}", o.finding, o.value)))).collect();
    Ok(Redirect::to(&format!("/country/{}/{}/worksheet?saved={}{query}", w.iso3, year, w.id)).into_response())
}

/// Which transition a POST to `/country/{c}/{year}/worksheet/{id}/{action}` asks for.
#[derive(Debug, Clone, Copy)]
enum Step {
    Submit,
    Approve,
    Return,
}

async fn step(s: AppState, who: Who, c: String, year: u16, id: i64, headers: HeaderMap, form: Vec<(String, String)>, step: Step) -> Result<Response, PageError> {
    let write = if matches!(step, Step::Submit) { Write::Draft } else { Write::Decide };
    let user = match who.require(write)? {
        Some(u) => u.clone(),
        None => return Err(ApiError::forbidden("the review workflow needs accounts: add them with `tierwatch user add`").into()),
    };
    if !csrf::verify(&headers, Some(first(&form, csrf::FIELD))) {
        return Err(ApiError::csrf().into());
    }
    let comment = first(&form, "comment").to_string();
    let w = s
        .run(move |ctx| {
            Ok(match step {
                Step::Submit => review::submit(ctx.store, &user, &c, year, id)?,
                Step::Approve => review::decide(ctx.store, &user, &c, year, id, true, &comment)?,
                Step::Return => review::decide(ctx.store, &user, &c, year, id, false, &comment)?,
            })
        })
        .await?;
    Ok(Redirect::to(&format!("/country/{}/{}/worksheet", w.iso3, w.report_year)).into_response())
}

pub async fn submit(State(s): State<AppState>, Extension(who): Extension<Who>, P((c, year, id)): P<(String, u16, i64)>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Result<Response, PageError> {
    step(s, who, c, year, id, headers, form, Step::Submit).await
}

pub async fn approve(State(s): State<AppState>, Extension(who): Extension<Who>, P((c, year, id)): P<(String, u16, i64)>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Result<Response, PageError> {
    step(s, who, c, year, id, headers, form, Step::Approve).await
}

pub async fn send_back(State(s): State<AppState>, Extension(who): Extension<Who>, P((c, year, id)): P<(String, u16, i64)>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Result<Response, PageError> {
    step(s, who, c, year, id, headers, form, Step::Return).await
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|x| x[1..].to_string()).unwrap_or_default()
}
