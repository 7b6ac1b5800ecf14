//! Queries: the user's text, filters and a limit in; ranked hits, highlights and facet
//! counts out.
//!
//! The query text uses tantivy's grammar (`"a phrase"`, `a AND b`, `a OR b`, `-word`,
//! `+word`, `"a phrase prefi"*`), with words joined by AND unless an operator says otherwise.
//! A single word ending in `*` is a prefix query over stems (rewritten to a regex query).
//! Every word is looked up twice: stemmed (`visas` finds "visa") and in its exact form, which
//! adds to the score, so a paragraph with the words as typed ranks above one with variants.
//! A plain query of several words also scores the words as a phrase, so a paragraph where
//! they stand together ranks above one where they are scattered.

use crate::error::{Result, SearchError};
use crate::highlight::{self, Plan};
use crate::index::SearchIndex;
use crate::schema::{Fields, KIND_PARAGRAPH};
use crate::rewrite;
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, FacetCounts, MultiCollector, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, QueryParser, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{TantivyDocument, Term};
use tierwatch_model::{SectionKind, TextRange, Tier};

/// Bytes of paragraph text a snippet shows.
const SNIPPET_BYTES: usize = 280;
/// Extra weight of the words of a plain query standing together.
const PHRASE_BOOST: f32 = 2.0;

/// Facet filters; `None` means any. Values are codes: ISO3, the registry's region label,
/// the report year, a tier and a section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub iso3: Option<String>,
    pub region: Option<String>,
    pub year: Option<u16>,
    pub tier: Option<Tier>,
    pub section: Option<SectionKind>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    pub query: String,
    pub filters: Filters,
    pub limit: usize,
}

/// One matching paragraph. Every range is a byte range into the document's text.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub score: f32,
    pub document_id: String,
    pub country: String,
    pub iso3: String,
    pub region: String,
    pub report_year: u16,
    /// Tier code, or "none" when the narrative states none.
    pub stated_tier: String,
    pub section: String,
    pub paragraph: TextRange,
    pub snippet: TextRange,
    /// The snippet's text (`document.text[snippet]`).
    pub snippet_text: String,
    /// Every highlight in the paragraph (some may lie outside the snippet).
    pub highlights: Vec<TextRange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// Counts of matching paragraphs per value; each dimension's counts add up to `total`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub country: Vec<FacetCount>,
    pub region: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
    pub tier: Vec<FacetCount>,
    pub section: Vec<FacetCount>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub query: String,
    /// Matching paragraphs (all of them, not only those shown).
    pub total: u64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// The user's query, rewritten for tantivy, and what to highlight.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Parsed {
    pub rewritten: String,
    pub plan: Plan,
    /// Analyzed words of a plain multi-word query (no operators, quotes or prefixes).
    pub plain_words: Option<Vec<String>>,
}

