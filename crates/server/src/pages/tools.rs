//! `/search` (with facets), `/diff` and `/export`: forms over the same app calls as the API.

use super::{page, swatch, PageResult};
use crate::api::{run_search, SearchParams};
use crate::extract::HQ as Q;
use crate::state::AppState;
use axum::extract::State;
use maud::{html, Markup};
use serde::Deserialize;
use tierwatch_model::{TextRange, Tier};

/// The snippet with highlights (document byte ranges) wrapped in `<mark>`.
fn snippet(text: &str, offset: usize, highlights: &[TextRange]) -> Markup {
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut at = 0;
    for h in highlights {
        let (s, e) = (h.start.wrapping_sub(offset), h.end.wrapping_sub(offset));
        if h.start < offset || e > text.len() || s < at || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        parts.push((false, &text[at..s]));
        parts.push((true, &text[s..e]));
        at = e;
    }
    parts.push((false, &text[at..]));
    html! { @for (m, t) in parts { @if m { mark { (t) } } @else { (t) } } }
}

fn query_with(p: &SearchParams, key: &str, value: &str) -> String {
    let mut q: Vec<(&str, String)> = vec![("q", p.q.clone())];
    for (k, v) in [("country", &p.country), ("region", &p.region), ("tier", &p.tier), ("section", &p.section)] {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty() && k != key) {
            q.push((k, v.clone()));
        }
    }
    if let Some(y) = p.year.filter(|_| key != "year") {
        q.push(("year", y.to_string()));
    }
    q.push((key, value.to_string()));
    format!("/search?{}", serde_urlencoded::to_string(q).unwrap_or_default())
}

pub async fn search(State(s): State<AppState>, Q(p): Q<SearchParams>) -> PageResult {
    let form = html! {
        form.inline #search-form method="get" action="/search" {
            label { "Query" input type="search" name="q" value=(p.q) size="40" placeholder="\"forced labor\" AND brick*"; }
            label { "Country" input type="text" name="country" value=(p.country.as_deref().unwrap_or("")) size="10"; }
            label { "Year" input type="number" name="year" value=[p.year] min="2001" max="2030"; }
            label { "Tier" select name="tier" { option value="" { "any" }
                @for t in super::TIERS { option value=(t.code()) selected[p.tier.as_deref() == Some(t.code())] { (t.label()) } } } }
            @if let Some(r) = p.region.as_deref().filter(|r| !r.is_empty()) { input type="hidden" name="region" value=(r); }
            @if let Some(x) = p.section.as_deref().filter(|r| !r.is_empty()) { input type="hidden" name="section" value=(x); }
            button type="submit" { "Search" }
        }
    };
    if p.q.trim().is_empty() {
        return page("Search", html! { h1 { "Search the narratives" } (form) p.muted { "Paragraphs ranked by BM25; phrases, AND/OR/NOT, -word and prefix* work." } });
    }
    let res = s.run(move |ctx| Ok((run_search(ctx, &p)?, p))).await;
    let (r, p) = match res {
        Ok(x) => x,
        Err(e) if e.code != "internal" => return page("Search", html! { h1 { "Search" } (form) p.error { "[" (e.code) "] " (e.message) } }),
        Err(e) => return Err(e.into()),
    };
    let facet = |name: &str, key: &str| {
        let list = r.facets[name].as_array().cloned().unwrap_or_default();
        html! {
            div.facet { h4 { (name) }
                ul.small { @for f in list.iter().take(12) {
                    @let v = f["value"].as_str().map(String::from).unwrap_or_else(|| f["value"].to_string());
                    li { a href=(query_with(&p, key, &v)) { (v) } " (" (f["count"]) ")" } } }
            }
        }
    };
    page(
        "Search",
        html! {
            h1 { "Search" }
            (form)
            p #total { (r.total) " paragraph(s) match; showing " (r.hits.len()) " from " (r.offset + 1) }
            div style="display:grid;grid-template-columns:14rem 1fr;gap:1rem" {
                aside #facets { (facet("country", "country")) (facet("year", "year")) (facet("tier", "tier")) (facet("region", "region")) (facet("section", "section")) }
                ol #hits start=(r.offset + 1) {
                    @for h in &r.hits {
                        @let iso3 = h["iso3"].as_str().unwrap_or("");
                        @let year = h["report_year"].as_u64().unwrap_or(0);
                        @let hl: Vec<TextRange> = serde_json::from_value(h["highlights"].clone()).unwrap_or_default();
                        @let sn: TextRange = serde_json::from_value(h["snippet"].clone()).unwrap_or(TextRange { start: 0, end: 0 });
                        @let para: TextRange = serde_json::from_value(h["paragraph"].clone()).unwrap_or(sn);
                        @let tier = h["stated_tier"].as_str().and_then(Tier::parse);
                        li.hit {
                            a href={ "/country/" (iso3) "/" (year) "?highlight=" (para.start) "-" (para.end) "#hl" } {
                                (h["country"].as_str().unwrap_or("")) " " (year) }
                            " — " (h["section"].as_str().unwrap_or("")) " — " (swatch(tier))
                            p.small { (snippet(h["snippet_text"].as_str().unwrap_or(""), sn.start, &hl)) }
                        }
                    }
                }
            }
            @if (r.offset + r.hits.len()) < r.total as usize {
                p { a href=(query_with(&p, "offset", &(r.offset + r.limit).to_string())) { "Next page" } }
            }
        },
    )
}

