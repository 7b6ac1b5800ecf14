//! Ingest errors: each names the file, and the byte range where one applies.

use tierwatch_model::TextRange;

/// Why a file (or one chapter of it) could not be read into documents.
#[derive(Debug, thiserror::Error)]
#[error("{path}{}: {kind}", range.map(|r| format!(" (bytes {r})")).unwrap_or_default())]
pub struct IngestError {
    pub path: String,
    /// Byte range in the source file, where the problem is local to one part of it.
    pub range: Option<TextRange>,
    pub kind: ErrorKind,
}

#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty file")]
    Empty,
    #[error("file is {size_mib:.1} MiB, above the {limit_mib} MiB limit for this format (raise it with --max-file-mb)")]
    TooLarge { size_mib: f64, limit_mib: u64 },
    #[error("binary file (NUL byte at offset {offset}), not text")]
    Binary { offset: usize },
    #[error("{0} files are not supported by this reader yet")]
    UnsupportedFormat(&'static str),
    #[error("damaged or truncated PDF: {reason}")]
    PdfDamaged { reason: String },
    #[error("encrypted PDF: it needs a password to open ({detail})")]
    PdfEncrypted { detail: String },
    #[error("PDF has no text layer (image-only or scanned pages: {pages} pages, no text); run OCR first")]
    PdfNoText { pages: usize },
    #[error("the program `{program}` is needed to read this file but {problem}; {hint}")]
    MissingProgram { program: String, problem: String, hint: &'static str },
    #[error("not a TIP country narrative: {reason}")]
    NotANarrative { reason: String },
    #[error("the first line {line:?} looks like a chapter heading but cannot be read (forms: \"COUNTRY: Tier N\", \"Country (Tier N)\", \"SPECIAL CASE: COUNTRY\", a bare \"Tier N\" line; N = 1, 2, 2 Watch List, 3, or Special Case)")]
    UnreadableHeading { line: String },
    #[error("unknown country {name:?} in heading {heading:?}")]
    UnknownCountry { name: String, heading: String },
    #[error("report year cannot be determined: {reason}; pass --year YEAR")]
    NoYear { reason: String },
    #[error("report year conflict: {found} from {found_source}, but --year {option}")]
    YearConflict { found: u16, found_source: String, option: u16 },
    #[error("HTML elements nested more than {limit} deep; no narrative page is built like that")]
    TooDeep { limit: usize },
    #[error("a line of {bytes} bytes, above the {limit} bytes a narrative's paragraph can take")]
    LineTooLong { bytes: usize, limit: usize },
    #[error("the chapter {country} {year} appears again with different text (first at bytes {first}); the first is kept")]
    RepeatedChapter { country: String, year: u16, first: TextRange },
    #[error("the file changed while it was read ({what}); read it again once it is complete")]
    ChangedWhileRead { what: String },
    #[error("`{program}` ran longer than {seconds} s and was stopped (TIERWATCH_PDFTOTEXT_TIMEOUT sets the limit)")]
    Timeout { program: String, seconds: u64 },
}

impl IngestError {
    pub fn new(path: &str, kind: ErrorKind) -> IngestError {
        IngestError { path: path.to_string(), range: None, kind }
    }

    pub fn at(path: &str, range: TextRange, kind: ErrorKind) -> IngestError {
        IngestError { path: path.to_string(), range: Some(range), kind }
    }
}
