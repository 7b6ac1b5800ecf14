//! Tier statements: the stated tier (heading line and intro sentence), movement since the
//! previous report and the previous tier, "fully meets" / "does not fully meet" the
//! minimum standards, significant and increasing efforts, the watch-list basis, consecutive
//! years on the watch list, the waiver, the automatic downgrade, and Special Case years.

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::heading::{chapter_heading, HeadingStyle};
use tierwatch_model::{Fact, FactKind, FactValue, SectionKind, TextRange, Tier};

use crate::context::{Ctx, Sent};
use crate::gate::Gate;
use crate::numbers::ordinal_value;

pub const NAME: &str = "tier";
pub const VERSION: u32 = 2;

const TIER_RE: &str = r"(?:Tier\s+1|Tier\s+2\s+Watch\s+List|Tier\s+2|Tier\s+3|Special\s+Case)";

/// "Thailand (Tier 3*) is a source ..." — the tier in brackets after the country's name in the
/// opening sentence (2014 state.gov pages under a bare tier line).
static INLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^[^.\n(]{2,80}?\((?P<t>Tier\s+(?:[123])(?:\s+Watch\s+List)?|Special\s+Case)\s*(?P<star>\*)?\)").unwrap()
});

/// "remained on Tier 2", "was upgraded to Tier 1", "downgraded from Tier 2 to Tier 2 Watch List".
static MOVEMENT: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(&format!(
        r"(?i)\b(?P<mv>remain(?:s|ed)?|upgraded|downgraded|placed)\s+(?:from\s+(?P<prev>{TIER_RE})\s+)?(?:on|to|at)\s+(?:the\s+)?(?P<t>{TIER_RE})"
    ))
    .unwrap()
});

/// "is a Special Case", "remains a Special Case".
static SPECIAL: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"\b(?P<v>is|remains|remained|was)\s+(?:again\s+)?a\s+Special\s+Case\b").unwrap());

static FULLY: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?P<neg>(?:does|did|do)\s+not\s+|doesn't\s+)?fully\s+(?:meets?|compl(?:y|ies)\s+with)\s+(?:the\s+)?minimum\s+standards")
        .unwrap()
});

static SIGNIFICANT: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:is|are|was|were)\s+(?P<neg>not\s+)?making\s+significant\s+efforts").unwrap()
});

static INCREASING: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(
        r"(?i)(?P<neg>\b(?:did|does|has|have|had)\s+not\s+(?:demonstrate|demonstrated|show|shown)\s+|\bfail(?:ed|ure)?\s+to\s+(?:demonstrate|show|provide\s+evidence\s+of)\s+|\bno\s+evidence\s+of\s+)?(?P<pos>\b(?:demonstrated|demonstrates|showed|shown)\s+)?(?:overall\s+)?increasing\s+efforts",
    )
    .unwrap()
});

static CONSECUTIVE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?P<n>[a-z0-9]+)\s+consecutive\s+years?\b").unwrap()
});

static WAIVER: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?P<neg>not\s+)?(?:been\s+)?granted\s+a\s+(?:(?:second|third|further)\s+)?waiver").unwrap()
});

static NOT_ELIGIBLE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:no\s+longer|not)\s+eligible\s+for\s+(?:that\s+ranking|a\s+(?:further\s+)?waiver|Tier\s+2\s+Watch\s+List|another\s+waiver)").unwrap()
});

static DOWNGRADED_T3: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)downgraded\s+to\s+Tier\s+3").unwrap());

/// "there was a government policy or pattern of human trafficking", "a pattern of employing
/// or recruiting child soldiers"; "no ... policy or pattern" is its denial.
static POLICY_OR_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bthere\s+(?:was|is|were|has\s+been)\s+(?P<neg>no\s+(?:\w+\s+)?)?(?:an?\s+)?(?:government\s+)?(?:policy\s+or\s+)?pattern\s+of\s+(?:human\s+trafficking|trafficking|forced\s+labor|sex(?:ual)?\s+slavery|(?:employing|recruiting|using)\b[^.;]{0,40}\bchild\s+soldiers)").unwrap()
});

/// Every match of [`POLICY_OR_PATTERN`] holds "pattern" (its own prefilter stops at every
/// "there"), so the sentences of the other sections without it are skipped.
static PATTERN_WORD: LazyLock<Gate> = LazyLock::new(|| Gate::new(&["pattern"]));

static WATCH_LIST: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)Watch\s+List").unwrap());
static COMMITMENTS: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:future\s+)?commitments?\b").unwrap());
static VICTIM_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)number\s+of\s+(?:trafficking\s+)?victims|victims\s+of\s+severe\s+forms").unwrap()
});

