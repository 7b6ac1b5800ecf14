//! The query tree tantivy's parser gives, rewritten to mean what users mean and to be safe
//! to run in every build.
//!
//! **`a AND NOT b`** parses as `+a +(-b)`: a required clause that is nothing but an
//! exclusion, which on its own matches no document, so the whole query found nothing. Lucene
//! users (and the query help) mean "a, without b"; a required clause made only of exclusions
//! is therefore lifted into its parent as those exclusions (`+a -b`).
//!
//! **Seeking safely**: a guard around the parts of a query tantivy may "seek in danger"
//! (`DocSet::seek_danger`): excluded clauses (`-word`, `NOT "a phrase"`) and phrases.
//! tantivy 0.27's phrase scorer asserts, in debug builds, that a `seek_danger` target is not
//! behind its current document, although `seek_danger`'s own contract lets a docset stand past
//! the next target after it answered "not found". A query such as `visas -"forced grant"` (a
//! phrase whose words occur but never side by side) then panics in any build with debug
//! assertions (the tests, the fuzzer, `cargo run`); release builds return the right hits. The
//! guard answers `seek_danger` with an ordinary `seek` (tantivy's default implementation,
//! which never leaves the docset in a "dangerous" state), so results are the same and no
//! build panics. Found by the `query` fuzz target; replayed by `tests/fuzz_regressions.rs`.

use tantivy::query::{BooleanQuery, EnableScoring, Explanation, Occur, PhrasePrefixQuery, PhraseQuery, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader};

/// Lift required pure exclusions into their parent, and wrap every excluded clause and
/// every phrase of `query` (recursively through boolean queries) in [`SeekSafe`].
pub(crate) fn guard(query: Box<dyn Query>) -> Box<dyn Query> {
    if let Some(b) = query.downcast_ref::<BooleanQuery>() {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(b.clauses().len());
        for (occur, q) in b.clauses() {
            if *occur == Occur::Must {
                if let Some(exclusions) = only_exclusions(q.as_ref()) {
                    clauses.extend(exclusions.iter().map(|(o, q)| (*o, q.box_clone())));
                    continue;
                }
            }
            clauses.push((*occur, q.box_clone()));
        }
        let clauses = clauses
            .into_iter()
            .map(|(occur, q)| {
                let inner = guard(q);
                let inner = if occur == Occur::MustNot && !is_guarded(inner.as_ref()) { Box::new(SeekSafe(inner)) as Box<dyn Query> } else { inner };
                (occur, inner)
            })
            .collect();
        return Box::new(BooleanQuery::with_minimum_required_clauses(clauses, b.get_minimum_number_should_match()));
    }
    if query.downcast_ref::<PhraseQuery>().is_some() || query.downcast_ref::<PhrasePrefixQuery>().is_some() {
        return Box::new(SeekSafe(query));
    }
    query
}

/// The clauses of a boolean query made of exclusions only (`-b`, `-(b OR c)`).
fn only_exclusions(q: &dyn Query) -> Option<&[(Occur, Box<dyn Query>)]> {
    let b = q.downcast_ref::<BooleanQuery>()?;
    (!b.clauses().is_empty() && b.clauses().iter().all(|(o, _)| *o == Occur::MustNot)).then(|| b.clauses())
}

fn is_guarded(q: &dyn Query) -> bool {
    q.downcast_ref::<SeekSafe>().is_some()
}

/// A query that matches and scores exactly as the query it wraps, whose scorers never take
/// tantivy's `seek_danger` shortcut.
#[derive(Debug)]
pub(crate) struct SeekSafe(pub(crate) Box<dyn Query>);

impl Clone for SeekSafe {
    fn clone(&self) -> Self {
        SeekSafe(self.0.box_clone())
    }
}

impl Query for SeekSafe {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(SafeWeight(self.0.weight(enable_scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a tantivy::Term, bool)) {
        self.0.query_terms(visitor)
    }
}

struct SafeWeight(Box<dyn Weight>);

impl Weight for SafeWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(SafeScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.0.count(reader)
    }
}

/// Forwards everything except `seek_danger`, which keeps `DocSet`'s default (a plain seek).
struct SafeScorer(Box<dyn Scorer>);

impl DocSet for SafeScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }

    fn cost(&self) -> u64 {
        self.0.cost()
    }
}

impl Scorer for SafeScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
