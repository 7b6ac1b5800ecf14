//! The tier estimate box on a narrative page: the estimate from the evidence beside the official
//! tier, the odds of each tier, and the strongest reasons, each with its sentence linked.

use maud::{html, Markup};
use tierwatch_law::estimate::Estimate;
use tierwatch_model::Tier;

use super::swatch;

/// Reasons shown on the page.
const REASONS: usize = 4;

pub fn render(e: &Estimate, official: Option<Tier>, iso3: &str, year: u16) -> Markup {
    html! {
        div.box.estimate #estimate {
            h3 { "Estimate from the evidence" }
            p.outcome data-outcome=(e.tier.code()) { (swatch(Some(e.tier))) " beside the official " (swatch(official)) }
            table.small {
                thead { tr { @for p in &e.probabilities { th { (p.tier.label()) } } } }
                tbody { tr { @for p in &e.probabilities { td { (format!("{:.0}%", 100.0 * p.probability)) } } } }
            }
            h4 { "Strongest reasons (effect on the tier scale, + toward Tier 1)" }
            ol.reasons {
                @for c in e.contributions.iter().take(REASONS) {
                    li {
                        strong { (format!("{:+.2}", c.effect)) } " " (c.what)
                        ul.small { @for p in &c.premises { li { (super::assessment::premise(p, iso3, year)) } } }
                    }
                }
            }
            @for r in &e.statutory { p.small { "Statute on top: " code { (r.rule) } " — " (r.summary) } }
            p.small.muted {
                "Cumulative logit fitted " (e.model.fitted_date) " on " (e.model.fitted_on) " [" (e.model.confidence.to_string()) "]; conclusions (heading, intro, compliance, efforts) masked; out of sample."
            }
        }
    }
}