fn tier_code(s: &str) -> Option<&'static str> {
    Tier::parse(s).map(Tier::code)
}

/// Sections where the tier is stated (an unsegmented block counts as intro).
fn is_intro(s: &Sent) -> bool {
    s.section.is_none() || s.in_any(&[SectionKind::Heading, SectionKind::Intro, SectionKind::GovernmentEfforts])
}

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    let mut local = Vec::new();
    heading(cx, &mut local);
    let sents = cx.sentences();
    // A chapter of the profile-first years whose tier paragraph was not told apart from its
    // profile (no intro section found) states its tier there: read the profile then.
    let profile_holds_intro = !cx.has_section(SectionKind::Intro) && !cx.has_section(SectionKind::GovernmentEfforts);
    for s in sents.iter().filter(|s| is_intro(s) || profile_holds_intro && s.in_any(&[SectionKind::TraffickingProfile])) {
        sentence(cx, s, &mut local);
    }
    // the policy-or-pattern finding may stand outside the intro (a 2019+ prosecution part)
    for s in sents.iter().filter(|s| !is_intro(s) && !s.in_any(&[SectionKind::Recommendations]) && PATTERN_WORD.admits(s.text)) {
        for c in POLICY_OR_PATTERN.captures_iter(s.text) {
            let m = c.get(0).unwrap();
            local.push(cx.fact(FactKind::PolicyOrPattern, FactValue::Bool(c.name("neg").is_none()), s.clause(m.start(), m.end()), NAME, VERSION));
        }
    }
    derived(cx, &mut local);
    out.extend(local);
}

/// The chapter heading, read by the one heading grammar (`tierwatch_model::heading`); its
/// asterisk ("UZBEKISTAN (Tier 3*)") is the report's mark of the automatic downgrade. Under a
/// bare tier line the opening sentence may carry the label and the asterisk instead.
fn heading(cx: &Ctx, out: &mut Vec<Fact>) {
    let Some(h) = chapter_heading(&cx.text) else { return };
    let mut f = cx.fact(FactKind::Tier, FactValue::Text(h.tier.code().into()), h.range, NAME, VERSION);
    f.confidence = 1.0;
    out.push(f);
    let mut marked = h.marks_auto_downgrade().then_some(h.range);
    if h.style == HeadingStyle::Bare {
        let rest = cx.text[h.range.end..].trim_start();
        let at = cx.text.len() - rest.len();
        if let Some(c) = INLINE_LABEL.captures(rest) {
            let label = c.get(0).unwrap();
            let range = TextRange::new(at + label.start(), at + label.end());
            if tier_code(&c["t"]) == Some(h.tier.code()) && h.tier == Tier::Tier3 && c.name("star").is_some() {
                marked = marked.or(Some(range));
            }
        }
    }
    if let Some(range) = marked {
        out.push(cx.fact(FactKind::AutoDowngrade, FactValue::Bool(true), range, NAME, VERSION));
    }
}

