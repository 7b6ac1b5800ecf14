//! Victim protection statements: shelters (operated/funded -> true; none/lacking -> false),
//! funding for victim care (the amount as written, or false when none was allocated),
//! non-penalization of victims (true when victims are not penalized for unlawful acts
//! committed as a result of being trafficked, false when they were or may have been), and
//! visas or residence permits granted to victims (a count, FactKind::VictimVisas).

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, SectionKind};

use crate::context::{Ctx, Sent};
use crate::gate::Gate;
use crate::numbers;

pub const NAME: &str = "protection";
pub const VERSION: u32 = 1;

static SHELTER: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\bshelters?\b").unwrap());
static SHELTER_NEG: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bno\s+(?:[a-z\-]+\s+){0,3}shelters?|\b(?:did|does|do)\s+not\s+(?:operate|have|fund|run|maintain|provide)\b[^.;]{0,60}shelter|\black(?:ed|s)?\s+(?:of\s+)?(?:[a-z\-]+\s+){0,3}shelters?").unwrap()
});
static SHELTER_POS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:operat|fund|ran\b|runs\b|maintain|provid|offer|accommodat|hous|open|establish|support)\w*").unwrap()
});
static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?:[$•£€]\s?\d[\d,.]*(?:\s+(?:million|billion))?|\b\d[\d,.]*\s+(?:million\s+|billion\s+)?(?:pesos|euros|dollars|rupees|shillings|francs|dinars|rubles|lari|manat|lek|som|tenge|leva|kuna|baht|ringgit|riyals?|dirhams?|naira|cedis|kwacha|birr|taka|dram|marks|zloty|forint|lei|hryvnias?|yuan|yen|won|rand)(?:\s+\([$•£€][\d,.]+(?:\s+million)?\))?)").unwrap()
});
static CARE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bvictim|\bshelter|\bcare\b|\bprotection\b|\bassistance\b|\bservices\b|\brehabilitation|\breintegration").unwrap()
});
/// Money that courts order or the law prescribes ("a fine of", "in restitution",
/// "compensation of", "bail of", "ordered them to pay"): penalties and awards, not funding
/// for victim care, unless a funding word follows ("fined ... and allocated $X to shelters").
static AWARD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:fines?|fined|restitution|compensation|compensate[ds]?|damages|penalt(?:y|ies)|bail|bribes?|sentenc\w*|ordered|prescribed|punishments?|imprisonment)\b[^;]*$").unwrap()
});
static AWARD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:[(\[][^)\]]*[)\]])?[^;,.]{0,25}?\b(?:in\s+(?:restitution|compensation|damages|fines?|unpaid\s+wages|back\s+wages)|as\s+(?:restitution|compensation)|fines?)\b").unwrap()
});
static FUNDING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:allocat|budget|fund|provided|spent|disburs|grant|donat|earmark|contribut)").unwrap()
});

static NO_FUNDING: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:did|does)\s+not\s+(?:allocate|provide|dedicate|disburse|report\s+(?:allocating|providing))\s+(?:any\s+)?(?:specific\s+|dedicated\s+)?(?:funding|funds|resources)|\bno\s+(?:dedicated\s+|specific\s+)?(?:funding|budget)\b").unwrap()
});
static UNLAWFUL_ACTS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)unlawful\s+acts|illegal\s+acts|as\s+a\s+(?:direct\s+)?result\s+of\s+being\s+(?:subjected\s+to\s+trafficking|trafficked)|crimes?\s+committed\s+as\s+a").unwrap()
});
static NOT_PENALIZED: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bno\s+reports?\s+of|\bnot\s+(?:be\s+)?(?:penalized|punished|prosecuted|detained|held\s+liable)|\bexempt|\bprotect\w*\s+victims\s+from|\bimmunity|\bdid\s+not\s+(?:penalize|punish|detain|prosecute)").unwrap()
});
static VISA: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bvisas?\b|\bresiden(?:ce|cy)\s+permits?|\btemporary\s+residen|\bresiden(?:ce|cy)\s+status|\bT-visa").unwrap()
});
static VISA_GRANT: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:grant|given|issu|receiv|approv|award|provid|obtain)\w*").unwrap());

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    for s in cx.sentences() {
        if s.in_any(&[SectionKind::Recommendations, SectionKind::TraffickingProfile]) {
            continue;
        }
        shelters(cx, &s, out);
        funding(cx, &s, out);
        non_penalization(cx, &s, out);
        visas(cx, &s, out);
    }
}

fn shelters(cx: &Ctx, s: &Sent, out: &mut Vec<Fact>) {
    if !SHELTER.is_match(s.text) {
        return;
    }
    let v = if SHELTER_NEG.is_match(s.text) {
        false
    } else if SHELTER_POS.is_match(s.text) {
        true
    } else {
        return;
    };
    out.push(cx.fact(FactKind::Shelter, FactValue::Bool(v), s.all(), NAME, VERSION));
}

