//! The extraction report: figures per field, every miss and false positive, and a
//! human rendering.

use serde::Serialize;

/// Correct out of total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
    pub value: f64,
}

impl Accuracy {
    pub fn add(&mut self, ok: bool) {
        self.total += 1;
        if ok {
            self.correct += 1;
        }
        self.value = self.correct as f64 / self.total as f64;
    }
}

/// Precision / recall / F1 from micro-averaged counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn finish(&mut self) {
        let (tp, fp, fnn) = (self.true_positives as f64, self.false_positives as f64, self.false_negatives as f64);
        self.precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 1.0 };
        self.recall = if tp + fnn > 0.0 { tp / (tp + fnn) } else { 1.0 };
        self.f1 = if self.precision + self.recall > 0.0 {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        } else {
            0.0
        };
    }
}

/// Counts: precision/recall on distinct (kind, value) pairs per document, and period
/// accuracy on the matched pairs; the same per kind of count (which measures can be trusted
/// how far).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CountsScore {
    #[serde(flatten)]
    pub prf: Prf,
    pub period: Accuracy,
    /// Per kind ("investigations", "prosecutions", "convictions", "victims_identified").
    pub by_kind: std::collections::BTreeMap<String, KindScore>,
}

/// One kind of count: precision/recall of its (kind, value) pairs and its period accuracy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct KindScore {
    #[serde(flatten)]
    pub prf: Prf,
    pub period: Accuracy,
}

/// One disagreement with gold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorItem {
    pub document: String,
    pub field: String,
    /// "miss" (gold has it, extraction does not), "false_positive", or "wrong".
    pub error: String,
    pub expected: String,
    pub got: String,
    /// The sentence behind the gold value (miss) or behind the extracted value.
    pub quote: String,
}

/// Figures per field over a set of gold documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ExtractionReport {
    pub documents: usize,
    pub tier: Accuracy,
    pub movement: Accuracy,
    pub watch_list_consecutive_years: Accuracy,
    pub watch_list_waiver: Accuracy,
    pub watch_list_auto_downgrade: Accuracy,
    pub roles: Accuracy,
    pub forms: Prf,
    pub counts: CountsScore,
    pub penalty: Accuracy,
    pub recommendations: Accuracy,
    pub complicity: Accuracy,
    pub errors: Vec<ErrorItem>,
}

impl ExtractionReport {
    /// A line-oriented rendering: the figures, then every error.
    pub fn render_text(&self) -> String {
        self.render_text_of("extraction vs gold")
    }

    /// [`render_text`](Self::render_text) with another first line ("second annotator vs
    /// reference" for an agreement study).
    pub fn render_text_of(&self, what: &str) -> String {
        let acc = |a: &Accuracy| {
            if a.total == 0 {
                "   n/a  (not annotated in this set)".to_string()
            } else {
                format!("{:6.1}%  ({}/{})", a.value * 100.0, a.correct, a.total)
            }
        };
        let mut s = String::new();
        s.push_str(&format!("{what}: {} documents\n", self.documents));
        s.push_str(&format!("  tier                         {}\n", acc(&self.tier)));
        s.push_str(&format!("  tier movement                {}\n", acc(&self.movement)));
        s.push_str(&format!("  watch list consecutive years {}\n", acc(&self.watch_list_consecutive_years)));
        s.push_str(&format!("  watch list waiver            {}\n", acc(&self.watch_list_waiver)));
        s.push_str(&format!("  watch list auto downgrade    {}\n", acc(&self.watch_list_auto_downgrade)));
        s.push_str(&format!("  roles (exact set)            {}\n", acc(&self.roles)));
        let f = &self.forms;
        if f.true_positives + f.false_positives + f.false_negatives == 0 {
            s.push_str("  forms                           n/a  (not annotated in this set)\n");
        } else {
        s.push_str(&format!(
            "  forms                        P {:.3}  R {:.3}  F1 {:.3}  (tp {} fp {} fn {})\n",
            f.precision, f.recall, f.f1, f.true_positives, f.false_positives, f.false_negatives
        ));
        }
        let c = &self.counts.prf;
        s.push_str(&format!(
            "  counts (kind, value)         P {:.3}  R {:.3}  F1 {:.3}  (tp {} fp {} fn {})\n",
            c.precision, c.recall, c.f1, c.true_positives, c.false_positives, c.false_negatives
        ));
        s.push_str(&format!("  counts period (matched)      {}\n", acc(&self.counts.period)));
        for (kind, k) in &self.counts.by_kind {
            s.push_str(&format!(
                "    {:<26} P {:.3}  R {:.3}  (tp {} fp {} fn {}); period {}\n",
                kind,
                k.prf.precision,
                k.prf.recall,
                k.prf.true_positives,
                k.prf.false_positives,
                k.prf.false_negatives,
                acc(&k.period).trim_start()
            ));
        }
        s.push_str(&format!("  penalty (main, exact)        {}\n", acc(&self.penalty)));
        s.push_str(&format!("  recommendations count        {}\n", acc(&self.recommendations)));
        s.push_str(&format!("  official complicity          {}\n", acc(&self.complicity)));
        if !self.errors.is_empty() {
            s.push_str(&format!("\n{} disagreements:\n", self.errors.len()));
            for e in &self.errors {
                s.push_str(&format!(
                    "  {} | {} | {} | expected {} | got {} | {}\n",
                    e.document,
                    e.field,
                    e.error,
                    e.expected,
                    e.got,
                    e.quote.chars().take(220).collect::<String>().replace('\n', " ")
                ));
            }
        }
        s
    }
}
