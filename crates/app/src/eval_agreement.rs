//! `eval agreement`: how far two annotators agree, scored with the figures `eval extraction`
//! prints. The second annotator's files are read as predictions against the first's, paired
//! by the document they name; a document only one of them annotated is listed, not scored.
//! An extractor's figures on a set mean more beside this one: where two careful people
//! reading the same schema differ, no extractor can agree with both.

use crate::eval_extraction::read_gold_dir;
use crate::AppError;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tierwatch_extract::gold::{score_predicted, ExtractionReport, GoldDoc, Predicted};

/// The agreement of `other` with `reference` on the documents both annotated.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementReport {
    pub reference: PathBuf,
    pub other: PathBuf,
    /// Documents only the reference annotated, and only the other.
    pub only_reference: Vec<String>,
    pub only_other: Vec<String>,
    /// The other's files scored as predictions against the reference.
    pub report: ExtractionReport,
}

impl AgreementReport {
    pub fn render_text(&self) -> String {
        let mut s = format!("== agreement of {} with {} (the reference)\n", self.other.display(), self.reference.display());
        for (label, docs) in [("only in the reference", &self.only_reference), ("only in the other", &self.only_other)] {
            if !docs.is_empty() {
                s.push_str(&format!("  {label} (not scored): {}\n", docs.join(", ")));
            }
        }
        s.push_str(&self.report.render_text_of("other vs reference"));
        s
    }
}

/// Score the gold files under `other` against those under `reference`.
pub fn eval_agreement(reference: &Path, other: &Path) -> Result<AgreementReport, AppError> {
    let by_document = |dir: &Path| -> Result<BTreeMap<String, GoldDoc>, AppError> {
        let mut docs = BTreeMap::new();
        for g in read_gold_dir(dir)? {
            if let Some(first) = docs.insert(g.document.clone(), g) {
                return Err(AppError::Invalid(format!("{}: two gold files name {}", dir.display(), first.document)));
            }
        }
        Ok(docs)
    };
    let refs = by_document(reference)?;
    let others = by_document(other)?;
    let only_reference = refs.keys().filter(|d| !others.contains_key(*d)).cloned().collect();
    let only_other = others.keys().filter(|d| !refs.contains_key(*d)).cloned().collect();
    let pairs: Vec<(&GoldDoc, Predicted)> =
        refs.iter().filter_map(|(d, g)| others.get(d).map(|o| (g, Predicted::from_gold(o)))).collect();
    if pairs.is_empty() {
        return Err(AppError::Invalid(format!("{} and {} annotate no document in common", reference.display(), other.display())));
    }
    Ok(AgreementReport { reference: reference.into(), other: other.into(), only_reference, only_other, report: score_predicted(&pairs) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, json: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(name), json).unwrap();
    }

    #[test]
    fn pairs_by_document_and_lists_the_unpaired() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        let doc = |name: &str, tier: &str, counts: &str| {
            format!(r#"{{"document":"tip-2018/{name}.txt","tier":"{tier}","counts":[{counts}],"official_complicity":false}}"#)
        };
        let six = r#"{"kind":"investigations","value":6,"period":2017,"quote":"q"}"#;
        let seven = r#"{"kind":"investigations","value":7,"period":2017,"quote":"q"}"#;
        write(&a, "x.json", &doc("x", "tier2", six));
        write(&a, "y.json", &doc("y", "tier1", six));
        write(&b, "x.json", &doc("x", "tier3", &format!("{six},{seven}")));
        write(&b, "z.json", &doc("z", "tier1", ""));
        let r = eval_agreement(&a, &b).unwrap();
        assert_eq!(r.report.documents, 1);
        assert_eq!(r.only_reference, ["tip-2018/y.txt"]);
        assert_eq!(r.only_other, ["tip-2018/z.txt"]);
        assert_eq!(r.report.tier.value, 0.0);
        assert_eq!((r.report.counts.prf.true_positives, r.report.counts.prf.false_positives), (1, 1));
        assert_eq!(r.report.complicity.value, 1.0);
        // nothing in common is an error, not an empty report
        assert!(eval_agreement(&a, &tmp.path().join("a")).is_ok());
        write(&tmp.path().join("c"), "q.json", &doc("q", "tier1", ""));
        assert!(eval_agreement(&a, &tmp.path().join("c")).is_err());
    }
}
