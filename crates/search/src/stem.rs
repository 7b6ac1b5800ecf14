//! The text field's analyzer, `en_stem`, with each word's stem remembered: the same
//! tokens as tantivy's own `en_stem` (simple tokenizer, tokens over 40 bytes dropped,
//! lower-casing, the Snowball English stemmer), but a word already stemmed by this
//! analyzer is looked up instead of stemmed again. Stemming was a third of the indexing
//! thread's time (perf, ingest bench), and a report's vocabulary is small. The words are
//! hashed with FxHash (rustc-hash, which tantivy already uses): SipHash's DoS resistance buys
//! nothing for a per-thread cache of our own words, and it was 2% of the ingest's CPU.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

/// Words remembered per analyzer copy (each indexing thread has its own); past this, new
/// words are stemmed without being remembered, so memory stays bounded.
const REMEMBERED_WORDS: usize = 200_000;

/// The `en_stem` analyzer with a remembered stemmer.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(RememberingStemmer)
        .build()
}

/// The Snowball English stemmer, remembering what it stemmed.
#[derive(Clone, Copy)]
pub struct RememberingStemmer;

impl TokenFilter for RememberingStemmer {
    type Tokenizer<T: Tokenizer> = RememberingStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> RememberingStemmerFilter<T> {
        RememberingStemmerFilter {
            inner: tokenizer,
            stems: FxHashMap::default(),
        }
    }
}

#[derive(Clone)]
pub struct RememberingStemmerFilter<T> {
    inner: T,
    stems: FxHashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for RememberingStemmerFilter<T> {
    type TokenStream<'a> = RememberingStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        RememberingStemmerStream {
            tail: self.inner.token_stream(text),
            stems: &mut self.stems,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

pub struct RememberingStemmerStream<'a, T> {
    tail: T,
    stems: &'a mut FxHashMap<String, String>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for RememberingStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.stems.get(token.text.as_str()) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        if self.stems.len() < REMEMBERED_WORDS {
            self.stems
                .insert(std::mem::take(&mut token.text), stem.clone());
        }
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(mut a: TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        a.token_stream(text).process(&mut |t: &Token| {
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position))
        });
        out
    }

    /// The remembered stems are tantivy's own, a word seen first or again, on a real chapter.
    #[test]
    fn the_same_tokens_as_tantivys_en_stem() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/tip-2018");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let text: String = files
            .iter()
            .take(3)
            .map(|f| String::from_utf8_lossy(&std::fs::read(f).unwrap()).into_owned())
            .collect();
        let text = format!(
            "{text} Trafficking TRAFFICKED traffickers' {} naïve Ünïcode",
            "x".repeat(41)
        );
        let theirs = tokens(
            tantivy::tokenizer::TokenizerManager::default()
                .get("en_stem")
                .unwrap(),
            &text,
        );
        // a new analyzer, then the same one again with every stem remembered
        let mut ours = analyzer();
        for pass in ["first", "remembered"] {
            let mut got = Vec::new();
            ours.token_stream(&text).process(&mut |t: &Token| {
                got.push((t.text.clone(), t.offset_from, t.offset_to, t.position))
            });
            assert_eq!(got, theirs, "{pass} pass");
        }
        assert!(theirs.len() > 1000, "read the chapters");
    }
}
