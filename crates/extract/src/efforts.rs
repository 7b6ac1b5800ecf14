//! The report's own judgment of each area's trend: the sentence that opens a prosecution,
//! protection or prevention section ("The government increased law enforcement efforts",
//! "… maintained minimal efforts to protect victims", "… decreased prevention efforts").
//!
//! One `EffortsTrend` fact per section, scoped to its area (`law_enforcement`, `protection`,
//! `prevention`). The value is the trend the verb states — `increased`, `maintained`,
//! `decreased`, `none` (no efforts made or reported) or `level` (a judgment with no trend, "made
//! modest efforts") — with `_weak`, `_mixed` or `_strong` when an adjective or adverb qualifies
//! it. Only the opening clause counts (up to a semicolon or a contrasting "but"), so "increased
//! victim identification but demonstrated mixed efforts" reads as `increased`. This is
//! evidence the chapter gives, not a conclusion: it is kept in blind mode.

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, SectionKind};

use crate::context::{Ctx, Sent};

pub const NAME: &str = "efforts";
pub const VERSION: u32 = 1;

/// The opening sentence must speak of efforts (or a synonym) for it to be a judgment.
static ABOUT_EFFORTS: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:efforts?|measures|activities|improvements)\b").unwrap());
/// Where the opening clause ends.
static CUT: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i);|,?\s+\b(?:but|however|while|although|though|yet)\b").unwrap());
static NONE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:made|demonstrated|undertook|took|showed)\s+no\b|\bdid\s+not\s+(?:report\s+(?:making\s+)?(?:any\s+)?|make\s+|demonstrate\s+|undertake\s+|show\s+)").unwrap()
});
static DECREASED: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:decreased|reduced|diminished|weakened|declined)\b").unwrap());
static INCREASED: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:increased|improved|expanded|strengthened|intensified|enhanced)\b").unwrap()
});
static MAINTAINED: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:maintained|sustained|continued|remained)\b").unwrap());
static LEVEL: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:made|demonstrated|had|undertook|took|showed)\b").unwrap());
static WEAK: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:minimal|limited|inadequate|insufficient|weak|negligible|modest(?:ly)?|some|slight(?:ly)?|marginal(?:ly)?|little|meager|minor)\b").unwrap()
});
static MIXED: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:mixed|uneven|inconsistent)\b").unwrap());
static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:strong|robust|significant(?:ly)?|considerabl[ey]|vigorous(?:ly)?|serious|substantial(?:ly)?)\b").unwrap()
});

/// The area a section judges.
fn area(section: SectionKind) -> Option<&'static str> {
    match section {
        SectionKind::Prosecution => Some("law_enforcement"),
        SectionKind::Protection => Some("protection"),
        SectionKind::Prevention => Some("prevention"),
        _ => None,
    }
}

/// The trend value an opening clause states, if any.
pub fn judge(clause: &str) -> Option<String> {
    if !ABOUT_EFFORTS.is_match(clause) {
        return None;
    }
    let trend = if NONE.is_match(clause) {
        return Some("none".into());
    } else if DECREASED.is_match(clause) {
        "decreased"
    } else if INCREASED.is_match(clause) {
        "increased"
    } else if MAINTAINED.is_match(clause) {
        "maintained"
    } else if LEVEL.is_match(clause) {
        "level"
    } else {
        return None;
    };
    let quality = if MIXED.is_match(clause) {
        "_mixed"
    } else if WEAK.is_match(clause) {
        "_weak"
    } else if STRONG.is_match(clause) {
        "_strong"
    } else {
        ""
    };
    Some(format!("{trend}{quality}"))
}

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    let sentences = cx.sentences();
    let mut previous: Option<SectionKind> = None;
    let mut pending = false;
    for s in &sentences {
        if s.section != previous {
            pending = true;
            previous = s.section;
        }
        // A section heading line ("PROSECUTION") does not open the prose.
        if !pending || !s.text.chars().any(char::is_lowercase) {
            continue;
        }
        pending = false;
        let Some(area) = s.section.and_then(area) else { continue };
        if let Some(f) = opening_fact(cx, s, area) {
            out.push(f);
        }
    }
}

fn opening_fact(cx: &Ctx, s: &Sent, area: &str) -> Option<Fact> {
    let end = CUT.find(s.text).map(|m| m.start()).unwrap_or(s.text.len());
    let value = judge(&s.text[..end])?;
    let mut f = cx.fact(FactKind::EffortsTrend, FactValue::Text(value), s.sub(0, end), NAME, VERSION);
    f.scope = Some(area.to_string());
    f.confidence = 0.9;
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::run_kind;
    use tierwatch_model::SectionKind::{Prevention, Prosecution, Protection};

    fn trend(section: SectionKind, t: &str) -> Vec<(String, String)> {
        run_kind(run, "Thailand", section, t, FactKind::EffortsTrend)
            .into_iter()
            .map(|f| (f.scope.unwrap_or_default(), f.value.render()))
            .collect()
    }

    #[test]
    fn opening_sentences_give_one_trend_per_area() {
        let one = |a: &str, v: &str| vec![(a.to_string(), v.to_string())];
        assert_eq!(trend(Prosecution, "The government increased law enforcement efforts. The government decreased nothing."), one("law_enforcement", "increased"));
        assert_eq!(trend(Protection, "The government increased efforts to protect victims but identified significantly fewer trafficking victims."), one("protection", "increased"));
        assert_eq!(trend(Prevention, "The government maintained minimal efforts to prevent trafficking."), one("prevention", "maintained_weak"));
        assert_eq!(trend(Prosecution, "The government decreased anti-trafficking law enforcement efforts."), one("law_enforcement", "decreased"));
        assert_eq!(trend(Protection, "The government made no protection efforts; instead, it directly punished victims."), one("protection", "none"));
        assert_eq!(trend(Prosecution, "The government made uneven anti-trafficking law enforcement efforts."), one("law_enforcement", "level_mixed"));
        assert_eq!(trend(Prevention, "The government maintained strong prevention efforts."), one("prevention", "maintained_strong"));
        assert_eq!(trend(Prosecution, "The government slightly increased law enforcement efforts; however, sentences were not stringent."), one("law_enforcement", "increased_weak"));
    }

    #[test]
    fn only_the_opening_sentence_of_a_section_counts() {
        // The second sentence would read "decreased"; only the first is the section's judgment.
        assert!(trend(Prosecution, "The 2008 law criminalized sex trafficking. The government decreased law enforcement efforts.").is_empty());
        assert!(trend(SectionKind::Intro, "The government increased efforts.").is_empty());
    }
}