fn funding(cx: &Ctx, s: &Sent, out: &mut Vec<Fact>) {
    if !CARE.is_match(s.text) {
        return;
    }
    if let Some(m) = NO_FUNDING.find(s.text) {
        out.push(cx.fact(FactKind::VictimCareFunding, FactValue::Bool(false), s.clause(m.start(), m.end()), NAME, VERSION));
        return;
    }
    // an amount needs a digit (`\d` is any Unicode digit, so a text that is not all ASCII
    // goes on), and care funding names victims or shelters: one pass each, no lower-cased
    // copy of the sentence
    let may_hold_digit = !s.text.is_ascii() || s.text.bytes().any(|b| b.is_ascii_digit());
    if !may_hold_digit || !VICTIM_OR_SHELTER.admits(s.text) {
        return;
    }
    for m in MONEY.find_iter(s.text) {
        // the words of the clause before the amount, back to at most 80 bytes
        let mut from = m.start().saturating_sub(80);
        while !s.text.is_char_boundary(from) {
            from -= 1;
        }
        let before = &s.text[from..m.start()];
        let before = before.rsplit(';').next().unwrap_or(before);
        let award = AWARD_BEFORE.find(before).is_some_and(|a| !FUNDING_WORD.is_match(&before[a.start()..]))
            || AWARD_AFTER.is_match(&s.text[m.end()..]);
        if award {
            continue;
        }
        let v = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(cx.fact(FactKind::VictimCareFunding, FactValue::Text(v), s.clause(m.start(), m.end()), NAME, VERSION));
    }
}

/// "victim" or "shelter" in any ASCII case: what a sentence about care funding names.
static VICTIM_OR_SHELTER: LazyLock<Gate> = LazyLock::new(|| Gate::new(&["victim", "shelter"]));

/// Every match of [`UNLAWFUL_ACTS`] holds one of these words: its own literal prefilter
/// stops at every "as a", in nearly every sentence.
static UNLAWFUL_GATE: LazyLock<Gate> = LazyLock::new(|| Gate::new(&["unlawful", "illegal", "result", "crime"]));

/// Whether [`UNLAWFUL_ACTS`] matches `text` although its gate stays shut: never, when the
/// gate is right (checked over the whole corpus by a test).
#[doc(hidden)]
pub fn gate_misses(text: &str) -> bool {
    !UNLAWFUL_GATE.admits(text) && UNLAWFUL_ACTS.is_match(text)
}

fn non_penalization(cx: &Ctx, s: &Sent, out: &mut Vec<Fact>) {
    if !UNLAWFUL_GATE.admits(s.text) || !UNLAWFUL_ACTS.is_match(s.text) {
        return;
    }
    let v = NOT_PENALIZED.is_match(s.text);
    out.push(cx.fact(FactKind::NonPenalization, FactValue::Bool(v), s.all(), NAME, VERSION));
}

fn visas(cx: &Ctx, s: &Sent, out: &mut Vec<Fact>) {
    if !VISA.is_match(s.text) || !VISA_GRANT.is_match(s.text) {
        return;
    }
    for n in numbers::numbers(s.text) {
        if numbers::is_year(&n) || n.value == 0 {
            continue;
        }
        let after: Vec<String> = s.text[n.end..].split_whitespace().take(4).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase()).collect();
        let unit = after.iter().find_map(|w| match w.as_str() {
            "victims" | "victim" => Some("victims"),
            "visas" | "visa" | "t-visas" => Some("visas"),
            "permits" | "permit" => Some("permits"),
            _ => None,
        });
        let Some(unit) = unit else { continue };
        if after.first().is_some_and(|w| matches!(w.as_str(), "years" | "year" | "months" | "days" | "percent")) {
            continue;
        }
        let mut f = cx.fact(FactKind::VictimVisas, FactValue::Int(n.value), s.all(), NAME, VERSION);
        f.unit = Some(unit.into());
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{run_kind, values};
    use tierwatch_model::SectionKind::Protection;

    fn facts(text: &str, kind: FactKind) -> Vec<String> {
        values(&run_kind(run, "Mexico", Protection, text, kind))
    }

    #[test]
    fn visas_granted_to_victims() {
        // -> 11
        assert_eq!(facts("So far, 11 trafficking victims have been given these visas.", FactKind::VictimVisas), ["11"]);
    }

    #[test]
    fn shelters_and_funding() {
        assert_eq!(facts("While there are no government-run shelters dedicated specifically to trafficking victims, the agency operates shelters.", FactKind::Shelter), ["false"]);
        assert_eq!(facts("The government operated 12 shelters for trafficking victims.", FactKind::Shelter), ["true"]);
        assert_eq!(facts("The government allocated 6.7 million pesos ($340,030) for victim services.", FactKind::VictimCareFunding), ["6.7 million pesos ($340,030)"]);
    }

    #[test]
    fn fines_restitution_and_damages_are_not_care_funding() {
        let none = |t: &str| assert!(facts(t, FactKind::VictimCareFunding).is_empty(), "{t}");
        none("The law prescribed penalties of up to seven years imprisonment and a fine of up to 250,000 Qatari riyal ($68,680) for offenses involving adult victims.");
        none("A judge sentenced two traffickers to prison and required •20,000 ($24,010) in restitution to their victim.");
        none("The court sentenced eight traffickers to prison and ordered them to pay each of their five victims •8,000 ($9,600).");
        none("Judicial officials awarded damages to victims in amounts ranging from 100,000 pesos ($2,010) to 500,000 pesos ($10,030).");
        // a payment the government makes to victims is care
        assert_eq!(
            facts("The government provided reintegration support and a one-time financial payment of 1,000 lari ($380) to victims.", FactKind::VictimCareFunding),
            ["1,000 lari ($380)"]
        );
    }

    #[test]
    fn penalization() {
        assert_eq!(facts("In 2005, there were no reports of victims being penalized for unlawful acts committed as a direct result of being trafficked.", FactKind::NonPenalization), ["true"]);
        assert_eq!(facts("Authorities detained potential sex trafficking victims for unlawful acts committed as a direct result of being subjected to trafficking.", FactKind::NonPenalization), ["false"]);
    }
}
