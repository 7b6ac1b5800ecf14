//! Content classification of paragraphs that no heading labels (old-style reports and
//! chapters that lost their headings).
//!
//! Each paragraph gets a score per section kind from phrases the reports use to open and
//! fill each section; then the labels of the whole document are chosen together so that
//! sections follow one of the orders TIP chapters are written in (a monotone
//! dynamic program, like a tiny Viterbi). Paragraphs a heading already labels are fixed.

use regex::Regex;
use std::sync::LazyLock;
use tierwatch_model::SectionKind;

use SectionKind::*;

/// Section orders the reports use: 2010+ chapters; 2001-2009 chapters (profile first);
/// special cases.
const ORDERS: &[&[SectionKind]] = &[
    &[Intro, Recommendations, Prosecution, Protection, Prevention, TraffickingProfile],
    &[TraffickingProfile, Intro, Recommendations, Prosecution, Protection, Prevention],
    &[Intro, GovernmentEfforts, TraffickingProfile],
];

struct Feature {
    kind: SectionKind,
    re: Regex,
    /// Weight when found in the paragraph's first sentence.
    lead: f32,
    /// Weight per occurrence anywhere (capped at three occurrences).
    any: f32,
}

fn f(kind: SectionKind, pattern: &str, lead: f32, any: f32) -> Feature {
    Feature { kind, re: tierwatch_model::pattern::regex(&format!("(?i){pattern}")).unwrap(), lead, any }
}

static FEATURES: LazyLock<Vec<Feature>> = LazyLock::new(|| {
    vec![
        f(Intro, r"minimum standards for the elimination of trafficking", 4.0, 1.5),
        f(Intro, r"\b(fully (meets|complies|comply)|does not fully (meet|comply))\b", 3.0, 1.5),
        f(Intro, r"significant efforts to do so", 3.0, 1.5),
        f(Intro, r"\b(remain(s|ed)? on|(upgraded|downgraded|placed) (to|on)) Tier\b", 2.0, 2.0),
        f(Intro, r"\bis a special case\b|\bremains a special case\b", 5.0, 2.0),
        f(Intro, r"\bconsecutive year\b|\bserious and sustained efforts\b", 0.5, 0.8),
        f(Recommendations, r"^\s*(PRIORITIZED )?RECOMMENDATIONS|^\s*Recommendations for\b", 6.0, 0.0),
        f(Recommendations, r"can advance (its|their) efforts", 0.0, 1.0),
        f(Prosecution, r"\b(law enforcement|prosecution|prosecutorial|anti-trafficking enforcement) efforts\b|\befforts to (investigate|prosecute)\b", 5.0, 0.5),
        f(Prosecution, r"criminali[sz]|prescrib(ed|ing|es) (penalties|punishment)|imprisonment", 0.5, 0.6),
        f(Prosecution, r"\b(prosecut|convict|investigat|indict|sentenc|court|judge|prosecutor)", 0.2, 0.35),
        f(Prosecution, r"\bcomplicit|\bcomplicity|\bcorrupt", 0.2, 0.4),
        f(Protection, r"\b(protection|victim protection|victim assistance|protective) (efforts|measures)\b|\befforts to (protect|identify)\b|\bprotect(ing)? victims\b", 5.0, 0.5),
        f(Protection, r"\bshelters?\b|\bservices\b|\breferr|\brepatriat|\bcounsel|\bresiden(ce|cy)\b|\brestitution\b|\bmedical\b|\bcare\b", 0.2, 0.35),
        f(Protection, r"\bidentified \S* ?(trafficking |potential )?victims\b|\bvictim identification\b", 0.5, 0.5),
        f(Prevention, r"\bprevention efforts\b|\befforts to prevent\b|\bprevent(ing)? (human )?trafficking\b", 5.0, 0.4),
        f(Prevention, r"\bawareness\b|\bcampaigns?\b|\baction plan\b|\bhotline\b|\brecruit(ment|ers?|ing) (agenc|firm|fee)|\bdemand for commercial sex\b|\bbirth registration\b|\bpeacekeep|\bdiplomatic personnel\b|\bcoordinat", 0.3, 0.4),
        f(TraffickingProfile, r"^\s*As reported over the past", 8.0, 0.0),
        f(TraffickingProfile, r"\bis an? (source|transit|destination)\b|\b(source|transit|destination)(,| and| or)+ (source|transit|destination)?,? ?(and )?(country|countries)\b", 4.0, 1.0),
        f(TraffickingProfile, r"\btraffickers (exploit|recruit|lure|force|subject)|\bsubjected to\b|\bvulnerable to\b|\btrafficked (to|from|into|within)\b", 1.0, 0.3),
        f(GovernmentEfforts, r"\bthe government\b|\bauthorities\b", 0.5, 0.1),
    ]
});

