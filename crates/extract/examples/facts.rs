//! Print the facts of one corpus file, one line each: `cargo run -p tierwatch-extract
//! --example facts -- PATH [KIND]`. A debugging aid for extractor authors.

use std::path::Path;

use tierwatch_ingest::{read_path, segment, ReadOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: facts PATH [KIND]");
    let kind = args.get(2);
    let out = read_path(Path::new(path), &ReadOptions::default()).expect("readable file");
    for doc in &out.documents {
        let seg = segment(&doc.text);
        println!("# {} {:?}", doc.metadata.country, doc.metadata.report_year);
        for f in tierwatch_extract::extract(doc, &seg) {
            if kind.is_some_and(|k| *k != f.kind.code()) {
                continue;
            }
            let q: String = f.provenance.quote.chars().take(160).collect();
            println!(
                "{:>6} {:<22} {:<20} {:<16} {:?} {:?} | {}",
                f.provenance.range.start,
                f.kind.code(),
                f.value.render(),
                serde_json::to_string(&f.period).unwrap(),
                f.scope,
                f.provenance.section,
                q.replace('\n', " ")
            );
        }
    }
}