fn sentence(cx: &Ctx, s: &Sent, out: &mut Vec<Fact>) {
    let t = s.text;
    let text = |v: &str| FactValue::Text(v.to_string());
    for c in MOVEMENT.captures_iter(t) {
        let m = c.get(0).unwrap();
        let Some(code) = tier_code(&c["t"]) else { continue };
        let range = s.clause(m.start(), m.end());
        let mv = c["mv"].to_ascii_lowercase();
        let mut f = cx.fact(FactKind::Tier, text(code), range, NAME, VERSION);
        f.confidence = 0.9;
        out.push(f);
        let movement = if mv.starts_with("remain") {
            Some("remained")
        } else if mv == "upgraded" {
            Some("upgraded")
        } else if mv == "downgraded" {
            Some("downgraded")
        } else {
            None
        };
        if let Some(mv) = movement {
            out.push(cx.fact(FactKind::TierMovement, text(mv), range, NAME, VERSION));
        }
        let prev = match (movement, c.name("prev")) {
            (_, Some(p)) => tier_code(p.as_str()),
            (Some("remained"), None) => Some(code),
            _ => None,
        };
        if let Some(p) = prev {
            out.push(cx.fact(FactKind::PreviousTier, text(p), range, NAME, VERSION));
        }
    }
    for c in SPECIAL.captures_iter(t) {
        let m = c.get(0).unwrap();
        let range = s.clause(m.start(), m.end());
        let mut f = cx.fact(FactKind::Tier, text("special_case"), range, NAME, VERSION);
        f.confidence = 0.9;
        out.push(f);
        if c["v"].starts_with("remain") {
            out.push(cx.fact(FactKind::TierMovement, text("remained"), range, NAME, VERSION));
        }
    }
    for c in FULLY.captures_iter(t) {
        let m = c.get(0).unwrap();
        let v = c.name("neg").is_none();
        out.push(cx.fact(FactKind::FullyMeetsStandards, FactValue::Bool(v), s.clause(m.start(), m.end()), NAME, VERSION));
    }
    for c in SIGNIFICANT.captures_iter(t) {
        let m = c.get(0).unwrap();
        let v = c.name("neg").is_none();
        out.push(cx.fact(FactKind::SignificantEfforts, FactValue::Bool(v), s.clause(m.start(), m.end()), NAME, VERSION));
    }
    for c in INCREASING.captures_iter(t) {
        let m = c.get(0).unwrap();
        let v = match (c.name("neg"), c.name("pos")) {
            (Some(_), _) => false,
            (None, Some(_)) => true,
            (None, None) => continue,
        };
        let range = s.clause(m.start(), m.end());
        out.push(cx.fact(FactKind::IncreasingEfforts, FactValue::Bool(v), range, NAME, VERSION));
        if !v && WATCH_LIST.is_match(t) {
            out.push(cx.fact(FactKind::WatchListBasis, text("no_increasing_efforts"), range, NAME, VERSION));
        }
    }
    let watch = WATCH_LIST.is_match(t);
    if watch {
        if let Some(m) = COMMITMENTS.find(t) {
            out.push(cx.fact(FactKind::WatchListBasis, text("future_commitments"), s.clause(m.start(), m.end()), NAME, VERSION));
        }
        if let Some(m) = VICTIM_NUMBER.find(t) {
            out.push(cx.fact(FactKind::WatchListBasis, text("victims_number"), s.clause(m.start(), m.end()), NAME, VERSION));
        }
    }
    let special = t.contains("Special Case");
    if watch || special {
        for c in CONSECUTIVE.captures_iter(t) {
            let m = c.get(0).unwrap();
            let Some(n) = ordinal_value(&c["n"]) else { continue };
            let kind = if watch { FactKind::WatchListConsecutiveYears } else { FactKind::SpecialCaseConsecutiveYears };
            let range = s.clause(m.start(), m.end());
            out.push(cx.fact(kind, FactValue::Int(n), range, NAME, VERSION));
            if kind == FactKind::SpecialCaseConsecutiveYears && n >= 2 {
                out.push(cx.fact(FactKind::TierMovement, text("remained"), range, NAME, VERSION));
            }
        }
    }
    for c in POLICY_OR_PATTERN.captures_iter(t) {
        let m = c.get(0).unwrap();
        out.push(cx.fact(FactKind::PolicyOrPattern, FactValue::Bool(c.name("neg").is_none()), s.clause(m.start(), m.end()), NAME, VERSION));
    }
    for c in WAIVER.captures_iter(t) {
        let m = c.get(0).unwrap();
        out.push(cx.fact(FactKind::Waiver, FactValue::Bool(c.name("neg").is_none()), s.clause(m.start(), m.end()), NAME, VERSION));
    }
    let auto = NOT_ELIGIBLE.find(t).or_else(|| {
        DOWNGRADED_T3.find(t).filter(|_| CONSECUTIVE.is_match(t) && watch)
    });
    if let Some(m) = auto {
        out.push(cx.fact(FactKind::AutoDowngrade, FactValue::Bool(true), s.clause(m.start(), m.end()), NAME, VERSION));
    }
}

