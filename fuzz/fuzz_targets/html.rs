//! The HTML reader (html5ever, flattening, text-node positions, shaping) on any page, and
//! the link finder `fetch` uses; documents then segmented and extracted.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tierwatch_ingest::{decode::decode, html, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(d) = decode(data) else { return };
    let _ = html::raw::text_runs(&d.text);
    let _ = html::country_links(&d.text, "https://example.org/reports/2018-trafficking-in-persons-report/");
    let opts = ReadOptions { year: Some(2018), ..ReadOptions::default() };
    match html::read_html(&d, "fuzz/page.html", &opts) {
        Ok(out) => {
            tierwatch_fuzz::check_output(&out);
            for doc in &out.documents {
                for s in &doc.source_map.spans {
                    assert!(s.source.end <= data.len(), "a source span {:?} past the page's {} bytes", s.source, data.len());
                }
            }
        }
        Err(e) => assert!(e.to_string().contains("fuzz/page.html"), "{e}"),
    }
});
