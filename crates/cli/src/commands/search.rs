//! `tierwatch search QUERY [--country --region --year --tier --section --limit] [--json]`

use crate::render;
use tierwatch_store::Location;
use std::process::ExitCode;
use tierwatch_model::{SectionKind, Tier};
use tierwatch_search::{FacetCount, Filters, SearchRequest};

#[derive(clap::Args)]
pub struct Args {
    /// Words (all must occur), "a phrase", a OR b, -word, prefix*.
    query: String,
    /// Only this country (name, alias or ISO3).
    #[arg(long)]
    country: Option<String>,
    /// Only this State Department region (e.g. "Western Hemisphere").
    #[arg(long)]
    region: Option<String>,
    /// Only this report year.
    #[arg(long)]
    year: Option<u16>,
    /// Only narratives with this stated tier (tier1, tier2, tier2_watch_list, tier3, special_case).
    #[arg(long)]
    tier: Option<String>,
    /// Only this section (intro, recommendations, prosecution, protection, prevention, trafficking_profile, government_efforts).
    #[arg(long)]
    section: Option<String>,
    /// Number of paragraphs to show.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Print JSON: total, hits (with byte ranges into the document text) and facet counts.
    #[arg(long)]
    json: bool,
}

/// Open the index that belongs to the store.
pub fn open_index(db: &Location) -> anyhow::Result<tierwatch_search::SearchIndex> {
    let dir = db.local_path(".index");
    Ok(tierwatch_search::SearchIndex::open(&dir)?)
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let filters = Filters {
        iso3: args.country.as_deref().map(|c| tierwatch_app::lookup::country(c).map(|c| c.iso3.clone())).transpose()?,
        region: args.region.as_deref().map(tierwatch_app::search::resolve_region).transpose()?,
        year: args.year,
        tier: match &args.tier {
            Some(t) => Some(Tier::parse(t).ok_or_else(|| anyhow::anyhow!("unknown tier {t:?}: use tier1, tier2, tier2_watch_list, tier3 or special_case"))?),
            None => None,
        },
        section: match &args.section {
            Some(s) => Some(SectionKind::parse(s).ok_or_else(|| {
                let all: Vec<&str> = SectionKind::ALL.iter().map(|k| k.code()).collect();
                anyhow::anyhow!("unknown section {s:?}: use one of {}", all.join(", "))
            })?),
            None => None,
        },
    };
    let store = super::open_store(db)?;
    let mut index = open_index(db)?;
    let req = SearchRequest { query: args.query.clone(), filters, limit: args.limit };
    let results = tierwatch_app::search::search(&store, &mut index, &req)?;
    if args.json {
        render::json(&results)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} paragraph(s) match {:?}; showing {}", results.total, results.query, results.hits.len());
    for (i, h) in results.hits.iter().enumerate() {
        println!(
            "\n{}. {} ({}) {} — {} [{}]  score {:.2}  paragraph {}..{}",
            i + 1,
            h.country,
            h.iso3,
            h.report_year,
            h.section,
            h.stated_tier,
            h.score,
            h.paragraph.start,
            h.paragraph.end
        );
        println!("   {}", mark(&h.snippet_text, h.snippet.start, &h.highlights));
    }
    if results.total > 0 {
        println!("\nFACETS (paragraphs)");
        let line = |name: &str, v: &[FacetCount]| {
            let parts: Vec<String> = v.iter().map(|f| format!("{} {}", f.value, f.count)).collect();
            println!("  {name:<8} {}", parts.join(", "));
        };
        line("country", &results.facets.country);
        line("region", &results.facets.region);
        line("year", &results.facets.year);
        line("tier", &results.facets.tier);
        line("section", &results.facets.section);
    }
    Ok(ExitCode::SUCCESS)
}

/// The snippet with highlights (document byte ranges) shown as **...** for the terminal.
fn mark(snippet: &str, offset: usize, highlights: &[tierwatch_model::TextRange]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for h in highlights {
        let (s, e) = (h.start.saturating_sub(offset), h.end.saturating_sub(offset));
        if h.start < offset || e > snippet.len() || s < at {
            continue;
        }
        out.push_str(&snippet[at..s]);
        out.push_str("**");
        out.push_str(&snippet[s..e]);
        out.push_str("**");
        at = e;
    }
    out.push_str(&snippet[at..]);
    out
}
