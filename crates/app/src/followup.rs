//! Recommendation follow-through: did the next report say the government did what the
//! previous report recommended?
//!
//! Each recommendation of the earlier narrative (its `recommendation` facts, one per item;
//! failing those, its recommendations section split at ';') is compared with every
//! sentence of the later narrative outside its heading, recommendations and trafficking
//! profile (the new recommendations restate old ones; the profile describes trafficking,
//! not government action). Words are stemmed content words weighted by idf over every stored
//! sentence (see [`crate::lexical`]). A sentence's score is its **coverage** of the
//! recommendation: the share of the recommendation's idf weight among the words the two
//! share. The best sentence (highest coverage, then highest tf-idf cosine, then earliest) is
//! the evidence, shown with the shared terms. Status: **addressed** when coverage is at least
//! [`ADDRESSED_AT`] and two or more terms are shared (one if the recommendation has only
//! one), **partly** from [`PARTLY_AT`], else **not found**. This finds where a report talks
//! about the same action; it does not judge whether the action was done well.

use crate::lexical::{cosine, coverage, shared_terms, Idf};
use serde::Serialize;
use tierwatch_model::{FactKind, SectionKind, TextRange};
use tierwatch_store::StoredDocument;

/// Coverage at or above which a recommendation counts as addressed.
pub const ADDRESSED_AT: f64 = 0.6;
/// Coverage at or above which it counts as partly addressed.
pub const PARTLY_AT: f64 = 0.3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Addressed,
    Partly,
    NotFound,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Addressed => "addressed",
            Status::Partly => "partly",
            Status::NotFound => "not found",
        }
    }
}

/// The sentence of the later narrative that best matches a recommendation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub text: String,
    pub range: TextRange,
    pub section: SectionKind,
    /// Coverage of the recommendation's weight, 0 to 1.
    pub score: f64,
    /// Stemmed terms the recommendation and the sentence share, heaviest first.
    pub shared_terms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub recommendation: String,
    /// Range of the recommendation in the earlier narrative's text.
    pub range: TextRange,
    pub status: Status,
    pub evidence: Option<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub country: String,
    pub iso3: String,
    /// The report whose recommendations are checked.
    pub recommendations_year: u16,
    pub report_year: u16,
    /// "facts" (the recommendation extractor's items) or "section_split" (split at ';').
    pub items_from: &'static str,
    pub items: Vec<Item>,
}

/// The recommendation items of a narrative with their ranges, and where they came from.
pub fn recommendations(doc: &StoredDocument) -> (Vec<(TextRange, String)>, &'static str) {
    let facts: Vec<(TextRange, String)> = doc
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Recommendation)
        .map(|f| (f.provenance.range, f.provenance.quote.clone()))
        .collect();
    if !facts.is_empty() {
        return (facts, "facts");
    }
    let text = &doc.document.text;
    let mut out = Vec::new();
    for p in doc.segmentation.paragraphs.iter().filter(|p| p.section == SectionKind::Recommendations) {
        let body = p.range.slice(text);
        // Skip a "PRIORITIZED RECOMMENDATIONS:" lead-in.
        let skip = body.find(':').filter(|&i| i < 60 && body[..i].to_uppercase().contains("RECOMMENDATION")).map(|i| i + 1).unwrap_or(0);
        let mut at = p.range.start + skip;
        for part in body[skip..].split(';') {
            let r = TextRange::new(at, at + part.len()).trim(text);
            at += part.len() + 1;
            let item = r.slice(text).trim_start_matches("and ").trim_end_matches('.');
            if item.split_whitespace().count() >= 3 {
                let lead = r.slice(text).len() - r.slice(text).trim_start_matches("and ").len();
                let r = TextRange::new(r.start + lead, r.start + lead + item.len());
                out.push((r, item.to_string()));
            }
        }
    }
    (out, "section_split")
}

fn candidate(kind: SectionKind) -> bool {
    !matches!(kind, SectionKind::Heading | SectionKind::Recommendations | SectionKind::TraffickingProfile)
}

