//! Row mapping between the model types and the store tables, written once against
//! [`Sql`](crate::sql::Sql) for both backends.

use crate::{Result, StoreError};
use crate::sql::{args, Row, Sql};
use serde::Serialize;
use tierwatch_model::{
    DocId, Document, DocumentFormat, Fact, FactKind, Metadata, Paragraph, Provenance, ReportYear, Section,
    SectionKind, SegmentMethod, Segmentation, Sentence, SourceMap, TextRange, Tier,
};

/// One line of `tierwatch list`.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary {
    pub country: String,
    pub iso3: String,
    pub report_year: u16,
    pub stated_tier: Option<Tier>,
    pub format: String,
    pub sections: Vec<SectionKind>,
    pub document_id: String,
    pub facts: usize,
}

/// A stored narrative: the document, its segmentation and facts, and every source path.
#[derive(Debug, Clone, Serialize)]
pub struct StoredDocument {
    pub document: Document,
    pub segmentation: Segmentation,
    pub facts: Vec<Fact>,
    pub sources: Vec<String>,
    pub extractor_set_version: Option<u32>,
}

/// SHA-256 over the metadata and segmentation derived from a document's text.
pub(crate) fn derived_hash(doc: &Document, seg: &Segmentation) -> Result<String> {
    use sha2::{Digest, Sha256};
    let json = |v: serde_json::Result<String>| v.map_err(|e| StoreError::Corrupt(e.to_string()));
    let mut h = Sha256::new();
    h.update(json(serde_json::to_string(&doc.metadata))?.as_bytes());
    h.update(json(serde_json::to_string(seg))?.as_bytes());
    Ok(hex::encode(h.finalize()))
}

/// Insert a document row with its sentences (the rest of its segmentation is
/// [`insert_segmentation`]'s).
pub(crate) fn insert_document(tx: &mut dyn Sql, doc: &Document, seg: &Segmentation, year: i64, derived: &str) -> Result<()> {
    let m = &doc.metadata;
    let map = serde_json::to_string(&doc.source_map).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.exec(
        "INSERT INTO documents (id, iso3, country, report_year, format, source_path, stated_tier, title, publisher,
            author, publication_date, cite_as, last_updated, year_source, source_map, text, derived_hash, sentences)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        args![
            &doc.id.0,
            &m.iso3,
            &m.country,
            year,
            doc.format.code(),
            &doc.source_path,
            m.stated_tier.map(Tier::code),
            m.title.as_deref(),
            m.publisher.as_deref(),
            m.author.as_deref(),
            m.publication_date.as_deref(),
            m.cite_as.as_deref(),
            m.last_updated.as_deref(),
            m.year_source.as_deref(),
            map,
            &doc.text,
            derived,
            encode_sentences(&seg.sentences)
        ],
    )?;
    add_source(tx, &doc.id.0, &doc.source_path, doc.format.code()).map(drop)
}

/// Record a source path of a document (once); true if it was new.
pub(crate) fn add_source(tx: &mut dyn Sql, id: &str, path: &str, format: &str) -> Result<bool> {
    let n = tx.exec(
        "INSERT INTO document_sources (document_id, path, format) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
        args![id, path, format],
    )?;
    Ok(n > 0)
}

/// What the audit trail records of a stored country-year: its id, source, stated tier, the
/// hash of what was derived from its text, and its facts (count, extractor set); `None`
/// when nothing is stored.
pub(crate) fn summary(tx: &mut dyn Sql, iso3: &str, year: i64) -> Result<Option<serde_json::Value>> {
    let Some(r) = tx.query_opt(
        "SELECT d.id, d.source_path, d.format, d.stated_tier, d.derived_hash, d.extractor_set_version,
                (SELECT COUNT(*) FROM facts f WHERE f.document_id = d.id)
         FROM documents d WHERE d.iso3 = ?1 AND d.report_year = ?2",
        args![iso3, year],
    )?
    else {
        return Ok(None);
    };
    Ok(Some(serde_json::json!({
        "document_id": r.text(0)?,
        "source_path": r.text(1)?,
        "format": r.text(2)?,
        "stated_tier": r.opt_text(3)?,
        "derived_hash": r.opt_text(4)?,
        "extractor_set_version": r.opt_int(5)?,
        "facts": r.int(6)?,
    })))
}

/// Sentences as the `documents.sentences` column holds them: `paragraph,start,end` per
/// sentence, joined by `;`, in text order.
fn encode_sentences(sentences: &[Sentence]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(sentences.len() * 14);
    for (i, s) in sentences.iter().enumerate() {
        let sep = if i == 0 { "" } else { ";" };
        let _ = write!(out, "{sep}{},{},{}", s.paragraph, s.range.start, s.range.end);
    }
    out
}

