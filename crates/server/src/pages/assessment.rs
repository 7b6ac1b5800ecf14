//! An assessment as HTML: outcome, the reasons that decided it with their citations and
//! premises (fact premises link to the highlighted sentence), special-watch-list membership,
//! consequences and diagnostics.

use maud::{html, Markup};
use tierwatch_law::{Assessment, Premise};

pub fn premise(p: &Premise, iso3: &str, year: u16) -> Markup {
    match p {
        Premise::Fact { kind, value, provenance, .. } => html! {
            "fact " code { (kind.code()) " = " (value) } ": “"
            a href={ "/country/" (iso3) "/" (year) "?highlight=" (provenance.range.start) "-" (provenance.range.end) "#hl" } { (provenance.quote) } "”"
        },
        Premise::Param { name, value, citation, confidence } => html! { (if name.starts_with("model.") { "model: " } else { "law: " }) code { (name) " = " (value) } " (" (citation) ") [" (confidence.to_string()) "]" },
        Premise::Prior { report_year, tier } => html! { "prior placement " (report_year.get()) ": " (tier.label()) },
        Premise::Absent { what, presumption } => html! { "absent: " (what) " → " (presumption) },
        Premise::Override { finding, value } => html! { strong { "analyst override: " } code { (finding) "=" (value) } },
    }
}

/// The assessment box.
pub fn render(a: &Assessment, heading: &str) -> Markup {
    let (iso3, year) = (a.country.iso3.as_str(), a.report_year.get());
    html! {
        div.box.assessment {
            h3 { (heading) }
            p.outcome data-outcome=(a.outcome.code()) { (a.outcome.label()) }
            @if let Some(e) = &a.edition { p.small.muted { "Law in force: " (e.title) " (" (e.id) ", report years " (e.first_report_year) "–" (e.last_report_year) ")" } }
            h4 { "Reasons" }
            ol.reasons {
                @for r in &a.reasons {
                    li {
                        strong { (r.title) } " — " (r.summary)
                        br; span.small { "Rule " code { (r.rule) } "; cites " em { (r.citation) } " [" (r.confidence.to_string()) "]" }
                        @if !r.premises.is_empty() { ul.small { @for p in &r.premises { li { (premise(p, iso3, year)) } } } }
                    }
                }
            }
            @if !a.special_watch_list.is_empty() {
                h4 { "Special watch list" }
                ul.small { @for m in &a.special_watch_list { li { (format!("{:?}", m.category)) " (" (m.citation) ")" } } }
            }
            @if !a.consequences.is_empty() {
                h4 { "Consequences" }
                ul.small { @for c in &a.consequences { li { (c.description) " (" (c.citation) ")" } } }
            }
            @if !a.diagnostics.is_empty() {
                details { summary { (a.diagnostics.len()) " diagnostics" }
                    ul.small { @for d in &a.diagnostics { li { code { (d.code) } ": " (d.message) } } }
                }
            }
        }
    }
}
