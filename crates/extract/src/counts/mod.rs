//! Counts of investigations, prosecutions, convictions and victims identified.
//!
//! A number counts when its noun phrase names the kind ("13 trafficking investigations")
//! or names cases/suspects/defendants/traffickers/victims counted by the nearest trigger
//! verb or noun of the clause ("convicted 95 traffickers", "prosecutions against 609
//! individuals", "identified 13 victims"). Numbers in a comparison ("(16 in 2016)",
//! "compared to 479 in 2016") take the kind of the count they compare with. Parts of a
//! stated total ("including 180 ...", "Of these, two ...", dash lists) are left out, as
//! are years, dates, money, percentages, ages, durations, article numbers and counts
//! about complicit officials. Explicit zeros come from negations (see [`zeros`]).

mod parts;
mod period;
mod retold;
mod unreported;
mod words;
mod zeros;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, Period, Qualifier, SectionKind};

use crate::context::{Ctx, Sent};
use crate::gate::Gate;
use crate::numbers::{self, NumberMention};
use words::{tokens, Tok};

pub const NAME: &str = "counts";
pub const VERSION: u32 = 34;

/// Sentences about complicit officials: their counts belong to official complicity.
static COMPLICITY: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\bcomplicit|\bcomplicity|\bcorrupt").unwrap());

/// Words before a number that make it part of a total stated before.
static PART_OF: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)(?:\bincluding|\bof\s+whom|\bof\s+which|\bamong\s+them|\bamong\s+whom|\bexcept(?:\s+for)?|\bincluded|\bincludes)\s*$")
        .unwrap()
});
static OF_THESE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:of\s+(?:these|those|them|this\s+total|the\s+total|the\s+[\d,]+\b[^,;()]{0,90},)|(?:within|among)\s+(?:these|those)\b|in\s+addition\s+to\s+these)").unwrap()
});
/// Victims other than "victims" (girls, children, ...) count only in a trafficking context.
static TRAFFICKING_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)traffick|victim|exploit|prostitution|forced|commercial\s+sex").unwrap()
});

static RANGE_OF_YEARS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:to|and|-+)\s*[\w,.]+\s+(?:years?|months?)\b").unwrap()
});

/// Cues before a number that make it a comparison ("compared to 12 in 2016", "on par with nine
/// it convicted in 2016").
static COMPARE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)(?:compare[sd]?\s+(?:to|with)|(?:increase|decrease|rise|drop|decline|up|down)\s+from|\bfrom|versus|vs\.?|\bon\s+par\s+with|\bsimilar\s+to|\bthe\s+same\s+as|\(|\band|\bor|than|,)\s*(?:a\s+total\s+of\s+|only\s+|just\s+)?$").unwrap()
});
/// What follows a comparison number: "in 2016", "in FY 2016", "the previous year".
static COMPARE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:(?:federal|state|new|total|cases?|suspects?|defendants?|traffickers?|victims?|investigations?|prosecutions?|convictions?|individuals|both)\s+){0,3}(?:in|during|for)\s+(?:both\s+)?(?:(?:FY|fiscal\s+year|calendar\s+year)\s*)?(?:19|20)\d\d\b|^\s*(?:[a-z\-]+\s+){0,2}?(?:in|during)\s+the\s+(?:previous|prior|last|preceding)\b|^\s*(?:[a-z\-]+\s+){0,2}?(?:the\s+)?(?:previous|prior|preceding)\s+(?:(?:two|three|four|five|\d)\s+)?(?:years?|reporting)").unwrap()
});

/// "and ", ", ", "or " before a number that follows one.
static COORDINATED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)").unwrap());

static COMPARE_AFTER_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?P<w>(?:[a-z\-]+\s+){0,4}?)(?:in|during|for)\s+(?:both\s+)?(?:(?:FY|fiscal\s+year|calendar\s+year)\s*)?(?:19|20)\d\d\b").unwrap()
});

/// Whether the words after a number make it a comparison ("(three sex traffickers in 2016)").
fn compare_after(after: &str) -> bool {
    if COMPARE_AFTER.is_match(after) {
        return true;
    }
    // "compared with 44 (42 sex trafficking cases and two labor trafficking cases) in 2016": the
    // period after a breakdown
    let past = period::past_undated_bracket(after);
    if past.len() < after.len() && compare_after(past) {
        return true;
    }
    // "an increase from 274 and 207 in 2016, respectively": a number coordinated with the
    // next one shares the period after that one
    if let Some(c) = COORDINATED_NUMBER.find(after) {
        let rest = &after[c.end()..];
        let word = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
        if let Some(n) = numbers::numbers(word).into_iter().next().filter(|n| n.start == 0 && !numbers::is_year(n)) {
            return compare_after(&rest[n.end..]);
        }
    }
    COMPARE_AFTER_WORDS.captures(after).is_some_and(|c| {
        c["w"].split_whitespace().all(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "with"
                    | "for"
                    | "to"
                    | "from"
                    | "as"
                    | "of"
                    | "by"
                    | "on"
                    | "at"
                    | "into"
                    | "were"
                    | "was"
                    | "had"
                    | "who"
                    | "that"
                    | "which"
            )
        })
    })
}

/// A count found in a sentence.
#[derive(Debug, Clone)]
struct Mention {
    num: NumberMention,
    kind: FactKind,
    unit: Option<&'static str>,
    scope: Option<&'static str>,
    qualifier: Qualifier,
    comparison: bool,
    /// Sentence-relative end of the noun phrase (or the number).
    np_end: usize,
    period: Option<Period>,
}

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    let first = out.len();
    sentences(cx, out);
    retold::repeated_mentions_take_their_period(&mut out[first..]);
    retold::taken_up_figures_take_their_period(&mut out[first..]);
}


/// Every count names its kind: a word of [`words::trigger`] or [`words::kind_noun`] (the
/// stems below, ASCII-lowercased as those do) in its sentence, from which a number, a
/// comparison or a zero takes its kind; "did not report the number of ..." names it too
/// ([`unreported`]). Most sentences of the government sections name none ("The government
/// provided shelter to 12 women") and this one pass skips them before the tokens, numbers and
/// patterns of the rest. The corpus snapshot test holds that no count is lost by it.
static KIND_WORDS: LazyLock<Gate> = LazyLock::new(|| {
    Gate::new(&["investigat", "prosecut", "indict", "charge", "charging", "convict", "opened", "opening", "identif"])
});

