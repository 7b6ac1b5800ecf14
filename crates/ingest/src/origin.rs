//! Where a read text came from: maps byte ranges of the text a reader works on (a decoded
//! file, a flattened HTML page, the text layer of a PDF) back to the bytes of the file.

use crate::decode::{Decoded, Encoding};
use tierwatch_model::{SourceMap, SourceSpan, TextRange};

/// Maps ranges of a reader's working text back to the source file.
pub trait Origin {
    /// Source bytes of a text range (for error locations).
    fn source_range(&self, r: TextRange) -> TextRange;
    /// The source map of a chapter cut out of the text: its text ranges start at 0.
    fn source_map(&self, chapter: TextRange) -> SourceMap;
}

impl Origin for Decoded {
    /// Exact for UTF-8, computed from code units otherwise.
    fn source_range(&self, r: TextRange) -> TextRange {
        let at = |i: usize| -> usize {
            self.prefix_len
                + match self.encoding {
                    Encoding::Utf8 | Encoding::Utf8Bom => i,
                    Encoding::Utf16Le | Encoding::Utf16Be => self.text[..i].encode_utf16().count() * 2,
                    Encoding::Windows1252 => self.text[..i].chars().count(),
                }
        };
        TextRange::new(at(r.start), at(r.end))
    }

    fn source_map(&self, chapter: TextRange) -> SourceMap {
        if self.encoding.is_byte_exact() {
            return SourceMap::offset(chapter.len(), self.prefix_len + chapter.start);
        }
        SourceMap {
            spans: vec![SourceSpan { text: TextRange::new(0, chapter.len()), source: self.source_range(chapter), page: None }],
        }
    }
}

/// A text built piece by piece, each piece knowing its source bytes (and page).
#[derive(Debug, Default, Clone)]
pub struct Spans {
    pub text: String,
    /// Sorted by `text.start`, not overlapping.
    pub spans: Vec<SourceSpan>,
}

impl Spans {
    /// Append text that came from `source` (on `page`); separators pass `None`.
    pub fn push(&mut self, s: &str, source: Option<TextRange>, page: Option<u32>) {
        let start = self.text.len();
        self.text.push_str(s);
        let Some(source) = source else { return };
        let text = TextRange::new(start, self.text.len());
        // Merge with the previous span when both are pieces of one run of the source.
        if let Some(last) = self.spans.last_mut() {
            let contiguous = last.text.end == start && last.page == page && last.source == source;
            if contiguous {
                last.text.end = text.end;
                return;
            }
        }
        self.spans.push(SourceSpan { text, source, page });
    }
}

impl Origin for Spans {
    fn source_range(&self, r: TextRange) -> TextRange {
        self.source_map(r).to_source(TextRange::new(0, r.len())).map(|(s, _)| s).unwrap_or(TextRange::new(0, 0))
    }

    fn source_map(&self, chapter: TextRange) -> SourceMap {
        let mut spans = Vec::new();
        for s in &self.spans {
            if s.text.end <= chapter.start || s.text.start >= chapter.end {
                continue;
            }
            let (start, end) = (s.text.start.max(chapter.start), s.text.end.min(chapter.end));
            // Byte-exact spans clip their source too; normalised ones map whole.
            let source = if s.text.len() == s.source.len() {
                TextRange::new(s.source.start + (start - s.text.start), s.source.start + (end - s.text.start))
            } else {
                s.source
            };
            spans.push(SourceSpan { text: TextRange::new(start - chapter.start, end - chapter.start), source, page: s.page });
        }
        SourceMap { spans }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_clip_to_a_chapter_and_keep_pages() {
        let mut s = Spans::default();
        s.push("abc", Some(TextRange::new(100, 103)), Some(7));
        s.push("\n", None, None);
        s.push("d&e", Some(TextRange::new(200, 207)), Some(8));
        let map = s.source_map(TextRange::new(1, 7));
        assert_eq!(map.spans.len(), 2);
        assert_eq!(map.spans[0].source, TextRange::new(101, 103));
        assert_eq!(map.spans[1].source, TextRange::new(200, 207));
        assert_eq!(map.to_source(TextRange::new(4, 5)).unwrap().1, Some(8));
        assert_eq!(s.source_range(TextRange::new(0, 2)), TextRange::new(100, 102));
    }
}