/// Statements implied by others: on the watch list without evidence of increasing efforts.
fn derived(cx: &Ctx, out: &mut Vec<Fact>) {
    let watch_listed = out
        .iter()
        .filter(|f| f.kind == FactKind::Tier)
        .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
        .is_some_and(|f| f.value.as_text() == Some("tier2_watch_list"));
    let has_basis = out.iter().any(|f| f.kind == FactKind::WatchListBasis);
    if !watch_listed || has_basis {
        return;
    }
    let no_increase = out
        .iter()
        .find(|f| f.kind == FactKind::IncreasingEfforts && f.value.as_bool() == Some(false))
        .map(|f| f.provenance.range);
    if let Some(r) = no_increase {
        let mut f = cx.fact(FactKind::WatchListBasis, FactValue::Text("no_increasing_efforts".into()), r, NAME, VERSION);
        f.confidence = 0.7;
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{run_kind, values};
    use tierwatch_model::SectionKind::{Heading, Intro};

    fn facts(text: &str, kind: FactKind) -> Vec<String> {
        values(&run_kind(run, "Mexico", Intro, text, kind))
    }

    #[test]
    fn heading_lines() {
        // MEXICO: TIER 2
        assert_eq!(values(&run_kind(run, "Mexico", Heading, "MEXICO: TIER 2\n", FactKind::Tier)), ["tier2"]);
        // CONGO, DEMOCRATIC REPUBLIC OF THE: TIER 2 WATCH / LIST (broken line)
        let t = "CONGO, DEMOCRATIC REPUBLIC OF THE: TIER 2 WATCH\nLIST\n";
        assert_eq!(values(&run_kind(run, "DRC", Heading, t, FactKind::Tier)), ["tier2_watch_list"]);
        // The second half glued to the intro: "TIER 2" / "WATCH LISTThe Government ..."
        let t = "SIERRA LEONE: TIER 2\n\nWATCH LISTThe Government of Sierra Leone does not fully meet the minimum standards.";
        assert_eq!(values(&run_kind(run, "Sierra Leone", Heading, t, FactKind::Tier)), ["tier2_watch_list"]);
        // Mexico (Tier 2 Watch List)
        let t = "Mexico (Tier 2 Watch List)\n\nMexico is a source";
        assert_eq!(values(&run_kind(run, "Mexico", Heading, t, FactKind::Tier)), ["tier2_watch_list"]);
        // every form of every year reads the same way as the readers read it
        for (t, tier) in [
            ("NEPAL: Tier 2\n\nThe Government", "tier2"),
            ("SPECIAL CASE: LIBYA\n\nLibya is", "special_case"),
            ("Yemen (Special Case)\n\nThe", "special_case"),
            ("HONDURAS (TIER 2)\n\nHonduras is", "tier2"),
        ] {
            assert_eq!(values(&run_kind(run, "X", Heading, t, FactKind::Tier)), [tier], "{t:?}");
        }
    }

    #[test]
    fn the_asterisk_is_an_automatic_downgrade() {
        let t = "UZBEKISTAN (Tier 3*)\n\nUzbekistan is a source country for men, women, and children.";
        let facts = run_kind(run, "Uzbekistan", Heading, t, FactKind::AutoDowngrade);
        assert_eq!(values(&facts), ["true"]);
        assert_eq!(facts[0].provenance.quote, "UZBEKISTAN (Tier 3*)");
        assert_eq!(values(&run_kind(run, "Uzbekistan", Heading, t, FactKind::Tier)), ["tier3"]);
        // a bare tier line, the asterisk in the opening sentence
        let t = "Tier 3\n\nThailand (Tier 3*) is a source, destination, and transit country.";
        let facts = run_kind(run, "Thailand", Heading, t, FactKind::AutoDowngrade);
        assert_eq!((values(&facts), facts[0].provenance.quote.as_str()), (vec!["true".to_string()], "Thailand (Tier 3*)"));
        assert_eq!(values(&run_kind(run, "Thailand", Heading, t, FactKind::Tier)), ["tier3"]);
        assert!(run_kind(run, "Nepal", Heading, "NEPAL (Tier 2)\n\nNepal is", FactKind::AutoDowngrade).is_empty());
    }

    #[test]
    fn movement_and_previous_tier() {
        let t = "The government demonstrated increasing efforts compared to the previous reporting period; therefore Mexico remained on Tier 2.";
        // -> tier2, remained, previous tier2, increasing efforts true
        assert_eq!(facts(t, FactKind::Tier), ["tier2"]);
        assert_eq!(facts(t, FactKind::TierMovement), ["remained"]);
        assert_eq!(facts(t, FactKind::PreviousTier), ["tier2"]);
        assert_eq!(facts(t, FactKind::IncreasingEfforts), ["true"]);
        let t = "Therefore Armenia was downgraded to Tier 2.";
        assert_eq!(facts(t, FactKind::TierMovement), ["downgraded"]);
        let t = "Therefore Benin was upgraded from Tier 2 Watch List to Tier 2.";
        assert_eq!(facts(t, FactKind::TierMovement), ["upgraded"]);
        assert_eq!(facts(t, FactKind::PreviousTier), ["tier2_watch_list"]);
    }

    #[test]
    fn standards_and_efforts() {
        let t = "The Government of Mexico does not fully meet the minimum standards for the elimination of trafficking; however, it is making significant efforts to do so.";
        assert_eq!(facts(t, FactKind::FullyMeetsStandards), ["false"]);
        assert_eq!(facts(t, FactKind::SignificantEfforts), ["true"]);
        let t = "The Government of Eritrea does not fully meet the minimum standards for the elimination of trafficking and is not making significant efforts to do so.";
        assert_eq!(facts(t, FactKind::SignificantEfforts), ["false"]);
        let t = "The Government of Iceland fully meets the minimum standards for the elimination of trafficking.";
        assert_eq!(facts(t, FactKind::FullyMeetsStandards), ["true"]);
        let t = "However, the government did not demonstrate overall increasing efforts compared to the previous reporting period.";
        assert_eq!(facts(t, FactKind::IncreasingEfforts), ["false"]);
    }

    /// A profile-first chapter whose tier paragraph was not told apart from its profile (no
    /// intro section) still states whether it meets the standards; where an intro exists, the
    /// profile is not read for it.
    #[test]
    fn the_tier_paragraph_inside_a_profile_without_intro() {
        let t = "Sweden is a destination country for women trafficked for sexual exploitation. The Government of Sweden fully complies with the minimum standards for the elimination of trafficking.";
        let got = run_kind(run, "Sweden", SectionKind::TraffickingProfile, t, FactKind::FullyMeetsStandards);
        assert_eq!(got.iter().map(|f| f.value.render()).collect::<Vec<_>>(), ["true"]);

        let intro = "The Government of Sweden does not fully meet the minimum standards.";
        let text = format!("{intro}\n{t}");
        let (d, mut seg) = crate::testutil::doc("Sweden", SectionKind::Intro, &text);
        seg.paragraphs[0].range = TextRange::new(0, intro.len());
        seg.paragraphs.push(tierwatch_model::Paragraph {
            range: TextRange::new(intro.len() + 1, text.len()),
            section: SectionKind::TraffickingProfile,
            method: tierwatch_model::SegmentMethod::Heading,
            confidence: 1.0,
        });
        seg.sentences = vec![
            tierwatch_model::Sentence { range: TextRange::new(0, intro.len()), paragraph: 0 },
            tierwatch_model::Sentence { range: TextRange::new(intro.len() + 1, text.len()), paragraph: 1 },
        ];
        let cx = crate::Ctx::new(&d, &seg);
        let mut out = Vec::new();
        run(&cx, &mut out);
        let fully: Vec<String> = out.iter().filter(|f| f.kind == FactKind::FullyMeetsStandards).map(|f| f.value.render()).collect();
        assert_eq!(fully, ["false"]);
    }

    #[test]
    fn watch_list_statements() {
        // Old style: remains on the watch list for the fourth year on future commitments.
        let t = "The Government of Mexico remains on Tier 2 Watch List for the fourth consecutive year based on future commitments of the government to undertake additional efforts.";
        assert_eq!(facts(t, FactKind::Tier), ["tier2_watch_list"]);
        assert_eq!(facts(t, FactKind::WatchListConsecutiveYears), ["4"]);
        assert_eq!(facts(t, FactKind::WatchListBasis), ["future_commitments"]);
        let t = "Because the government has devoted sufficient resources to a written plan, Cuba was granted a waiver per the Trafficking Victims Protection Act from an otherwise required downgrade to Tier 3. Therefore Cuba remained on Tier 2 Watch List for the fourth consecutive year.";
        assert_eq!(facts(t, FactKind::Waiver), ["true"]);
        assert_eq!(facts(t, FactKind::WatchListConsecutiveYears), ["4"]);
        let t = "Although Laos meets the criteria for Tier 2 Watch List, because it has been on Tier 2 Watch List for four consecutive years, it is no longer eligible for that ranking and was therefore downgraded to Tier 3.";
        assert_eq!(facts(t, FactKind::AutoDowngrade), ["true"]);
        assert_eq!(facts(t, FactKind::Tier), ["tier3"]);
        assert_eq!(facts(t, FactKind::TierMovement), ["downgraded"]);
    }

    #[test]
    fn a_government_policy_or_pattern() {
        let t = "During the reporting period, there was a government policy or pattern of human trafficking in prison camps.";
        assert_eq!(facts(t, FactKind::PolicyOrPattern), ["true"]);
        let t = "In addition, there was a pattern of employing or recruiting child soldiers and a pattern of sexual slavery.";
        assert_eq!(facts(t, FactKind::PolicyOrPattern), ["true"]);
        assert!(facts("The government maintained a pattern of cooperation with NGOs.", FactKind::PolicyOrPattern).is_empty());
    }

    #[test]
    fn special_case() {
        let t = "Libya is a Special Case for the third consecutive year.";
        assert_eq!(facts(t, FactKind::Tier), ["special_case"]);
        assert_eq!(facts(t, FactKind::SpecialCaseConsecutiveYears), ["3"]);
        assert_eq!(facts(t, FactKind::TierMovement), ["remained"]);
    }
}