fn sentences(cx: &Ctx, out: &mut Vec<Fact>) {
    let report_year = cx.doc.metadata.report_year.map(|y| y.get());
    for s in cx.sentences() {
        if s.in_any(&[
            SectionKind::TraffickingProfile,
            SectionKind::Recommendations,
            SectionKind::Heading,
        ]) || !KIND_WORDS.admits(s.text)
        {
            continue;
        }
        let mut zeros = Vec::new();
        let one_form_zero = zeros::run(cx, &s, report_year, &mut zeros);
        let first = out.len();
        if !COMPLICITY.is_match(s.text) {
            sentence(cx, &s, report_year, one_form_zero, out);
            unreported::run(cx, &s, out, first);
        }
        // "zero convictions" read as a number already: the negation's reading of it is the same
        // count once more, unless it dates it otherwise ("did not initiate any investigations
        // in 2017, compared to ... none in 2015" holds two zeros)
        zeros.retain(|z| {
            !out[first..].iter().any(|f| f.kind == z.kind && f.value == z.value && (f.period == z.period || z.period == Period::Unknown))
        });
        out.extend(zeros);
    }
}

/// The counts of one sentence; `one_form_zero`: the sentence's zero is about one form of
/// trafficking, so its comparisons are left out with it.
fn sentence(
    cx: &Ctx,
    s: &Sent,
    report_year: Option<u16>,
    one_form_zero: bool,
    out: &mut Vec<Fact>,
) {
    let t = s.text;
    // every count is a number of the sentence: without one there is nothing to read
    let raw = numbers::numbers(t);
    if raw.is_empty() {
        return;
    }
    let toks = tokens(t);
    let nums: Vec<NumberMention> = raw.iter().copied().filter(|n| !excluded(t, &toks, n)).collect();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut skipped_of_these = false;
    let zones = parts::zones(t);
    // whether the last number looked at became a count (a comparison inherits only from one)
    let mut last_taken = true;
    let mut last_seen_end = 0;
    let mut last_was_part = false;
    let mut other_offence_before = false;
    // the numbers that count officials; they and the elliptical numbers of their clause
    // belong to complicity
    let officials: Vec<&NumberMention> = nums.iter().filter(|n| official_noun_after(&toks, n)).collect();
    let sentence_compares = SENTENCE_COMPARES.is_match(t);
    let mut i = 0;
    while i < nums.len() {
        let n = nums[i];
        if numbers::is_year(&n) {
            i += 1;
            continue;
        }
        // coordinated numbers share a noun phrase: "127 federal and 298 state investigations"
        let (head, group_end) = head_of(t, &toks, &nums, i);
        let group: Vec<NumberMention> = nums[i..=group_end].to_vec();
        i = group_end + 1;
        for (gi, n) in group.iter().enumerate() {
            let seen_before = last_seen_end;
            last_seen_end = n.end;
            let last_seen_end = seen_before;
            let prev_end = if gi > 0 {
                group[gi - 1].end
            } else {
                mentions.last().map(|m| m.num.end).unwrap_or(0)
            };
            let before = &t[prev_end.min(n.start)..n.start];
            let clause_start = t[..n.start].rfind(';').map(|p| p + 1).unwrap_or(0);
            let first_in_clause =
                mentions.last().is_none_or(|m| m.num.start < clause_start) && gi == 0;
            let of_these = OF_THESE.is_match(&t[clause_start..n.start]);
            let own_kind_noun = head
                .as_ref()
                .is_some_and(|h| words::kind_noun(&h.0).is_some());
            if PART_OF.is_match(&t[..n.start]) || of_these && first_in_clause && !skipped_of_these {
                skipped_of_these |= of_these;
                // a comparison after "including ..." compares the total; after "Of these,
                // eight were minors" it compares the part
                last_taken &= !of_these;
                last_was_part = true;
                continue;
            }
            // within "Of these, ..." only counts that name their own kind stand alone
            if of_these && !own_kind_noun {
                last_taken = false;
                continue;
            }
            // "convicted 13 defendants in seven cases": the cases are the unit of the count
            // before, not a count of their own; but "39 cases involving 31 suspects" and
            // "95 traffickers involved in 40 cases" are two.
            // "convicting three Egyptians in one case": after a number and its noun
            let after_number = seen_before_number(&nums, n).is_some_and(|p| {
                p.end >= clause_start && {
                    let between = t[p.end..n.start].trim().to_ascii_lowercase();
                    let words: Vec<&str> = between.split_whitespace().collect();
                    words.len() <= 4 && words.last() == Some(&"in") && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
                        && !words.iter().any(|w| w.starts_with("involv"))
                }
            });
            if in_cases(t, &toks, n) && after_number {
                continue;
            }
            // "it is not clear if any of the three defendants have been prosecuted"
            // (from the clause's last ", but": "it was unclear how many calls ..., but
            // officials identified one trafficking victim")
            // (or ", although": "It was not clear how many foreign victims were identified,
            // although MOI reported identifying 59 possible foreign victims")
            let turn = [", but ", ", although ", ", though "]
                .iter()
                .filter_map(|c| t[clause_start..n.start].rfind(c))
                .max()
                .map(|p| clause_start + p)
                .unwrap_or(clause_start);
            if UNCERTAIN.is_match(&t[turn..n.start]) {
                continue;
            }
            if in_cases(t, &toks, n)
                && mentions.last().is_some_and(|m| {
                    m.num.start >= clause_start
                        && m.unit != Some("cases")
                        && m.np_end <= n.start
                        && matches!(t[m.np_end..n.start].trim().to_ascii_lowercase().as_str(), "in" | "in all" | "across")
                })
            {
                continue;
            }
            // "One investigation led to the prosecution of four suspects": a sentence that
            // opens on "One" tells of one case, it does not count them
            if !n.digits && n.value == 1 && t[..n.start].trim().is_empty() && tells_of_one_case(&toks, n) {
                continue;
            }
            // "In one case, ...", "In one prosecution completed in 2017, the government
            // convicted 62 offenders", "convicted one sex trafficker and, in one case, four
            // labor traffickers": an opener that sets the scene for one case
            if !n.digits && n.value == 1 && IN_ONE_OPENER.is_match(&t[..n.end]) {
                continue;
            }
            // "investigated 42 individuals for pimping", "1,420 individuals convicted on
            // prostitution charges": counts for another offence than trafficking
            if other_offence(&t[n.end..]) && head.as_ref().is_none_or(|h| !words::victim_noun(&h.0)) {
                last_taken = false;
                other_offence_before = true;
                continue;
            }
            // "..., compared with the prosecution of 3,989 brick kiln owners": the comparison
            // of a count for another offence
            // (the rest of such a sentence tells of that offence, unless a count names
            // trafficking: "42 individuals for pimping and 12 suspects for trafficking")
            if other_offence_before && !names_trafficking_soon(&t[n.end..]) {
                continue;
            }
            // "120 of whom were victims of forced prostitution (107 in 2016)", "22 of these
            // suspects were investigated for child trafficking (22 in 2016)": a dated bracket
            // after a part told with its own verb compares that part, which is left out
            if parts::dated_bracket(t, n.start)
                && raw.iter().rev().find(|p| p.end <= n.start && !numbers::is_year(p)).is_some_and(|p| {
                    p.start >= clause_start && !mentions.iter().any(|m| m.num.start == p.start) && PART_PREDICATE.is_match(&t[p.end..n.start])
                })
            {
                continue;
            }
            let comparison = sentence_compares
                || (COMPARE_BEFORE.is_match(&t[..n.start]) && compare_after(&t[n.end..]) || parts::dated_bracket(t, n.start))
                    && !mentions.is_empty();
            // "24 were adults and 14 were children (30 adults and 16 children in 2016)": a
            // bracket compares the numbers of its clause before it; when none of them became a
            // count (parts told with a verb of their own, counts of something else), the
            // bracket's numbers are not counts either
            if comparison && bracket_compares_no_count(t, &nums, &mentions, clause_start, n.start) {
                continue;
            }
            let qualifier = qualifier(&t[..n.start]);
            let scope =
                scope_of(&t[n.end..head.as_ref().map(|h| h.1.start).unwrap_or(n.end).max(n.end)]);
            // "Šcompared to 12 in 2016" after a breakdown compares the total before it
            let after_zone = zones
                .iter()
                .any(|z| z.end >= last_seen_end && z.end <= n.start);
            let inherit = || {
                if last_taken || after_zone {
                    mentions
                        .last()
                        .map(|m| vec![(m.kind, m.unit)])
                        .unwrap_or_default()
                } else {
                    vec![]
                }
            };
            let mut kinds = match &head {
                Some((hw, htok)) => kinds_for_head(t, &toks, n.start, hw, htok),
                None => headless(&toks, n),
            };
            if kinds.is_empty() && comparison {
                kinds = inherit();
            }
            // a part of the total stated before it (of the same kind: parts of another kind,
            // "investigated 50 cases (20 of which were prosecuted)", are counts of their own)
            let in_zone = parts::inside(&zones, n.start);
            // in a sentence that is all comparison ("This was compared with five
            // investigations and six prosecutions (two sex trafficking and four labor
            // trafficking) ..."), a breakdown is still the parts of the total before it
            let whole_sentence_breakdown = sentence_compares && !parts::dated_bracket(t, n.start);
            if (!comparison || whole_sentence_breakdown) && in_zone {
                let owner = mentions.last().map(|m| m.kind);
                if kinds.is_empty() || owner.is_none_or(|o| kinds.iter().any(|(k, _)| *k == o)) {
                    // a comparison after the zone still compares the total
                    last_was_part = true;
                    continue;
                }
            }
            // "including 336 sex trafficking victims (335 in 2016)": the comparison of a part;
            // "(18 sex trafficking cases and seven forced labor cases in 2016)" after parts
            let in_brackets = t[..n.start].matches('(').count() > t[..n.start].matches(')').count();
            if comparison && last_was_part && (in_zone || in_brackets && names_one_form(&t[n.end..])) {
                continue;
            }
            last_was_part = false;
            // "investigations of 20 officials, prosecuted eight, and convicted five": counts
            // about officials are complicity, and so are the elliptical ones after them
            // ("…, including one police officer; initiated two new prosecutions (three in
            // 2016)": a clause after the semicolon is not about them)
            let about_officials = officials.iter().any(|o| {
                let (a, b) = if o.end <= n.start { (o.end, n.start) } else { (n.end, o.start.max(n.end)) };
                !t[a..b].contains(';')
            });
            if about_officials && (head.is_none() || official_noun_after(&toks, n)) {
                continue;
            }
            if kinds.is_empty() || !comparison && dash_part(before) {
                // "eight were minors, compared with four": a number with a predicate of its
                // own is what a following comparison compares
                last_taken = !OWN_PREDICATE.is_match(&t[n.end..]);
                continue;
            }
            // "21 cases with 147 suspects (...), 20 cases of sex trafficking and one case of
            // forced labor": after a total of its kind, a count of one form is a part of it
            if !comparison && names_one_form(&t[n.end..]) {
                // (not after a comparison cue: "as compared to only one sex trafficking case and
                // one forced labor case" are the earlier period's figures)
                let total_before = mentions.iter().any(|m| {
                    !m.comparison
                        && kinds.iter().any(|(k, _)| *k == m.kind)
                        && !names_one_form(&t[m.num.end..])
                        && !COMPARE_CUE_WORD.is_match(&t[m.num.end..n.start])
                });
                if total_before {
                    last_was_part = true;
                    continue;
                }
            }
            // "opened 420 child labor cases": a noun phrase naming another offence
            if head.as_ref().is_some_and(|h| !words::victim_noun(&h.0) && OTHER_OFFENCE_NP.is_match(&t[n.end..h.1.start.max(n.end)])) {
                continue;
            }
            last_taken = true;
            let np_end = head
                .as_ref()
                .map(|h| h.1.end)
                .unwrap_or(n.end)
                .max(group.last().unwrap().end);
            for (kind, unit) in kinds {
                mentions.push(Mention {
                    num: *n,
                    kind,
                    unit,
                    scope,
                    qualifier,
                    comparison,
                    np_end,
                    period: None,
                });
            }
        }
    }
    if mentions.is_empty() {
        return;
    }
    period::assign(t, &mut mentions, report_year, sentence_compares);
    if one_form_zero {
        mentions.retain(|m| !m.comparison);
    }
    for m in mentions {
        let mut f = cx.fact(m.kind, FactValue::Int(m.num.value), s.all(), NAME, VERSION);
        f.period = m.period.unwrap_or(Period::Unknown);
        f.qualifier = m.qualifier;
        f.scope = m.scope.map(String::from);
        f.unit = m.unit.map(String::from);
        f.confidence = if m.comparison { 0.75 } else { 0.85 };
        out.push(f);
    }
}