/// Read the query text once: rewrite `word*` to a regex over stems, collect highlights.
pub(crate) fn parse_plan(analyzer: &mut TextAnalyzer, text: &str) -> Parsed {
    let mut plan = Plan::default();
    let mut out = String::new();
    let mut plain = true;
    let mut words: Vec<String> = Vec::new();
    let mut negate_next = false;
    let mut rest = text;
    while !rest.is_empty() {
        let trimmed = rest.trim_start();
        out.push_str(&rest[..rest.len() - trimmed.len()]);
        rest = trimmed;
        if rest.is_empty() {
            break;
        }
        let negated = std::mem::take(&mut negate_next) || rest.starts_with('-');
        if let Some(body) = rest.strip_prefix('"').or_else(|| rest.strip_prefix("+\"")).or_else(|| rest.strip_prefix("-\"")) {
            plain = false;
            let close = body.find('"').map(|i| i + 1).unwrap_or(body.len());
            let phrase = &body[..close.min(body.len()).saturating_sub(usize::from(body[..close].ends_with('"')))];
            let after = &body[close..];
            let is_prefix = after.starts_with('*');
            let consumed = rest.len() - body.len() + close + usize::from(is_prefix);
            out.push_str(&rest[..consumed]);
            rest = &rest[consumed..];
            if !negated {
                let mut toks: Vec<String> = highlight::tokens(analyzer, phrase).into_iter().map(|t| t.0).collect();
                if is_prefix {
                    if let Some(last) = toks.pop() {
                        plan.prefixes.push(last);
                    }
                    plan.terms.extend(toks);
                } else {
                    plan.phrases.push(toks);
                }
            }
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let chunk = &rest[..end];
        rest = &rest[end..];
        if matches!(chunk, "AND" | "OR" | "NOT" | "&&" | "||") {
            plain = false;
            negate_next = chunk == "NOT";
            out.push_str(chunk);
            continue;
        }
        let core = chunk.trim_start_matches(['+', '-', '(']).trim_end_matches(')');
        if core.len() != chunk.len() || chunk.contains([':', '^', '~', '[', '{']) {
            plain = false;
        }
        if let Some(stem) = core.strip_suffix('*').filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric())) {
            plain = false;
            let lower = stem.to_ascii_lowercase();
            let analyzed = highlight::tokens(analyzer, &lower).into_iter().next().map(|t| t.0).unwrap_or(lower.clone());
            let alternatives = if analyzed != lower && lower.starts_with(&analyzed) { analyzed.clone() } else { lower.clone() };
            let lead = &chunk[..chunk.find(core).unwrap_or(0)];
            let trail = &chunk[chunk.find(core).unwrap_or(0) + core.len()..];
            out.push_str(&format!("{lead}text:/{alternatives}.*/{trail}"));
            if !negated {
                plan.prefixes.push(alternatives);
            }
            continue;
        }
        out.push_str(chunk);
        if negated || chunk.contains(':') {
            continue;
        }
        let toks: Vec<String> = highlight::tokens(analyzer, core).into_iter().map(|t| t.0).collect();
        words.extend(toks.iter().cloned());
        match toks.len() {
            0 => {}
            1 => {
                plan.terms.extend(toks);
            }
            _ => plan.phrases.push(toks),
        }
    }
    let plain_words = (plain && words.len() >= 2).then_some(words);
    Parsed { rewritten: out, plan, plain_words }
}

fn facet_term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(
        Box::new(TermQuery::new(Term::from_facet(field, &Facet::from_path([value])), IndexRecordOption::Basic)),
        0.0,
    ))
}

fn filter_clauses(f: &Fields, filters: &Filters) -> Vec<(Occur, Box<dyn Query>)> {
    let mut out: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Must,
        Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(Term::from_field_text(f.kind, KIND_PARAGRAPH), IndexRecordOption::Basic)),
            0.0,
        )),
    )];
    if let Some(v) = &filters.iso3 {
        out.push((Occur::Must, facet_term(f.f_country, &v.to_ascii_uppercase())));
    }
    if let Some(v) = &filters.region {
        out.push((Occur::Must, facet_term(f.f_region, v)));
    }
    if let Some(v) = filters.year {
        out.push((Occur::Must, facet_term(f.f_year, &v.to_string())));
    }
    if let Some(v) = filters.tier {
        out.push((Occur::Must, facet_term(f.f_tier, v.code())));
    }
    if let Some(v) = filters.section {
        out.push((Occur::Must, facet_term(f.f_section, v.code())));
    }
    out
}

