//! Explicit zeros from negation: "did not convict any traffickers", "did not report any
//! investigations", "did not report prosecuting or convicting traffickers", "identified no
//! victims", "no convictions", "Neither ... identified any victims". Not "did not report
//! the number of ..." (unknown, not zero), not adverbial hedges ("did not proactively
//! investigate"), and not counts about complicit officials.

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, Period};

use super::words::{self, tokens, Tok};
use crate::context::{Ctx, Sent};

static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:did|does|do|has|have|had|could|would)\s+not\b|\bneither\b|\bnever\b|\bfailed\s+to\b|\bnor\s+(?:did|does|has|have|had)\s+(?:it|they|the\s+government|authorities|officials|police|courts)\b|\b(?:compared\s+(?:with|to)|versus|from)\s+not\s+(?:identifying|investigating|prosecuting|convicting|initiating|reporting)\b").unwrap()
});
static NO_KIND: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:no|zero)\s+(?:[a-z\-]+\s+){0,3}?(?P<k>investigations|prosecutions|convictions|indictments)\b").unwrap()
});
/// "no data on", "no information about": what the kind noun after it is unknown, not zero.
static NO_WORD_ON: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^(?:no|zero)\s+(?:information|data|statistics|details|figures|updates?)\b").unwrap()
});
static NO_VICTIMS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bidentified\s+no\s+(?:[a-z\-]+\s+){0,3}victims\b|\bidentified\s+[^;.]{0,80}?\band\s+no\s+(?:[a-z\-]+\s+){0,3}victims\b|\bno\s+reports?\s+of\s+(?:[a-z\-]+\s+){0,3}victims\s+(?:being\s+|having\s+been\s+)?identified|\bno\s+(?:[a-z\-]+\s+){0,3}victims\s+(?:were|had\s+been|have\s+been)\s+identified|\bnone\s+(?:were|was|had\s+been)\s+identified").unwrap()
});
static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"^(?:anyone|anybody|traffickers?|offenders?|suspects?|defendants?|cases?|victims?|tourists?|individuals|perpetrators?|people|persons|trafficking|crimes?|offenses?|citizens|nationals|foreigners|employers)$").unwrap()
});
static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:,|\(|in\s+(?:19|20)\d\d|during|for\s+the|compared|under|in\s+the\s+reporting|this\s+year|$)").unwrap()
});
static OFFICIALS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bofficials?\b|\bemployees?\b|\bcomplicit|\bcomplicity|\bofficers?\b|\bpolice\b|\bpersonnel\b|\bsoldiers?\b|\bpeacekeepers?\b|\bdiplomats?\b|\bcorrupt").unwrap()
});
static UNKNOWN: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:\w+\s+){0,3}?(?:the\s+number|data|statistics|whether|how\s+many|information|details|comprehensive|disaggregated|figures|on\s+the\s+status)").unwrap()
});

/// Words that may stand between the negation and the first kind word.
fn lead_filler(w: &str) -> bool {
    matches!(
        w,
        "report"
            | "reporting"
            | "reported"
            | "initiate"
            | "initiating"
            | "begin"
            | "beginning"
            | "conduct"
            | "conducting"
            | "secure"
            | "securing"
            | "obtain"
            | "obtaining"
            | "achieve"
            | "achieving"
            | "open"
            | "opening"
            | "record"
            | "any"
            | "new"
            | "trafficking"
            | "case"
            | "cases"
            | "criminal"
            | "formal"
            | "the"
            | "a"
            | "single"
            | "yet"
            | "have"
            | "had"
            | "been"
            | "make"
            | "making"
            | "bring"
            | "complete"
            | "completing"
            | "register"
    )
}