/// Whether the innermost bracket open at `at` follows numbers of its clause (from
/// `clause_start`) of which none is a count.
fn bracket_compares_no_count(t: &str, nums: &[NumberMention], mentions: &[Mention], clause_start: usize, at: usize) -> bool {
    let mut depth = 0usize;
    let mut open = None;
    for (i, c) in t[clause_start..at].char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                open = Some(clause_start + i);
                break;
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    let Some(open) = open else { return false };
    let mut before = nums.iter().filter(|m| m.start >= clause_start && m.end <= open && !numbers::is_year(m)).peekable();
    before.peek().is_some() && before.all(|b| !mentions.iter().any(|m| m.num.start == b.start))
}

/// "This is compared to ...", "These figures compare with ...": the whole sentence gives the
/// figures of an earlier period.
static SENTENCE_COMPARES: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:this|these|that|those)(?:\s+\w+)?\s+(?:is|are|was|were)\s+compared\s+(?:to|with)|^\s*(?:this|these)(?:\s+\w+)?\s+compare[sd]?\s+(?:to|with)|^\s*(?:by|in)\s+comparison\b").unwrap()
});

/// "20 officials", "11 government officials", "two police officers": a number counting
/// officials.
fn official_noun_after(toks: &[Tok], n: &NumberMention) -> bool {
    let Some(k) = toks.iter().position(|x| x.start == n.start) else { return false };
    toks[k + 1..].iter().take(7).map(Tok::lower).filter(|w| w != "(" && w != ")").take(5).take_while(|w| w.chars().all(|c| c.is_alphabetic() || c == '-')).any(|w| {
        matches!(w.as_ref(), "officials" | "officers" | "officer" | "policemen" | "soldiers" | "guards" | "judges" | "prosecutors" | "diplomats" | "employees")
    })
}