fn facet_list(counts: &FacetCounts) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = counts
        .get("/")
        .map(|(facet, count)| FacetCount { value: facet.to_path().last().map(|s| s.to_string()).unwrap_or_default(), count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

fn stored_str(d: &TantivyDocument, f: Field) -> String {
    d.get_first(f).and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

fn stored_u64(d: &TantivyDocument, f: Field) -> u64 {
    d.get_first(f).and_then(|v| v.as_u64()).unwrap_or(0)
}

impl SearchIndex {
    /// Run a query. Hits are ordered by score, then ISO3, year and position (deterministic).
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let f = self.fields;
        if req.query.trim().is_empty() {
            return Err(SearchError::Invalid("empty query: give words, a \"phrase\" or a prefix*".into()));
        }
        crate::syntax::check(&req.query)?;
        let mut analyzer = self.index.tokenizer_for_field(f.text)?;
        let parsed = parse_plan(&mut analyzer, &req.query);
        let mut parser = QueryParser::for_index(&self.index, vec![f.text, f.text_exact]);
        parser.set_conjunction_by_default();
        parser.allow_regexes();
        let user = parser.parse_query(&parsed.rewritten).map_err(|e| SearchError::Query(e.to_string()))?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, user)];
        if let Some(words) = &parsed.plain_words {
            let terms: Vec<Term> = words.iter().map(|w| Term::from_field_text(f.text, w)).collect();
            clauses.push((Occur::Should, Box::new(BoostQuery::new(rewrite::guard(Box::new(PhraseQuery::new(terms))), PHRASE_BOOST))));
            let mut exact = self.index.tokenizer_for_field(f.text_exact)?;
            let terms: Vec<Term> = highlight::tokens(&mut exact, &req.query).into_iter().map(|t| Term::from_field_text(f.text_exact, &t.0)).collect();
            if terms.len() >= 2 {
                clauses.push((Occur::Should, Box::new(BoostQuery::new(rewrite::guard(Box::new(PhraseQuery::new(terms))), PHRASE_BOOST))));
            }
        }
        clauses.extend(filter_clauses(&f, &req.filters));
        let query = rewrite::guard(Box::new(BooleanQuery::new(clauses)));

        let mut multi = MultiCollector::new();
        let top = multi.add_collector(TopDocs::with_limit(req.limit.max(1)).order_by_score());
        let count = multi.add_collector(Count);
        let mut facet_handles = Vec::new();
        for name in ["f_country", "f_region", "f_year", "f_tier", "f_section"] {
            let mut c = FacetCollector::for_field(name);
            c.add_facet("/");
            facet_handles.push(multi.add_collector(c));
        }
        let searcher = self.reader.searcher();
        let mut fruits = searcher.search(query.as_ref(), &multi)?;
        let top_docs = top.extract(&mut fruits);
        let total = count.extract(&mut fruits) as u64;
        let mut lists: Vec<Vec<FacetCount>> = facet_handles.into_iter().map(|h| facet_list(&h.extract(&mut fruits))).collect();
        let facets = Facets {
            section: lists.pop().unwrap_or_default(),
            tier: lists.pop().unwrap_or_default(),
            year: lists.pop().unwrap_or_default(),
            region: lists.pop().unwrap_or_default(),
            country: lists.pop().unwrap_or_default(),
        };

        let mut hits = Vec::with_capacity(top_docs.len());
        for (score, addr) in top_docs.into_iter().take(req.limit) {
            let d: TantivyDocument = searcher.doc(addr)?;
            let text = stored_str(&d, f.text);
            let start = stored_u64(&d, f.start) as usize;
            let hs = highlight::highlights(&mut analyzer, &text, &parsed.plan);
            let snip = highlight::snippet(&text, &hs, SNIPPET_BYTES);
            hits.push(Hit {
                score,
                document_id: stored_str(&d, f.doc_id),
                country: stored_str(&d, f.country),
                iso3: stored_str(&d, f.iso3),
                region: stored_str(&d, f.region),
                report_year: stored_u64(&d, f.year) as u16,
                stated_tier: stored_str(&d, f.tier),
                section: stored_str(&d, f.section),
                paragraph: TextRange::new(start, stored_u64(&d, f.end) as usize),
                snippet: TextRange::new(start + snip.start, start + snip.end),
                snippet_text: text[snip].to_string(),
                highlights: hs.into_iter().map(|r| TextRange::new(start + r.start, start + r.end)).collect(),
            });
        }
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.iso3.cmp(&b.iso3))
                .then_with(|| a.report_year.cmp(&b.report_year))
                .then_with(|| a.paragraph.start.cmp(&b.paragraph.start))
        });
        Ok(SearchResults { query: req.query.clone(), total, hits, facets })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> Parsed {
        let mut a = tantivy::tokenizer::TokenizerManager::default().get(crate::schema::TEXT_ANALYZER).unwrap();
        parse_plan(&mut a, q)
    }

    #[test]
    fn plain_words_are_a_phrase_candidate() {
        let p = parse("humanitarian visas");
        assert_eq!(p.rewritten, "humanitarian visas");
        assert_eq!(p.plain_words, Some(vec!["humanitarian".to_string(), "visa".to_string()]));
        assert!(p.plan.terms.contains("visa"));
    }

    #[test]
    fn quotes_operators_negation_and_prefixes() {
        let p = parse("\"forced labor\" AND NOT brothel -sex traffick*");
        assert_eq!(p.rewritten, "\"forced labor\" AND NOT brothel -sex text:/traffick.*/");
        assert_eq!(p.plan.phrases, vec![vec!["forc".to_string(), "labor".to_string()]]);
        assert!(!p.plan.terms.contains("brothel") && !p.plan.terms.contains("sex"));
        assert_eq!(p.plan.prefixes, vec!["traffick".to_string()]);
        assert_eq!(p.plain_words, None);
    }

    #[test]
    fn phrase_prefix_highlights_the_last_word_as_prefix() {
        let p = parse("\"humanitarian vis\"*");
        assert_eq!(p.rewritten, "\"humanitarian vis\"*");
        assert_eq!(p.plan.prefixes, vec!["vis".to_string()]);
    }
}
