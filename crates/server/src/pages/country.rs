//! `/country/{c}`: a country's tier timeline (an inline SVG chart and a table) and links to
//! its stored narratives. The chart is also drawn on each narrative page.

use super::{page, swatch, tier_colour, tier_label, PageResult};
use crate::extract::HP as P;
use crate::state::AppState;
use axum::extract::State;
use maud::{html, Markup};
use tierwatch_app::timeline::{Timeline, TimelineYear};
use tierwatch_model::Tier;

pub async fn country(State(s): State<AppState>, P(c): P<String>) -> PageResult {
    let (view, team) = s
        .run(move |ctx| {
            let iso3 = &tierwatch_app::lookup::country(&c)?.iso3;
            let view = ctx.cached(iso3, || {
                let t = tierwatch_app::timeline::timeline(ctx.store, ctx.law(), &c)?;
                let stored: Vec<u16> = ctx.store.list()?.into_iter().filter(|d| d.iso3 == t.iso3).map(|d| d.report_year).collect();
                Ok((t, stored))
            })?;
            Ok((view, tierwatch_app::worksheet::approved(ctx.store, Some(iso3), None)?))
        })
        .await?;
    let (t, stored) = &*view;
    let official = |y: u16| t.years.iter().find(|x| x.report_year == y).and_then(|x| x.tier);
    page(
        &t.country,
        html! {
            h1 { (t.country) " (" (t.iso3) ")" }
            h2 { "Stored narratives" }
            @if stored.is_empty() { p { "None stored; ingest this country's narratives to see facts and assessments." } }
            ul { @for y in stored { li { a href={ "/country/" (t.iso3) "/" (y) } { (y) " narrative" } } } }
            @if stored.len() >= 2 {
                p { a href={ "/diff?country=" (t.iso3) "&from=" (stored[0]) "&to=" (stored[stored.len() - 1]) } { "Compare " (stored[0]) " with " (stored[stored.len() - 1]) } }
            }
            @if !team.is_empty() {
                h2 { "Approved team assessments" }
                (super::team::table(&team, official))
            }
            h2 { "Tier history" }
            (timeline_svg(t, None))
            (timeline_table(t))
        },
    )
}

/// Row of a tier on the chart: Tier 1 at the top.
fn row(t: Tier) -> f64 {
    match t {
        Tier::Tier1 => 0.0,
        Tier::Tier2 => 1.0,
        Tier::Tier2WatchList => 2.0,
        Tier::Tier3 => 3.0,
        Tier::SpecialCase => 4.0,
    }
}

/// The timeline as an inline SVG: one labelled dot per year, a line joining them.
pub fn timeline_svg(t: &Timeline, current: Option<u16>) -> Markup {
    let years: Vec<&TimelineYear> = t.years.iter().collect();
    if years.is_empty() {
        return html! { p { "No tier placements known for " (t.country) "." } };
    }
    let (first, last) = (years[0].report_year, years[years.len() - 1].report_year);
    let (left, top, w, h) = (150.0, 12.0, 640.0, 150.0);
    let span = f64::from((last - first).max(1));
    let x = |y: u16| left + f64::from(y - first) / span * w;
    let y = |t: Tier| top + row(t) * (h / 4.0);
    let points: Vec<String> = years.iter().filter_map(|p| p.tier.map(|t| format!("{:.1},{:.1}", x(p.report_year), y(t)))).collect();
    html! {
        svg.timeline role="img" aria-label={ "Tier timeline of " (t.country) } viewBox="0 0 820 200" width="100%" style="max-width:820px" {
            @for tier in super::TIERS {
                text x="4" y=(y(tier) + 4.0) font-size="12" { (tier.label()) }
                line x1=(left) x2=(left + w) y1=(y(tier)) y2=(y(tier)) stroke="#ddd" {}
            }
            polyline points=(points.join(" ")) fill="none" stroke="#555" stroke-width="1.5" {}
            @for p in &years {
                @if let Some(tier) = p.tier {
                    @let cur = current == Some(p.report_year);
                    circle cx=(x(p.report_year)) cy=(y(tier)) r=(if cur { 8 } else { 5 }) fill=(tier_colour(Some(tier))) stroke="#000" stroke-width=(if cur { 2 } else { 1 }) {
                        title { (p.report_year) ": " (tier.label()) @if let Some(s) = &p.tier_source { " (" (s) ")" } }
                    }
                }
            }
            @for p in years.iter().filter(|p| p.report_year % 2 == 0 || years.len() < 10) {
                text x=(x(p.report_year)) y="190" font-size="11" text-anchor="middle" { (p.report_year) }
            }
        }
    }
}

fn timeline_table(t: &Timeline) -> Markup {
    html! {
        table #timeline {
            thead { tr { th { "Year" } th { "Tier" } th { "Watch list year (counted)" } th { "Waiver" } th { "Automatic downgrade" } th { "Sources" } } }
            tbody {
                @for y in &t.years {
                    tr {
                        td { (y.report_year) }
                        td { (swatch(y.tier)) @if y.conflict { " — sources disagree" } }
                        td { @if let (Some(r), Some(c)) = (y.watch_list_run, y.counted_run) { (r) " (" (c) ")" } }
                        td.small { (y.waiver.as_deref().unwrap_or("")) }
                        td.small { (y.auto_downgrade.as_deref().unwrap_or("")) }
                        td.small { @for s in &y.sources { (tier_label(s.tier)) ": " (s.source) br; } }
                    }
                }
            }
        }
    }
}
