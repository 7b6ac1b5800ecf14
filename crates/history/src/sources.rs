//! Source names and the preference order used to pick one "effective" tier.
//!
//! The order, best first (see [`PREFERENCE`]):
//! 1. `narrative:<doc>` — the tier the ingested TIP narrative itself states;
//! 2. a transcription of an official tier list (the 2025 list);
//! 3. research compilations hand-coded from the reports (Heiss/Kelley tables);
//! 4. the CIA World Factbook's quote of the rating (its "(year)" attribution is sometimes
//!    stale by a year, so it ranks below the research tables);
//! 5. an unverified secondary compilation (sure2018);
//! 6. any other source, by name.
//!
//! The order only chooses; it never hides: a placement whose sources disagree is still a
//! conflict.

/// `data/map_tiers.csv` in andrewheiss/jk_misc (2001-2015, labels "Tier 1".."Watchlist").
pub const HEISS_MAP_TIERS: &str = "map_tiers.csv (andrewheiss/jk_misc)";
/// `data/tip_tiers_orig.csv` in andrewheiss/From-the-Trenches (same years, labels).
pub const HEISS_TIP_TIERS_ORIG: &str = "tip_tiers_orig.csv (andrewheiss/From-the-Trenches)";
/// `data/country_summary_data.csv` in benjaminleroy/sure2018 (tier2002..tier2017).
pub const SURE2018: &str = "country_summary_data.csv (benjaminleroy/sure2018)";
/// The 2025 list transcribed from trex0092/HAWKEYE-STERLING-RA.
pub const HAWKEYE_2025: &str = "tip2025_tiers.csv (trex0092/HAWKEYE-STERLING-RA)";
/// The CIA World Factbook "Trafficking in persons" field (Watch List and Tier 3 only).
pub const FACTBOOK: &str = "factbook trafficking field (MilkMp/CIA-World-Factbooks-Archive)";
/// Prefix of placements stated in an ingested narrative: `narrative:<doc id short>`.
pub const NARRATIVE_PREFIX: &str = "narrative:";

/// What kind of witness a source is; declaration order is preference order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceKind {
    Narrative,
    OfficialListTranscription,
    ResearchCompilation,
    Factbook,
    UnverifiedCompilation,
    Other,
}

/// The known reference sources, best first (after narratives).
pub const PREFERENCE: [(&str, SourceKind); 5] = [
    (HAWKEYE_2025, SourceKind::OfficialListTranscription),
    (HEISS_MAP_TIERS, SourceKind::ResearchCompilation),
    (HEISS_TIP_TIERS_ORIG, SourceKind::ResearchCompilation),
    (FACTBOOK, SourceKind::Factbook),
    (SURE2018, SourceKind::UnverifiedCompilation),
];

impl SourceKind {
    pub fn of(source: &str) -> SourceKind {
        if source.starts_with(NARRATIVE_PREFIX) {
            return SourceKind::Narrative;
        }
        PREFERENCE
            .iter()
            .find(|(name, _)| *name == source)
            .map_or(SourceKind::Other, |(_, kind)| *kind)
    }
}

/// Sort key for a source: lower is preferred. Ties (two narratives, two unknown sources) are
/// broken by name so the choice is deterministic.
pub fn rank(source: &str) -> (usize, &str) {
    if source.starts_with(NARRATIVE_PREFIX) {
        return (0, source);
    }
    match PREFERENCE.iter().position(|(name, _)| *name == source) {
        Some(i) => (i + 1, source),
        None => (PREFERENCE.len() + 1, source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narratives_beat_lists_beat_compilations() {
        assert!(rank("narrative:ab12") < rank(HAWKEYE_2025));
        assert!(rank(HAWKEYE_2025) < rank(HEISS_MAP_TIERS));
        assert!(rank(HEISS_MAP_TIERS) < rank(FACTBOOK));
        assert!(rank(FACTBOOK) < rank(SURE2018));
        assert!(rank(SURE2018) < rank("someone else"));
        assert_eq!(SourceKind::of("narrative:ab12"), SourceKind::Narrative);
        assert_eq!(SourceKind::of("someone else"), SourceKind::Other);
    }
}
