//! Report years: the year a TIP Report was published (not the year its data covers).

use serde::{Deserialize, Serialize};

/// The first TIP Report was published in 2001.
pub const FIRST_REPORT_YEAR: u16 = 2001;
/// The latest report year tierwatch accepts.
pub const LAST_REPORT_YEAR: u16 = 2030;

/// The year a TIP Report was published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReportYear(pub u16);

impl ReportYear {
    /// A report year within the range of published reports, or `None`.
    pub fn new(year: u16) -> Option<ReportYear> {
        (FIRST_REPORT_YEAR..=LAST_REPORT_YEAR)
            .contains(&year)
            .then_some(ReportYear(year))
    }

    pub fn get(self) -> u16 {
        self.0
    }

    pub fn previous(self) -> ReportYear {
        ReportYear(self.0 - 1)
    }
}

impl std::fmt::Display for ReportYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}
