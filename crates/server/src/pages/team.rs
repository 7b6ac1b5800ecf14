//! The approved team assessments beside the official tiers: a table for the country page
//! and a line for a narrative page (the map's table and tooltips use [`label`]).

use super::swatch;
use maud::{html, Markup};
use tierwatch_model::Tier;
use tierwatch_store::Worksheet;

/// "Tier 3 (approved by B, 2026-12-02T10:00:00Z)" — the proposed tier, else the worksheet's outcome.
pub fn label(w: &Worksheet) -> String {
    let tier = w.proposed_tier.as_deref().unwrap_or(&w.outcome);
    let shown = Tier::parse(tier).map(Tier::label).unwrap_or(tier);
    format!("{shown} (approved by {}, {})", w.decided_by.as_deref().unwrap_or("?"), w.decided_at.as_deref().unwrap_or("?"))
}

fn tier(w: &Worksheet) -> Option<Tier> {
    Tier::parse(w.proposed_tier.as_deref().unwrap_or(&w.outcome))
}

/// One approved team assessment beside the official tier of its year.
pub fn line(w: &Worksheet, official: Option<Tier>) -> Markup {
    html! {
        p #team-assessment data-worksheet=(w.id) {
            "Team assessment: " (swatch(tier(w))) " — approved by " strong.approved-by { (w.decided_by.as_deref().unwrap_or("?")) }
            " at " span.approved-at { (w.decided_at.as_deref().unwrap_or("?")) }
            " (drafted by " (w.analyst) "); official: " (swatch(official)) ". "
            a href={ "/country/" (w.iso3) "/" (w.report_year) "/worksheet" } { "Worksheet #" (w.id) }
        }
    }
}

/// Every approved team assessment of a country, each beside that year's official tier.
pub fn table(list: &[Worksheet], official: impl Fn(u16) -> Option<Tier>) -> Markup {
    html! {
        table #team-assessments {
            thead { tr { th { "Year" } th { "Official tier" } th { "Team assessment" } th { "Drafted by" } th { "Approved by" } th { "Approved at" } th { "Note" } } }
            tbody { @for w in list {
                tr data-worksheet=(w.id) {
                    td { a href={ "/country/" (w.iso3) "/" (w.report_year) "/worksheet" } { (w.report_year) } }
                    td { (swatch(official(w.report_year))) }
                    td { (swatch(tier(w))) }
                    td { (w.analyst) } td.approved-by { (w.decided_by.as_deref().unwrap_or("")) } td.approved-at { (w.decided_at.as_deref().unwrap_or("")) }
                    td.small { (w.note) }
                }
            } }
        }
    }
}
