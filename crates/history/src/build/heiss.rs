//! Heiss/Kelley country x report-year tables, 2001-2015: `map_tiers.csv` (jk_misc) and
//! `tip_tiers_orig.csv` (From-the-Trenches), read as two separate sources.
//!
//! Columns `countryname,iso,year,ccode,tier`. The README describes numeric codes (1, 2,
//! 3 = Watch List, 4 = Tier 3; that is the scorecard-diplomacy copy), but the jk_misc copy
//! actually holds labels padded with spaces ("Tier 2    ", "Watchlist    ") and years written
//! as floats ("2001.0", "2e3"). Both spellings are accepted here: a bare digit is a code, any
//! other value a label. Years before 2001 (no report) and "NA" tiers are counted and skipped.

use super::table::{field, Table};
use super::{is_missing, Ctx};
use crate::error::HistoryError;
use crate::record::TierRecord;
use crate::sources::{HEISS_MAP_TIERS, HEISS_TIP_TIERS_ORIG};
use std::path::Path;
use tierwatch_model::{ReportYear, Tier};

pub const MAP_TIERS: &str = "andrewheiss__jk_misc/data/map_tiers.csv";
pub const TIP_TIERS_ORIG: &str =
    "andrewheiss__From-the-Trenches-Anti-TIP-NGOs-and-US/data/tip_tiers_orig.csv";

pub(crate) fn read_both(dir: &Path, ctx: &mut Ctx) -> Result<Vec<TierRecord>, HistoryError> {
    let mut out = read(dir, MAP_TIERS, HEISS_MAP_TIERS, ctx)?;
    out.extend(read(dir, TIP_TIERS_ORIG, HEISS_TIP_TIERS_ORIG, ctx)?);
    Ok(out)
}

/// A Heiss tier cell: numeric code (1, 2, 3 = Watch List, 4 = Tier 3) or a label.
pub(crate) fn parse_tier(s: &str) -> Option<Tier> {
    match s.trim() {
        "1" => Some(Tier::Tier1),
        "2" => Some(Tier::Tier2),
        "3" => Some(Tier::Tier2WatchList),
        "4" => Some(Tier::Tier3),
        label if label.chars().all(|c| c.is_ascii_digit()) => None,
        label => Tier::parse(label),
    }
}

fn parse_year(s: &str) -> Option<u16> {
    let y: f64 = s.trim().parse().ok()?;
    (y.fract() == 0.0 && (0.0..=9999.0).contains(&y)).then_some(y as u16)
}

fn read(
    dir: &Path,
    file: &str,
    source: &str,
    ctx: &mut Ctx,
) -> Result<Vec<TierRecord>, HistoryError> {
    let table = Table::read(dir, file)?;
    let (c_name, c_iso, c_year, c_cow, c_tier) = (
        table.col("countryname")?,
        table.col("iso")?,
        table.col("year")?,
        table.col("ccode")?,
        table.col("tier")?,
    );
    let mut out = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let raw_tier = field(row, c_tier);
        if is_missing(raw_tier) {
            ctx.skip(source, "NA tier");
            continue;
        }
        let year = parse_year(field(row, c_year)).ok_or_else(|| HistoryError::Row {
            file: file.to_string(),
            row: i + 2,
            message: format!("year {:?} is not a number", field(row, c_year)),
        })?;
        let Some(report_year) = ReportYear::new(year) else {
            ctx.skip(source, "year outside report years");
            continue;
        };
        let Some(tier) = parse_tier(raw_tier) else {
            ctx.skip(source, &format!("unrecognised tier {raw_tier:?}"));
            continue;
        };
        let (name, iso) = (field(row, c_name), field(row, c_iso));
        let iso3 = if is_missing(name) && is_missing(iso) {
            ctx.resolve_cow(source, field(row, c_cow))
                .or_else(|| ctx.resolve(source, &[], None, 1))
        } else {
            ctx.resolve(source, &[name], Some(iso), 1)
        };
        let Some(iso3) = iso3 else { continue };
        out.push(TierRecord {
            iso3,
            report_year,
            tier: Some(tier),
            source: source.into(),
            note: None,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_padded_labels_both_parse() {
        assert_eq!(parse_tier("3"), Some(Tier::Tier2WatchList));
        assert_eq!(parse_tier("4"), Some(Tier::Tier3));
        assert_eq!(parse_tier("Watchlist    "), Some(Tier::Tier2WatchList));
        assert_eq!(parse_tier("Tier 3"), Some(Tier::Tier3));
        assert_eq!(parse_tier("5"), None);
        assert_eq!(parse_year("2e3"), Some(2000));
        assert_eq!(parse_year("2004.0"), Some(2004));
        assert_eq!(parse_year("2004.5"), None);
    }
}
