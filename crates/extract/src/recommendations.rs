//! Recommendations as a list: one fact per semicolon-separated item of the PRIORITIZED
//! RECOMMENDATIONS section; in documents without that section, the items of the
//! recommendation sentence(s) ("X can advance its efforts ... by A, B, and C";
//! "Recommendations for X: A; B; C").

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, SectionKind, TextRange};

use crate::context::Ctx;

pub const NAME: &str = "recommendations";
pub const VERSION: u32 = 1;

static HEADING: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?:PRIORITIZED\s+)?RECOMMENDATIONS\s*(?:FOR\s+[^:\n]{1,60})?:").unwrap());
static END_OF_LIST: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"\n\s*\n|\n\s*(?:PROSECUTION|PROTECTION|PREVENTION|TRAFFICKING PROFILE|GOVERNMENT EFFORTS)\b|(?:PROSECUTION|PROTECTION|PREVENTION|TRAFFICKING PROFILE|GOVERNMENT EFFORTS)\s*\n").unwrap());
static SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bcan\s+(?:further\s+)?(?:advance|strengthen|improve)\s+(?:its\s+)?(?:anti-trafficking\s+)?efforts\b[^:]*?\bby\s+|\bRecommendations\s+for\s+[^:]{1,60}:\s*").unwrap()
});

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    let paras: Vec<TextRange> = cx.seg.paragraphs.iter().filter(|p| p.section == SectionKind::Recommendations).map(|p| p.range).collect();
    let mut regions: Vec<(TextRange, bool)> = paras.into_iter().map(|r| (r, true)).collect();
    if regions.is_empty() {
        if let Some(m) = HEADING.find(&cx.text) {
            let end = END_OF_LIST.find(&cx.text[m.end()..]).map(|e| m.end() + e.start()).unwrap_or(cx.text.len());
            regions.push((TextRange::new(m.end(), end), true));
        }
    }
    if regions.is_empty() {
        for s in cx.sentences() {
            if s.in_any(&[SectionKind::Prosecution, SectionKind::Protection, SectionKind::Prevention, SectionKind::TraffickingProfile]) {
                continue;
            }
            if let Some(m) = SENTENCE.find(s.text) {
                regions.push((s.sub(m.end(), s.text.len()), false));
            }
        }
    }
    for (r, semicolons) in regions {
        let mut text = &cx.text[r.start..r.end];
        let mut base = r.start;
        if let Some(h) = HEADING.find(text) {
            if text[..h.start()].trim().is_empty() {
                base += h.end();
                text = &text[h.end()..];
            }
        }
        for (a, b) in items(text, semicolons || text.contains(';')) {
            let item = &text[a..b];
            let value = item.split_whitespace().collect::<Vec<_>>().join(" ");
            if value.len() < 3 {
                continue;
            }
            out.push(cx.fact(FactKind::Recommendation, FactValue::Text(value), TextRange::new(base + a, base + b), NAME, VERSION));
        }
    }
}

/// A list bullet: "•" (not the euro sign of PDF extraction, which a digit follows), or "*"
/// / "-" starting a line or standing alone between items.
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?m)(?:^|\s)•\s*|(?:^|\.\s+|\n)\s*[*\-–]\s+").unwrap());

/// Bullets followed by an item's first letter (capitalised after "*" or "-").
fn bullets(text: &str) -> Vec<regex::Match<'_>> {
    BULLET
        .find_iter(text)
        .filter(|m| {
            let next = text[m.end()..].chars().next();
            if m.as_str().contains('•') {
                next.is_some_and(char::is_alphabetic)
            } else {
                next.is_some_and(char::is_uppercase)
            }
        })
        .collect()
}
/// A sentence end glued to the next item's first (capitalised) word.
static RUN_TOGETHER: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r"[a-z)]\.[A-Z][a-z]").unwrap());

