//! `assess`: the law in force for a report year applied to a stored narrative's facts and
//! the country's tier history, with analyst overrides shown beside the original.

use crate::tiers::{country_tier_history, law_history, stated_events};
use crate::AppError;
use serde::Serialize;
use tierwatch_law::{assess, Assessment, AssessmentInput, CountryRef, Findings, Law, Override};
use tierwatch_model::{Fact, FactKind, ReportYear, SectionKind};
use tierwatch_store::Store;

/// How findings are read from the narrative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The narrative's own stated findings plus its evidence.
    Stated,
    /// Evidence only: heading, intro and every sentence that states tier, compliance or
    /// efforts are masked.
    Blind,
}

/// An assessment, and with overrides the assessment without them.
#[derive(Debug, Clone, Serialize)]
pub struct AssessOutcome {
    pub assessment: Assessment,
    /// Present when overrides were given: the same input without them.
    pub original: Option<Assessment>,
    /// Blind mode: the tier estimate from the evidence (out of sample, see `estimate`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<tierwatch_law::estimate::Estimate>,
}

/// Findings from facts under a mode.
pub fn findings(facts: &[Fact], year: ReportYear, mode: Mode) -> Findings {
    match mode {
        Mode::Stated => Findings::from_facts(facts, year),
        Mode::Blind => Findings::blind_from_facts(&mask_conclusions(facts), year),
    }
}

/// Drop every fact that comes from a sentence stating a conclusion (tier, compliance,
/// efforts, watch-list basis, waiver, downgrade), whatever else that sentence says. A section's
/// opening judgment of its own area (`EffortsTrend`) is evidence and is kept.
pub fn mask_conclusions(facts: &[Fact]) -> Vec<Fact> {
    let masked: Vec<_> = facts
        .iter()
        .filter(|f| tierwatch_law::findings::STATED_KINDS.contains(&f.kind) || f.kind == FactKind::Tier)
        .map(|f| f.provenance.range)
        .collect();
    facts
        .iter()
        .filter(|f| f.kind == FactKind::EffortsTrend || !masked.iter().any(|m| m.start < f.provenance.range.end && f.provenance.range.start < m.end))
        .cloned()
        .collect()
}

/// Level B's facts: nothing derived from the heading line. Heading facts are dropped, and a
/// watch-list basis the extractor derived from the tier statement (its sentence never names the
/// watch list) is kept only when a sentence outside the heading places the country there.
pub fn without_heading(facts: &[Fact]) -> Vec<Fact> {
    let kept: Vec<Fact> = facts.iter().filter(|f| f.provenance.section != Some(SectionKind::Heading)).cloned().collect();
    let watch_listed = kept.iter().any(|f| f.kind == FactKind::Tier && f.value.as_text() == Some("tier2_watch_list"));
    kept.into_iter()
        .filter(|f| f.kind != FactKind::WatchListBasis || watch_listed || f.provenance.quote.to_ascii_lowercase().contains("watch list"))
        .collect()
}

/// Assess a stored narrative.
pub fn assess_narrative(store: &Store, law: &Law, country: &str, year: u16, overrides: &[Override], mode: Mode) -> Result<AssessOutcome, AppError> {
    let stored = crate::lookup::narrative(store, country, year)?;
    let meta = &stored.document.metadata;
    let history = country_tier_history(store, &meta.iso3)?;
    let events = stated_events(store, &meta.iso3)?;
    let ry = ReportYear(year);
    let input = AssessmentInput {
        country: CountryRef { iso3: meta.iso3.clone(), name: meta.country.clone() },
        report_year: ry,
        findings: findings(&stored.facts, ry, mode),
        history: law_history(&history, &meta.iso3, &events).before(ry),
        overrides: vec![],
    };
    let estimate = match mode {
        Mode::Blind => crate::estimate::estimate_narrative(store, law, country, year)?,
        Mode::Stated => None,
    };
    if overrides.is_empty() {
        return Ok(AssessOutcome { assessment: assess(&input, law), original: None, estimate });
    }
    let original = assess(&input, law);
    let with = AssessmentInput { overrides: overrides.to_vec(), ..input };
    Ok(AssessOutcome { assessment: assess(&with, law), original: Some(original), estimate })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{narrative, with_fact};
    use tierwatch_model::{FactValue, Period, Tier};

    #[test]
    fn level_b_reads_nothing_derived_from_the_heading() {
        let d = narrative(
            "THA",
            2018,
            Some(Tier::Tier2WatchList),
            &[
                (SectionKind::Heading, "THAILAND: TIER 2 WATCH LIST"),
                (SectionKind::Intro, "The government demonstrated significant efforts. It did not demonstrate overall increasing efforts."),
            ],
        );
        let text = |v: &str| FactValue::Text(v.into());
        let d = with_fact(d, FactKind::Tier, text("tier2_watch_list"), Period::Unknown, None, "TIER 2 WATCH LIST");
        // Derived by the extractor from the heading's placement: its sentence never names the watch list.
        let d = with_fact(d, FactKind::WatchListBasis, text("no_increasing_efforts"), Period::Unknown, None, "It did not demonstrate overall increasing efforts.");
        let d = with_fact(d, FactKind::SignificantEfforts, FactValue::Bool(true), Period::Unknown, None, "The government demonstrated significant efforts.");
        let kept = without_heading(&d.facts);
        let kinds: Vec<FactKind> = kept.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [FactKind::SignificantEfforts]);
        // A basis whose own sentence names the watch list stays.
        let d2 = with_fact(d, FactKind::WatchListBasis, text("no_increasing_efforts"), Period::Unknown, None, "It did not demonstrate overall increasing efforts.");
        let mut facts = d2.facts.clone();
        facts.last_mut().unwrap().provenance.quote = "placed on Tier 2 Watch List for a lack of increasing efforts".into();
        assert!(without_heading(&facts).iter().any(|f| f.kind == FactKind::WatchListBasis));
    }

    #[test]
    fn blind_masking_keeps_section_judgments() {
        let d = narrative("THA", 2018, None, &[(SectionKind::Prosecution, "The government increased law enforcement efforts.")]);
        let d = with_fact(d, FactKind::EffortsTrend, FactValue::Text("increased".into()), Period::Unknown, Some("law_enforcement"), "The government increased law enforcement efforts.");
        let d = with_fact(d, FactKind::IncreasingEfforts, FactValue::Bool(true), Period::Unknown, None, "The government increased law enforcement efforts.");
        let kept = mask_conclusions(&d.facts);
        assert_eq!(kept.iter().map(|f| f.kind).collect::<Vec<_>>(), [FactKind::EffortsTrend]);
    }
}