/// Words that may follow a kind word before the next one ("convicting any traffickers, or").
fn object_filler(w: &str) -> bool {
    matches!(
        w,
        "any"
            | "new"
            | "trafficking"
            | "case"
            | "cases"
            | "traffickers"
            | "trafficker"
            | "offenders"
            | "suspects"
            | "defendants"
            | "victims"
            | "potential"
            | "alleged"
            | "suspected"
            | "sex"
            | "labor"
            | "child"
            | "adult"
            | "foreign"
            | "tourists"
            | "individuals"
            | "citizens"
            | "nationals"
            | "foreigners"
            | "employers"
            | "perpetrators"
            | "people"
            | "persons"
            | "or"
            | "and"
            | "nor"
            | ","
            | "of"
            | "human"
            | "for"
            | "cases,"
            | "secure"
            | "securing"
            | "obtain"
            | "achieve"
            | "initiate"
            | "initiating"
            | "report"
            | "reporting"
            | "under"
            | "its"
            | "the"
            | "law"
            | "a"
            | "single"
            | "forced"
            | "any,"
            | "crimes"
            | "offenses"
            | "trafficking-related"
    )
}

/// Whether the object after the last negated verb (up to `end`) opens on a definite word.
fn definite_object(toks: &[Tok], end: usize) -> bool {
    let Some(last_verb) = toks.iter().rposition(|w| w.end <= end && words::trigger(w.text).is_some() && words::kind_noun(w.text).is_none()) else {
        return false;
    };
    toks[last_verb + 1..]
        .iter()
        .map(|w| w.lower())
        .find(|w| !matches!(w.as_ref(), "," | "or" | "and" | "nor"))
        .is_some_and(|w| matches!(w.as_ref(), "the" | "these" | "those" | "them" | "him" | "her" | "this" | "that" | "such" | "its" | "their"))
}

/// The gerund a "not" negates ("not identifying"), which the body must still read.
static GERUND_AFTER_NOT: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:identifying|investigating|prosecuting|convicting|initiating|reporting)$").unwrap());

/// Where a negation stands; its end is where the negated words start.
#[derive(Clone, Copy)]
struct NegationMatch {
    start: usize,
    end: usize,
}

impl NegationMatch {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

/// A sentence about complicit officials: its zeros are complicity, not law-enforcement counts.
static COMPLICIT: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\bcomplicit|\bcomplicity\b").unwrap());
/// Where a negated object ends: the clause turns ("and", "nor") or widens ("including").
static OBJECT_TURN: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i) and |,? nor |, including ").unwrap());
/// "some police officers did not identify victims": a quantified subject makes it a remark
/// about some actors, not a count.
static QUANTIFIED_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:however,?\s*|but\s+|and\s+)?(?:some|many|several|most|few|certain)\b")
        .unwrap()
});

static HABIT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:often|sometimes|generally|usually|typically|frequently|rarely|routinely|consistently|regularly|always|occasionally)\s*$").unwrap()
});

/// A zero about one form of trafficking only ("did not convict any labor traffickers", "no
/// sex trafficking prosecutions", "no prosecutions for child soldiering offenses"): a part
/// of the kind's figures, like a breakdown, not a count of the kind. The comparisons that go
/// with it in the sentence are parts too.
static ONE_FORM: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:labor|labour|sex|sexual)\s+(?:trafficking\s+|traffickers?\b|exploitation\b|offenders?\b|crimes?\b)|\bforced\s+(?:labor|labour|begging|marriage)\b|\bchild\s+soldier(?:s|ing)?\b").unwrap()
});