/// The inverse of [`encode_sentences`]; anything else is a corrupt store.
fn decode_sentences(text: &str) -> Result<Vec<Sentence>> {
    let corrupt = || StoreError::Corrupt(format!("sentences column: cannot read {:?}", text.chars().take(40).collect::<String>()));
    text.split(';')
        .filter(|t| !t.is_empty())
        .map(|t| {
            let mut n = t.split(',').map(|v| v.parse::<usize>().map_err(|_| corrupt()));
            let (Some(p), Some(a), Some(b), None) = (n.next(), n.next(), n.next(), n.next()) else { return Err(corrupt()) };
            Ok(Sentence { paragraph: p?, range: TextRange::new(a?, b?) })
        })
        .collect()
}

/// Insert a document's sections and paragraphs (its sentences are a column of its row).
pub(crate) fn insert_segmentation(tx: &mut dyn Sql, id: &str, seg: &Segmentation) -> Result<()> {
    for (i, s) in seg.sections.iter().enumerate() {
        tx.exec(
            "INSERT INTO sections (document_id, idx, kind, start, \"end\", heading_start, heading_end, method, confidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            args![
                id,
                i as i64,
                s.kind.code(),
                s.range.start as i64,
                s.range.end as i64,
                s.heading.map(|h| h.start as i64),
                s.heading.map(|h| h.end as i64),
                method_code(s.method),
                s.confidence as f64
            ],
        )?;
    }
    for (i, p) in seg.paragraphs.iter().enumerate() {
        tx.exec(
            "INSERT INTO paragraphs (document_id, idx, section, start, \"end\", method, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            args![id, i as i64, p.section.code(), p.range.start as i64, p.range.end as i64, method_code(p.method), p.confidence as f64],
        )?;
    }
    Ok(())
}

pub(crate) fn replace_facts(tx: &mut dyn Sql, id: &str, facts: &[Fact], version: u32) -> Result<()> {
    tx.exec("DELETE FROM facts WHERE document_id = ?1", args![id])?;
    let json = |v: serde_json::Result<String>| v.map_err(|e| StoreError::Corrupt(e.to_string()));
    for (i, f) in facts.iter().enumerate() {
        tx.exec(
            "INSERT INTO facts (document_id, idx, fact_id, kind, value, period, qualifier, scope, unit, confidence, start, \"end\",
                quote, section, extractor, extractor_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            args![
                id,
                i as i64,
                f.id(),
                f.kind.code(),
                json(serde_json::to_string(&f.value))?,
                json(serde_json::to_string(&f.period))?,
                json(serde_json::to_string(&f.qualifier))?.trim_matches('"'),
                f.scope.as_deref(),
                f.unit.as_deref(),
                f.confidence as f64,
                f.provenance.range.start as i64,
                f.provenance.range.end as i64,
                &f.provenance.quote,
                f.provenance.section.map(SectionKind::code),
                &f.provenance.extractor,
                f.provenance.extractor_version as i64
            ],
        )?;
    }
    tx.exec("UPDATE documents SET extractor_set_version = ?2 WHERE id = ?1", args![id, version as i64])?;
    Ok(())
}

pub(crate) fn list(conn: &mut dyn Sql) -> Result<Vec<DocumentSummary>> {
    let rows = conn.query(
        "SELECT d.country, d.iso3, d.report_year, d.stated_tier, d.format, d.id,
                (SELECT string_agg(s.kind, ',' ORDER BY s.idx) FROM sections s WHERE s.document_id = d.id),
                (SELECT COUNT(*) FROM facts f WHERE f.document_id = d.id)
         FROM documents d ORDER BY d.country, d.report_year",
        args![],
    )?;
    rows.iter()
        .map(|r| {
            let mut sections: Vec<SectionKind> = Vec::new();
            for k in r.opt_text(6)?.unwrap_or_default().split(',').filter_map(SectionKind::parse) {
                if k != SectionKind::Heading && !sections.contains(&k) {
                    sections.push(k);
                }
            }
            Ok(DocumentSummary {
                country: r.text(0)?,
                iso3: r.text(1)?,
                report_year: r.u16(2)?,
                stated_tier: r.opt_text(3)?.as_deref().and_then(Tier::parse),
                format: r.text(4)?,
                document_id: r.text(5)?,
                sections,
                facts: r.int(7)? as usize,
            })
        })
        .collect()
}

