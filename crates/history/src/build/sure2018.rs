//! benjaminleroy/sure2018 `country_summary_data.csv`: a wide table with `tier2002..tier2017`
//! (values 1, 2, 2w, 3, "-", NA). A secondary, unverified compilation.
//!
//! Names are resolved from `Country.x` (upper-case report spelling), then `Country.y`, then
//! the `Country Code` column. "-" is written as an unknown value with a note (it marks
//! countries the compilation lists without a tier, e.g. special cases); NA is skipped.

use super::table::{field, Table};
use super::{is_missing, Ctx};
use crate::error::HistoryError;
use crate::record::TierRecord;
use crate::sources::SURE2018;
use std::path::Path;
use tierwatch_model::{ReportYear, Tier};

pub const FILE: &str = "benjaminleroy__sure2018/data/country_summary_data.csv";

enum Cell {
    Missing,
    Dash,
    Tier(Tier),
    Other,
}

fn parse_cell(s: &str) -> Cell {
    match s.trim() {
        s if is_missing(s) => Cell::Missing,
        "-" => Cell::Dash,
        "1" => Cell::Tier(Tier::Tier1),
        "2" => Cell::Tier(Tier::Tier2),
        "2w" | "2W" => Cell::Tier(Tier::Tier2WatchList),
        "3" => Cell::Tier(Tier::Tier3),
        _ => Cell::Other,
    }
}

pub(crate) fn read(dir: &Path, ctx: &mut Ctx) -> Result<Vec<TierRecord>, HistoryError> {
    let table = Table::read(dir, FILE)?;
    let (c_x, c_y, c_code) = (
        table.col("Country.x")?,
        table.col("Country.y")?,
        table.col("Country Code")?,
    );
    let years: Vec<(ReportYear, usize)> = (2001..=2030)
        .filter_map(|y| {
            let col = format!("tier{y}");
            table
                .has(&col)
                .then(|| Ok((ReportYear(y), table.col(&col)?)))
        })
        .collect::<Result<_, HistoryError>>()?;
    let mut out = Vec::new();
    for row in &table.rows {
        let cells: Vec<(ReportYear, &str)> =
            years.iter().map(|&(y, c)| (y, field(row, c))).collect();
        let values = cells.iter().filter(|(_, v)| !is_missing(v)).count();
        let names = [field(row, c_x), field(row, c_y)];
        let Some(iso3) = ctx.resolve(SURE2018, &names, Some(field(row, c_code)), values) else {
            continue;
        };
        for (report_year, raw) in cells {
            let (tier, note) = match parse_cell(raw) {
                Cell::Missing => {
                    ctx.skip(SURE2018, "NA tier");
                    continue;
                }
                Cell::Dash => (
                    None,
                    Some("\"-\" in source (listed without a tier)".to_string()),
                ),
                Cell::Tier(t) => (Some(t), None),
                Cell::Other => {
                    ctx.skip(SURE2018, &format!("unrecognised tier {raw:?}"));
                    continue;
                }
            };
            out.push(TierRecord {
                iso3: iso3.clone(),
                report_year,
                tier,
                source: SURE2018.into(),
                note,
            });
        }
    }
    Ok(out)
}