/// Item spans of a list, without separators, leading "and" or the final period.
fn items(text: &str, semicolons: bool) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let found = bullets(text);
    if found.len() >= 2 {
        // 2019 on: items after " • ", "*" or "-" bullets, each ending with its own period
        let mut start = 0;
        for m in found {
            cuts.push((start, m.start()));
            start = m.end();
        }
        cuts.push((start, text.len()));
    } else if !text.contains(';') && RUN_TOGETHER.find_iter(text).count() >= 2 {
        // items run together: "…trafficking.Train officials…"
        let mut start = 0;
        for m in RUN_TOGETHER.find_iter(text) {
            cuts.push((start, m.start() + 1));
            start = m.start() + 1;
        }
        cuts.push((start, text.len()));
    } else if semicolons {
        let mut start = 0;
        for (i, _) in text.match_indices(';') {
            cuts.push((start, i));
            start = i + 1;
        }
        cuts.push((start, text.len()));
    } else {
        // "by focusing ..., aggressively prosecuting ..., and improving ...": split where a
        // gerund starts the next item
        let mut start = 0;
        let mut i = 0;
        while let Some(off) = text[i..].find(", ") {
            let at = i + off;
            let rest = text[at + 2..].trim_start_matches("and ");
            let gerund = rest.split_whitespace().take(2).any(|w| w.len() > 4 && w.ends_with("ing"));
            if gerund {
                cuts.push((start, at));
                start = at + 2;
            }
            i = at + 2;
        }
        cuts.push((start, text.len()));
    }
    cuts.into_iter()
        .filter_map(|(a, b)| {
            let s = &text[a..b];
            let lead = s.len() - s.trim_start().len();
            let mut a = a + lead;
            if text[a..b].starts_with("and ") {
                a += 4;
            }
            let t = text[a..b].trim_end();
            let t = t.strip_suffix('.').unwrap_or(t).trim_end();
            let b = a + t.len();
            (b > a).then_some((a, b))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{run_kind, values};
    use tierwatch_model::SectionKind::{Intro, Recommendations};

    #[test]
    fn semicolon_list() {
        let t = "PRIORITIZED RECOMMENDATIONS:\nStrengthen efforts to investigate and prosecute trafficking offenses; fully implement victim identification protocols; and improve coordination mechanisms among federal, state, and local authorities.";
        // -> three items
        assert_eq!(
            values(&run_kind(run, "Mexico", Recommendations, t, FactKind::Recommendation)),
            [
                "Strengthen efforts to investigate and prosecute trafficking offenses",
                "fully implement victim identification protocols",
                "improve coordination mechanisms among federal, state, and local authorities"
            ]
        );
    }

    #[test]
    fn bulleted_and_run_together_lists() {
        let t = "PRIORITIZED RECOMMENDATIONS\nIncrease prosecutions of traffickers. • Train judges on the law. • Fund shelters for victims.";
        assert_eq!(values(&run_kind(run, "Nepal", Recommendations, t, FactKind::Recommendation)).len(), 3);
        let t = "PRIORITIZED RECOMMENDATIONS:\n* Increase prosecutions of traffickers.\n* Train judges on the law.\n- Fund shelters for victims.";
        assert_eq!(values(&run_kind(run, "Ghana", Recommendations, t, FactKind::Recommendation)).len(), 3);
        let t = "PRIORITIZED RECOMMENDATIONS:\nIncrease prosecutions of traffickers.Train judges on the law.Fund shelters for victims.";
        assert_eq!(values(&run_kind(run, "Ghana", Recommendations, t, FactKind::Recommendation)).len(), 3);
        // the euro sign of PDF extraction is no bullet
        let t = "PRIORITIZED RECOMMENDATIONS:\nAllocate •50,000 to shelters; train judges.";
        assert_eq!(values(&run_kind(run, "Ghana", Recommendations, t, FactKind::Recommendation)).len(), 2);
    }

    #[test]
    fn old_style_sentence() {
        let t = "Mexico can advance its efforts to combat human trafficking by focusing additional resources on the problem, aggressively prosecuting traffickers, enhancing victim protection, confronting trafficking complicity by public officials, and improving anti-trafficking cooperation with neighboring countries.";
        // -> five items
        let v = values(&run_kind(run, "Mexico", Intro, t, FactKind::Recommendation));
        assert_eq!(v.len(), 5, "{v:?}");
        assert_eq!(v[4], "improving anti-trafficking cooperation with neighboring countries");
    }
}
