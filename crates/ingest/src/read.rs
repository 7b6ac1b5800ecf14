//! Files to documents: size and format checks, decoding, and the choice of reader
//! (PDF, HTML page, document-database export, single chapter, or whole-report dump split
//! into chapters). HTML and PDF readers flatten their input to text of the same shape as a
//! text chapter and hand it to the readers here, with an `Origin` mapping it back.

use crate::decode::{decode, Encoding};
use crate::origin::Origin;
use crate::error::{ErrorKind, IngestError};
use tierwatch_model::heading::{bare_tier_line, find_headings, unreadable_heading, ChapterHeading};
use crate::refworld;
use crate::year::resolve_year;
use std::io::Read;
use std::path::Path;
use tierwatch_model::{CountryRegistry, Document, DocumentFormat, Metadata, TextRange};

/// Options for reading.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The report year to use when the document states none (an error if it states another).
    pub year: Option<u16>,
    /// Files larger than this are refused before they are read.
    pub max_file_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { year: None, max_file_bytes: 32 * 1024 * 1024 }
    }
}

/// What one file yielded: documents, per-chapter errors (the rest of the file still counts),
/// and notes worth telling the user (e.g. a non-UTF-8 encoding).
#[derive(Debug, Default)]
pub struct ReadOutput {
    pub documents: Vec<Document>,
    pub errors: Vec<IngestError>,
    pub notes: Vec<String>,
}

/// Read one file.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<ReadOutput, IngestError> {
    let name = path.display().to_string();
    let io = |e| IngestError::new(&name, ErrorKind::Io(e));
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > opts.max_file_bytes {
        return Err(IngestError::new(
            &name,
            ErrorKind::TooLarge { size_mib: size as f64 / 1048576.0, limit_mib: opts.max_file_bytes / 1048576 },
        ));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    std::fs::File::open(path).and_then(|f| f.take(opts.max_file_bytes + 1).read_to_end(&mut bytes)).map_err(io)?;
    read_bytes(&bytes, &name, opts)
}

/// Read a file's bytes; `path` names it in documents and errors.
pub fn read_bytes(bytes: &[u8], path: &str, opts: &ReadOptions) -> Result<ReadOutput, IngestError> {
    if bytes.len() as u64 > opts.max_file_bytes {
        return Err(IngestError::new(
            path,
            ErrorKind::TooLarge { size_mib: bytes.len() as f64 / 1048576.0, limit_mib: opts.max_file_bytes / 1048576 },
        ));
    }
    if bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return crate::pdf::read_pdf(bytes, path, opts);
    }
    let decoded = decode(bytes).map_err(|k| IngestError::new(path, k))?;
    let mut out = ReadOutput::default();
    if decoded.encoding != Encoding::Utf8 {
        out.notes.push(format!("{path}: read as {}", decoded.encoding.name()));
    }
    if crate::html::looks_like_html(&decoded.text) {
        let mut html = crate::html::read_html(&decoded, path, opts)?;
        html.notes.splice(0..0, out.notes);
        return Ok(html);
    }
    crate::limits::check_line_length(&decoded.text).map_err(|(r, k)| IngestError::at(path, decoded.source_range(r), k))?;
    let text = Text { text: &decoded.text, origin: &decoded, format: None, stated_year: None, title: None };
    if refworld::is_refworld(&decoded.text) {
        out.documents.push(read_refworld(&text, path, opts)?);
        return Ok(out);
    }
    read_chapters(&text, path, opts, &mut out)?;
    Ok(out)
}

/// A working text for the readers below: decoded file, flattened HTML page or PDF text layer.
pub(crate) struct Text<'a> {
    pub text: &'a str,
    pub origin: &'a dyn Origin,
    /// The format its documents get; `None` for plain text (chapter or dump, by heading count).
    pub format: Option<DocumentFormat>,
    /// A report year the source states outside the narrative (page title, running header).
    pub stated_year: Option<(u16, &'a str)>,
    /// The page title, where the source has one (it may name the country of a bare tier line).
    pub title: Option<&'a str>,
}

