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
pub const EXTRACTOR_SET_VERSION: u32 = 7;

/// All facts of one document, sorted by (start, end, kind) — deterministic.
pub fn extract(doc: &Document, seg: &Segmentation) -> Vec<Fact> {
    let cx = Ctx::new(doc, seg);
    let mut out = Vec::new();
    tier::run(&cx, &mut out);
    roles::run(&cx, &mut out);
    forms::run(&cx, &mut out);
    flows::run(&cx, &mut out);
    groups::run(&cx, &mut out);
    counts::run(&cx, &mut out);
    laws::run(&cx, &mut out);
    penalties::run(&cx, &mut out);
    complicity::run(&cx, &mut out);
    protection::run(&cx, &mut out);
    action_plan::run(&cx, &mut out);
    efforts::run(&cx, &mut out);
    recommendations::run(&cx, &mut out);
    out.sort_by(|a, b| {
        let ka = (a.provenance.range.start, a.provenance.range.end, a.kind);
        let kb = (b.provenance.range.start, b.provenance.range.end, b.kind);
        ka.cmp(&kb).then_with(|| a.value.render().cmp(&b.value.render()))
    });
    out.dedup_by(|a, b| a.kind == b.kind && a.value == b.value && a.provenance.range == b.provenance.range && a.period == b.period && a.scope == b.scope);
    out
}
