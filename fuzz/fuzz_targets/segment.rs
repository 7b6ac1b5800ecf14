//! Segmentation of any text: sections, paragraphs and sentences in order, inside the text,
//! covering every non-blank byte.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let seg = tierwatch_ingest::segment(text);
    tierwatch_fuzz::check_segmentation(text, &seg);
});