pub(crate) fn read_refworld(d: &Text, path: &str, opts: &ReadOptions) -> Result<Document, IngestError> {
    let text = d.text;
    let header = refworld::parse_header(text);
    let body = refworld::body_range(text, &header);
    let heading = find_headings(body.slice(text)).into_iter().next();
    let registry = CountryRegistry::embedded();
    let (name, tier, at) = match &heading {
        Some(h) => (h.name.clone(), Some(h.tier), TextRange::new(body.start + h.range.start, body.start + h.range.end)),
        None => (header.title_country.clone().unwrap_or_default(), None, body),
    };
    if name.is_empty() {
        return Err(IngestError::new(path, ErrorKind::NotANarrative { reason: "a document-database export naming no country".into() }));
    }
    let country = registry.resolve(&name).map_err(|_| {
        IngestError::at(path, d.origin.source_range(at), ErrorKind::UnknownCountry { name: name.clone(), heading: at.slice(text).chars().take(80).collect() })
    })?;
    let stated = header
        .title_year
        .map(|y| (y, "title"))
        .or_else(|| header.publication_date.as_deref().and_then(|s| s[..4].parse().ok()).map(|y| (y, "publication date")));
    let (year, year_source) = resolve_year(stated, opts.year, path).map_err(|k| IngestError::new(path, k))?;
    let chapter = match heading {
        Some(h) => TextRange::new(body.start + h.range.start, body.end),
        None => body,
    };
    let chapter_text = chapter.slice(text).to_string();
    if !chapter_text.to_lowercase().contains("traffick") {
        return Err(IngestError::new(path, ErrorKind::NotANarrative { reason: "the body never mentions trafficking".into() }));
    }
    let metadata = Metadata {
        country: country.name.clone(),
        iso3: country.iso3.clone(),
        report_year: Some(year),
        year_source: Some(year_source),
        stated_tier: tier,
        title: header.title,
        publisher: header.publisher,
        author: header.author,
        publication_date: header.publication_date,
        cite_as: header.cite_as,
        last_updated: header.last_updated,
    };
    let format = d.format.unwrap_or(DocumentFormat::RefworldText);
    Ok(Document::new(chapter_text, path.to_string(), format, metadata, d.origin.source_map(chapter)))
}

pub(crate) fn read_chapters(d: &Text, path: &str, opts: &ReadOptions, out: &mut ReadOutput) -> Result<(), IngestError> {
    let text = d.text;
    let headings: Vec<ChapterHeading> = find_headings(text);
    if headings.is_empty() {
        return read_unheaded(d, path, opts, out);
    }
    let format = d.format.unwrap_or(if headings.len() > 1 { DocumentFormat::ReportDump } else { DocumentFormat::ChapterText });
    let registry = CountryRegistry::embedded();
    for (i, h) in headings.iter().enumerate() {
        let end = headings.get(i + 1).map(|n| n.range.start).unwrap_or(text.len());
        let chapter = TextRange::new(h.range.start, end).trim(text);
        let chapter_text = chapter.slice(text);
        let fail = |kind| IngestError::at(path, d.origin.source_range(chapter), kind);
        let country = match registry.resolve(&h.name) {
            Ok(c) => c,
            Err(_) => {
                let heading = h.range.slice(text).to_string();
                out.errors.push(IngestError::at(path, d.origin.source_range(h.range), ErrorKind::UnknownCountry { name: h.name.clone(), heading }));
                continue;
            }
        };
        if !chapter_text.to_lowercase().contains("traffick") {
            out.errors.push(fail(ErrorKind::NotANarrative { reason: format!("the chapter under {:?} never mentions trafficking", h.name) }));
            continue;
        }
        let (year, year_source) = match resolve_year(d.stated_year, opts.year, path) {
            Ok(y) => y,
            Err(k) => return Err(IngestError::new(path, k)),
        };
        let metadata = Metadata {
            country: country.name.clone(),
            iso3: country.iso3.clone(),
            report_year: Some(year),
            year_source: Some(year_source),
            stated_tier: Some(h.tier),
            ..Default::default()
        };
        out.documents.push(Document::new(chapter_text.to_string(), path.to_string(), format, metadata, d.origin.source_map(chapter)));
    }
    crate::repeats::reject_repeated(out, path);
    if out.documents.is_empty() && out.errors.len() == 1 {
        return Err(out.errors.remove(0));
    }
    Ok(())
}

