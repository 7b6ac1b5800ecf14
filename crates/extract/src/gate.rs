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
        self.0.is_match(text) || folds_to_ascii(text)
    }
}

/// Whether `text` holds a letter Unicode case folding maps to ASCII (ſ, KELVIN SIGN): such a
/// text opens every gate.
fn folds_to_ascii(text: &str) -> bool {
    // most sentences are ASCII, which one vectorised check tells
    !text.is_ascii() && text.contains(['\u{17F}', '\u{212A}'])
}

/// Gates for several patterns at once, in one pass over the text: gate `i` opens when the
/// text holds any of the words listed for pattern `i` (same rules as [`Gate`]).
pub(crate) struct GateSet {
    words: AhoCorasick,
    /// For each word of `words`, the patterns it opens (bit `i` for pattern `i`).
    opens: Vec<u64>,
    all: u64,
}

impl GateSet {
    /// One gate per pattern, in order; at most 64 patterns.
    pub(crate) fn new(gates: &[&[&str]]) -> GateSet {
        assert!(gates.len() <= 64, "a gate set holds at most 64 gates");
        let (mut words, mut opens) = (Vec::new(), Vec::new());
        for (i, gate) in gates.iter().enumerate() {
            assert!(!gate.is_empty(), "gate {i} lists no words");
            for w in gate.iter() {
                words.push(*w);
                opens.push(1u64 << i);
            }
        }
        let all = if gates.len() == 64 { u64::MAX } else { (1u64 << gates.len()) - 1 };
        GateSet { words: AhoCorasick::builder().ascii_case_insensitive(true).build(words).expect("gate words"), opens, all }
    }

    /// How many gates the set holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.all.count_ones() as usize
    }

    /// The gates `text` opens: bit `i` set when pattern `i` may match.
    pub(crate) fn admitted(&self, text: &str) -> u64 {
        if folds_to_ascii(text) {
            return self.all;
        }
        let mut open = 0;
        for m in self.words.find_overlapping_iter(text) {
            open |= self.opens[m.pattern().as_usize()];
            if open == self.all {
                break;
            }
        }
        open
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

    #[test]
    fn a_set_opens_each_gate_whose_words_occur_even_inside_other_words() {
        let g = GateSet::new(&[&["sex", "prostitution"], &["labo", "work"], &["sexual"], &["organ"]]);
        assert_eq!(g.admitted("SEXUAL exploitation and forced labour"), 0b0111);
        assert_eq!(g.admitted("The government convicted 10 traffickers."), 0);
        assert_eq!(g.admitted("organizations"), 0b1000);
        assert_eq!(g.admitted("\u{212A}"), 0b1111);
    }
}
