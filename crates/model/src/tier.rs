//! Tier placements as the TIP Report names them.

use serde::{Deserialize, Serialize};

/// A tier placement. `SpecialCase` is State Department practice, not a statutory tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    #[serde(rename = "tier1")]
    Tier1,
    #[serde(rename = "tier2")]
    Tier2,
    #[serde(rename = "tier2_watch_list")]
    Tier2WatchList,
    #[serde(rename = "tier3")]
    Tier3,
    SpecialCase,
}

impl Tier {
    pub const ALL: [Tier; 5] = [
        Tier::Tier1,
        Tier::Tier2,
        Tier::Tier2WatchList,
        Tier::Tier3,
        Tier::SpecialCase,
    ];

    /// The stable machine code (`tier1`, `tier2`, `tier2_watch_list`, `tier3`, `special_case`).
    pub fn code(self) -> &'static str {
        match self {
            Tier::Tier1 => "tier1",
            Tier::Tier2 => "tier2",
            Tier::Tier2WatchList => "tier2_watch_list",
            Tier::Tier3 => "tier3",
            Tier::SpecialCase => "special_case",
        }
    }

    /// The label the report prints ("Tier 2 Watch List").
    pub fn label(self) -> &'static str {
        match self {
            Tier::Tier1 => "Tier 1",
            Tier::Tier2 => "Tier 2",
            Tier::Tier2WatchList => "Tier 2 Watch List",
            Tier::Tier3 => "Tier 3",
            Tier::SpecialCase => "Special Case",
        }
    }

    /// Rank on the ordinal scale 1, 2, 2.5 (as 2.5 → 3 here), 3 (→ 4); special case has none.
    /// Used for "within one" agreement and for movement direction.
    pub fn ordinal(self) -> Option<u8> {
        match self {
            Tier::Tier1 => Some(1),
            Tier::Tier2 => Some(2),
            Tier::Tier2WatchList => Some(3),
            Tier::Tier3 => Some(4),
            Tier::SpecialCase => None,
        }
    }

    /// Parse a code or a printed label, case-insensitively: "tier2_watch_list",
    /// "Tier 2 Watch List", "TIER 2 WATCH LIST", "2WL", "Watchlist", "special case".
    pub fn parse(s: &str) -> Option<Tier> {
        let norm: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match norm.as_str() {
            "tier1" | "1" => Some(Tier::Tier1),
            "tier2" | "2" => Some(Tier::Tier2),
            "tier2watchlist" | "2wl" | "2w" | "watchlist" | "tier2wl" | "t2wl" | "25" => {
                Some(Tier::Tier2WatchList)
            }
            "tier3" | "3" => Some(Tier::Tier3),
            "specialcase" | "special" => Some(Tier::SpecialCase),
            _ => None,
        }
    }
}

impl std::fmt::Display for Tier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_printed_labels_and_codes() {
        assert_eq!(Tier::parse("TIER 2 WATCH LIST"), Some(Tier::Tier2WatchList));
        assert_eq!(Tier::parse("tier2_watch_list"), Some(Tier::Tier2WatchList));
        assert_eq!(Tier::parse("Special Case"), Some(Tier::SpecialCase));
        assert_eq!(Tier::parse("Tier 3"), Some(Tier::Tier3));
        assert_eq!(Tier::parse("Tier 4"), None);
        for t in Tier::ALL {
            assert_eq!(Tier::parse(t.code()), Some(t));
            assert_eq!(Tier::parse(t.label()), Some(t));
        }
    }
}