/// Verbs recommendation items start with ("Increase ...; train ...").
const IMPERATIVES: &[&str] = &[
    "increase", "strengthen", "develop", "implement", "continue", "ensure", "establish", "train", "vigorously",
    "amend", "adopt", "provide", "improve", "expand", "enact", "finalize", "allocate", "investigate", "prosecute",
    "proactively", "fully", "conduct", "create", "dedicate", "enhance", "formally", "institute", "make", "pass",
    "raise", "reduce", "screen", "systematically", "take", "undertake", "cease", "criminalize", "eliminate",
    "encourage", "end", "enforce", "fund", "hold", "identify", "monitor", "promote", "protect", "publish",
    "refer", "seek", "support", "use", "work", "consider", "approve", "complete", "collect", "designate",
    "disseminate", "draft", "educate", "effectively", "extend", "grant", "impose", "intensify", "issue",
    "allow", "apply", "assist", "build", "clarify", "coordinate", "offer", "partner", "prevent", "prioritize",
    "regulate", "sufficiently", "significantly", "respect", "revise", "sentence", "convict", "update",
    "reform", "formalize", "review", "strengthen", "institutionalize", "operationalize", "empower", "expedite",
    "harmonize", "integrate", "introduce", "investigate", "provide", "raise", "require", "standardize",
];

/// Raw scores per kind for one paragraph.
pub fn score(paragraph: &str, first_sentence: &str) -> Vec<(SectionKind, f32)> {
    let mut scores: Vec<(SectionKind, f32)> = SectionKind::ALL
        .iter()
        .filter(|k| **k != Heading)
        .map(|&k| (k, 0.0))
        .collect();
    fn add(scores: &mut [(SectionKind, f32)], kind: SectionKind, v: f32) {
        if let Some(s) = scores.iter_mut().find(|(k, _)| *k == kind) {
            s.1 += v;
        }
    }
    for feat in FEATURES.iter() {
        if feat.lead > 0.0 && feat.re.is_match(first_sentence) {
            add(&mut scores, feat.kind, feat.lead);
        }
        if feat.any > 0.0 {
            let n = feat.re.find_iter(paragraph).take(3).count();
            add(&mut scores, feat.kind, feat.any * n as f32);
        }
    }
    add(&mut scores, Recommendations, recommendation_list_score(paragraph));
    // Government efforts is the special-case mixture of the three government sections.
    let gov: f32 = scores
        .iter()
        .filter(|(k, _)| matches!(k, Prosecution | Protection | Prevention))
        .map(|(_, v)| v)
        .sum::<f32>()
        * 0.5;
    add(&mut scores, GovernmentEfforts, gov);
    scores
}

/// How much the paragraph reads like a list of imperative recommendation items.
fn recommendation_list_score(paragraph: &str) -> f32 {
    let items: Vec<&str> = paragraph.split(';').map(str::trim).filter(|s| !s.is_empty()).collect();
    let starts_imperative = |s: &str| {
        let w = s.trim_start_matches(|c: char| !c.is_alphabetic());
        let w = w.strip_prefix("and ").unwrap_or(w);
        // "While respecting due process, improve ..." / "Using the 2005 law, increase ...":
        // the verb follows a leading clause.
        let w = match w.split_once(", ") {
            Some((lead, rest)) if lead.len() < 90 && (lead.starts_with("While") || lead.starts_with("Using") || lead.starts_with("In ")) => rest,
            _ => w,
        };
        let first: String = w.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
        IMPERATIVES.contains(&first.as_str())
    };
    let imperative = items.iter().filter(|s| starts_imperative(s)).count();
    let mut score = 0.0;
    if starts_imperative(paragraph) {
        score += 3.0;
    }
    if items.len() >= 3 {
        score += 9.0 * imperative as f32 / items.len() as f32;
    }
    score
}

/// Choose labels for all paragraphs. `fixed[i]` is a heading-given label; `special_case`
/// says the chapter heading places the country as a Special Case (whose chapters put all
/// government action under one heading). Returns each paragraph's label and confidence
/// (1.0 for fixed labels). The scores of a fixed paragraph are never read (they may be
/// empty: the caller need not compute them).
pub fn label(scores: &[Vec<(SectionKind, f32)>], fixed: &[Option<SectionKind>], special_case: bool) -> Vec<(SectionKind, f32)> {
    let probs: Vec<Vec<(SectionKind, f32)>> = scores.iter().map(|s| softmax(s)).collect();
    let mut best: Option<(f32, Vec<SectionKind>)> = None;
    let special_order: &[&[SectionKind]] = &ORDERS[2..];
    let orders = if special_case { special_order } else { ORDERS };
    for order in orders {
        if let Some((total, labels)) = best_path(order, &probs, fixed) {
            if best.as_ref().is_none_or(|(t, _)| total > *t) {
                best = Some((total, labels));
            }
        }
    }
    match best {
        Some((_, labels)) => labels
            .into_iter()
            .enumerate()
            .map(|(i, k)| (k, if fixed[i].is_some() { 1.0 } else { prob(&probs[i], k) }))
            .collect(),
        // Headings in an order no chapter uses: keep them, and take each free paragraph's best.
        None => probs
            .iter()
            .enumerate()
            .map(|(i, p)| match fixed[i] {
                Some(k) => (k, 1.0),
                None => p.iter().copied().fold((Intro, f32::MIN), |a, b| if b.1 > a.1 { b } else { a }),
            })
            .collect(),
    }
}