/// What a count is for, when it is another offence: "for pimping", "on prostitution
/// charges", "for promoting prostitution", "for smuggling", "for document forgery" (and no
/// mention of trafficking on the way).
static OTHER_OFFENCE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s+(?:[\w\-]+\s+){0,4}?(?:for|on|of)\s+(?:charges\s+of\s+)?(?:the\s+)?(?:[a-z\-]+\s+){0,3}?(?:prostitution|pimping|procuring|procurement|smuggling|fraud|forgery|perjury|witness\s+intimidation|extortion|other\s+(?:crimes|offen[cs]es)|(?:exploitative\s+)?child\s+labou?r|illegal\s+recruitment|(?:immigration|labou?r)\s+(?:act|law|code)\s+violations?|immigration\s+(?:violations?|offen[cs]es)|overcharg\w*|(?:excessive|illegal|unlawful)\s+(?:recruitment\s+)?fees|lack\s+of\s+compliance\s+with\s+labou?r\s+laws?|violations?\s+of\s+(?:the\s+)?labou?r\s+(?:laws?|code))\b(?:\s+charges)?").unwrap()
});

fn other_offence(after: &str) -> bool {
    let mut cut = after.len().min(90);
    while !after.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = after[..cut].split([';', '.', '(']).next().unwrap_or("");
    // forced and child prostitution are sex trafficking
    OTHER_OFFENCE.find(window).is_some_and(|m| {
        let l = m.as_str().to_ascii_lowercase();
        !l.contains("traffick") && !l.contains("forced prostitution") && !l.contains("child prostitution") && !l.contains("coerced")
    })
}

/// The number before `n` in the sentence, other than a year.
fn seen_before_number<'a>(nums: &'a [NumberMention], n: &NumberMention) -> Option<&'a NumberMention> {
    nums.iter().rev().find(|m| m.end <= n.start && !numbers::is_year(m))
}

/// The form of trafficking a count's own words name ("20 cases of sex trafficking", "five
/// for forced labor", "18 sex trafficking cases"), up to its clause's next comma.
fn names_one_form(after: &str) -> bool {
    let mut cut = after.len().min(50);
    while !after.is_char_boundary(cut) {
        cut -= 1;
    }
    let own = after[..cut].split([',', ';', '(']).next().unwrap_or("");
    ONE_FORM_NP.is_match(own)
}

static ONE_FORM_NP: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s+(?:[\w\-]+\s+){0,3}?(?:(?:of|for|to)\s+)?(?:sex\s+trafficking|labou?r\s+trafficking|forced\s+labou?r|forced\s+begging|sexual\s+exploitation)\b").unwrap()
});

/// A comparison cue between two numbers.
static COMPARE_CUE_WORD: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\bcompared\b|\bversus\b|\b(?:up|down|increase|decrease)\s+from\b").unwrap());

/// Modifiers that make a count one of another offence: "420 child labor cases".
static OTHER_OFFENCE_NP: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\bchild\s+labou?r\b|\bsmuggling\b|\blabou?r\s+(?:law|code)\b|\bpimping\b").unwrap());

/// Whether the words right after a number (to the clause's end, at most 60 bytes) name
/// trafficking.
fn names_trafficking_soon(after: &str) -> bool {
    let mut cut = after.len().min(60);
    while !after.is_char_boundary(cut) {
        cut -= 1;
    }
    after[..cut].split([';', ',']).next().unwrap_or("").to_ascii_lowercase().contains("traffick")
}

/// Doubt before a number: "it is not clear if", "unclear whether".
static UNCERTAIN: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\bnot\s+clear\s+(?:if|whether|how\s+many)\b|\bunclear\s+(?:if|whether|how\s+many)\b|\bunknown\s+(?:whether|how\s+many)\b").unwrap());

/// "One investigation led to ...", "One case involved ...": one case told of.
static IN_ONE_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)(?:^|[,;]|\band)\s*(?:(?:for\s+example|for\s+instance|additionally|also|however|in\s+addition)\s*,\s*)?(?:in|during|through)\s+(?:one|a\s+single)$").unwrap()
});

