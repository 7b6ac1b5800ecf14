//! Print the count facts extracted from sentences given on the command line, each read as
//! the prosecution part of a 2018 chapter: a quick way to see what a way of writing yields.
//!
//! `cargo run -p tierwatch-extract --example counts_of -- "The government convicted 13 defendants in seven cases."`

use tierwatch_model::{Document, DocumentFormat, Metadata, ReportYear, SourceMap};

fn main() {
    for sentence in std::env::args().skip(1) {
        let text = format!("MEXICO: TIER 2\n\nPROSECUTION\n{sentence}\n");
        let meta = Metadata {
            country: "Mexico".into(),
            iso3: "MEX".into(),
            report_year: ReportYear::new(2018),
            ..Metadata::default()
        };
        let doc = Document::new(
            text,
            "example.txt".into(),
            DocumentFormat::ChapterText,
            meta,
            SourceMap::default(),
        );
        let seg = tierwatch_ingest::segment(&doc.text);
        println!("{sentence}");
        for f in tierwatch_extract::extract(&doc, &seg)
            .iter()
            .filter(|f| f.kind.is_count())
        {
            println!(
                "  {} {} {:?} {:?} unit={:?}",
                f.kind.code(),
                f.value.render(),
                f.period,
                f.qualifier,
                f.unit
            );
        }
    }
}