/// A country-year's document row: the document and the extractor set its facts came from.
fn document(conn: &mut dyn Sql, iso3: &str, year: u16) -> Result<Option<(Document, Option<u32>)>> {
    let found = conn.query_opt(
        "SELECT id, country, format, source_path, stated_tier, title, publisher, author, publication_date, cite_as,
                last_updated, year_source, source_map, text, extractor_set_version
         FROM documents WHERE iso3 = ?1 AND report_year = ?2",
        args![iso3, year],
    )?;
    let Some(row) = found else { return Ok(None) };
    Ok(Some((document_from_row(&row, iso3, year)?, row.opt_int(14)?.map(|v| v as u32))))
}

pub(crate) fn get(conn: &mut dyn Sql, iso3: &str, year: u16) -> Result<Option<StoredDocument>> {
    let Some((document, version)) = document(conn, iso3, year)? else { return Ok(None) };
    let id = document.id.0.clone();
    let segmentation = segmentation(conn, &id)?;
    let facts = facts(conn, &id)?;
    let sources = sources(conn, &id)?;
    Ok(Some(StoredDocument { document, segmentation, facts, sources, extractor_set_version: version }))
}

/// A stored narrative's document and paragraphs only: what the search index is built from
/// (no sections, sentences, facts or sources are read).
pub(crate) fn get_paragraphs(conn: &mut dyn Sql, iso3: &str, year: u16) -> Result<Option<(Document, Vec<Paragraph>)>> {
    let Some((document, _)) = document(conn, iso3, year)? else { return Ok(None) };
    let paragraphs = paragraphs(conn, &document.id.0)?;
    Ok(Some((document, paragraphs)))
}

/// Paths recorded as sources of a document, in byte order.
pub(crate) fn sources(conn: &mut dyn Sql, id: &str) -> Result<Vec<String>> {
    conn.query("SELECT path FROM document_sources WHERE document_id = ?1 ORDER BY path", args![id])?.iter().map(|r| r.text(0)).collect()
}

fn document_from_row(r: &Row, iso3: &str, year: u16) -> Result<Document> {
    let format = parse_format(&r.text(2)?)?;
    let source_map: SourceMap = serde_json::from_str(&r.text(12)?).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(Document {
        id: DocId(r.text(0)?),
        text: r.text(13)?,
        source_path: r.text(3)?,
        format,
        metadata: Metadata {
            country: r.text(1)?,
            iso3: iso3.to_string(),
            report_year: ReportYear::new(year),
            year_source: r.opt_text(11)?,
            stated_tier: r.opt_text(4)?.as_deref().and_then(Tier::parse),
            title: r.opt_text(5)?,
            publisher: r.opt_text(6)?,
            author: r.opt_text(7)?,
            publication_date: r.opt_text(8)?,
            cite_as: r.opt_text(9)?,
            last_updated: r.opt_text(10)?,
        },
        source_map,
    })
}

fn parse_format(s: &str) -> Result<DocumentFormat> {
    [DocumentFormat::RefworldText, DocumentFormat::ChapterText, DocumentFormat::ReportDump, DocumentFormat::Html, DocumentFormat::Pdf]
        .into_iter()
        .find(|f| f.code() == s)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown format {s:?}")))
}

fn method_code(m: SegmentMethod) -> &'static str {
    match m {
        SegmentMethod::Heading => "heading",
        SegmentMethod::Content => "content",
    }
}

fn parse_method(s: &str) -> SegmentMethod {
    if s == "heading" {
        SegmentMethod::Heading
    } else {
        SegmentMethod::Content
    }
}

fn kind(s: &str) -> Result<SectionKind> {
    SectionKind::parse(s).ok_or_else(|| StoreError::Corrupt(format!("unknown section kind {s:?}")))
}

fn range(r: &Row, start: usize) -> Result<TextRange> {
    Ok(TextRange::new(r.int(start)? as usize, r.int(start + 1)? as usize))
}

fn segmentation(conn: &mut dyn Sql, id: &str) -> Result<Segmentation> {
    let mut seg = Segmentation::default();
    for r in conn.query(
        "SELECT kind, start, \"end\", heading_start, heading_end, method, confidence FROM sections WHERE document_id = ?1 ORDER BY idx",
        args![id],
    )? {
        seg.sections.push(Section {
            kind: kind(&r.text(0)?)?,
            range: range(&r, 1)?,
            heading: r.opt_int(3)?.zip(r.opt_int(4)?).map(|(a, b)| TextRange::new(a as usize, b as usize)),
            method: parse_method(&r.text(5)?),
            confidence: r.real(6)? as f32,
        });
    }
    seg.paragraphs = paragraphs(conn, id)?;
    let Some(r) = conn.query_opt("SELECT sentences FROM documents WHERE id = ?1", args![id])? else {
        return Err(StoreError::Corrupt(format!("no stored document {id}")));
    };
    seg.sentences = decode_sentences(&r.text(0)?)?;
    Ok(seg)
}

