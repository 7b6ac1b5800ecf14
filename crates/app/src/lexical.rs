//! Transparent lexical similarity for matching recommendations to report sentences.
//!
//! A text becomes its **content words**: lower-cased alphanumeric words of three or more
//! letters, minus English function words and a short list of words every narrative uses
//! ("government", "efforts", ...), each reduced to its Porter (English Snowball) stem cut to
//! at most [`TERM_CHARS`] letters, so that "complicity" and "complicit", "prosecuting" and
//! "prosecutors" meet. Terms are weighted by idf `ln((N + 1) / (df + 1)) + 1` over the N
//! sentences of the corpus the caller supplies (all stored narratives). Two measures:
//! [`coverage`] (how much of a short text's weight a longer one contains) and [`cosine`] of
//! tf-idf vectors. No model, no network: every score can be recomputed by hand from the
//! shared terms it reports.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

const STOPWORDS: &str = "a about above after again against all also am an and any are as at be because been before being \
below between both but by can could did do does doing down during each few for from further had has have having he her \
here hers him his how however i if in into is it its itself just more most much must no nor not now of off on once only \
or other our out over own same she should so some such than that the their theirs them then there these they this those \
through to too under until up upon very was we were what when where which while who whom why will with within without \
would you your including include includes among toward towards across per via";

/// Words so frequent in TIP narratives that they say nothing about which action is meant.
const DOMAIN_STOPWORDS: &str = "government efforts effort country countries continue continued continues ensure increase \
increased take taking make making report reported reporting period year years";

/// Longest term kept: a stem is cut to this many letters (truncation stemming).
pub const TERM_CHARS: usize = 6;

fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.split_whitespace().chain(DOMAIN_STOPWORDS.split_whitespace()).collect())
}

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The stemmed content words of `text`, in order (with repeats).
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !stopwords().contains(w.as_str()))
        .map(|w| stemmer().stem(&w).chars().take(TERM_CHARS).collect())
        .collect()
}

/// Inverse document frequencies over a set of sentences.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    n: usize,
    df: HashMap<String, usize>,
}

impl Idf {
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Idf {
        let mut idf = Idf::default();
        for t in texts {
            idf.n += 1;
            let unique: HashSet<String> = content_words(t).into_iter().collect();
            for w in unique {
                *idf.df.entry(w).or_default() += 1;
            }
        }
        idf
    }

    pub fn weight(&self, term: &str) -> f64 {
        let df = self.df.get(term).copied().unwrap_or(0);
        ((self.n as f64 + 1.0) / (df as f64 + 1.0)).ln() + 1.0
    }

    /// The tf-idf vector of a text (term -> weight), ordered by term.
    pub fn vector(&self, text: &str) -> BTreeMap<String, f64> {
        let mut tf: BTreeMap<String, f64> = BTreeMap::new();
        for w in content_words(text) {
            *tf.entry(w).or_default() += 1.0;
        }
        tf.into_iter().map(|(t, n)| {
            let w = n * self.weight(&t);
            (t, w)
        }).collect()
    }
}

/// Cosine similarity of two tf-idf vectors (0 when either is empty).
pub fn cosine(a: &BTreeMap<String, f64>, b: &BTreeMap<String, f64>) -> f64 {
    let dot: f64 = a.iter().filter_map(|(t, x)| b.get(t).map(|y| x * y)).sum();
    let norm = |v: &BTreeMap<String, f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
    let d = norm(a) * norm(b);
    if d == 0.0 { 0.0 } else { dot / d }
}

/// The share of `query`'s idf weight (each distinct term once) that `other` contains.
pub fn coverage(query: &BTreeMap<String, f64>, other: &BTreeMap<String, f64>, idf: &Idf) -> f64 {
    let total: f64 = query.keys().map(|t| idf.weight(t)).sum();
    let found: f64 = query.keys().filter(|t| other.contains_key(*t)).map(|t| idf.weight(t)).sum();
    if total == 0.0 { 0.0 } else { found / total }
}

/// Terms present in both vectors, heaviest first (ties by term).
pub fn shared_terms(a: &BTreeMap<String, f64>, b: &BTreeMap<String, f64>) -> Vec<String> {
    let mut shared: Vec<(&String, f64)> = a.iter().filter(|(t, _)| b.contains_key(*t)).map(|(t, w)| (t, *w)).collect();
    shared.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(y.0)));
    shared.into_iter().map(|(t, _)| t.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_are_stemmed_and_stopwords_dropped() {
        assert_eq!(content_words("The government increased prosecutions of complicit officials in 2017"), ["prosec", "compli", "offici"]);
    }

    #[test]
    fn rare_shared_terms_score_higher_than_common_ones() {
        let corpus = ["victims were identified", "victims received shelter", "victims and witnesses", "complicit officials were convicted"];
        let idf = Idf::from_texts(corpus);
        assert!(idf.weight("complicit") > idf.weight("victim"));
        let rec = idf.vector("prosecute and convict complicit officials");
        let good = idf.vector("courts convicted two complicit officials");
        let weak = idf.vector("victims received shelter from officials");
        assert!(cosine(&rec, &good) > cosine(&rec, &weak));
        assert_eq!(shared_terms(&rec, &good)[0], "compli");
        assert!(coverage(&rec, &good, &idf) > 0.6, "complicit/complicity, convict/convicted meet");
        assert!(coverage(&rec, &good, &idf) < 1.0, "prosecute is not in the sentence");
        assert!(coverage(&rec, &weak, &idf) < 0.5);
        assert_eq!(cosine(&rec, &BTreeMap::new()), 0.0);
    }
}
