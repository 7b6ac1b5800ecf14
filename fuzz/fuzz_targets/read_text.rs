//! Plain text through the whole text path: chapter headings, whole-report dump splitting,
//! headless chapters; every document then segmented and extracted with the invariants of
//! `tierwatch_fuzz`. Errors must name the file.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tierwatch_ingest::{read_bytes, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = tierwatch_ingest::heading::find_headings(text);
    let _ = tierwatch_ingest::heading::unreadable_heading(text);
    let opts = ReadOptions { year: Some(2018), ..ReadOptions::default() };
    match read_bytes(data, "fuzz/tip-2018/chapter.txt", &opts) {
        Ok(out) => {
            tierwatch_fuzz::check_output(&out);
            for e in &out.errors {
                assert!(e.to_string().contains("fuzz/tip-2018/chapter.txt"), "{e}");
            }
        }
        Err(e) => assert!(e.to_string().contains("fuzz/tip-2018/chapter.txt"), "{e}"),
    }
});
