//! `tierwatch show COUNTRY YEAR`

use crate::render;
use serde::Serialize;
use tierwatch_store::Location;
use std::process::ExitCode;
use tierwatch_model::{Metadata, Section};

#[derive(clap::Args)]
pub struct Args {
    /// Country name, alias or ISO3 code (case-insensitive).
    country: String,
    /// Report year.
    year: u16,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Leave the full text out.
    #[arg(long)]
    no_text: bool,
}

#[derive(Serialize)]
struct ShowSection<'a> {
    kind: String,
    start: usize,
    end: usize,
    heading: Option<&'a str>,
    method: &'a tierwatch_model::SegmentMethod,
    confidence: f32,
    paragraphs: Vec<ShowParagraph<'a>>,
}

#[derive(Serialize)]
struct ShowParagraph<'a> {
    start: usize,
    end: usize,
    confidence: f32,
    text: &'a str,
}

#[derive(Serialize)]
struct ShowOutput<'a> {
    document_id: &'a str,
    #[serde(flatten)]
    metadata: &'a Metadata,
    format: &'a str,
    sources: &'a [String],
    sections: Vec<ShowSection<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    let stored = tierwatch_app::lookup::narrative(&store, &args.country, args.year)?;
    let doc = &stored.document;
    let seg = &stored.segmentation;
    let sections: Vec<ShowSection> = seg
        .sections
        .iter()
        .map(|s: &Section| ShowSection {
            kind: s.kind.code().to_string(),
            start: s.range.start,
            end: s.range.end,
            heading: s.heading.map(|h| h.slice(&doc.text)),
            method: &s.method,
            confidence: s.confidence,
            paragraphs: seg
                .paragraphs
                .iter()
                .filter(|p| s.range.contains(&p.range) && s.kind != tierwatch_model::SectionKind::Heading)
                .map(|p| ShowParagraph { start: p.range.start, end: p.range.end, confidence: p.confidence, text: p.range.slice(&doc.text) })
                .collect(),
        })
        .collect();
    let out = ShowOutput {
        document_id: &doc.id.0,
        metadata: &doc.metadata,
        format: doc.format.code(),
        sources: &stored.sources,
        sections,
        text: (!args.no_text).then_some(doc.text.as_str()),
    };
    if args.json {
        render::json(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let m = &doc.metadata;
    println!("{} ({}) — {} report", m.country, m.iso3, args.year);
    let field = |k: &str, v: &Option<String>| {
        if let Some(v) = v {
            println!("  {k:<17}{v}");
        }
    };
    field("stated tier", &m.stated_tier.map(|t| t.label().to_string()));
    field("title", &m.title);
    field("publisher", &m.publisher);
    field("author", &m.author);
    field("publication date", &m.publication_date);
    field("cite as", &m.cite_as);
    field("last updated", &m.last_updated);
    field("year from", &m.year_source);
    println!("  {:<17}{}", "document", doc.id.short());
    println!("  {:<17}{}", "sources", stored.sources.join(", "));
    println!("\nSECTIONS");
    for s in &out.sections {
        println!("  {:<20} {:>6}..{:<6} {:?} {:.2}  {} paragraph(s)", s.kind, s.start, s.end, s.method, s.confidence, s.paragraphs.len());
    }
    if !args.no_text {
        println!("\nTEXT\n{}", doc.text);
    }
    Ok(ExitCode::SUCCESS)
}
