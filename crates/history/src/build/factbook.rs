//! CIA World Factbook "Trafficking in persons" field, factbook editions 2006-2025
//! (`factbook_year,code,country,field,tier,tip_year,content`).
//!
//! Only Tier 2 Watch List / Tier 3 countries appear (plus a few Special Cases). The report
//! year is the TIP year in parentheses (`tip_year`), or, when that is empty, the year in the
//! state.gov report link in the text; the factbook edition year is never used as the report
//! year (editions often repeat an older rating). Rows with neither are skipped. The tier is
//! read from the "tier rating:" text, because the `tier` column misses spellings such as
//! "Tier 2 Watch list" (it says "Tier 2") and "Special Category"; a disagreement with the
//! column is kept in the note. The same rating repeated by several editions is one record
//! whose note lists the editions. `code` is a FIPS code, not ISO3, so names are resolved.

use super::table::{field, Table};
use super::Ctx;
use crate::error::HistoryError;
use crate::record::TierRecord;
use crate::sources::FACTBOOK;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tierwatch_model::{ReportYear, Tier};

pub const FILE: &str =
    "MilkMp__CIA-World-Factbooks-Archive-1990-2025/derived/factbook_trafficking_in_persons_2006_2025.csv";

/// Rating phrases, longest first where one is a prefix of another.
const PHRASES: [(&str, Tier); 7] = [
    ("tier 2 watch list", Tier::Tier2WatchList),
    ("tier 2 watchlist", Tier::Tier2WatchList),
    ("tier 3", Tier::Tier3),
    ("tier 2", Tier::Tier2),
    ("tier 1", Tier::Tier1),
    ("special case", Tier::SpecialCase),
    ("special category", Tier::SpecialCase),
];

/// The first tier phrase within the opening of the "tier rating:" text.
pub(crate) fn rating_tier(content: &str) -> Option<Tier> {
    let lower = content.to_lowercase();
    let at = lower.find("tier rating:")? + "tier rating:".len();
    let window: String = lower[at..].chars().take(160).collect();
    PHRASES
        .iter()
        .enumerate()
        .filter_map(|(i, (p, t))| window.find(p).map(|pos| (pos, i, *t)))
        .min()
        .map(|(_, _, t)| t)
}

/// The year in a link such as `state.gov/reports/2024-trafficking-in-persons-report/chad/`.
pub(crate) fn linked_report_year(content: &str) -> Option<u16> {
    let marker = "-trafficking-in-persons-report";
    let at = content.find(marker)?;
    content.get(at.checked_sub(4)?..at)?.parse().ok()
}

#[derive(Default)]
struct Seen {
    editions: BTreeSet<String>,
    column_says: BTreeSet<String>,
}

pub(crate) fn read(dir: &Path, ctx: &mut Ctx) -> Result<Vec<TierRecord>, HistoryError> {
    let table = Table::read(dir, FILE)?;
    let (c_edition, c_country, c_tier, c_tip, c_content) = (
        table.col("factbook_year")?,
        table.col("country")?,
        table.col("tier")?,
        table.col("tip_year")?,
        table.col("content")?,
    );
    let mut grouped: BTreeMap<(String, ReportYear, Tier), Seen> = BTreeMap::new();
    for row in &table.rows {
        let country = field(row, c_country);
        if country.eq_ignore_ascii_case("world") {
            ctx.skip(FACTBOOK, "World aggregate entry");
            continue;
        }
        let content = field(row, c_content);
        let Some(tier) = rating_tier(content) else {
            ctx.skip(FACTBOOK, "no tier in the rating text (empty or missing)");
            continue;
        };
        let tip = field(row, c_tip);
        let year = if tip.is_empty() {
            linked_report_year(content)
        } else {
            tip.parse().ok()
        };
        let Some(report_year) = year.and_then(ReportYear::new) else {
            ctx.skip(
                FACTBOOK,
                "no TIP report year stated (edition year not used)",
            );
            continue;
        };
        let Some(iso3) = ctx.resolve(FACTBOOK, &[country], None, 1) else {
            continue;
        };
        let seen = grouped.entry((iso3, report_year, tier)).or_default();
        seen.editions.insert(field(row, c_edition).to_string());
        let column = field(row, c_tier);
        if Tier::parse(column) != Some(tier) {
            let shown = if column.is_empty() {
                "empty".to_string()
            } else {
                format!("{column:?}")
            };
            seen.column_says.insert(shown);
        }
    }
    let mut out = Vec::new();
    for ((iso3, report_year, tier), seen) in grouped {
        let editions: Vec<&str> = seen.editions.iter().map(String::as_str).collect();
        let mut note = format!("factbook {}", editions.join(", "));
        if !seen.column_says.is_empty() {
            let says: Vec<&str> = seen.column_says.iter().map(String::as_str).collect();
            note.push_str(&format!(
                "; tier column {} but rating text says {}",
                says.join("/"),
                tier.label()
            ));
            ctx.note(format!(
                "{FACTBOOK}: tier column disagrees with the rating text for {iso3} {report_year}"
            ));
        }
        out.push(TierRecord {
            iso3,
            report_year,
            tier: Some(tier),
            source: FACTBOOK.into(),
            note: Some(note),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rating_text_is_read_case_insensitively_and_prefers_watch_list() {
        let t = |s: &str| rating_tier(s);
        assert_eq!(
            t("x | tier rating: Tier 2 Watch list Malta did not"),
            Some(Tier::Tier2WatchList)
        );
        assert_eq!(
            t("tier rating: Bangladesh is placed on Tier 2 Watch List because"),
            Some(Tier::Tier2WatchList)
        );
        assert_eq!(
            t("tier rating: Tier 3 - Belize has failed"),
            Some(Tier::Tier3)
        );
        assert_eq!(t("tier rating: Special Category"), Some(Tier::SpecialCase));
        assert_eq!(t("current situation: | tier rating:"), None);
        assert_eq!(t("no rating at all, Tier 3"), None);
    }

    #[test]
    fn report_year_from_state_gov_link() {
        let s = "go to: https://www.state.gov/reports/2024-trafficking-in-persons-report/chad/";
        assert_eq!(linked_report_year(s), Some(2024));
        assert_eq!(linked_report_year("no link"), None);
    }
}