fn tells_of_one_case(toks: &[Tok], n: &NumberMention) -> bool {
    let Some(k) = toks.iter().position(|x| x.start == n.start) else { return false };
    let noun = toks.get(k + 1).map(Tok::lower).unwrap_or_default();
    let verb = toks.get(k + 2).map(Tok::lower).unwrap_or_default();
    (words::kind_noun(&noun).is_some() || noun == "case")
        && matches!(verb.as_ref(), "led" | "resulted" | "involved" | "concerned" | "ended" | "began" | "started")
}

/// Between a part and the bracket after it: the part's own verb ("of whom were victims of
/// forced prostitution (", "of these suspects in 2017 were investigated for child trafficking (").
static PART_PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^[^();]{0,120}?\b(?:were|was)\b[^();]{0,120}\($").unwrap()
});

/// A number that is the subject of its own clause: "eight were minors".
static OWN_PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s+(?:[a-z\-]+\s+)?(?:were|was|are|is|had|have|remained|involved)\b").unwrap()
});

/// "Articles 189a and 253", "sections 5, 6 and 7": the numbers after the first are article
/// numbers too.
static ARTICLE_LIST: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:articles?|sections?|paragraphs?|laws?|decrees?|acts?|chapters?|clauses?)\s+[\w.\-]+(?:\s*,\s*[\w.\-]+)*\s*,?\s*(?:and|or|,)\s*$").unwrap()
});

/// "in seven cases", "in all five cases", "across 12 trafficking cases": the number counts
/// the cases another count is spread over.
fn in_cases(t: &str, toks: &[Tok], n: &NumberMention) -> bool {
    let Some(k) = toks.iter().position(|x| x.start == n.start) else {
        return false;
    };
    let at = if k >= 2 && toks[k - 1].lower() == "all" {
        k - 1
    } else {
        k
    };
    let before_in = at >= 2
        && matches!(toks[at - 1].lower().as_ref(), "in" | "across")
        && !toks[at - 2].lower().starts_with("involv");
    let _ = t;
    let after = toks[k + 1..]
        .iter()
        .take(4)
        .take_while(|w| w.text.chars().next().is_some_and(char::is_alphanumeric));
    before_in
        && after
            .into_iter()
            .any(|w| matches!(w.lower().as_ref(), "cases" | "case"))
}

/// Numbers that are never counts: dates, money, percentages, ages, durations, articles,
/// compound adjectives ("30-day").
static N_OF_THE_M: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?P<verb>[a-z]+)\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|all|both|most)\s+(?:out\s+)?of\s+(?:the|these|those|its)?\s*$").unwrap()
});

fn excluded(t: &str, toks: &[Tok], n: &NumberMention) -> bool {
    let after = t[n.end..].trim_start();
    let after_word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '%')
        .collect::<String>()
        .to_ascii_lowercase();
    let before = t[..n.start].trim_end();
    let before_word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.' && c != '$')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if t[n.end..].starts_with('-') && t[n.end..].chars().nth(1).is_some_and(char::is_alphabetic) {
        return true;
    }
    // "convicted seven of the eight suspects": the verb counts the first number; the second
    // is the set it was taken from (told before, and counted by another verb)
    if N_OF_THE_M.captures(before).is_some_and(|c| words::trigger(&c["verb"]).is_some()) {
        return true;
    }
    if t[n.end..].starts_with('%')
        || before.ends_with('$')
        || before.ends_with('•')
        || before.ends_with('£')
    {
        return true;
    }
    if matches!(
        after_word.as_str(),
        "percent"
            | "%"
            | "million"
            | "billion"
            | "thousand"
            | "pesos"
            | "dollars"
            | "euros"
            | "years"
            | "year"
            | "months"
            | "month"
            | "days"
            | "day"
            | "weeks"
            | "week"
            | "hours"
            | "hour"
            | "am"
            | "pm"
            | "times"
    ) || is_month_word(&after_word)
    {
        return true;
    }
    if matches!(
        before_word.as_str(),
        "article"
            | "articles"
            | "section"
            | "sections"
            | "law"
            | "no."
            | "no"
            | "decree"
            | "act"
            | "chapter"
            | "paragraph"
            | "part"
            | "clause"
            | "resolution"
            | "code"
            | "ages"
            | "age"
            | "aged"
            | "number"
            | "phase"
            | "level"
            | "tier"
            | "fy"
            | "rs"
            | "usd"
            | "page"
            | "item"
            | "point"
    ) || is_month_word(&before_word)
    {
        return true;
    }
    if ARTICLE_LIST.is_match(before) {
        return true;
    }
    // the lower end of a range of years: "from five to 23 years"
    if RANGE_OF_YEARS.is_match(&t[n.end..]) {
        return true;
    }
    // "one of", "one another", "one or more"
    if !n.digits && n.value == 1 && matches!(after_word.as_str(), "of" | "another" | "or") {
        return true;
    }
    let _ = toks;
    false
}

fn is_month_word(w: &str) -> bool {
    words::is_month(w)
}

