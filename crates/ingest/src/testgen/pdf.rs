//! Multi-chapter report PDFs laid out like the annual report: running headers (the report
//! title on even pages, the chapter's country on odd ones), a printed page number at the
//! foot, bold headings, paragraph gaps, "fi"/"fl" ligature glyphs, and optionally one page
//! set in two columns (drawn column by column, or row by row across both columns).

use super::pdfwrite::{encode, encrypt, width, write, Page, Run, PAGE_H};
use tierwatch_model::heading::find_headings;
use crate::segment::headings::line_heading;

/// How to lay the report out.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// The number printed on the first page.
    pub first_page_number: u32,
    pub year: u16,
    /// The physical page (0-based) set in two columns, if any.
    pub two_column_page: Option<usize>,
    /// Draw the two-column page row by row across both columns instead of column by column.
    pub interleave_columns: bool,
    pub ligatures: bool,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions { first_page_number: 301, year: 2018, two_column_page: Some(1), interleave_columns: false, ligatures: true }
    }
}

/// A generated report and where its text went.
#[derive(Debug, Clone)]
pub struct GeneratedPdf {
    pub bytes: Vec<u8>,
    /// Per physical page: its printed number and the body lines drawn on it, in reading order.
    pub pages: Vec<(u32, Vec<String>)>,
}

const LEFT: f32 = 60.0;
const RIGHT: f32 = 552.0;
const TOP: f32 = 720.0;
const BOTTOM: f32 = 80.0;
const GUTTER: f32 = 20.0;
const SIZE: f32 = 10.0;
const LEADING: f32 = 13.0;

struct Layout {
    opts: PdfOptions,
    pages: Vec<Page>,
    lines: Vec<Vec<String>>,
    headers: Vec<String>,
    column: usize,
    y: f32,
    country: String,
}

impl Layout {
    fn two_columns(&self) -> bool {
        self.opts.two_column_page == Some(self.pages.len() - 1)
    }

    fn column_box(&self) -> (f32, f32) {
        if !self.two_columns() {
            return (LEFT, RIGHT);
        }
        let mid = (LEFT + RIGHT) / 2.0;
        if self.column == 0 { (LEFT, mid - GUTTER / 2.0) } else { (mid + GUTTER / 2.0, RIGHT) }
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.lines.push(Vec::new());
        self.headers.push(self.country.clone());
        self.column = 0;
        self.y = TOP;
    }

    /// Room for one more line, moving to the next column or page if needed.
    fn advance(&mut self, height: f32) {
        if self.y - height >= BOTTOM {
            return;
        }
        if self.two_columns() && self.column == 0 {
            self.column = 1;
            self.y = TOP;
        } else {
            self.new_page();
        }
    }

    fn line(&mut self, text: &str, bold: bool, size: f32) {
        self.advance(LEADING);
        let (x, right) = self.column_box();
        let size = if width(text, size) > right - x { size * (right - x) / width(text, size) } else { size };
        self.y -= LEADING;
        let run = Run { x, y: self.y, bold, size, bytes: encode(text, self.opts.ligatures) };
        self.pages.last_mut().expect("a page").runs.push(run);
        self.lines.last_mut().expect("a page").push(text.to_string());
    }

    fn paragraph(&mut self, text: &str) {
        let mut words = text.split(' ').peekable();
        while words.peek().is_some() {
            // The column is known only once there is room for the line.
            self.advance(LEADING);
            let (x, right) = self.column_box();
            let mut cur = words.next().unwrap_or_default().to_string();
            while let Some(w) = words.peek() {
                if width(&format!("{cur} {w}"), SIZE) > right - x {
                    break;
                }
                cur = format!("{cur} {w}");
                words.next();
            }
            self.line(&cur, false, SIZE);
        }
    }
}

/// Lay out chapters (each a chapter text and the country name for its running header).
pub fn report_pdf(chapters: &[(&str, &str)], opts: &PdfOptions) -> GeneratedPdf {
    let mut l = Layout { opts: opts.clone(), pages: vec![], lines: vec![], headers: vec![], column: 0, y: TOP, country: String::new() };
    l.country = chapters.first().map(|c| c.0.to_string()).unwrap_or_default();
    l.new_page();
    for (country, text) in chapters {
        l.country = country.to_string();
        if l.y < TOP {
            l.y -= 2.0 * LEADING;
        }
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            if find_headings(line).first().is_some_and(|h| h.range.len() == line.trim().len()) {
                l.line(line, true, 12.0);
            } else if line_heading(line).is_some() {
                l.line(line, true, SIZE);
            } else {
                l.paragraph(line);
            }
            // A blank line after it in the text: a paragraph gap.
            if lines.get(i + 1).is_some_and(|n| n.trim().is_empty()) {
                l.y -= LEADING * 0.8;
            }
        }
    }
    let mut out_pages = Vec::new();
    for (i, page) in l.pages.iter_mut().enumerate() {
        let number = opts.first_page_number + i as u32;
        let header = if number % 2 == 0 { format!("TRAFFICKING IN PERSONS REPORT {}", opts.year) } else { l.headers[i].to_uppercase() };
        if opts.interleave_columns && opts.two_column_page == Some(i) {
            let mid = (super::pdfwrite::PAGE_W) / 2.0;
            page.runs.sort_by(|a, b| b.y.total_cmp(&a.y).then((a.x > mid).cmp(&(b.x > mid))));
        }
        let x = if number % 2 == 0 { LEFT } else { RIGHT - width(&header, 8.0) };
        page.runs.insert(0, Run { x, y: PAGE_H - 40.0, bold: true, size: 8.0, bytes: encode(&header, false) });
        page.runs.push(Run { x: 300.0, y: 40.0, bold: false, size: 9.0, bytes: number.to_string().into_bytes() });
        out_pages.push((number, std::mem::take(&mut l.lines[i])));
    }
    GeneratedPdf { bytes: write(&l.pages), pages: out_pages }
}

/// A PDF of scanned pages: images, no text layer.
pub fn image_only_pdf(pages: usize) -> Vec<u8> {
    write(&vec![Page { runs: vec![], image: true }; pages])
}

/// A PDF that needs a password to open.
pub fn encrypted_pdf(pdf: &[u8]) -> Vec<u8> {
    encrypt(pdf, "secret")
}
