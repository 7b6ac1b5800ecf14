//! `/country/{c}/{year}`: one narrative — tier timeline, watch-list counter and downgrade
//! status, the explained assessment, the facts table (each fact links to its sentence) and
//! the narrative text, with `?highlight=START-END` wrapped in `<mark id="hl">`.

use super::{page, swatch, PageResult};
use crate::data::{self, FactRow};
use crate::extract::{HP as P, HQ as Q};
use crate::state::AppState;
use axum::extract::State;
use maud::{html, Markup};
use serde::Deserialize;
use tierwatch_app::assess::{assess_narrative, Mode};
use tierwatch_store::StoredDocument;

#[derive(Debug, Deserialize)]
pub struct Highlight {
    pub highlight: Option<String>,
}

pub async fn narrative(State(s): State<AppState>, P((c, year)): P<(String, u16)>, Q(h): Q<Highlight>) -> PageResult {
    let (view, team) = s
        .run(move |ctx| {
            let iso3 = &tierwatch_app::lookup::country(&c)?.iso3;
            let team = tierwatch_app::worksheet::approved(ctx.store, Some(iso3), Some(year))?;
            let view = ctx.cached(&format!("{iso3} {year}"), || {
                let d = tierwatch_app::lookup::narrative(ctx.store, &c, year)?;
                let t = tierwatch_app::timeline::timeline(ctx.store, ctx.law(), &c)?;
                let a = assess_narrative(ctx.store, ctx.law(), &c, year, &[], Mode::Stated)?;
                let e = tierwatch_app::estimate::estimate_narrative(ctx.store, ctx.law(), &c, year)?;
                let facts = data::fact_rows(&d);
                Ok((d, t, a.assessment, e, facts))
            })?;
            Ok((view, team))
        })
        .await?;
    let (d, t, a, e, facts) = &*view;
    let m = &d.document.metadata;
    let iso3 = m.iso3.clone();
    let ty = t.years.iter().find(|y| y.report_year == year);
    let hl = h.highlight.as_deref().and_then(data::parse_range);
    page(
        &format!("{} {year}", m.country),
        html! {
            h1 { (m.country) " " (year) " — " (swatch(m.stated_tier)) }
            p {
                a href={ "/country/" (iso3) "/" (year) "/worksheet" } { "Assessment worksheet (what-if)" } " · "
                a href={ "/country/" (iso3) } { "All years" } " · "
                a href={ "/api/documents/" (iso3) "/" (year) "/facts" } { "Facts (JSON)" }
            }
            div.cols {
                div {
                    h2 { "Status" }
                    ul #status {
                        li { "Tier used for " (year) ": " (swatch(ty.and_then(|y| y.tier))) }
                        li #watch-list { "Watch-list counter: "
                            @match ty.and_then(|y| y.watch_list_run.zip(y.counted_run)) {
                                Some((run, counted)) => { "year " (run) " on the Tier 2 Watch List in a row (" (counted) " counted toward the automatic downgrade)" }
                                None => { "not on the watch list this year" }
                            }
                        }
                        li #downgrade { "Automatic downgrade: " (ty.and_then(|y| y.auto_downgrade.as_deref()).unwrap_or("none")) }
                        li { "Waiver: " (ty.and_then(|y| y.waiver.as_deref()).unwrap_or("none")) }
                    }
                    @for w in &team { (super::team::line(w, ty.and_then(|y| y.tier))) }
                    (super::country::timeline_svg(t, Some(year)))
                }
                div {
                    @if let Some(e) = e { (super::estimate::render(e, m.stated_tier, &iso3, year)) }
                    (super::assessment::render(a, "Assessment under the law in force"))
                }
            }
            h2 #facts { "Facts (" (facts.len()) ")" }
            (facts_table(facts, hl))
            h2 #text { "Narrative" }
            p.small.muted { "Document " (d.document.id.short()) "; sources: " (d.sources.join(", ")) }
            div.narrative { (text(d, hl)) }
        },
    )
}

fn facts_table(facts: &[FactRow], hl: Option<(usize, usize)>) -> Markup {
    html! {
        table #facts-table {
            thead { tr { th { "Kind" } th { "Value" } th { "Period" } th { "Section" } th { "Sentence" } } }
            tbody {
                @for f in facts {
                    tr id={ "fact-" (f.id) } class=[(hl == Some((f.start, f.end))).then_some("current")] {
                        td { code { (f.kind) } } td { (f.value) }
                        td { (period(&f.period)) }
                        td { (f.section.as_deref().unwrap_or("")) }
                        td.small { a.fact-link href=(f.link) { (f.quote) } }
                    }
                }
            }
        }
    }
}

/// A byte range clamped to the text and to character boundaries.
fn clamp(text: &str, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    let (s, e) = (s.min(text.len()), e.min(text.len()));
    (s < e && text.is_char_boundary(s) && text.is_char_boundary(e)).then_some((s, e))
}

/// `text[a..b]` with the part inside the highlight wrapped in `<mark>` (escaped by maud).
fn span(text: &str, a: usize, b: usize, hl: Option<(usize, usize)>) -> Markup {
    match hl {
        Some((s, e)) if s < b && a < e => {
            let (s, e) = (s.max(a), e.min(b));
            html! { (text[a..s]) mark #hl { (text[s..e]) } (text[e..b]) }
        }
        _ => html! { (text[a..b]) },
    }
}

fn text(d: &StoredDocument, hl: Option<(usize, usize)>) -> Markup {
    let text = d.document.text.as_str();
    let hl = hl.and_then(|r| clamp(text, r));
    let seg = &d.segmentation;
    if seg.paragraphs.is_empty() {
        return html! { p { (span(text, 0, text.len(), hl)) } };
    }
    html! {
        @for (i, p) in seg.paragraphs.iter().enumerate() {
            @if i == 0 || seg.paragraphs[i - 1].section != p.section {
                h3.small.muted { (p.section.code().replace('_', " ")) }
            }
            @if let Some((a, b)) = clamp(text, (p.range.start, p.range.end)) {
                p data-start=(a) data-end=(b) { (span(text, a, b, hl)) }
            }
        }
    }
}

fn period(p: &tierwatch_model::Period) -> String {
    use tierwatch_model::Period;
    match p {
        Period::Year(y) => y.to_string(),
        Period::ReportingPeriod => "reporting period".into(),
        Period::PreviousPeriod => "previous period".into(),
        Period::Unknown => String::new(),
    }
}
