//! Word-level helpers for count extraction: tokens with offsets, trigger stems, head nouns.

use std::borrow::Cow;

use tierwatch_model::FactKind;

/// A word (letters, digits, apostrophes, inner hyphens) with sentence-relative offsets.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl<'a> Tok<'a> {
    /// The word ASCII-lowercased; borrowed when it has no capital (most words), so that
    /// looking at a word allocates nothing.
    pub fn lower(&self) -> Cow<'a, str> {
        lower(self.text)
    }
}

/// `w` ASCII-lowercased, borrowed when it has no ASCII capital.
pub fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// Words and single punctuation marks of `s`.
pub fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap();
        let n = c.len_utf8();
        if c.is_alphanumeric() || c == '$' {
            let start = i;
            let mut j = i + n;
            while j < s.len() {
                let d = s[j..].chars().next().unwrap();
                let inner = (d == '-' || d == '\'' || d == ',' || d == '.')
                    && j + 1 < s.len()
                    && s[j + 1..].chars().next().is_some_and(char::is_alphanumeric)
                    && (d == '-' || d == '\'' || (b[start].is_ascii_digit() && b[j + 1].is_ascii_digit()));
                if d.is_alphanumeric() || inner {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            out.push(Tok { start, end: j, text: &s[start..j] });
            i = j;
        } else {
            if !c.is_whitespace() {
                out.push(Tok { start: i, end: i + n, text: &s[i..i + n] });
            }
            i += n;
        }
    }
    out
}

/// The kind a trigger word (verb or noun) points to.
pub fn trigger(word: &str) -> Option<FactKind> {
    let w = lower(word);
    if w.starts_with("investigator") || w.starts_with("prosecutor") {
        return None;
    }
    if w.starts_with("investigat") {
        Some(FactKind::Investigations)
    } else if w.starts_with("prosecut") || w.starts_with("indict") || matches!(w.as_ref(), "charged" | "charging" | "charges" | "charge") {
        Some(FactKind::Prosecutions)
    } else if w.starts_with("convict") {
        Some(FactKind::Convictions)
    } else if matches!(w.as_ref(), "opened" | "opening") {
        Some(FactKind::Investigations)
    } else if w.starts_with("identif") || w.ends_with("-identified") {
        Some(FactKind::VictimsIdentified)
    } else {
        None
    }
}

/// Head nouns that name the kind themselves.
pub fn kind_noun(word: &str) -> Option<FactKind> {
    match &*lower(word) {
        "investigation" | "investigations" => Some(FactKind::Investigations),
        "prosecution" | "prosecutions" | "indictment" | "indictments" => Some(FactKind::Prosecutions),
        "conviction" | "convictions" => Some(FactKind::Convictions),
        _ => None,
    }
}

/// Head nouns counted by an investigation / prosecution / conviction verb.
pub fn case_noun(word: &str) -> Option<&'static str> {
    Some(match &*lower(word) {
        "case" | "cases" => "cases",
        "suspect" | "suspects" => "suspects",
        "defendant" | "defendants" | "accused" => "defendants",
        "trafficker" | "traffickers" | "offender" | "offenders" | "perpetrator" | "perpetrators" | "tourist" | "tourists" => {
            "traffickers"
        }
        "individual" | "individuals" | "person" | "persons" | "people" => "individuals",
        "complaint" | "complaints" => "complaints",
        _ => return None,
    })
}

/// Head nouns counted by "identified".
pub fn victim_noun(word: &str) -> bool {
    matches!(
        &*lower(word),
        "victim" | "victims" | "women" | "girls" | "boys" | "children" | "minors" | "men"
    )
}

/// A noun that heads a counted noun phrase: a kind, case or victim noun.
pub fn head_noun(word: &str) -> bool {
    kind_noun(word).is_some() || case_noun(word).is_some() || victim_noun(word)
}

/// Words that end a noun phrase after a number.
pub fn np_stop(word: &str) -> bool {
    matches!(
        &*lower(word),
        "in" | "for" | "from" | "to" | "with" | "under" | "compared" | "during" | "by" | "at" | "on" | "which" | "who"
            | "that" | "were" | "was" | "are" | "is" | "had" | "have" | "has" | "involving" | "including" | "while"
            | "whom" | "but" | "as" | "than" | "since" | "after" | "before" | "through" | "into" | "over" | "against"
            | "out" | "per" | "each" | "between" | "among" | "within" | "without" | "via" | "versus" | "whose"
            | "it" | "they" | "he" | "she" | "these" | "those" | "its" | "their" | "his" | "her" | "of"
            | "did" | "does" | "do" | "not" | "report" | "reported" | "could" | "would" | "will" | "may" | "be"
    )
}

/// Verbs that start a new action between a trigger and a number
/// ("identified 30 victims and referred 20 victims").
pub fn breaker(word: &str) -> bool {
    let w = lower(word);
    [
        "referr", "assist", "provid", "repatriat", "sheltered", "sheltering", "train", "receiv", "sentenc", "arrest", "detain",
        "deport", "rescu", "remov", "served", "serving", "supported", "supporting", "housed", "housing", "employed", "registered", "recorded", "filed", "returned",
        "fined", "acquit", "releas", "dismiss", "closed", "pending", "ongoing", "screen", "inspect", "accommodat",
        "reintegrat", "compensat", "fund", "interview", "certif", "extradit", "resolved", "appeal", "suspend",
        "requir", "ordered", "ordering", "granted", "granting", "awarded", "awarding",
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

/// Months, for telling dates from counts.
pub fn is_month(word: &str) -> bool {
    matches!(
        &*lower(word),
        "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october"
            | "november" | "december"
    )
}
