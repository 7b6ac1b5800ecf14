//! The period a count refers to: a stated year ("in 2017", "in FY 2016"), the reporting
//! period, the previous period, or a year implied by a comparison ("compared to 188 in
//! 2016" makes the count it compares with one of 2017).

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::Period;

use super::Mention;

/// A month and year opening a clause: "In January 2018, police identified ...", "In one case in
/// May 2017, ...". Only a clause's lead is read for it: after a count, a dated event is often
/// another one ("from a case that commenced in July 2013").
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:in|during)\s+(?:early\s+|late\s+|mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<y>(?:19|20)\d\d)\b").unwrap()
});
/// A sentence that opens on its year: "In 2017, ...", "During FY 2016, ...", "In March 2018, ...".
static OPENS_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:in|during)\s+(?:(?:FY|fiscal\s+year|calendar\s+year)\s*|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?P<y>(?:19|20)\d\d)\s*,").unwrap()
});
/// A stated year: "in 2017", "in FY 2016", "in the first eight months of 2017".
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:in|during|for|throughout|by\s+the\s+end\s+of)\s+(?:the\s+(?:first|last|second|final)\s+(?:[\w\-]+\s+)?(?:months?|half|quarter|weeks?)\s+of\s+)?(?:(?:FY|fiscal\s+year|calendar\s+year)\s*)?(?P<y>(?:19|20)\d\d)\b").unwrap()
});
/// "this reporting period", "during the year", "during the Nepali fiscal year" (a fiscal year
/// named by no number is the one reported on).
static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:this|the|current)\s+reporting\s+period|\b(?:during|in|for)\s+the\s+(?:[A-Z][\w'’]+\s+)?(?:fiscal\s+)?year\b(?:\s*[,;.)]|\s+[A-Za-z])").unwrap()
});
/// "the previous reporting period", "the prior fiscal year", "the previous two years", "the
/// previous period", "ongoing from the previous reporting periods". Not a plural without its
/// article ("15 investigations from previous reporting periods", "prosecutions initiated in
/// prior years"): some earlier periods, none of them named.
static PREVIOUS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bthe\s+(?:previous|prior|preceding|last)\s+(?:(?:fiscal|calendar|two|three|\d)\s+)?(?:reporting\s+periods?|years?|report)|\b(?:previous|prior|preceding|last)\s+(?:(?:fiscal|calendar)\s+)?(?:reporting\s+period|year|report)\b|\b(?:previous|prior|preceding|last)\s+(?:two|three|\d)\s+(?:reporting\s+periods?|years?)|\b(?:the\s+)?(?:previous|prior|preceding)\s+(?:time\s*)?(?:periods?|timeframe)\b").unwrap()
});
static COMPARE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bcompare[sd]?\s+(?:to|with)|\bversus\b|\ban?\s+(?:[a-z]+\s+)?(?:increase|decrease|rise|drop|decline)\s+from|\b(?:up|down)\s+from").unwrap()
});
/// A clause after a comparison that counts again with a verb of its own: ", and convicted",
/// ", and it obtained", "; authorities identified", "; however the government reported
/// identifying three" (not ", and 18 convicted", which lists the compared figures, nor ", and
/// convicting 20", a gerund of the same list), or a new sentence glued on by the text's
/// extraction ("in FY 2016.DOJ initiated").
static NEW_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i),\s+(?:and|while|but)\s+(?:[a-z]+\s+){0,3}?(?:convicted|prosecuted|investigated|identified|initiated|indicted|charged|opened|secured|obtained|achieved)\b|;\s+(?:[a-z]+\s+){0,5}?(?:convict|prosecut|investigat|identif(?:i|y)|initiat|indict|charg|open|secur|obtain|achiev)(?:ed|ing)\b|(?-i:[a-z0-9]\.[A-Z])").unwrap()
});
/// A sentence that opens on the period before: "During the previous reporting period, ...",
/// "In the prior year, ..." (not "Similar to the previous year, ...", a comparison).
static OPENS_PREVIOUS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:however,?\s+)?(?:during|in|over)\s+the\s+(?:previous|prior|preceding)\s+(?:reporting\s+period|(?:fiscal\s+|calendar\s+)?year|timeframe)\s*,").unwrap()
});
static LAST_YEAR: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\blast\s+year\b").unwrap());
static CUT: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)compared|versus|\(|\ban?\s+(?:[a-z]+\s+)?(?:increase|decrease|rise|drop|decline)\b|\bup\s+from|\bdown\s+from|;").unwrap()
});