/// The head noun of the number at `nums[i]` and the index of the last number sharing it.
fn head_of<'a>(
    t: &'a str,
    toks: &[Tok<'a>],
    nums: &[NumberMention],
    i: usize,
) -> (Option<(Cow<'a, str>, Tok<'a>)>, usize) {
    let mut group_end = i;
    let mut k = toks
        .iter()
        .position(|x| x.start >= nums[i].end)
        .unwrap_or(toks.len());
    // "Thirty-three of these cases resulted in convictions": a part of cases told before
    // that came to another kind is a count of that kind, headed by the partitive's noun
    // (other partitives are parts: "two of these suspects were prosecuted for child
    // trafficking", "three of the identified victims were minors")
    if toks.get(k).is_some_and(|w| w.lower() == "of")
        && toks.get(k + 1).is_some_and(|w| matches!(w.lower().as_ref(), "these" | "those" | "the"))
    {
        if let Some(h) = head_within(toks, k + 2, 2).filter(|h| words::case_noun(h.text) == Some("cases")) {
            let after = toks.iter().position(|x| x.start == h.start).map_or(&[][..], |j| &toks[j + 1..]);
            if outcome_after(after).is_some() {
                return (Some((h.lower(), h)), group_end);
            }
        }
    }
    let mut modifiers = 0;
    while k < toks.len() {
        let w = toks[k];
        let lw = w.lower();
        if (lw == "and" || lw == "or")
            && group_end + 1 < nums.len()
            && toks
                .get(k + 1)
                .is_some_and(|x| x.start == nums[group_end + 1].start)
            && !numbers::is_year(&nums[group_end + 1])
        {
            group_end += 1;
            k += 2;
            continue;
        }
        // "seven case prosecutions": a kind noun right after a case noun is the head
        if words::case_noun(&lw).is_some() {
            if let Some(nx) = toks
                .get(k + 1)
                .filter(|nx| words::kind_noun(nx.text).is_some())
            {
                return (Some((nx.lower(), *nx)), group_end);
            }
        }
        if words::head_noun(&lw) {
            return (Some((lw, w)), group_end);
        }
        // "448 reported trafficking cases": a participle before the head noun is one of
        // its modifiers, not the verb that ends the phrase ("263 reported the previous year")
        if lw == "reported" && modifiers < 5 {
            if let Some(h) = head_within(toks, k + 1, 2) {
                return (Some((h.lower(), h)), group_end);
            }
        }
        // "identified 215 females as potential trafficking victims": the number counts
        // what it is identified as
        if lw == "as" && modifiers > 0 {
            if let Some(h) = head_within(toks, k + 1, 3).filter(|h| words::victim_noun(h.text)) {
                return (Some((h.lower(), h)), group_end);
            }
        }
        let punct = !w.text.chars().next().is_some_and(|c| c.is_alphanumeric());
        // "one listening center recorded many cases": a verb or a quantifier ends the
        // number's noun phrase ("12 pending cases" keeps its modifier)
        let new_action = words::breaker(&lw) && lw.ends_with("ed");
        if punct
            || new_action
            || matches!(lw.as_ref(), "many" | "several" | "some" | "numerous" | "multiple" | "few")
            || words::np_stop(&lw)
            || modifiers >= 5
            || w.text.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            break;
        }
        modifiers += 1;
        k += 1;
    }
    let _ = t;
    (None, group_end)
}

/// The head noun ([`words::head_noun`]) at `toks[k]` or after at most `max` words before it
/// that can only modify a noun (no punctuation, number, article, conjunction, or word that
/// ends a noun phrase).
fn head_within<'a>(toks: &[Tok<'a>], k: usize, max: usize) -> Option<Tok<'a>> {
    for w in toks.iter().skip(k).take(max + 1) {
        let lw = w.lower();
        if words::head_noun(&lw) {
            return Some(*w);
        }
        let word = w.text.chars().all(|c| c.is_alphabetic() || c == '-');
        if !word || words::np_stop(&lw) || words::breaker(&lw) || matches!(lw.as_ref(), "and" | "or" | "the" | "a" | "an") {
            return None;
        }
    }
    None
}

/// Whether "identified" (or "newly-identified") stands in or right after the noun phrase.
fn has_identified_after(t: &str, toks: &[Tok], head: Tok) -> bool {
    // "victims identified", "victims newly identified"; not "victims and identified one";
    // past an undated breakdown in brackets: "1,128 potential trafficking victims (529 people
    // in prostitution, ...) identified in the previous reporting period"
    let after = &t[head.end..];
    let from = head.end + (after.len() - period::past_undated_bracket(after).len());
    let next: Vec<Cow<str>> = toks.iter().filter(|x| x.start >= from).take(2).map(Tok::lower).collect();
    next.first().is_some_and(|w| w.contains("identified"))
        || next.len() == 2 && next[0].ends_with("ly") && next[1].contains("identified")
}

/// A number with no noun after it: "convicted 21 of trafficking", "48 were convicted".
fn headless(toks: &[Tok], n: &NumberMention) -> Vec<(FactKind, Option<&'static str>)> {
    let Some(k) = toks.iter().position(|x| x.start == n.start) else {
        return vec![];
    };
    let next = toks.get(k + 1).map(|x| x.lower()).unwrap_or_default();
    // "convicting three Egyptians in one case", "prosecuted 12 Nigerians": a verb's object
    // named by a plural noun outside the lists (nationals, workers) is still its count
    // ("investigating five recruitment agents": up to two modifiers before that noun)
    if k > 0 && k + 1 < toks.len() {
        let prev = toks[k - 1].lower();
        let is_unit = |w: &str| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "years" | "months" | "days" | "weeks" | "hours" | "times" | "cases" | "victims" | "percent"
            )
        };
        let modifier = |w: &Tok| {
            w.text.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !words::np_stop(w.text) && !is_unit(w.text)
        };
        let noun_at = (k + 1..toks.len().min(k + 4)).find(|&j| {
            let noun = toks[j].text;
            noun.len() > 3 && noun.ends_with('s') && noun.chars().all(char::is_alphabetic) && !words::np_stop(noun)
        });
        // with modifiers, the object must be offences or be counted for trafficking
        // ("346 trafficking offenses", "five recruitment agents for suspected human
        // trafficking"; not "five new schools", "eight bar owners for pandering")
        let noun_at = noun_at.filter(|&j| {
            j == k + 1
                || toks[k + 1..j].iter().all(modifier)
                    && (matches!(toks[j].lower().as_ref(), "crimes" | "offenses" | "offences")
                        || toks[j + 1..].iter().take(6).any(|w| w.lower().starts_with("traffick")))
        });
        let plural = noun_at.is_some();
        let unit_word = noun_at.is_some_and(|j| is_unit(toks[j].text)) || is_unit(&next);
        if plural && !unit_word && (prev.ends_with("ed") || prev.ends_with("ing")) && !prev.contains('-') {
            if let Some(kind) = people_verb(&prev) {
                return vec![(kind, Some("individuals"))];
            }
        }
    }
    if k > 0 && matches!(next.as_ref(), "of" | "for" | "under" | "on") {
        let prev = toks[k - 1].lower();
        if prev.ends_with("ed") || prev.ends_with("ing") {
            if let Some(kind) = people_verb(&prev) {
                return vec![(kind, Some("individuals"))];
            }
        }
    }
    if matches!(next.as_ref(), "were" | "was") {
        if let Some(kind) =
            passive_trigger(toks, &toks[k]).filter(|x| *x != FactKind::VictimsIdentified)
        {
            return vec![(kind, Some("individuals"))];
        }
    }
    // "the prosecution of 73", "convictions of 12": a kind noun and "of"
    if k >= 2 && toks[k - 1].lower() == "of" {
        if let Some(kind) = words::kind_noun(toks[k - 2].text) {
            return vec![(kind, Some("individuals"))];
        }
    }
    // "and 12 convicted in 2019", "nine prosecuted": a participle right after the number
    if next.ends_with("ed") && !next.ends_with("identified") {
        if let Some(kind) = words::trigger(&next) {
            return vec![(kind, Some("individuals"))];
        }
    }
    // "prosecuted 73, including ...", "convicted 12 in 2019": the verb's object is the number
    // (not "convicted one", a pronoun)
    if !n.digits && n.value == 1 {
        return vec![];
    }
    let ends_np = matches!(
        next.as_ref(),
        "," | ";" | "." | "and" | "in" | "during" | "compared" | "(" | ""
    ) || k + 1 >= toks.len();
    if k >= 1 && ends_np {
        let prev = toks[k - 1].lower();
        if (prev.ends_with("ed") || prev.ends_with("ing")) && !prev.contains('-') {
            if let Some(kind) = people_verb(&prev) {
                return vec![(kind, Some("individuals"))];
            }
        }
    }
    vec![]
}

