//! The 2025 TIP Report tier list transcribed from trex0092/HAWKEYE-STERLING-RA
//! (`report_year,tier,country_as_published`; Special Cases are not in it).

use super::table::{field, Table};
use super::Ctx;
use crate::error::HistoryError;
use crate::record::TierRecord;
use crate::sources::HAWKEYE_2025;
use std::path::Path;
use tierwatch_model::{ReportYear, Tier};

pub const FILE: &str = "trex0092__HAWKEYE-STERLING-RA/derived/tip2025_tiers.csv";

pub(crate) fn read(dir: &Path, ctx: &mut Ctx) -> Result<Vec<TierRecord>, HistoryError> {
    let table = Table::read(dir, FILE)?;
    let (c_year, c_tier, c_name) = (
        table.col("report_year")?,
        table.col("tier")?,
        table.col("country_as_published")?,
    );
    let mut out = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let bad = |message: String| HistoryError::Row {
            file: FILE.into(),
            row: i + 2,
            message,
        };
        let year = field(row, c_year);
        let report_year = year
            .parse()
            .ok()
            .and_then(ReportYear::new)
            .ok_or_else(|| bad(format!("report year {year:?}")))?;
        let raw = field(row, c_tier);
        let tier = Tier::parse(raw).ok_or_else(|| bad(format!("tier {raw:?}")))?;
        let Some(iso3) = ctx.resolve(HAWKEYE_2025, &[field(row, c_name)], None, 1) else {
            continue;
        };
        out.push(TierRecord {
            iso3,
            report_year,
            tier: Some(tier),
            source: HAWKEYE_2025.into(),
            note: None,
        });
    }
    Ok(out)
}