/// A list of years: "three cases each year in 2014, 2015, and 2016", "in both 2016 and 2017".
static YEAR_LIST: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:in|during|for)\s+(?:both\s+)?(?:19|20)\d\d(?:\s*,\s*(?:and\s+)?(?:19|20)\d\d|\s+and\s+(?:19|20)\d\d)+\b").unwrap()
});
static A_YEAR: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r"\b(?:19|20)\d\d\b").unwrap());

/// The period stated in `w` (the words right after a count), if any; of a list of years, the
/// latest (what a count compared with it precedes).
fn stated(w: &str, comparison: bool) -> Option<Period> {
    let w = past_undated_bracket(w);
    let w = match CUT.find(w) {
        Some(m) if m.start() > 0 || !comparison => &w[..m.start()],
        _ => w,
    };
    let listed = YEAR_LIST.find(w).filter(|l| YEAR.find(w).is_some_and(|y| y.start() == l.start()));
    let y = match listed {
        Some(l) => A_YEAR.find_iter(l.as_str()).filter_map(|y| y.as_str().parse::<u16>().ok()).max(),
        None => YEAR.captures(w).map(|c| c["y"].parse::<u16>().unwrap_or(0)),
    };
    let prev = PREVIOUS.find(w);
    let rep = REPORTING.find(w);
    match (y, prev, rep) {
        (Some(y), _, _) => Some(Period::Year(y)),
        // the nearer phrase governs: "during the reporting period—the same number as in the
        // previous reporting period"
        (None, Some(p), Some(r)) if r.end() <= p.start() => Some(Period::ReportingPeriod),
        (None, Some(p), _) if !w[..p.start()].contains("than") => Some(Period::PreviousPeriod),
        (None, None, Some(_)) => Some(Period::ReportingPeriod),
        _ => None,
    }
}

/// `w` after the bracket it opens with, when that bracket states no period: "33 alleged
/// victims (20 sex trafficking and 13 labor trafficking victims) in 2016" is dated by the
/// words after its breakdown. A dated bracket ("(46 in 2016)") is a comparison and stays.
pub(super) fn past_undated_bracket(w: &str) -> &str {
    let trimmed = w.trim_start();
    if !trimmed.starts_with('(') {
        return w;
    }
    let mut depth = 0usize;
    for (i, c) in trimmed.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    let inner = &trimmed[1..i];
                    let dated = YEAR.is_match(inner) || PREVIOUS.is_match(inner) || REPORTING.is_match(inner);
                    return if dated { w } else { &trimmed[i + 1..] };
                }
            }
            _ => {}
        }
    }
    w
}

/// Whether `s` holds a dash after which, before its end, stands a past-tense verb ("Šthe
/// government reported ", "Šbut initiated a total of ").
fn closing_dash_then_verb(s: &str) -> bool {
    super::parts::after_last_dash(s).is_some_and(|after| PAST_VERB.is_match(&s[after..]))
}

static PAST_VERB: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b[a-z]{3,}ed\b").unwrap());

/// `s` with its bracketed parts removed.
pub(super) fn without_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