/// A verb whose bare object can be people ("prosecuted 12 Nigerians", "convicted 21 of
/// trafficking"): the law-enforcement triggers, but not "identified" (victims are named by
/// their own nouns) and not "opened" (cases and investigations are opened, people are not:
/// "opened 42 lawsuits").
fn people_verb(word: &str) -> Option<FactKind> {
    if matches!(word, "opened" | "opening") {
        return None;
    }
    words::trigger(word).filter(|x| *x != FactKind::VictimsIdentified)
}

/// Kinds and units for a number whose noun phrase ends in `head`.
fn kinds_for_head(
    t: &str,
    toks: &[Tok],
    num_start: usize,
    head: &str,
    head_tok: &Tok,
) -> Vec<(FactKind, Option<&'static str>)> {
    // "654 cases for investigation", "12 cases for prosecution": the purpose names the kind
    if words::case_noun(head) == Some("cases") {
        let k = toks.iter().position(|x| x.start == head_tok.start).unwrap_or(0);
        if toks.get(k + 1).is_some_and(|w| w.lower() == "for") {
            if let Some(kind) = toks.get(k + 2).and_then(|w| words::kind_noun(w.text)) {
                return vec![(kind, Some("cases"))];
            }
        }
    }
    if let Some(k) = words::kind_noun(head) {
        return vec![(k, Some("cases"))];
    }
    // a clause ends at ";" and at ", while" / ", whereas" (no verb governs across them)
    let clause_start = [t[..num_start].rfind(';').map(|p| p + 1), t[..num_start].rfind(", while").map(|p| p + 6), t[..num_start].rfind(" whereas").map(|p| p + 8)]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0);
    let mut clause_end = t[num_start..]
        .find(';')
        .map(|p| num_start + p)
        .unwrap_or(t.len())
        .min(num_start + 80);
    while !t.is_char_boundary(clause_end) {
        clause_end -= 1;
    }
    if words::victim_noun(head)
        && !head.starts_with("victim")
        && !TRAFFICKING_CONTEXT.is_match(&t[num_start..clause_end])
    {
        return vec![];
    }
    single_kind(t, toks, num_start, head, head_tok, clause_start)
        .into_iter()
        .collect()
}

fn single_kind(
    t: &str,
    toks: &[Tok],
    num_start: usize,
    head: &str,
    head_tok: &Tok,
    clause_start: usize,
) -> Vec<(FactKind, Option<&'static str>)> {
    let victim = words::victim_noun(head);
    // the noun phrase itself may carry the trigger: "newly-identified victims", "victims identified"
    let np_words: Vec<&Tok> = toks
        .iter()
        .filter(|x| x.start >= num_start && x.end <= head_tok.start)
        .collect();
    if victim {
        let inside = np_words.iter().any(|w| w.lower().contains("identified"));
        if inside || has_identified_after(t, toks, *head_tok) {
            return vec![(FactKind::VictimsIdentified, Some("victims"))];
        }
    }
    // a passive trigger after the noun phrase: "Nine defendants were convicted"
    if let Some(k) = passive_trigger(toks, head_tok) {
        let fits = if victim {
            k == FactKind::VictimsIdentified
        } else {
            k != FactKind::VictimsIdentified
        };
        if fits {
            let unit = if victim {
                Some("victims")
            } else {
                words::case_noun(head)
            };
            return vec![(k, unit)];
        }
    }
    // nearest trigger before the number in the same clause, with no other action between
    let before: Vec<&Tok> = toks
        .iter()
        .filter(|x| x.start >= clause_start && x.end <= num_start)
        .collect();
    // in a comparison the figures carry their own participles: "compared with nine
    // traffickers prosecuted and 12 convicted in 2019 and nine cases prosecuted and seven
    // traffickers convicted in 2018"
    if before
        .iter()
        .any(|w| matches!(w.lower().as_ref(), "compared" | "versus"))
    {
        if let Some(k) = participle_after(toks, head_tok, victim) {
            return vec![(k, words::case_noun(head))];
        }
    }
    let mut broken = false;
    for (j, w) in before.iter().enumerate().rev() {
        // "newly-identified" describes its own noun phrase only
        let trig = if w.text.contains('-') {
            None
        } else {
            words::trigger(w.text)
        };
        // "but not yet convicting": a negated trigger counts nothing; an earlier one may
        let negated = j >= 1 && matches!(before[j - 1].lower().as_ref(), "not" | "yet" | "never") && trig.is_some();
        if negated {
            continue;
        }
        if let Some(k) = trig {
            let fits = if victim {
                k == FactKind::VictimsIdentified
            } else {
                k != FactKind::VictimsIdentified
            };
            if !fits {
                if victim {
                    return vec![];
                }
                continue;
            }
            if broken {
                return vec![];
            }
            let unit = if victim {
                Some("victims")
            } else {
                words::case_noun(head)
            };
            let mut out = vec![(k, unit)];
            // "prosecuting and convicting 13 child traffickers": both
            if j >= 2 && matches!(before[j - 1].lower().as_ref(), "and" | "or") {
                // "prosecuting and convicting 13", "the prosecution and conviction of one"
                // (two nouns only where the first heads no number of its own: not "15
                // investigations and prosecutions of 49")
                let w2 = before[j - 2].lower();
                let nouns = words::kind_noun(&w2).is_some()
                    && words::kind_noun(w.text).is_some()
                    && !(j >= 3 && before[j - 3].text.chars().next().is_some_and(|c| c.is_ascii_digit()))
                    && !(j >= 3 && crate::numbers::numbers(before[j - 3].text).first().is_some_and(|n| n.start == 0 && n.end == before[j - 3].text.len()));
                let verb = w2.ends_with("ing") || w2.ends_with("ed") || nouns;
                if let Some(k2) = words::trigger(before[j - 2].text)
                    .filter(|k2| verb && *k2 != k && *k2 != FactKind::VictimsIdentified)
                {
                    if !victim {
                        out.insert(0, (k2, unit));
                    }
                }
            }
            return out;
        }
        // "..., compared with nine traffickers prosecuted": a participle after the compared
        // figure names its kind, over any verb before the comparison
        if matches!(w.lower().as_ref(), "compared" | "versus") {
            if let Some(k) = participle_after(toks, head_tok, victim) {
                return vec![(k, words::case_noun(head))];
            }
        }
        if words::breaker(w.text) {
            // "identified and referred 370 victims": the trigger joined by "and" still governs,
            // an adverb before the second verb too ("convicted and similarly sentenced three")
            let adverb = j >= 1 && before[j - 1].lower().ends_with("ly") && before[j - 1].text.len() > 3;
            let and_at = if adverb { j.checked_sub(2) } else { j.checked_sub(1) };
            let joined = and_at.is_some_and(|a| {
                a >= 1 && before[a].lower() == "and" && words::trigger(before[a - 1].text).is_some()
            });
            if !joined {
                broken = true;
            }
        }
    }
    // no verb before it: a participle right after the noun phrase
    if let Some(k) = participle_after(toks, head_tok, victim) {
        return vec![(k, words::case_noun(head))];
    }
    vec![]
}

