//! tierwatch-extract: turn a segmented TIP country narrative into facts with provenance.
//!
//! One module per fact family; each is a pure function of the document, its segmentation
//! and the normalised text (see [`norm`]), and each fact quotes exactly the bytes it came
//! from (`quote == doc.text[range]`). [`extract`] runs them all and sorts the result.
//!
//! Architecture invariant: no rule names a specific country or document; the narrative's
//! own country comes from the document metadata, other countries from the registry.

mod context;
mod gate;
mod norm;
mod numbers;

pub mod action_plan;
pub mod complicity;
pub mod counts;
pub mod efforts;
pub mod flows;
pub mod forms;
pub mod gold;
pub mod groups;
pub mod laws;
pub mod penalties;
pub mod protection;
pub mod recommendations;
pub mod roles;
pub mod tier;

#[cfg(test)]
mod testutil;

use tierwatch_model::{Document, Fact, Segmentation};

pub use context::Ctx;

/// A version number bumped whenever any extractor's output may change.
pub const EXTRACTOR_SET_VERSION: u32 = 53;

/// One extractor: its name and what it adds to the facts of a document.
pub type Extractor = (&'static str, fn(&Ctx, &mut Vec<Fact>));

/// Every extractor, in the order [`extract`] runs them.
pub const EXTRACTORS: [Extractor; 13] = [
    (tier::NAME, tier::run),
    (roles::NAME, roles::run),
    (forms::NAME, forms::run),
    (flows::NAME, flows::run),
    (groups::NAME, groups::run),
    (counts::NAME, counts::run),
    (laws::NAME, laws::run),
    (penalties::NAME, penalties::run),
    (complicity::NAME, complicity::run),
    (protection::NAME, protection::run),
    (action_plan::NAME, action_plan::run),
    (efforts::NAME, efforts::run),
    (recommendations::NAME, recommendations::run),
];

/// All facts of one document, sorted by (start, end, kind) — deterministic.
pub fn extract(doc: &Document, seg: &Segmentation) -> Vec<Fact> {
    let cx = Ctx::new(doc, seg);
    let mut out = Vec::new();
    for (_, run) in EXTRACTORS {
        run(&cx, &mut out);
    }
    out.sort_by(|a, b| {
        let ka = (a.provenance.range.start, a.provenance.range.end, a.kind);
        let kb = (b.provenance.range.start, b.provenance.range.end, b.kind);
        ka.cmp(&kb).then_with(|| a.value.render().cmp(&b.value.render()))
    });
    out.dedup_by(|a, b| a.kind == b.kind && a.value == b.value && a.provenance.range == b.provenance.range && a.period == b.period && a.scope == b.scope);
    out
}