fn best_path(order: &[SectionKind], probs: &[Vec<(SectionKind, f32)>], fixed: &[Option<SectionKind>]) -> Option<(f32, Vec<SectionKind>)> {
    let n = probs.len();
    let m = order.len();
    if n == 0 {
        return Some((0.0, vec![]));
    }
    let cost = |i: usize, j: usize| -> f32 {
        match fixed[i] {
            Some(k) if k == order[j] => 0.0,
            Some(_) => f32::NEG_INFINITY,
            None => prob(&probs[i], order[j]).max(1e-6).ln(),
        }
    };
    // dp[i][j]: best total for paragraphs 0..=i with paragraph i labelled order[j].
    let mut dp = vec![vec![f32::NEG_INFINITY; m]; n];
    let mut back = vec![vec![0usize; m]; n];
    for j in 0..m {
        dp[0][j] = cost(0, j);
    }
    for i in 1..n {
        let mut run_best = f32::NEG_INFINITY;
        let mut run_arg = 0;
        for j in 0..m {
            if dp[i - 1][j] > run_best {
                run_best = dp[i - 1][j];
                run_arg = j;
            }
            dp[i][j] = run_best + cost(i, j);
            back[i][j] = run_arg;
        }
    }
    let (mut j, total) = dp[n - 1].iter().copied().enumerate().fold((0, f32::NEG_INFINITY), |a, (j, v)| if v > a.1 { (j, v) } else { a });
    if !total.is_finite() {
        return None;
    }
    let mut labels = vec![order[0]; n];
    for i in (0..n).rev() {
        labels[i] = order[j];
        j = back[i][j];
    }
    Some((total, labels))
}

fn softmax(scores: &[(SectionKind, f32)]) -> Vec<(SectionKind, f32)> {
    let max = scores.iter().map(|s| s.1).fold(f32::MIN, f32::max);
    let exps: Vec<f32> = scores.iter().map(|s| (s.1 - max).exp()).collect();
    let sum: f32 = exps.iter().sum();
    scores.iter().zip(exps).map(|(s, e)| (s.0, e / sum)).collect()
}

fn prob(p: &[(SectionKind, f32)], k: SectionKind) -> f32 {
    p.iter().find(|x| x.0 == k).map(|x| x.1).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(paras: &[&str]) -> Vec<SectionKind> {
        let scores: Vec<_> = paras.iter().map(|p| score(p, p.split(". ").next().unwrap())).collect();
        label(&scores, &vec![None; paras.len()], false).into_iter().map(|l| l.0).collect()
    }

    #[test]
    fn old_style_order_profile_first() {
        let paras = [
            "Ruritania is a source, transit, and destination country for persons trafficked for the purposes of commercial sexual exploitation and forced labor.",
            "The Government of Ruritania does not fully comply with the minimum standards for the elimination of trafficking; however, it is making significant efforts to do so.",
            "The Government of Ruritania increased efforts to investigate and prosecute human traffickers during the reporting period. Article 5 prescribes penalties of up to 10 years' imprisonment.",
            "The government sustained its modest level of victim protection efforts. There are no government-run shelters for victims; NGOs provide services.",
            "The government increased prevention efforts during the reporting period. It sponsored awareness campaigns.",
        ];
        assert_eq!(classify(&paras), vec![TraffickingProfile, Intro, Prosecution, Protection, Prevention]);
    }

    #[test]
    fn new_style_order_without_headings() {
        let paras = [
            "The Government of Ruritania does not fully meet the minimum standards for the elimination of trafficking; however, it is making significant efforts to do so. Therefore Ruritania remained on Tier 2.",
            "Increase efforts to investigate and prosecute trafficking offenses; train officials on victim identification; fund shelters; adopt a national action plan.",
            "The government maintained law enforcement efforts. The law criminalized sex and labor trafficking.",
            "The government increased protection efforts. It identified 40 victims and referred them to shelters.",
            "The government maintained efforts to prevent trafficking. It ran awareness campaigns.",
            "As reported over the past five years, Ruritania is a source and destination country for men, women, and children subjected to sex trafficking and forced labor.",
        ];
        assert_eq!(classify(&paras), vec![Intro, Recommendations, Prosecution, Protection, Prevention, TraffickingProfile]);
    }
}
