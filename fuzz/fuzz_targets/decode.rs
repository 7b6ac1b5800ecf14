//! Byte decoding: any bytes are refused (empty, binary) or decoded; the decoded text maps
//! back into the input, and a whole-file read of the same bytes never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tierwatch_ingest::decode::decode;
use tierwatch_ingest::origin::Origin;
use tierwatch_model::TextRange;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = decode(data) {
        let whole = d.source_range(TextRange::new(0, d.text.len()));
        assert!(whole.end <= data.len(), "decoded text maps past the input: {whole:?} > {}", data.len());
        if d.encoding.is_byte_exact() {
            assert_eq!(&data[d.prefix_len..], d.text.as_bytes());
        }
    }
});