#[derive(Debug, Deserialize)]
pub struct DiffParams {
    pub country: Option<String>,
    #[serde(default, deserialize_with = "crate::extract::empty_none")]
    pub from: Option<u16>,
    #[serde(default, deserialize_with = "crate::extract::empty_none")]
    pub to: Option<u16>,
}

pub async fn diff(State(s): State<AppState>, Q(p): Q<DiffParams>) -> PageResult {
    let form = html! {
        form.inline method="get" action="/diff" {
            label { "Country" input type="text" name="country" value=(p.country.as_deref().unwrap_or("")) required; }
            label { "From" input type="number" name="from" value=[p.from] required; }
            label { "To" input type="number" name="to" value=[p.to] required; }
            button type="submit" { "Compare" }
        }
    };
    let (Some(c), Some(a), Some(b)) = (p.country.clone().filter(|c| !c.trim().is_empty()), p.from, p.to) else {
        return page("Diff", html! { h1 { "Compare two report years" } (form) });
    };
    let d = s.run(move |ctx| Ok(tierwatch_app::diff::diff_stored(ctx.store, &c, a, b)?)).await?;
    let f = &d.facts;
    page(
        &format!("Diff {} {}–{}", d.country, d.from_year, d.to_year),
        html! {
            h1 { (d.country) ": " (d.from_year) " → " (d.to_year) }
            (form)
            p #tier-change { "Tier: " (swatch(d.tier.from)) " → " (swatch(d.tier.to)) " (" (d.tier.movement) ")" }
            h2 { "Facts: " (f.changed.len()) " changed, " (f.added.len()) " added, " (f.removed.len()) " removed, " (f.unchanged) " unchanged" }
            table.small {
                thead { tr { th { "" } th { "Kind" } th { (d.from_year) } th { (d.to_year) } } }
                tbody {
                    @for c in &f.changed { tr { td { "~" } td { code { (c.from.kind.code()) } } td { (c.from.value) ": “" (c.from.quote) "”" } td { (c.to.value) ": “" (c.to.quote) "”" } } }
                    @for x in &f.added { tr.op-added { td { "+" } td { code { (x.kind.code()) } } td {} td { (x.value) ": “" (x.quote) "”" } } }
                    @for x in &f.removed { tr.op-removed { td { "−" } td { code { (x.kind.code()) } } td { (x.value) ": “" (x.quote) "”" } td {} } }
                }
            }
            h2 { "Text, sentence by sentence" }
            @for sec in &d.sections {
                details { summary { (sec.section.code()) ": " (sec.kept) " kept, " (sec.removed) " removed, " (sec.added) " added" }
                    @for op in sec.ops.iter().filter(|o| o.op != tierwatch_app::diff::Op::Kept) {
                        @let removed = op.op == tierwatch_app::diff::Op::Removed;
                        p.small class=(if removed { "op-removed" } else { "op-added" }) { (if removed { "− " } else { "+ " }) (op.text) }
                    }
                }
            }
        },
    )
}

pub async fn export() -> PageResult {
    let tables = [("facts", "one row per fact, with provenance"), ("assessments", "the law engine's tier per narrative"), ("tiers", "tier placements per source"), ("flows", "victim flows")];
    page(
        "Export",
        html! {
            h1 { "Export tidy tables" }
            p { "Every row carries ISO3 and Correlates-of-War codes; each table has a codebook." }
            table #exports {
                thead { tr { th { "Table" } th { "What" } th { "Download" } } }
                tbody { @for (t, what) in tables {
                    tr { td { (t) } td { (what) } td {
                        @for f in ["csv", "json", "parquet", "codebook"] { a href={ "/api/export/" (t) "?format=" (f) } { (f) } " " }
                    } }
                } }
            }
        },
    )
}

