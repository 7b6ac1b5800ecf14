//! The index schema: one tantivy document per paragraph, plus one marker per narrative.

use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, INDEXED, STORED, STRING,
};

/// The analyzer of the text field: simple tokenizer, lower-casing, English (Porter) stemming.
pub const TEXT_ANALYZER: &str = "en_stem";

/// The analyzer of the exact-form field: simple tokenizer and lower-casing, no stemming.
pub const EXACT_ANALYZER: &str = "default";

/// Entry kinds (the `kind` field).
pub const KIND_PARAGRAPH: &str = "paragraph";
pub const KIND_NARRATIVE: &str = "narrative";

/// Handles to every field.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `paragraph` or `narrative` (the marker that lists what is indexed).
    pub kind: Field,
    /// `ISO3:YEAR`: what a re-ingest or delete removes.
    pub key: Field,
    pub doc_id: Field,
    pub country: Field,
    pub iso3: Field,
    pub region: Field,
    pub year: Field,
    pub tier: Field,
    pub section: Field,
    pub start: Field,
    pub end: Field,
    pub text: Field,
    /// The same text, lower-cased but not stemmed: exact word forms score extra.
    pub text_exact: Field,
    pub f_country: Field,
    pub f_region: Field,
    pub f_year: Field,
    pub f_tier: Field,
    pub f_section: Field,
}

/// The schema and its fields.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text_opts = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let exact_opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(EXACT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let facet = FacetOptions::default();
    let fields = Fields {
        kind: b.add_text_field("kind", STRING),
        key: b.add_text_field("key", STRING | STORED),
        doc_id: b.add_text_field("doc_id", STRING | STORED),
        country: b.add_text_field("country", STORED),
        iso3: b.add_text_field("iso3", STRING | STORED),
        region: b.add_text_field("region", STORED),
        year: b.add_u64_field("year", INDEXED | STORED),
        tier: b.add_text_field("tier", STORED),
        section: b.add_text_field("section", STORED),
        start: b.add_u64_field("start", STORED),
        end: b.add_u64_field("end", STORED),
        text: b.add_text_field("text", text_opts),
        text_exact: b.add_text_field("text_exact", exact_opts),
        f_country: b.add_facet_field("f_country", facet.clone()),
        f_region: b.add_facet_field("f_region", facet.clone()),
        f_year: b.add_facet_field("f_year", facet.clone()),
        f_tier: b.add_facet_field("f_tier", facet.clone()),
        f_section: b.add_facet_field("f_section", facet),
    };
    (b.build(), fields)
}

/// The narrative key stored in `key`.
pub fn key(iso3: &str, year: u16) -> String {
    format!("{}:{year}", iso3.to_ascii_uppercase())
}
