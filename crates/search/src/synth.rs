//! A corpus generator for scale tests and benchmarks: N copies of a base corpus with varied
//! countries, years and paragraph selections.
//!
//! Copy `k` of base narrative `i` is given the registry's country `(i * 7 + k * 13) mod C`,
//! the report year `2001 + (base year + k) mod 24`, and drops every paragraph whose
//! `(k + index) mod 5 == 4` (copy 0 keeps them all and is the base itself). The new text is the
//! kept paragraphs joined by blank lines, with segmentation shifted to match, so every
//! copy is a valid `(Document, Segmentation)` with byte ranges into its own text.
//! Deterministic: the same base and `n` give the same corpus.

use tierwatch_model::{CountryRegistry, Document, Paragraph, ReportYear, Section, Segmentation, Sentence, TextRange};

/// `n` variants of every base narrative (so `n * base.len()` documents).
pub fn scale(base: &[(Document, Segmentation)], n: usize) -> Vec<(Document, Segmentation)> {
    let countries = CountryRegistry::embedded().all();
    let mut out = Vec::with_capacity(base.len() * n);
    for k in 0..n {
        for (i, (doc, seg)) in base.iter().enumerate() {
            if k == 0 {
                out.push((doc.clone(), seg.clone()));
                continue;
            }
            let c = &countries[(i * 7 + k * 13) % countries.len()];
            let base_year = doc.metadata.report_year.map(|y| y.get()).unwrap_or(2018);
            let year = 2001 + ((base_year as usize - 2001 + k) % 24) as u16;
            let (text, new_seg) = subset(&doc.text, seg, |p| (k + p) % 5 != 4);
            let mut meta = doc.metadata.clone();
            meta.country = c.name.clone();
            meta.iso3 = c.iso3.clone();
            meta.report_year = ReportYear::new(year);
            let d = Document::new(text, format!("synth/{k}/{}", doc.source_path), doc.format, meta, Default::default());
            out.push((d, new_seg));
        }
    }
    out
}

/// The paragraphs `keep` selects (by index), joined by blank lines, and their segmentation.
fn subset(text: &str, seg: &Segmentation, keep: impl Fn(usize) -> bool) -> (String, Segmentation) {
    let mut out = String::new();
    let mut new = Segmentation::default();
    let mut map: Vec<Option<(usize, isize)>> = vec![None; seg.paragraphs.len()];
    for (i, p) in seg.paragraphs.iter().enumerate() {
        if !keep(i) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let shift = out.len() as isize - p.range.start as isize;
        out.push_str(p.range.slice(text));
        map[i] = Some((new.paragraphs.len(), shift));
        let r = TextRange::new(out.len() - p.range.len(), out.len());
        new.paragraphs.push(Paragraph { range: r, ..p.clone() });
    }
    for s in &seg.sentences {
        if let Some((idx, shift)) = map[s.paragraph] {
            let r = TextRange::new((s.range.start as isize + shift) as usize, (s.range.end as isize + shift) as usize);
            new.sentences.push(Sentence { range: r, paragraph: idx });
        }
    }
    for sec in &seg.sections {
        let kept: Vec<usize> = seg
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(i, p)| sec.range.contains(&p.range) && map[*i].is_some())
            .map(|(i, _)| map[i].expect("kept").0)
            .collect();
        if let (Some(&a), Some(&b)) = (kept.first(), kept.last()) {
            let range = TextRange::new(new.paragraphs[a].range.start, new.paragraphs[b].range.end);
            new.sections.push(Section { range, heading: None, ..sec.clone() });
        }
    }
    (out, new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tierwatch_model::{DocumentFormat, Metadata, SectionKind, SegmentMethod};

    fn base() -> (Document, Segmentation) {
        let text = "Alpha one. Alpha two.\n\nBeta one.\n\nGamma one.\n\nDelta.\n\nEpsilon.".to_string();
        let mut seg = Segmentation::default();
        let mut start = 0;
        for (i, part) in text.split("\n\n").enumerate() {
            let r = TextRange::new(start, start + part.len());
            seg.paragraphs.push(Paragraph { range: r, section: SectionKind::Protection, method: SegmentMethod::Content, confidence: 1.0 });
            seg.sentences.push(Sentence { range: r, paragraph: i });
            start += part.len() + 2;
        }
        seg.sections.push(Section { kind: SectionKind::Protection, range: TextRange::new(0, text.len()), heading: None, method: SegmentMethod::Content, confidence: 1.0 });
        let meta = Metadata { country: "Mexico".into(), iso3: "MEX".into(), report_year: ReportYear::new(2007), ..Metadata::default() };
        (Document::new(text, "x.txt".into(), DocumentFormat::ChapterText, meta, Default::default()), seg)
    }

    #[test]
    fn copies_vary_country_year_and_keep_ranges_valid() {
        let out = scale(&[base()], 3);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].0.metadata.iso3, "MEX");
        assert_ne!(out[1].0.metadata.iso3, out[2].0.metadata.iso3);
        assert_eq!(out[1].0.metadata.report_year, ReportYear::new(2008));
        for (d, s) in &out[1..] {
            assert_eq!(s.paragraphs.len(), 4, "one of five paragraphs dropped");
            for p in &s.paragraphs {
                assert!(!p.range.slice(&d.text).contains("\n\n"));
            }
            for sen in &s.sentences {
                assert!(s.paragraphs[sen.paragraph].range.contains(&sen.range));
            }
            assert_eq!(s.sections[0].range, TextRange::new(0, d.text.len()));
        }
        assert_eq!(scale(&[base()], 3)[2].0.id, out[2].0.id, "deterministic");
    }
}