/// "nine traffickers prosecuted", "20 defendants convicted in seven cases": a trigger
/// participle right after the head noun (not for victims: "victims identified" is handled
/// with the noun phrase).
fn participle_after(toks: &[Tok], head: &Tok, victim: bool) -> Option<FactKind> {
    let w = toks.iter().find(|x| x.start > head.start)?;
    let lw = w.lower();
    if victim || !lw.ends_with("ed") {
        return None;
    }
    words::trigger(&lw).filter(|k| *k != FactKind::VictimsIdentified)
}

/// "<head> were (subsequently) convicted"; for cases also "<cases> (that) led to a
/// prosecution", "<cases> resulted in convictions": what the cases came to is their kind.
fn passive_trigger(toks: &[Tok], head: &Tok) -> Option<FactKind> {
    let k = toks.iter().position(|x| x.start == head.start)?;
    if words::case_noun(head.text) == Some("cases") {
        if let Some(kind) = outcome_after(&toks[k + 1..]) {
            return Some(kind);
        }
    }
    let mut saw_aux = false;
    for w in toks.iter().skip(k + 1).take(4) {
        let lw = w.lower();
        if matches!(
            lw.as_ref(),
            "were" | "was" | "had" | "have" | "has" | "been" | "being"
        ) {
            saw_aux = true;
            continue;
        }
        if matches!(
            lw.as_ref(),
            "also" | "subsequently" | "later" | "reportedly" | "formally" | "successfully"
        ) {
            continue;
        }
        if matches!(lw.as_ref(), "remained" | "remain" | "remains" | "under") {
            saw_aux = true;
            continue;
        }
        if saw_aux && lw == "investigation" {
            return Some(FactKind::Investigations);
        }
        if matches!(lw.as_ref(), "faced" | "face" | "faces" | "facing") {
            return Some(FactKind::Prosecutions);
        }
        return if saw_aux && lw.ends_with("ed") {
            words::trigger(&lw)
        } else {
            None
        };
    }
    None
}

/// "(that|which) led to a prosecution", "resulted in convictions", "resulted in a criminal
/// conviction": the kind noun the words after a case noun lead to, up to one modifier.
fn outcome_after(after: &[Tok]) -> Option<FactKind> {
    let lw: Vec<Cow<str>> = after.iter().take(6).map(Tok::lower).collect();
    let mut i = usize::from(lw.first().is_some_and(|w| matches!(w.as_ref(), "that" | "which")));
    let led = lw.get(i).is_some_and(|w| matches!(w.as_ref(), "led" | "resulted")) && lw.get(i + 1).is_some_and(|w| matches!(w.as_ref(), "to" | "in"));
    if !led {
        return None;
    }
    i += 2;
    if lw.get(i).is_some_and(|w| matches!(w.as_ref(), "a" | "an")) {
        i += 1;
    }
    words::kind_noun(lw.get(i)?).or_else(|| lw.get(i + 1).and_then(|w| words::kind_noun(w)))
}

/// "federal" / "state" right before the head.
fn scope_of(np: &str) -> Option<&'static str> {
    let l = np.to_ascii_lowercase();
    if l.contains("federal") && !l.contains("state") {
        Some("federal")
    } else if l.split_whitespace().any(|w| w == "state") && !l.contains("federal") {
        Some("state")
    } else {
        None
    }
}

/// A number directly after a dash or an opening parenthesis, not a comparison: a part.
fn dash_part(before: &str) -> bool {
    let b = before.trim_end();
    b.ends_with("--") || b.ends_with('(') || b.ends_with(':')
}

static QUAL: LazyLock<Vec<(Regex, Qualifier)>> = LazyLock::new(|| {
    let q = |re: &str, v| (tierwatch_model::pattern::regex(&format!(r"(?i)\b(?:{re})\s*$")).unwrap(), v);
    vec![
        q("at\\s+least|a\\s+minimum\\s+of", Qualifier::AtLeast),
        q(
            "approximately|around|about|roughly|nearly|almost|an\\s+estimated|estimated|some",
            Qualifier::Approximately,
        ),
        q("more\\s+than|over|upwards\\s+of", Qualifier::MoreThan),
        q("fewer\\s+than|less\\s+than|under", Qualifier::FewerThan),
    ]
});

fn qualifier(before: &str) -> Qualifier {
    let mut cut = before.len().saturating_sub(30);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let tail = &before[cut..];
    QUAL.iter()
        .find(|(re, _)| re.is_match(tail))
        .map(|(_, q)| *q)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