/// Match `earlier`'s recommendations against `later`'s sentences; `idf` is over corpus sentences.
pub fn follow_up(earlier: &StoredDocument, later: &StoredDocument, idf: &Idf) -> FollowUp {
    let text = &later.document.text;
    let sentences: Vec<(TextRange, SectionKind, std::collections::BTreeMap<String, f64>)> = later
        .segmentation
        .sentences
        .iter()
        .filter_map(|s| {
            let kind = later.segmentation.paragraphs[s.paragraph].section;
            candidate(kind).then(|| (s.range, kind, idf.vector(s.range.slice(text))))
        })
        .collect();
    let (recs, items_from) = recommendations(earlier);
    let items = recs
        .into_iter()
        .map(|(range, rec)| {
            let v = idf.vector(&rec);
            let best = sentences
                .iter()
                .map(|(r, k, sv)| ((coverage(&v, sv, idf), cosine(&v, sv)), r, k, sv))
                .filter(|((c, _), ..)| *c > 0.0)
                .max_by(|a, b| a.0 .0.total_cmp(&b.0 .0).then(a.0 .1.total_cmp(&b.0 .1)).then_with(|| b.1.start.cmp(&a.1.start)));
            let shared = best.map(|(.., sv)| shared_terms(&v, sv)).unwrap_or_default();
            let enough_terms = shared.len() >= 2.min(v.len());
            let status = match best {
                Some(((c, _), ..)) if c >= ADDRESSED_AT && enough_terms => Status::Addressed,
                Some(((c, _), ..)) if c >= PARTLY_AT => Status::Partly,
                _ => Status::NotFound,
            };
            let evidence = best.filter(|_| status != Status::NotFound).map(|((c, _), r, k, _)| Evidence {
                text: r.slice(text).to_string(),
                range: *r,
                section: *k,
                score: (c * 1000.0).round() / 1000.0,
                shared_terms: shared.clone(),
            });
            Item { recommendation: rec, range, status, evidence }
        })
        .collect();
    let year = |d: &StoredDocument| d.document.metadata.report_year.map(|y| y.get()).unwrap_or(0);
    FollowUp {
        country: later.document.metadata.country.clone(),
        iso3: later.document.metadata.iso3.clone(),
        recommendations_year: year(earlier),
        report_year: year(later),
        items_from,
        items,
    }
}

/// `followup` over the store: the narrative of `year` against the recommendations of the
/// latest stored narrative of the same country before it; idf over every stored sentence.
pub fn follow_up_stored(store: &tierwatch_store::Store, name: &str, year: u16) -> Result<FollowUp, crate::AppError> {
    let later = crate::lookup::narrative(store, name, year)?;
    let iso3 = &later.document.metadata.iso3;
    let prev_year = store
        .list()?
        .into_iter()
        .filter(|s| &s.iso3 == iso3 && s.report_year < year)
        .map(|s| s.report_year)
        .max()
        .ok_or_else(|| {
            crate::AppError::NotFound(format!(
                "no narrative of {} before {year} in the store: followup checks the previous report's recommendations; ingest it first",
                later.document.metadata.country
            ))
        })?;
    let earlier = crate::lookup::narrative(store, iso3, prev_year)?;
    let docs = store.all_documents()?;
    let idf = Idf::from_texts(docs.iter().flat_map(|d| d.segmentation.sentences.iter().map(|s| s.range.slice(&d.document.text))));
    Ok(follow_up(&earlier, &later, &idf))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::narrative;
    use tierwatch_model::SectionKind::{Prevention, Prosecution, Recommendations};

    #[test]
    fn items_split_at_semicolons_and_match_the_sentences_that_address_them() {
        let earlier = narrative(
            "MEX",
            2017,
            None,
            &[(Recommendations, "PRIORITIZED RECOMMENDATIONS: Prosecute and convict complicit officials; open specialized shelters for male victims; and fund a hotline in indigenous languages.")],
        );
        let later = narrative(
            "MEX",
            2018,
            None,
            &[
                (Prosecution, "Courts convicted two complicit officials for trafficking crimes. Police arrested suspects."),
                (Prevention, "The hotline received calls in two languages. Officials held awareness events."),
                (Recommendations, "Open specialized shelters for male victims."),
            ],
        );
        let (items, from) = recommendations(&earlier);
        assert_eq!(from, "section_split");
        assert_eq!(items.iter().map(|i| i.1.as_str()).collect::<Vec<_>>(), [
            "Prosecute and convict complicit officials",
            "open specialized shelters for male victims",
            "fund a hotline in indigenous languages"
        ]);
        for (r, s) in &items {
            assert_eq!(r.slice(&earlier.document.text), s);
        }
        let corpus: Vec<&str> = later.segmentation.sentences.iter().map(|s| s.range.slice(&later.document.text)).collect();
        let idf = Idf::from_texts(corpus);
        let f = follow_up(&earlier, &later, &idf);
        assert_eq!(f.items[0].status, Status::Addressed);
        let ev = f.items[0].evidence.as_ref().unwrap();
        assert_eq!(ev.text, "Courts convicted two complicit officials for trafficking crimes.");
        assert!(ev.shared_terms.contains(&"compli".to_string()));
        assert_eq!(f.items[1].status, Status::NotFound, "the new recommendations section is not evidence");
        assert_eq!(f.items[2].status, Status::Partly, "{:?}", f.items[2]);
        assert_eq!(f.items[2].evidence.as_ref().unwrap().text, "The hotline received calls in two languages.");
    }
}
