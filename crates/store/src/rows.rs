//! Row mapping between the model types and the SQLite tables.

use crate::{Result, StoreError};
use rusqlite::{params, Connection, OptionalExtension, Row};
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

pub(crate) fn insert_document(tx: &Connection, doc: &Document, year: i64, derived: &str) -> Result<()> {
    let m = &doc.metadata;
    let map = serde_json::to_string(&doc.source_map).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.execute(
        "INSERT INTO documents (id, iso3, country, report_year, format, source_path, stated_tier, title, publisher,
            author, publication_date, cite_as, last_updated, year_source, source_map, text, derived_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            doc.id.0,
            m.iso3,
            m.country,
            year,
            doc.format.code(),
            doc.source_path,
            m.stated_tier.map(Tier::code),
            m.title,
            m.publisher,
            m.author,
            m.publication_date,
            m.cite_as,
            m.last_updated,
            m.year_source,
            map,
            doc.text,
            derived
        ],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO document_sources (document_id, path, format) VALUES (?1, ?2, ?3)",
        params![doc.id.0, doc.source_path, doc.format.code()],
    )?;
    Ok(())
}

pub(crate) fn insert_segmentation(tx: &Connection, id: &str, seg: &Segmentation) -> Result<()> {
    let mut st = tx.prepare_cached(
        "INSERT INTO sections (document_id, idx, kind, start, end, heading_start, heading_end, method, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, s) in seg.sections.iter().enumerate() {
        st.execute(params![
            id,
            i as i64,
            s.kind.code(),
            s.range.start as i64,
            s.range.end as i64,
            s.heading.map(|h| h.start as i64),
            s.heading.map(|h| h.end as i64),
            method_code(s.method),
            s.confidence as f64
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO paragraphs (document_id, idx, section, start, end, method, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, p) in seg.paragraphs.iter().enumerate() {
        st.execute(params![id, i as i64, p.section.code(), p.range.start as i64, p.range.end as i64, method_code(p.method), p.confidence as f64])?;
    }
    let mut st = tx.prepare_cached("INSERT INTO sentences (document_id, idx, paragraph, start, end) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (i, s) in seg.sentences.iter().enumerate() {
        st.execute(params![id, i as i64, s.paragraph as i64, s.range.start as i64, s.range.end as i64])?;
    }
    Ok(())
}

pub(crate) fn replace_facts(tx: &Connection, id: &str, facts: &[Fact], version: u32) -> Result<()> {
    tx.execute("DELETE FROM facts WHERE document_id = ?1", [id])?;
    let mut st = tx.prepare_cached(
        "INSERT INTO facts (document_id, idx, fact_id, kind, value, period, qualifier, scope, unit, confidence, start, end,
            quote, section, extractor, extractor_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    for (i, f) in facts.iter().enumerate() {
        let json = |v: serde_json::Result<String>| v.map_err(|e| StoreError::Corrupt(e.to_string()));
        st.execute(params![
            id,
            i as i64,
            f.id(),
            f.kind.code(),
            json(serde_json::to_string(&f.value))?,
            json(serde_json::to_string(&f.period))?,
            json(serde_json::to_string(&f.qualifier))?.trim_matches('"'),
            f.scope,
            f.unit,
            f.confidence as f64,
            f.provenance.range.start as i64,
            f.provenance.range.end as i64,
            f.provenance.quote,
            f.provenance.section.map(SectionKind::code),
            f.provenance.extractor,
            f.provenance.extractor_version as i64
        ])?;
    }
    tx.execute("UPDATE documents SET extractor_set_version = ?2 WHERE id = ?1", params![id, version as i64])?;
    Ok(())
}

pub(crate) fn list(conn: &Connection) -> Result<Vec<DocumentSummary>> {
    let mut st = conn.prepare(
        "SELECT d.country, d.iso3, d.report_year, d.stated_tier, d.format, d.id,
                (SELECT GROUP_CONCAT(kind, ',') FROM (SELECT kind FROM sections s WHERE s.document_id = d.id ORDER BY idx)),
                (SELECT COUNT(*) FROM facts f WHERE f.document_id = d.id)
         FROM documents d ORDER BY d.country, d.report_year",
    )?;
    let rows = st.query_map([], |r| {
        let kinds: Option<String> = r.get(6)?;
        let mut sections: Vec<SectionKind> = Vec::new();
        for k in kinds.unwrap_or_default().split(',').filter_map(SectionKind::parse) {
            if k != SectionKind::Heading && !sections.contains(&k) {
                sections.push(k);
            }
        }
        Ok(DocumentSummary {
            country: r.get(0)?,
            iso3: r.get(1)?,
            report_year: r.get(2)?,
            stated_tier: r.get::<_, Option<String>>(3)?.as_deref().and_then(Tier::parse),
            format: r.get(4)?,
            document_id: r.get(5)?,
            sections,
            facts: r.get::<_, i64>(7)? as usize,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn get(conn: &Connection, iso3: &str, year: u16) -> Result<Option<StoredDocument>> {
    let found = conn
        .query_row(
            "SELECT id, country, format, source_path, stated_tier, title, publisher, author, publication_date, cite_as,
                    last_updated, year_source, source_map, text, extractor_set_version
             FROM documents WHERE iso3 = ?1 AND report_year = ?2",
            params![iso3, year],
            |r| document_from_row(r, iso3, year),
        )
        .optional()?;
    let Some((document, version)) = found else { return Ok(None) };
    let document = document?;
    let id = document.id.0.clone();
    let segmentation = segmentation(conn, &id)?;
    let facts = facts(conn, &id)?;
    let mut st = conn.prepare("SELECT path FROM document_sources WHERE document_id = ?1 ORDER BY path")?;
    let sources = st.query_map([&id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(Some(StoredDocument { document, segmentation, facts, sources, extractor_set_version: version }))
}

type DocRow = (Result<Document>, Option<u32>);

fn document_from_row(r: &Row, iso3: &str, year: u16) -> rusqlite::Result<DocRow> {
    let format: String = r.get(2)?;
    let map: String = r.get(12)?;
    let doc = (|| -> Result<Document> {
        let format = parse_format(&format)?;
        let source_map: SourceMap = serde_json::from_str(&map).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok(Document {
            id: DocId(r.get(0)?),
            text: r.get(13)?,
            source_path: r.get(3)?,
            format,
            metadata: Metadata {
                country: r.get(1)?,
                iso3: iso3.to_string(),
                report_year: ReportYear::new(year),
                year_source: r.get(11)?,
                stated_tier: r.get::<_, Option<String>>(4)?.as_deref().and_then(Tier::parse),
                title: r.get(5)?,
                publisher: r.get(6)?,
                author: r.get(7)?,
                publication_date: r.get(8)?,
                cite_as: r.get(9)?,
                last_updated: r.get(10)?,
            },
            source_map,
        })
    })();
    Ok((doc, r.get::<_, Option<i64>>(14)?.map(|v| v as u32)))
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

fn kind(s: String) -> Result<SectionKind> {
    SectionKind::parse(&s).ok_or_else(|| StoreError::Corrupt(format!("unknown section kind {s:?}")))
}

fn segmentation(conn: &Connection, id: &str) -> Result<Segmentation> {
    let mut seg = Segmentation::default();
    let mut st = conn.prepare(
        "SELECT kind, start, end, heading_start, heading_end, method, confidence FROM sections WHERE document_id = ?1 ORDER BY idx",
    )?;
    let rows: Vec<(String, i64, i64, Option<i64>, Option<i64>, String, f64)> = st
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (k, s, e, hs, he, m, c) in rows {
        seg.sections.push(Section {
            kind: kind(k)?,
            range: TextRange::new(s as usize, e as usize),
            heading: hs.zip(he).map(|(a, b)| TextRange::new(a as usize, b as usize)),
            method: parse_method(&m),
            confidence: c as f32,
        });
    }
    let mut st = conn.prepare("SELECT section, start, end, method, confidence FROM paragraphs WHERE document_id = ?1 ORDER BY idx")?;
    let rows: Vec<(String, i64, i64, String, f64)> =
        st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?.collect::<rusqlite::Result<_>>()?;
    for (k, s, e, m, c) in rows {
        seg.paragraphs.push(Paragraph { section: kind(k)?, range: TextRange::new(s as usize, e as usize), method: parse_method(&m), confidence: c as f32 });
    }
    let mut st = conn.prepare("SELECT paragraph, start, end FROM sentences WHERE document_id = ?1 ORDER BY idx")?;
    seg.sentences = st
        .query_map([id], |r| {
            Ok(Sentence { paragraph: r.get::<_, i64>(0)? as usize, range: TextRange::new(r.get::<_, i64>(1)? as usize, r.get::<_, i64>(2)? as usize) })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(seg)
}

fn facts(conn: &Connection, id: &str) -> Result<Vec<Fact>> {
    let mut st = conn.prepare(
        "SELECT kind, value, period, qualifier, scope, unit, confidence, start, end, quote, section, extractor, extractor_version
         FROM facts WHERE document_id = ?1 ORDER BY idx",
    )?;
    type FactRow = (String, String, String, String, Option<String>, Option<String>, f64, i64, i64, String, Option<String>, String, i64);
    let rows: Vec<FactRow> = st
        .query_map([id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let corrupt = |e: serde_json::Error| StoreError::Corrupt(e.to_string());
    rows.into_iter()
        .map(|(k, v, p, q, scope, unit, c, s, e, quote, section, extractor, ev)| {
            Ok(Fact {
                kind: FactKind::parse(&k).ok_or_else(|| StoreError::Corrupt(format!("unknown fact kind {k:?}")))?,
                value: serde_json::from_str(&v).map_err(corrupt)?,
                period: serde_json::from_str(&p).map_err(corrupt)?,
                qualifier: serde_json::from_value(serde_json::Value::String(q)).map_err(corrupt)?,
                scope,
                unit,
                confidence: c as f32,
                provenance: Provenance {
                    document: DocId(id.to_string()),
                    range: TextRange::new(s as usize, e as usize),
                    quote,
                    section: section.as_deref().and_then(SectionKind::parse),
                    extractor,
                    extractor_version: ev as u32,
                },
            })
        })
        .collect()
}