fn paragraphs(conn: &mut dyn Sql, id: &str) -> Result<Vec<Paragraph>> {
    conn.query("SELECT section, start, \"end\", method, confidence FROM paragraphs WHERE document_id = ?1 ORDER BY idx", args![id])?
        .iter()
        .map(|r| Ok(Paragraph { section: kind(&r.text(0)?)?, range: range(r, 1)?, method: parse_method(&r.text(3)?), confidence: r.real(4)? as f32 }))
        .collect()
}

const FACT_COLUMNS: &str = "f.kind, f.value, f.period, f.qualifier, f.scope, f.unit, f.confidence, f.start, f.\"end\", f.quote, f.section, f.extractor, f.extractor_version";

pub(crate) fn facts(conn: &mut dyn Sql, id: &str) -> Result<Vec<Fact>> {
    let rows = conn.query(&format!("SELECT {FACT_COLUMNS} FROM facts f WHERE f.document_id = ?1 ORDER BY f.idx"), args![id])?;
    rows.iter().map(|r| fact_from_row(r, 0, id)).collect()
}

/// The facts of one kind in every stored narrative (or one country's), with each narrative's
/// country and year: ordered by country, year and the facts' order in their narrative.
pub(crate) fn facts_of_kind(conn: &mut dyn Sql, kind: FactKind, iso3: Option<&str>) -> Result<Vec<(String, u16, Fact)>> {
    // A country's: from its documents (the (iso3, report_year) index) to their facts (the
    // facts' key); everyone's: one pass over the facts. Facts of a kind have no index of
    // their own, which ingest would pay for at every document.
    let rows = match iso3 {
        Some(iso3) => {
            let sql = format!(
                "SELECT d.iso3, d.report_year, d.id, {FACT_COLUMNS} FROM documents d JOIN facts f ON f.document_id = d.id
                 WHERE d.iso3 = ?2 AND f.kind = ?1 ORDER BY d.report_year, f.idx"
            );
            conn.query(&sql, args![kind.code(), iso3])?
        }
        None => {
            let sql = format!(
                "SELECT d.iso3, d.report_year, d.id, {FACT_COLUMNS} FROM facts f JOIN documents d ON d.id = f.document_id
                 WHERE f.kind = ?1 ORDER BY d.iso3, d.report_year, f.idx"
            );
            conn.query(&sql, args![kind.code()])?
        }
    };
    rows.iter().map(|r| Ok((r.text(0)?, r.u16(1)?, fact_from_row(r, 3, &r.text(2)?)?))).collect()
}

/// A fact from [`FACT_COLUMNS`] starting at column `at`.
fn fact_from_row(r: &Row, at: usize, id: &str) -> Result<Fact> {
    let corrupt = |e: serde_json::Error| StoreError::Corrupt(e.to_string());
    let k = r.text(at)?;
    Ok(Fact {
        kind: FactKind::parse(&k).ok_or_else(|| StoreError::Corrupt(format!("unknown fact kind {k:?}")))?,
        value: serde_json::from_str(&r.text(at + 1)?).map_err(corrupt)?,
        period: serde_json::from_str(&r.text(at + 2)?).map_err(corrupt)?,
        qualifier: serde_json::from_value(serde_json::Value::String(r.text(at + 3)?)).map_err(corrupt)?,
        scope: r.opt_text(at + 4)?,
        unit: r.opt_text(at + 5)?,
        confidence: r.real(at + 6)? as f32,
        provenance: Provenance {
            document: DocId(id.to_string()),
            range: range(r, at + 7)?,
            quote: r.text(at + 9)?,
            section: r.opt_text(at + 10)?.as_deref().and_then(SectionKind::parse),
            extractor: r.text(at + 11)?,
            extractor_version: r.int(at + 12)? as u32,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_survive_their_column() {
        let s = |p, a, b| Sentence { paragraph: p, range: TextRange::new(a, b) };
        let sentences = vec![s(0, 0, 4), s(0, 5, 9), s(3, 10, 1600)];
        assert_eq!(encode_sentences(&sentences), "0,0,4;0,5,9;3,10,1600");
        assert_eq!(decode_sentences(&encode_sentences(&sentences)).unwrap(), sentences);
        assert_eq!(decode_sentences("").unwrap(), vec![]);
    }

    #[test]
    fn a_damaged_sentences_column_is_an_error_not_a_guess() {
        for bad in ["0,0", "0,0,4,5", "0,x,4", "0,0,4;;1,-2,3"] {
            let err = decode_sentences(bad).unwrap_err().to_string();
            assert!(err.contains("sentences column"), "{bad}: {err}");
        }
    }
}