/// Every zero is told with one of these words ([`NEGATION`], [`NO_KIND`], [`NO_VICTIMS`]).
static GATE: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:not|no|nor|neither|never|failed|zero|none)\b").unwrap());
/// Explicit zeros in one sentence, which names a kind of count (the caller's [`super::KIND_WORDS`]
/// gate); returns whether the sentence's zeros are restricted to one form of trafficking (and
/// were therefore left out).
pub(super) fn run(cx: &Ctx, s: &Sent, report_year: Option<u16>, out: &mut Vec<Fact>) -> bool {
    let t = s.text;
    if !GATE.is_match(t) {
        return false;
    }
    let mut found: Vec<(FactKind, usize, usize)> = Vec::new();
    // zeros about complicit officials are complicity: where complicity is named before the
    // negation ("investigate officials potentially complicit ... but did not report
    // prosecutions") or in its object ("... of government employees complicit in ...");
    // not where a later clause turns to them ("failed to convict a trafficker and a ruling
    // is pending on penalties for complicit police officers")
    let complicit_at = COMPLICIT.find(t).map(|m| m.start());
    for m in NEGATION.find_iter(t) {
        // officials are never the victims a government identifies: complicity named before
        // the negation leaves its victims zero standing ("did not investigate ... officials
        // complicit in ..., nor did it identify or protect any trafficking victims")
        let mut victims_only = false;
        if let Some(c) = complicit_at {
            let clause_end = t[m.end()..].find([';', '.']).map(|i| m.end() + i).unwrap_or(t.len());
            // the negated object ends where the clause turns ("and", "nor") or widens
            // ("traffickers, including officials complicit in ...": not restricted to them)
            let object_end = OBJECT_TURN.find(&t[m.end()..clause_end]).map(|x| m.end() + x.start()).unwrap_or(clause_end);
            if c > m.start() && c < object_end {
                continue;
            }
            victims_only = c < m.start();
        }
        // "compared with not identifying any victims": the gerund is the negated trigger
        let m = match GERUND_AFTER_NOT.find(m.as_str()) {
            Some(g) => NegationMatch { start: m.start(), end: m.start() + g.start() },
            None => NegationMatch { start: m.start(), end: m.end() },
        };
        let clause_start = t[..m.start()].rfind([';', ',']).map(|p| p + 1).unwrap_or(0);
        if QUANTIFIED_SUBJECT.is_match(&t[clause_start..m.start()]) {
            continue;
        }
        // "the government often did not investigate ...": a habit, not a count
        if HABIT_BEFORE.is_match(&t[clause_start..m.start()]) {
            continue;
        }
        let rest_end = t[m.end()..]
            .find([';', '.'])
            .map(|i| m.end() + i)
            .unwrap_or(t.len());
        let body = &t[m.end()..rest_end];
        if UNKNOWN.is_match(body) {
            continue;
        }
        let neither = t[m.start()..m.end()].eq_ignore_ascii_case("neither");
        let toks = tokens(body);
        let mut kinds: Vec<FactKind> = Vec::new();
        let mut started = false;
        let mut victims_needed = false;
        let mut saw_any = false;
        let mut unknown_after_any = 0;
        let mut object = false;
        // where the phrase ends: on its last word, not on a connector after it ("any
        // traffickers, nor did it ...": the "nor" opens the next clause)
        let mut end = 0;
        // whether the word before was "any"
        let mut after_any = false;
        for w in &toks {
            let lw = w.lower();
            // "any Chinese citizens", "any Qatari employers": a nationality after "any"
            let nationality = std::mem::replace(&mut after_any, lw == "any") && w.text.chars().next().is_some_and(|c| c.is_ascii_uppercase());
            if let Some(k) = words::trigger(&lw).or_else(|| words::kind_noun(&lw)) {
                if k == FactKind::VictimsIdentified {
                    victims_needed = true;
                }
                if !kinds.contains(&k) {
                    kinds.push(k);
                }
                started = true;
                end = w.end;
                continue;
            }
            if lw == "any" || lw == "no" {
                saw_any = true;
            }
            if lw.starts_with("victim") {
                victims_needed = false;
            }
            if started && OBJECT.is_match(&lw) {
                object = true;
            }
            let ok = if started {
                // "identify or refer any victims", "identification and protection of any"
                object_filler(&lw)
                    || nationality
                    || words::breaker(&lw) && (lw.starts_with("assist") || lw.starts_with("referr"))
                    || lw.starts_with("protect")
                    || matches!(lw.as_ref(), "refer" | "refers")
            } else if saw_any
                && lw != "any"
                && unknown_after_any < 2
                && lw.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            {
                // "did not conduct any international investigation"
                unknown_after_any += 1;
                true
            } else {
                lead_filler(&lw) || neither
            };
            if !ok {
                break;
            }
            if !matches!(lw.as_ref(), "or" | "and" | "nor" | ",") {
                end = w.end;
            }
            if neither && !started && w.end > 80 {
                break;
            }
        }
        if kinds.is_empty() || (neither && !saw_any) {
            continue;
        }
        // verbs need a trafficking object ("convict any traffickers"), nouns are their own
        let noun_kind = toks
            .iter()
            .any(|w| words::kind_noun(w.text).is_some() && w.end <= end);
        let clause_rest = &body[end.min(body.len())..];
        let ends_clause = clause_rest.trim().is_empty() || CLAUSE_END.is_match(clause_rest);
        if !noun_kind && !object && !ends_clause {
            continue;
        }
        if victims_needed {
            kinds.retain(|k| *k != FactKind::VictimsIdentified);
        }
        // "did not prosecute the suspects", "did not investigate the alleged traffickers": a
        // verb whose object is definite speaks of people or cases told of before, not of a
        // count of none ("did not prosecute any suspects" is one)
        if !saw_any && !noun_kind && definite_object(&toks, end) {
            continue;
        }
        let span = &body[..end.max(1).min(body.len())];
        let tail = &body[end.min(body.len())..];
        // the object's own words, up to 60 bytes (at a char boundary) and before a new clause
        let mut cut = tail.len().min(60);
        while !tail.is_char_boundary(cut) {
            cut -= 1;
        }
        let near = OBJECT_TURN.find(&tail[..cut]).map_or(&tail[..cut], |x| &tail[..x.start()]);
        let near = [" is ", " are ", " was ", " were ", ";"].iter().fold(near, |n, sep| n.split(sep).next().unwrap_or(""));
        if OFFICIALS.is_match(span) || OFFICIALS.is_match(near) && !tail.trim_start().starts_with("compared") {
            continue;
        }
        if victims_only {
            kinds.retain(|k| *k == FactKind::VictimsIdentified);
        }
        for k in kinds {
            found.push((k, m.start(), m.end() + end));
        }
    }
    let complicity = OFFICIALS.is_match(t) && (t.contains("complicit") || t.contains("complicity"));
    for c in NO_KIND.captures_iter(t).filter(|_| !complicity) {
        let k = words::kind_noun(&c["k"]).unwrap();
        let m = c.get(0).unwrap();
        // "provided no information on prosecutions": unknown, not zero (as "did not report
        // the number of ...")
        if NO_WORD_ON.is_match(m.as_str()) {
            continue;
        }
        let tail_end = (m.end()..=(m.end() + 60).min(t.len())).rev().find(|&i| t.is_char_boundary(i)).unwrap_or(m.end());
        let tail = &t[m.end()..tail_end];
        let tail = &tail[..tail.char_indices().last().map(|_| tail.len()).unwrap_or(0)];
        if OFFICIALS.is_match(tail)
            || t[..m.start()].to_ascii_lowercase().ends_with("there were ") && OFFICIALS.is_match(t)
        {
            continue;
        }
        found.push((k, m.start(), m.end()));
    }
    for m in NO_VICTIMS.find_iter(t) {
        found.push((FactKind::VictimsIdentified, m.start(), m.end()));
    }
    found.sort();
    found.dedup_by_key(|f| f.0);
    // "did not convict any traffickers (nine in 2016)": the compared count
    if found.len() == 1 {
        let (kind, _, b) = found[0];
        if let Some(c) = COMPARED.captures(&t[b..]) {
            let v = crate::numbers::numbers(&c["n"]).first().map(|n| n.value);
            if let Some(v) = v {
                let mut f = cx.fact(
                    kind,
                    FactValue::Int(v),
                    s.all(),
                    super::NAME,
                    super::VERSION,
                );
                f.period = Period::Year(c["y"].parse().unwrap_or(0));
                f.confidence = 0.7;
                out.push(f);
            }
        }
    }
    // the negated phrase and its object ("did not investigate, prosecute, or convict any
    // labor traffickers"), up to the clause's end or its comparison
    let one_form = found.iter().any(|&(_, a, b)| {
        let mut end = (b + 80).min(t.len());
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        let phrase = &t[a..end];
        let phrase = phrase.split([';', '(']).next().unwrap_or("");
        let phrase = phrase.split(" compared").next().unwrap_or("");
        let phrase = phrase.split('.').next().unwrap_or("");
        // "for sex trafficking or forced labor" names both: all forms, no part
        let forms: std::collections::BTreeSet<bool> =
            ONE_FORM.find_iter(phrase).map(|f| f.as_str().to_ascii_lowercase().starts_with("sex")).collect();
        forms.len() == 1
    });
    if one_form {
        return true;
    }
    for (kind, a, b) in found {
        let mut f = cx.fact(
            kind,
            FactValue::Int(0),
            s.all(),
            super::NAME,
            super::VERSION,
        );
        f.period = period(t, a, b, report_year);
        f.confidence = 0.7;
        out.push(f);
    }
    false
}

