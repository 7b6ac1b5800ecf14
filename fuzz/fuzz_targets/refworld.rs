//! Document-database exports: the fuzzed text is read as the body and header of a
//! Refworld-style export (a header is put in front when the input has none, so that the
//! export reader is the one exercised), then segmented and extracted.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tierwatch_ingest::{read_bytes, refworld, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = refworld::parse_date(text);
    let input = if refworld::is_refworld(text) {
        text.to_string()
    } else {
        format!("Title\t2007 Trafficking in Persons Report - Mexico\nPublisher\tUnited States Department of State\nPublication Date\t12 June 2007\nCite as\tx\n{text}")
    };
    let header = refworld::parse_header(&input);
    let body = refworld::body_range(&input, &header);
    tierwatch_fuzz::check_range(&input, body, "export body");
    match read_bytes(input.as_bytes(), "fuzz/refworld/2007-x.txt", &ReadOptions::default()) {
        Ok(out) => tierwatch_fuzz::check_output(&out),
        Err(e) => assert!(e.to_string().contains("fuzz/refworld/2007-x.txt"), "{e}"),
    }
});
