//! Gates: one cheap pass that tells whether a sentence can match a costly pattern at all.
//!
//! A case-insensitive pattern with long gaps (`[A-Za-z '\-]{2,120}? are vulnerable`) gets no
//! literal prefilter from the regex engine (the case variants of "vulnerable" are too many),
//! so it runs its automaton over every sentence, most of which cannot match. A gate lists
//! words at least one of which every match contains; a sentence without any of them is
//! skipped. The words are found ASCII-case-insensitively with aho-corasick, which is what
//! `(?i)` means for ASCII text; the two non-ASCII letters Unicode case folding maps to ASCII
//! ones (U+017F "ſ" to s, U+212A KELVIN SIGN to k) open the gate too, so a gate never
//! skips a sentence its pattern would have matched.

use aho_corasick::AhoCorasick;

pub(crate) struct Gate(AhoCorasick);

impl Gate {
    /// A gate that opens for sentences containing any of `words` (in any ASCII case).
    pub(crate) fn new(words: &[&str]) -> Gate {
        Gate(AhoCorasick::builder().ascii_case_insensitive(true).build(words).expect("gate words"))
    }

    /// Whether `text` may match the gated pattern.
    pub(crate) fn admits(&self, text: &str) -> bool {
        self.0.is_match(text) || text.contains(['\u{17F}', '\u{212A}'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_for_any_word_in_any_case_and_for_letters_that_fold_to_ascii() {
        let g = Gate::new(&["vulnerable", "risk"]);
        assert!(g.admits("Migrants are VULNERABLE to forced labor"));
        assert!(g.admits("children at Risk of exploitation"));
        assert!(!g.admits("The government convicted 10 traffickers."));
        assert!(g.admits("at ri\u{17F}k"));
    }
}
