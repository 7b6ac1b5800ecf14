//! `/`: the world map coloured by tier for a report year, with a legend, a `<title>` per
//! country and a table that says the same in text; approved team assessments are named
//! beside the official tier in both.

use super::{page, swatch, tier_colour, tier_label, PageResult, TIERS};
use crate::api::YearParam;
use crate::data::{self, MapCountry};
use crate::extract::HQ as Q;
use crate::state::AppState;
use axum::extract::State;
use maud::{html, Markup};
use std::collections::HashMap;

/// The page's content depends on the store only (placements, narratives, approved team
/// assessments: all in the store) and on the year asked, so its rendered body is kept for
/// the store's generation; the layout around it (with the account of the request) is
/// rendered per request.
pub async fn map(State(s): State<AppState>, Q(y): Q<YearParam>) -> PageResult {
    let state = s.clone();
    let body = s
        .run(move |ctx| {
            ctx.cached(&format!("map page {:?}", y.year), || {
                let m = ctx.cached(&format!("{:?}", y.year), || data::map_year(ctx, y.year))?;
                let team = tierwatch_app::worksheet::approved(ctx.store, None, Some(m.report_year))?;
                Ok(render(&state, &m, &team))
            })
        })
        .await?;
    let (title, body) = body.as_ref();
    page(title, maud::PreEscaped(body.clone()))
}

/// The title and the rendered body of the map page.
fn render(state: &AppState, m: &data::MapYear, team: &[tierwatch_store::Worksheet]) -> (String, String) {
    let team: HashMap<String, String> = team.iter().map(|w| (w.iso3.clone(), super::team::label(w))).collect();
    let by_iso: HashMap<&str, &MapCountry> = m.countries.iter().map(|c| (c.iso3.as_str(), c)).collect();
    let year = m.report_year;
    let svg = match &state.0.map {
        Ok(world) => html! {
            svg.map role="img" aria-labelledby="map-title" viewBox={ "0 0 " (world.width) " " (world.height) } width="100%" {
                title #map-title { "World map of " (year) " TIP Report tiers" }
                defs {
                    pattern #nodata patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)" {
                        rect width="6" height="6" fill="#f0f0f0" {}
                        line x1="0" y1="0" x2="0" y2="6" stroke="#bdbdbd" stroke-width="2" {}
                    }
                }
                @for shape in &world.shapes {
                    @let c = shape.iso3.as_deref().and_then(|i| by_iso.get(i));
                    @let tier = c.and_then(|c| c.tier);
                    @let name = c.map(|c| c.name.as_str()).unwrap_or(shape.name.as_str());
                    @match c {
                        Some(c) => {
                            a href={ "/country/" (c.iso3) (if c.narrative { format!("/{year}") } else { String::new() }) } {
                                path d=(shape.d) fill=(tier_colour(tier)) data-iso3=(c.iso3) {
                                    title { (name) ": " (tier_label(tier)) @if c.narrative { " (narrative stored)" }
                                        @if let Some(t) = team.get(&c.iso3) { "; team assessment: " (t) } }
                                }
                            }
                        }
                        None => {
                            path d=(shape.d) fill=(tier_colour(None)) { title { (name) ": not in the TIP Report" } }
                        }
                    }
                }
            }
        },
        Err(hint) => html! { p.hint { (hint) } },
    };
    let count = |t| m.countries.iter().filter(|c| c.tier == t).count();
    (
        format!("Tiers {year}"),
        html! {
            h1 { "Trafficking in Persons Report tiers, " (year) }
            (year_form(year, &m.years))
            div.legend {
                @for t in TIERS { span { (swatch(Some(t))) " (" (count(Some(t))) ")" } }
                span { (swatch(None)) " (" (count(None)) ")" }
            }
            (svg)
            p.muted.small { "Placements from data/tiers.csv and stored narratives (best-ranked source). Countries with a stored "
                (year) " narrative link to it. Shapes: Natural Earth (world-atlas, 1:110m)." }
            details open[m.countries.iter().any(|c| c.narrative)] {
                summary { "Table: every country's " (year) " tier" }
                (table(&m.countries, year, &team))
            }
        }
        .into_string(),
    )
}

fn year_form(year: u16, years: &[u16]) -> Markup {
    html! {
        form.inline #year-form method="get" action="/" {
            label { "Report year"
                select #year name="year" data-autosubmit {
                    @for y in years.iter().rev() { option value=(y) selected[*y == year] { (y) } }
                }
            }
            button type="submit" { "Show" }
        }
    }
}

fn table(countries: &[MapCountry], year: u16, team: &HashMap<String, String>) -> Markup {
    html! {
        table #tier-table {
            thead { tr { th { "Country" } th { "ISO3" } th { "Region" } th { "Tier" } th { "Source" } th { "Team assessment" } th { "Narrative" } } }
            tbody {
                @for c in countries.iter().filter(|c| c.tier.is_some() || c.narrative) {
                    tr {
                        td { a href={ "/country/" (c.iso3) } { (c.name) } }
                        td { (c.iso3) } td { (c.region) } td { (swatch(c.tier)) }
                        td.small { (c.source.as_deref().unwrap_or("")) }
                        td.small.team { (team.get(&c.iso3).map(String::as_str).unwrap_or("")) }
                        td { @if c.narrative { a href={ "/country/" (c.iso3) "/" (year) } { (year) " narrative" } } }
                    }
                }
            }
        }
    }
}