pub(super) fn assign(
    t: &str,
    mentions: &mut [Mention],
    report_year: Option<u16>,
    sentence_compares: bool,
) {
    let n = mentions.len();
    for i in 0..n {
        let from = mentions[i].np_end;
        let to = mentions[i + 1..]
            .iter()
            .map(|m| m.num.start)
            .find(|&s| s > from)
            .unwrap_or(t.len());
        mentions[i].period = stated(&t[from..to.max(from)], mentions[i].comparison);
    }
    // "95 traffickers involved in 40 cases in 2016": the linked count shares the year
    for i in (0..n.saturating_sub(1)).rev() {
        if mentions[i].period.is_none()
            && mentions[i + 1].period.is_some()
            && mentions[i + 1].num.start > mentions[i].np_end
        {
            let link = t[mentions[i].np_end..mentions[i + 1].num.start]
                .trim()
                .to_ascii_lowercase();
            let shares_year = match link.as_str() {
                "involved in" | "involving" | "in" | "from" | "with" | "for" | "and" => true,
                // "47 investigations, 29 prosecutions, and 18 convictions in 2010": a list of
                // different counts shares the year after its last item, and that item is no
                // comparison; the same count again after a comma ("30 cases, and 12 cases in
                // 2016") is one, and dates nothing
                "," | ", and" | ", or" | "or" => {
                    let (a, b) = (&mentions[i], &mentions[i + 1]);
                    let list_item = (a.kind != b.kind || a.unit != b.unit) && !a.comparison;
                    if list_item {
                        mentions[i + 1].comparison = false;
                    }
                    list_item
                }
                _ => false,
            };
            if shares_year {
                mentions[i].period = mentions[i + 1].period;
            }
        }
    }
    // counts after a comparison cue are the compared ones, until a clause with a verb of its
    // own ("sent 85 cases to court in 2017, compared to 33 in 2016, and convicted 58
    // traffickers, compared to 56 in 2016": the 58 is a count of the current period)
    let cues: Vec<usize> = COMPARE_CUE.find_iter(t).map(|m| m.end()).collect();
    for m in mentions.iter_mut() {
        let Some(&cue) = cues.iter().rev().find(|&&c| c <= m.num.start) else { continue };
        // "With data from 33 departmentsŠa significant increase from the previous reporting
        // period, when ...Šthe government reported 59 case investigations": a comparison
        // inside a dashed aside ends with the aside when a verb of its own follows it (not
        // "Šcompared with 48 casesŠinvolving 66 suspects in 2016", where it goes on)
        if super::parts::dash_count(&t[..cue]) % 2 == 1 && closing_dash_then_verb(&t[cue..m.num.start]) {
            continue;
        }
        if !NEW_CLAUSE.is_match(&t[cue..m.num.start]) {
            m.comparison = true;
            // "a significant decrease from the previous reporting period, when police
            // identified more than 649": the period named between the cue and the figure
            if m.period.is_none() && PREVIOUS.is_match(&t[cue..m.num.start]) {
                m.period = Some(Period::PreviousPeriod);
            }
        }
    }
    // "compared with 15 investigations and prosecutions of 49 alleged traffickers in 2015":
    // figures listed in one comparison share its year
    for i in (0..n.saturating_sub(1)).rev() {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        if a.period.is_none()
            && a.comparison
            && b.comparison
            && b.period.is_some()
            && b.num.start > a.np_end
        {
            // "compared to 13 prosecutions (10 sex trafficking and three labor trafficking
            // suspects) and three convictions in 2016": an undated breakdown in between is
            // part of the first figure
            let between = past_undated_bracket(&t[a.np_end..b.num.start]);
            if !between.contains([';', '(', ')'])
                && !COMPARE_CUE.is_match(between)
                && between.len() < 60
            {
                mentions[i].period = mentions[i + 1].period;
            }
        }
    }
    // the year a clause opens with ("In 2016, ...; in 2015, the government prosecuted nine")
    // governs the counts of that clause
    let lead_of = |at: usize| -> Option<Period> {
        let clause_start = t[..at].rfind(';').map(|p| p + 1).unwrap_or(0);
        let first = mentions
            .iter()
            .map(|m| m.num.start)
            .find(|&s| s >= clause_start)
            .unwrap_or(at);
        // a bracketed comparison in the lead ("(four in 2016)") dates nothing after it
        let lead = without_brackets(&t[clause_start..first.min(at)]);
        // the years of a comparison in the lead are the compared ones ("in 2017, compared to
        // 33 in 2016, and convicted 58")
        let lead = COMPARE_CUE.find(&lead).map_or(lead.as_str(), |c| &lead[..c.start()]);
        YEAR.captures_iter(lead)
            .chain(MONTH_YEAR.captures_iter(lead))
            .max_by_key(|c| c.get(0).map_or(0, |m| m.start()))
            .map(|c| Period::Year(c["y"].parse().unwrap_or(0)))
            .or_else(|| match (LAST_YEAR.is_match(lead), report_year) {
                (true, Some(y)) => Some(Period::Year(y - 1)),
                (true, None) => Some(Period::ReportingPeriod),
                _ => None,
            })
            // "...; during the previous reporting period, it completed 281 prosecutions"
            // "During the previous reporting period, it achieved 28 convictions"
            .or_else(|| (clause_start > 0 && PREVIOUS.is_match(lead) || OPENS_PREVIOUS.is_match(lead)).then_some(Period::PreviousPeriod))
            // "In 2017, the hotline received 19,444 calls; 80 potential victims were identified":
            // the year the sentence opens on dates a later clause that names no period of its own
            .or_else(|| {
                (clause_start > 0 && !COMPARE_CUE.is_match(&t[clause_start..at]) && !t[clause_start..at].to_ascii_lowercase().contains("compar"))
                    .then(|| OPENS_YEAR.captures(t))
                    .flatten()
                    .map(|c| Period::Year(c["y"].parse().unwrap_or(0)))
            })
    };
    let compared_years: Vec<u16> = mentions
        .iter()
        .filter(|m| m.comparison)
        .filter_map(|m| match m.period {
            Some(Period::Year(y)) => Some(y),
            _ => None,
        })
        .collect();
    let compared_previous = mentions
        .iter()
        .any(|m| m.comparison && m.period == Some(Period::PreviousPeriod));
    let reporting = REPORTING.is_match(t);
    let last_year = LAST_YEAR.is_match(t);
    let leads: Vec<Option<Period>> = mentions.iter().map(|m| lead_of(m.num.start)).collect();
    // "investigated 22 cases ..., an increase from no investigations ... the previous
    // reporting period": compared with the period before, even when what it is compared
    // with is no count of its own
    let compares_with_previous = cues.first().is_some_and(|&c| PREVIOUS.is_match(&t[c..]));
    let compared_previous = compared_previous || compares_with_previous || leads.contains(&Some(Period::PreviousPeriod));
    // "It prosecuted three cases involving 12 defendants; in 2016, the government prosecuted
    // nine defendants": a later clause that opens on the year before the reporting year and
    // counts the same kind sets that year against the undated counts before it, as "compared
    // to nine in 2016" would (SCHEMA: that makes them 2017)
    if let Some(r) = report_year {
        for i in 0..n {
            if mentions[i].period.is_some() || mentions[i].comparison || leads[i].is_some() {
                continue;
            }
            let contrasted = (i + 1..n).any(|j| {
                mentions[j].kind == mentions[i].kind
                    && leads[j] == Some(Period::Year(r.saturating_sub(2)))
                    && mentions[j].num.start > mentions[i].np_end
                    && t[mentions[i].np_end..mentions[j].num.start].contains(';')
            });
            if contrasted {
                mentions[i].period = Some(Period::Year(r - 1));
            }
        }
    }
    for (m, lead_period) in mentions
        .iter_mut()
        .zip(leads)
        .filter(|(m, _)| m.period.is_none() && !m.comparison)
    {
        m.period = lead_period
            .or_else(|| compared_years.iter().max().map(|y| Period::Year(y + 1)))
            .or(if compared_previous || reporting {
                Some(Period::ReportingPeriod)
            } else {
                None
            })
            .or(match (last_year, report_year) {
                (true, Some(y)) => Some(Period::Year(y - 1)),
                _ => None,
            });
    }
    // "during the reporting period (compared with 144 in 2016)": a dated comparison dates the
    // current count too (SCHEMA: "compared to N in 2016" makes the count 2017)
    if let Some(y) = compared_years.iter().max() {
        for m in mentions
            .iter_mut()
            .filter(|m| !m.comparison && m.period == Some(Period::ReportingPeriod))
        {
            m.period = Some(Period::Year(y + 1));
        }
    }
    // "This is compared to 313 investigations ...": figures of the period before
    if sentence_compares {
        for m in mentions.iter_mut().filter(|m| m.period.is_none()) {
            m.period = Some(Period::PreviousPeriod);
        }
    }
    // a count restating another in the same sentence takes its period
    for i in 0..n {
        if mentions[i].period.is_none() {
            let same = (0..n).find(|&j| {
                j != i
                    && mentions[j].kind == mentions[i].kind
                    && mentions[j].num.value == mentions[i].num.value
                    && mentions[j].period.is_some()
            });
            if let Some(j) = same {
                mentions[i].period = mentions[j].period;
            }
        }
    }
}
