//! Victim flows (origin -> destination country pairs) extracted from stored narratives:
//! compared with a third-party edge list (the cib117/trafficking NLP edge lists, nearest
//! report year) and written as GraphML for network tools. (CSV and Parquet go through
//! `export --what flows`.)

use crate::AppError;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tierwatch_model::{CountryRegistry, FactKind, FactValue};
use tierwatch_store::Store;

/// One extracted flow with where it came from.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Flow {
    pub report_year: u16,
    pub origin_iso3: String,
    pub destination_iso3: String,
    pub origin: String,
    pub destination: String,
    pub narrative_iso3: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
}

/// Every flow fact of every stored narrative, resolved to ISO3 codes, in a stable order.
pub fn flows(store: &Store) -> Result<Vec<Flow>, AppError> {
    let reg = CountryRegistry::embedded();
    let mut out = Vec::new();
    for d in store.all_documents()? {
        let year = d.document.metadata.report_year.map(|y| y.get()).unwrap_or_default();
        for f in d.facts.iter().filter(|f| f.kind == FactKind::Flow) {
            let FactValue::Flow { origin, destination } = &f.value else { continue };
            let (Some(o), Some(t)) = (reg.lookup(origin), reg.lookup(destination)) else { continue };
            out.push(Flow {
                report_year: year,
                origin_iso3: o.iso3.clone(),
                destination_iso3: t.iso3.clone(),
                origin: o.name.clone(),
                destination: t.name.clone(),
                narrative_iso3: d.document.metadata.iso3.clone(),
                quote: f.provenance.quote.clone(),
                start: f.provenance.range.start,
                end: f.provenance.range.end,
            });
        }
    }
    out.sort();
    Ok(out)
}

/// Overlap of extracted flows with a reference edge list for one report year.
#[derive(Debug, Clone, Serialize)]
pub struct YearOverlap {
    pub report_year: u16,
    /// The reference edge list used (the nearest year available).
    pub reference_year: u16,
    pub extracted_pairs: usize,
    /// Reference pairs that touch a country whose narrative is stored for this year (the
    /// only pairs extraction could find).
    pub reference_pairs_in_scope: usize,
    pub shared_pairs: usize,
    /// shared / extracted.
    pub share_of_extracted_in_reference: f64,
    /// shared / reference in scope.
    pub share_of_reference_found: f64,
    pub reference_names_unresolved: Vec<String>,
    /// A few extracted pairs missing from the reference, and the reverse, for inspection.
    pub examples_only_extracted: Vec<(String, String)>,
    pub examples_only_reference: Vec<(String, String)>,
}

/// Compare per report year with the edge lists in `dir` (files `edgelistYYYY.txt`, lines
/// "Source,Destination", duplicates allowed).
pub fn compare_with_edgelists(store: &Store, dir: &Path) -> Result<Vec<YearOverlap>, AppError> {
    let reg = CountryRegistry::embedded();
    let mut lists: BTreeMap<u16, std::path::PathBuf> = BTreeMap::new();
    let entries = std::fs::read_dir(dir).map_err(|source| AppError::Io { path: dir.display().to_string(), source })?;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(y) = name.strip_prefix("edgelist").and_then(|r| r.strip_suffix(".txt")).and_then(|y| y.parse().ok()) {
            lists.insert(y, e.path());
        }
    }
    if lists.is_empty() {
        return Err(AppError::Invalid(format!("no edgelistYYYY.txt files in {}", dir.display())));
    }
    let all = flows(store)?;
    let mut narratives: BTreeMap<u16, BTreeSet<String>> = BTreeMap::new();
    for s in store.list()? {
        narratives.entry(s.report_year).or_default().insert(s.iso3);
    }
    let mut out = Vec::new();
    for (&year, countries) in &narratives {
        let reference_year = *lists.keys().min_by_key(|y| (y.abs_diff(year), std::cmp::Reverse(**y))).expect("non-empty");
        let path = &lists[&reference_year];
        let text = std::fs::read_to_string(path).map_err(|source| AppError::Io { path: path.display().to_string(), source })?;
        let mut unresolved = BTreeSet::new();
        let mut reference: BTreeSet<(String, String)> = BTreeSet::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let Some((a, b)) = line.split_once(',') else { continue };
            match (reg.lookup(a.trim()), reg.lookup(b.trim())) {
                (Some(o), Some(t)) if o.iso3 != t.iso3 => {
                    if countries.contains(&o.iso3) || countries.contains(&t.iso3) {
                        reference.insert((o.iso3.clone(), t.iso3.clone()));
                    }
                }
                (o, t) => {
                    if o.is_none() {
                        unresolved.insert(a.trim().to_string());
                    }
                    if t.is_none() {
                        unresolved.insert(b.trim().to_string());
                    }
                }
            }
        }
        let extracted: BTreeSet<(String, String)> = all
            .iter()
            .filter(|f| f.report_year == year && f.origin_iso3 != f.destination_iso3)
            .map(|f| (f.origin_iso3.clone(), f.destination_iso3.clone()))
            .collect();
        let shared = extracted.intersection(&reference).count();
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        out.push(YearOverlap {
            report_year: year,
            reference_year,
            extracted_pairs: extracted.len(),
            reference_pairs_in_scope: reference.len(),
            shared_pairs: shared,
            share_of_extracted_in_reference: ratio(shared, extracted.len()),
            share_of_reference_found: ratio(shared, reference.len()),
            reference_names_unresolved: unresolved.into_iter().collect(),
            examples_only_extracted: extracted.difference(&reference).take(10).cloned().collect(),
            examples_only_reference: reference.difference(&extracted).take(10).cloned().collect(),
        });
    }
    Ok(out)
}

/// The flows as a GraphML directed graph: nodes are countries (ISO3 id, name, region),
/// edges carry the report year, the narrative and the quote.
pub fn graphml(flows: &[Flow]) -> String {
    let reg = CountryRegistry::embedded();
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut nodes: BTreeSet<&str> = BTreeSet::new();
    for f in flows {
        nodes.insert(&f.origin_iso3);
        nodes.insert(&f.destination_iso3);
    }
    let mut s = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
        "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n",
        "  <key id=\"region\" for=\"node\" attr.name=\"region\" attr.type=\"string\"/>\n",
        "  <key id=\"year\" for=\"edge\" attr.name=\"report_year\" attr.type=\"int\"/>\n",
        "  <key id=\"narrative\" for=\"edge\" attr.name=\"narrative_iso3\" attr.type=\"string\"/>\n",
        "  <key id=\"quote\" for=\"edge\" attr.name=\"quote\" attr.type=\"string\"/>\n",
        "  <graph id=\"flows\" edgedefault=\"directed\">\n"
    ));
    for n in nodes {
        let c = reg.by_iso3(n);
        s.push_str(&format!(
            "    <node id=\"{n}\"><data key=\"name\">{}</data><data key=\"region\">{}</data></node>\n",
            esc(c.map(|c| c.name.as_str()).unwrap_or(n)),
            esc(c.map(|c| c.region.as_str()).unwrap_or(""))
        ));
    }
    for (i, f) in flows.iter().enumerate() {
        s.push_str(&format!(
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"year\">{}</data><data key=\"narrative\">{}</data><data key=\"quote\">{}</data></edge>\n",
            f.origin_iso3,
            f.destination_iso3,
            f.report_year,
            f.narrative_iso3,
            esc(&f.quote)
        ));
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}