static COMPARED: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^[^;.]{0,60}?(?:\(|compared\s+(?:to|with)\s+)(?P<n>\d[\d,]*|[a-z\-]+)\s+(?:[a-z]+\s+){0,2}?in\s+(?:FY\s*)?(?P<y>(?:19|20)\d\d)").unwrap()
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(
        r"(?i)\b(?:in|during)\s+(?:(?:FY|fiscal\s+year|calendar\s+year)\s*)?(?P<y>(?:19|20)\d\d)\b",
    )
    .unwrap()
});

/// Where the words after a zero turn to the figures it is compared with.
static COMPARISON_CUE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)compared|\b(?:increase|decrease|rise|drop|decline|up|down)\s+from\b|\bversus\b").unwrap()
});
/// "the previous reporting period", "the prior year" right after a zero (no year given); the
/// "the" is optional, since the zero's object may have taken it ("any victims the previous
/// year" ends the object after "the").
static PREVIOUS_NEAR: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:(?:in|during)\s+)?(?:the\s+)?(?:previous|prior|preceding)\s+(?:reporting\s+period|year)\b").unwrap()
});

/// A comparison cue right before a zero: "compared with zero", "an increase from no".
static COMPARED_ZERO: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)(?:\bcompare[sd]?\s+(?:to|with)|\bfrom|\bversus)\s*$").unwrap()
});

