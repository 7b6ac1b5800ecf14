//! Victim flows as directed country pairs (origin -> destination), from the profile.
//!
//! Countries are found with the registry's names and aliases and classified by the
//! preposition heading their list ("from X, Y, and Z" -> origins; "in/to/into X" ->
//! destinations). The narrative's own country is the destination for "victims from X"
//! with no other destination named, and the origin when its nationals (its name or
//! demonym as the subject) are exploited in named countries.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use tierwatch_model::{CountryRegistry, Fact, FactKind, FactValue};

use crate::context::Ctx;

pub const NAME: &str = "flows";
pub const VERSION: u32 = 1;

struct Names {
    ac: AhoCorasick,
    /// canonical name per pattern
    canon: Vec<String>,
}

static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let reg = CountryRegistry::embedded();
    let mut pats = Vec::new();
    let mut canon = Vec::new();
    for c in reg.all() {
        for n in std::iter::once(&c.name).chain(c.aliases.iter()) {
            // spellings used in prose: capitalised, no inverted "Korea, South" forms
            if n.len() < 4 || n.contains(',') || !n.starts_with(|ch: char| ch.is_ascii_uppercase()) {
                continue;
            }
            pats.push(n.clone());
            canon.push(c.name.clone());
        }
    }
    let ac = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&pats).expect("country patterns");
    Names { ac, canon }
});

/// A country named in a sentence (offsets relative to the sentence).
#[derive(Debug, Clone)]
pub struct CountryMention {
    pub start: usize,
    pub end: usize,
    pub name: String,
}

/// Every registry country named in `s`, whole words only.
pub fn countries_in(s: &str) -> Vec<CountryMention> {
    let b = s.as_bytes();
    NAMES
        .ac
        .find_iter(s)
        .filter(|m| {
            let before_ok = m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric();
            let after_ok = m.end() == b.len() || !b[m.end()].is_ascii_alphanumeric();
            before_ok && after_ok
        })
        .map(|m| CountryMention { start: m.start(), end: m.end(), name: NAMES.canon[m.pattern().as_usize()].clone() })
        .collect()
}

/// Whether `s` uses an adjective or demonym of `country` ("Mexican" for Mexico): a
/// capitalised word sharing all but the last one or two letters of the name.
pub fn mentions_demonym(s: &str, country: &str) -> bool {
    demonym_at(s, country).is_some()
}

fn demonym_at(s: &str, country: &str) -> Option<usize> {
    let stem_len = country.chars().count().saturating_sub(if country.len() > 5 { 2 } else { 1 });
    if stem_len < 4 || country.contains(' ') {
        return None;
    }
    let stem: String = country.chars().take(stem_len).collect();
    let mut from = 0;
    while let Some(i) = s[from..].find(&stem) {
        let at = from + i;
        let word_end = s[at..].find(|c: char| !c.is_alphabetic()).map(|e| at + e).unwrap_or(s.len());
        let word = &s[at..word_end];
        let starts_word = at == 0 || !s.as_bytes()[at - 1].is_ascii_alphanumeric();
        if starts_word && word != country && word.len() > stem.len() {
            return Some(at);
        }
        from = word_end.max(at + 1);
    }
    None
}

static LIST_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)(?:,|\band\b|\bor\b|\bthe\b|\bincluding\b|\bsuch\s+as\b|\bparticularly\b|\bespecially\b|\bmainly\b|\bprimarily\b|\bmostly\b|\bto\s+a\s+lesser\s+extent\b|\bother\s+countries\b|\bneighboring\b|\s)+$").unwrap()
});

#[derive(Clone, Copy, PartialEq)]
enum Dir {
    From,
    To,
    Other,
}

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    let Some(me) = cx.country_name() else { return };
    let sents = cx.sentences();
    for s in crate::forms::profile_sentences(cx, &sents) {
        let ms = countries_in(s.text);
        let demonym = demonym_at(s.text, me);
        if ms.is_empty() && demonym.is_none() {
            continue;
        }
        let dirs: Vec<Dir> = (0..ms.len()).map(|i| direction(s.text, &ms, i)).collect();
        let origins: Vec<&str> = ms.iter().zip(&dirs).filter(|(_, d)| **d == Dir::From).map(|(m, _)| m.name.as_str()).collect();
        let dests: Vec<&str> = ms.iter().zip(&dirs).filter(|(_, d)| **d == Dir::To).map(|(m, _)| m.name.as_str()).collect();
        let first_dest = ms.iter().zip(&dirs).find(|(_, d)| **d == Dir::To).map(|(m, _)| m.start);
        let self_subject = ms.iter().zip(&dirs).any(|(m, d)| m.name == me && *d == Dir::Other && first_dest.is_some_and(|f| m.start < f))
            || demonym.is_some_and(|p| first_dest.is_some_and(|f| p < f));
        let mut pairs: Vec<(String, String)> = Vec::new();
        if !origins.is_empty() && dests.is_empty() {
            pairs.extend(origins.iter().map(|o| (o.to_string(), me.to_string())));
        } else if !origins.is_empty() {
            for o in &origins {
                pairs.extend(dests.iter().map(|d| (o.to_string(), d.to_string())));
            }
        } else if self_subject {
            pairs.extend(dests.iter().map(|d| (me.to_string(), d.to_string())));
        }
        pairs.retain(|(o, d)| o != d && (o == me || d == me));
        pairs.sort();
        pairs.dedup();
        for (origin, destination) in pairs {
            out.push(cx.fact(FactKind::Flow, FactValue::Flow { origin, destination }, s.all(), NAME, VERSION));
        }
    }
}

/// The preposition heading the list the i-th mention is in.
fn direction(s: &str, ms: &[CountryMention], i: usize) -> Dir {
    let mut end = ms[i].start;
    let mut j = i;
    loop {
        let before = &s[..end];
        let trimmed = LIST_FILLER.find(before).map(|m| m.start()).unwrap_or(end);
        if j > 0 && ms[j - 1].end == trimmed && trimmed < end {
            j -= 1;
            end = ms[j].start;
            continue;
        }
        let word = s[..trimmed].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
        return match word.as_str() {
            "from" => Dir::From,
            "in" | "to" | "into" | "throughout" | "across" | "toward" | "towards" => Dir::To,
            _ => Dir::Other,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{run_kind, values};
    use tierwatch_model::SectionKind::TraffickingProfile;

    fn flows(text: &str) -> Vec<String> {
        values(&run_kind(run, "Mexico", TraffickingProfile, text, FactKind::Flow))
    }

    #[test]
    fn victims_from_abroad_come_to_the_country() {
        // -> Guatemala -> Mexico, Honduras -> Mexico
        assert_eq!(
            flows("Women and children from Guatemala and Honduras are subjected to sex trafficking in border areas."),
            ["Guatemala -> Mexico", "Honduras -> Mexico"]
        );
    }

    #[test]
    fn nationals_exploited_abroad() {
        // -> Mexico -> United States
        assert_eq!(flows("Mexican men are subjected to forced labor in the United States."), ["Mexico -> United States"]);
    }
}
