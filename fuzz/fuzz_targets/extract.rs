//! Every extractor (`tierwatch_extract::extract` runs them all) on any text taken as a 2018
//! chapter of the country its heading names (Mexico otherwise): facts quote their ranges.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tierwatch_model::{Document, DocumentFormat, Metadata, ReportYear, SourceMap};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let heading = tierwatch_model::heading::find_headings(text).into_iter().next();
    let metadata = Metadata {
        country: "Mexico".into(),
        iso3: "MEX".into(),
        report_year: ReportYear::new(2018),
        stated_tier: heading.map(|h| h.tier),
        ..Default::default()
    };
    let doc = Document::new(text.to_string(), "fuzz.txt".into(), DocumentFormat::ChapterText, metadata, SourceMap::offset(text.len(), 0));
    let seg = tierwatch_ingest::segment(text);
    let facts = tierwatch_extract::extract(&doc, &seg);
    tierwatch_fuzz::check_facts(&doc, &facts);
});
