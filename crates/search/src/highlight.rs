//! Highlights and snippets as byte ranges, computed with the index's own analyzer.
//!
//! The plan comes from the user's query (see `query::parse_plan`): phrases highlight only
//! where their words stand together; single words wherever they occur; prefixes wherever a
//! word's stem starts with them. Adjacent highlighted words are merged into one range, so
//! `humanitarian visas` is one highlight.

use std::collections::HashSet;
use std::ops::Range;
use tantivy::tokenizer::TextAnalyzer;

/// What to highlight, as analyzed (lower-cased, stemmed) tokens.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub phrases: Vec<Vec<String>>,
    pub terms: HashSet<String>,
    pub prefixes: Vec<String>,
}

/// Analyzed tokens of `text` with their byte ranges.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push((t.text.clone(), t.offset_from..t.offset_to));
    }
    out
}

/// Byte ranges of the words the index's analyzers see in `text`: maximal runs of
/// alphanumeric characters (tantivy's simple tokenizer) shorter than 40 bytes (its
/// remove-long filter). A test checks them against tantivy's own over the corpus.
pub fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, c) = chars.next()?;
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if !d.is_alphanumeric() {
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        if end - start < 40 {
            return Some(start..end);
        }
    })
}

/// Highlighted byte ranges of `text` (relative to `text`), sorted and non-overlapping.
///
/// `stem` is the index's stemming analyzer. Only words whose first letter begins some word
/// of the plan are lower-cased and stemmed: an English (Snowball) stem keeps its word's
/// first letter, so no other word can match, and analysing every word of every hit was
/// most of a search's CPU time. Each distinct word is stemmed once per call.
pub fn highlights(stem: &mut TextAnalyzer, text: &str, plan: &Plan) -> Vec<Range<usize>> {
    let firsts: HashSet<char> = plan
        .terms
        .iter()
        .chain(plan.prefixes.iter())
        .chain(plan.phrases.iter().flatten())
        .filter_map(|w| w.chars().next())
        .collect();
    let mut stems: std::collections::HashMap<String, Option<String>> = std::collections::HashMap::new();
    let mut toks: Vec<(Option<String>, Range<usize>)> = Vec::new();
    for range in word_ranges(text) {
        let word = &text[range.clone()];
        let first = word.chars().next().and_then(|c| c.to_lowercase().next());
        if !first.is_some_and(|c| firsts.contains(&c)) {
            toks.push((None, range));
            continue;
        }
        let lower = word.to_lowercase();
        let s = stems
            .entry(lower)
            .or_insert_with_key(|w| tokens(stem, w).into_iter().next().map(|x| x.0))
            .clone();
        toks.push((s, range));
    }
    let mut marked = vec![false; toks.len()];
    for (i, (t, _)) in toks.iter().enumerate() {
        let Some(t) = t else { continue };
        if plan.terms.contains(t) || plan.prefixes.iter().any(|p| t.starts_with(p.as_str())) {
            marked[i] = true;
        }
    }
    for phrase in plan.phrases.iter().filter(|p| !p.is_empty()) {
        for i in 0..toks.len().saturating_sub(phrase.len() - 1) {
            if phrase.iter().enumerate().all(|(j, w)| toks[i + j].0.as_deref() == Some(w.as_str())) {
                marked[i..i + phrase.len()].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, (_, r)) in toks.iter().enumerate() {
        if !marked[i] {
            continue;
        }
        match out.last_mut() {
            Some(last) if i > 0 && marked[i - 1] && text[last.end..r.start].chars().all(|c| c.is_whitespace() || c == '-') => {
                last.end = r.end
            }
            _ => out.push(r.clone()),
        }
    }
    out
}

/// A window of about `width` bytes of `text` that holds as many different highlighted words
/// as it can, moved to word boundaries. Relative to `text`.
pub fn snippet(text: &str, highlights: &[Range<usize>], width: usize) -> Range<usize> {
    if text.len() <= width {
        return 0..text.len();
    }
    // The window with the most distinct highlighted words, then the most highlights, then the earliest.
    let score = |s: usize| {
        let inside: Vec<&Range<usize>> = highlights.iter().filter(|h| h.start >= s && h.end <= s + width).collect();
        let mut distinct: Vec<String> = inside.iter().map(|h| text[(*h).clone()].to_lowercase()).collect();
        distinct.sort();
        distinct.dedup();
        (distinct.len(), inside.len(), std::cmp::Reverse(s))
    };
    let anchor = highlights.iter().map(|h| h.start).max_by_key(|&s| score(s)).unwrap_or(0);
    let lead = width / 4;
    let mut start = anchor.saturating_sub(lead);
    let mut end = (start + width).min(text.len());
    if end == text.len() {
        start = end.saturating_sub(width);
    }
    start = word_start(text, start);
    end = word_end(text, end);
    start..end
}

fn word_start(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    if i == 0 {
        return 0;
    }
    match text[i..].find(char::is_whitespace) {
        Some(ws) if ws < 30 => {
            let j = i + ws;
            j + text[j..].len() - text[j..].trim_start().len()
        }
        _ => i,
    }
}

fn word_end(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    if i >= text.len() {
        return text.len();
    }
    match text[..i].rfind(char::is_whitespace) {
        Some(ws) if i - ws < 30 => text[..ws].trim_end().len(),
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> TextAnalyzer {
        tantivy::tokenizer::TokenizerManager::default().get(crate::schema::TEXT_ANALYZER).unwrap()
    }

    fn exact() -> TextAnalyzer {
        tantivy::tokenizer::TokenizerManager::default().get(crate::schema::EXACT_ANALYZER).unwrap()
    }

    #[test]
    fn every_stem_keeps_its_words_first_letter_and_our_word_scan_is_the_analyzers() {
        // what the fast path of `highlights` rests on, checked over every word of the corpus
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/tip-2018");
        let mut words = HashSet::new();
        for e in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            let a = tokens(&mut analyzer(), &text);
            let b = tokens(&mut exact(), &text);
            assert_eq!(a.iter().map(|t| &t.1).collect::<Vec<_>>(), b.iter().map(|t| &t.1).collect::<Vec<_>>());
            assert_eq!(word_ranges(&text).collect::<Vec<_>>(), b.iter().map(|t| t.1.clone()).collect::<Vec<_>>());
            for (w, r) in &b {
                assert_eq!(&text[r.clone()].to_lowercase(), w);
            }
            words.extend(b.into_iter().map(|t| t.0));
        }
        assert!(words.len() > 10_000, "{}", words.len());
        for w in &words {
            let s = tokens(&mut analyzer(), w).into_iter().next().unwrap().0;
            assert_eq!(s.chars().next(), w.chars().next(), "{w} -> {s}");
        }
    }

    #[test]
    fn phrase_words_merge_into_one_range_and_stray_words_do_not_match_the_phrase() {
        let text = "It issued humanitarian visas to 25 victims; these visas lasted a year.";
        let plan = Plan { phrases: vec![vec!["humanitarian".into(), "visa".into()]], ..Plan::default() };
        let hs = highlights(&mut analyzer(), text, &plan);
        assert_eq!(hs.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["humanitarian visas"]);
    }

    #[test]
    fn terms_and_prefixes_use_stems() {
        let text = "Traffickers trafficked victims; the trafficking law.";
        let plan = Plan { terms: ["law".to_string()].into(), prefixes: vec!["traffick".into()], ..Plan::default() };
        let hs = highlights(&mut analyzer(), text, &plan);
        assert_eq!(hs.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["Traffickers trafficked", "trafficking law"]);
    }

    #[test]
    fn snippet_prefers_the_window_with_more_different_words() {
        let text = "trafficking trafficking trafficking ".repeat(4) + &"filler ".repeat(60) + "karaoke bars and trafficking";
        let plan = Plan { prefixes: vec!["traffick".into(), "karaok".into()], ..Plan::default() };
        let hs = highlights(&mut analyzer(), &text, &plan);
        let s = snippet(&text, &hs, 120);
        assert!(text[s].contains("karaoke"));
    }

    #[test]
    fn snippet_is_on_word_boundaries_and_contains_the_highlight() {
        let text = "word ".repeat(100) + "target here " + &"tail ".repeat(100);
        let h = text.find("target").unwrap();
        let hs: [Range<usize>; 1] = [Range { start: h, end: h + 6 }];
        let s = snippet(&text, &hs, 120);
        assert!(s.start <= h && h + 6 <= s.end, "{s:?}");
        assert!(s.end - s.start <= 130);
        assert!(text[s.clone()].starts_with("word") && !text[s.clone()].ends_with(' '));
    }
}