fn period(t: &str, a: usize, b: usize, report_year: Option<u16>) -> Period {
    let clause_end = t[b..].find([';', '(']).map(|i| b + i).unwrap_or(t.len());
    let near = &t[b..clause_end];
    let near = COMPARISON_CUE.find(near).map_or(near, |c| &near[..c.start()]);
    if let Some(c) = YEAR.captures(near) {
        return Period::Year(c["y"].parse().unwrap_or(0));
    }
    // "an increase from no investigations, prosecutions, or convictions the previous
    // reporting period"
    if PREVIOUS_NEAR.is_match(near) {
        return Period::PreviousPeriod;
    }
    // "compared with zero prosecutions or convictions since 2014": a compared zero is dated by
    // its own words only, never by the year of the count it is compared with
    if COMPARED_ZERO.is_match(&t[..a]) {
        return Period::Unknown;
    }
    // a year before the zero, not one inside a bracketed comparison ("There were no
    // prosecutions during the reporting period (none in 2016), and the government has never
    // convicted a trafficker")
    if let Some(c) = YEAR.captures_iter(&super::period::without_brackets(&t[..a])).last() {
        return Period::Year(c["y"].parse().unwrap_or(0));
    }
    let l = t.to_ascii_lowercase();
    if l.contains("reporting period") && !near.contains("previous") {
        return Period::ReportingPeriod;
    }
    if l.contains("last year") {
        if let Some(y) = report_year {
            return Period::Year(y - 1);
        }
    }
    if l.contains("compared") {
        if let Some(y) = YEAR
            .captures_iter(&t[b..])
            .filter_map(|c| c["y"].parse::<u16>().ok())
            .max()
        {
            return Period::Year(y + 1);
        }
    }
    Period::Unknown
}