/// A chapter (or an excerpt of one) without a named heading line: a bare tier line ("Tier 3",
/// the country in the page title or first sentence), or no heading at all (state.gov pages
/// and excerpts that start with a section's opening sentence). The country comes from the
/// page title, the opening sentences or, failing those, the file name; a first line that
/// tries to be a heading but cannot be read is an error naming it.
fn read_unheaded(d: &Text, path: &str, opts: &ReadOptions, out: &mut ReadOutput) -> Result<(), IngestError> {
    let text = d.text;
    if let Some(line) = unreadable_heading(text) {
        return Err(IngestError::at(path, d.origin.source_range(line), ErrorKind::UnreadableHeading { line: line.slice(text).to_string() }));
    }
    let bare = bare_tier_line(text);
    let registry = CountryRegistry::embedded();
    let opening_end = text.char_indices().nth(400).map(|(i, _)| i).unwrap_or(text.len());
    let found = d
        .title
        .and_then(|t| registry.find_in(t).map(|(c, _)| (c, "page title")))
        .or_else(|| registry.find_in(&text[..opening_end]).map(|(c, _)| (c, "first sentence")))
        .or_else(|| country_from_path(path).map(|c| (c, "file name")));
    let Some((country, country_source)) = found else {
        return Err(IngestError::new(
            path,
            ErrorKind::NotANarrative {
                reason: "no chapter heading (\"COUNTRY: TIER N\" or \"Country (Tier N)\"), no document-database metadata, and no country named in the first sentences or the file name".into(),
            },
        ));
    };
    let chapter = TextRange::new(0, text.len()).trim(text);
    let lower = chapter.slice(text).to_lowercase();
    if !lower.contains("traffick") || !lower.contains("government") && bare.is_none() {
        return Err(IngestError::new(
            path,
            ErrorKind::NotANarrative { reason: "no chapter heading, and the text never speaks of trafficking and a government".into() },
        ));
    }
    let (year, year_source) = resolve_year(d.stated_year, opts.year, path).map_err(|k| IngestError::new(path, k))?;
    let what = if bare.is_some() { "a bare tier line" } else { "no chapter heading" };
    out.notes.push(format!("{path}: {what}; country {} taken from the {country_source}", country.name));
    let metadata = Metadata {
        country: country.name.clone(),
        iso3: country.iso3.clone(),
        report_year: Some(year),
        year_source: Some(year_source),
        stated_tier: bare.map(|h| h.tier),
        ..Default::default()
    };
    let format = d.format.unwrap_or(DocumentFormat::ChapterText);
    out.documents.push(Document::new(chapter.slice(text).to_string(), path.to_string(), format, metadata, d.origin.source_map(chapter)));
    Ok(())
}

/// A country named by a file name: "2017-belarus.txt", "antigua_and_barbuda.html"; the year
/// and separators are dropped.
pub fn country_from_path(path: &str) -> Option<&'static tierwatch_model::Country> {
    let stem = Path::new(path).file_stem()?.to_string_lossy().into_owned();
    let words: Vec<&str> = stem.split(|c: char| c == '-' || c == '_' || c == ' ' || c == '.').filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit())).collect();
    let name = words.join(" ");
    let registry = CountryRegistry::embedded();
    registry.lookup(&name).filter(|c| !name.eq_ignore_ascii_case(&c.iso3))
}
