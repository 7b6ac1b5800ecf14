//! Reading and segmenting the real narratives in ../shared/corpus.

use std::path::{Path, PathBuf};
use tierwatch_ingest::{read_path, segment, ReadOptions};
use tierwatch_model::{DocumentFormat, SectionKind, SegmentMethod, Tier};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn chapter_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join("tip-2018")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

#[test]
fn the_dump_splits_into_the_same_146_chapters_as_the_chapter_files() {
    let out = read_path(&corpus().join("tip-2018-country-narratives.txt"), &ReadOptions::default()).unwrap();
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert_eq!(out.documents.len(), 146);
    assert!(out.documents.iter().all(|d| d.format == DocumentFormat::ReportDump));
    let mut dump_ids: Vec<_> = out.documents.iter().map(|d| (d.metadata.iso3.clone(), d.id.clone())).collect();
    let mut file_ids: Vec<_> = chapter_files()
        .iter()
        .map(|f| {
            let out = read_path(f, &ReadOptions::default()).unwrap();
            assert_eq!(out.documents.len(), 1, "{}", f.display());
            let d = &out.documents[0];
            assert_eq!(d.metadata.report_year.unwrap().get(), 2018);
            (d.metadata.iso3.clone(), d.id.clone())
        })
        .collect();
    dump_ids.sort();
    file_ids.sort();
    assert_eq!(dump_ids, file_ids);
    // No chapter starts at a page header glued into a sentence.
    let mexico = out.documents.iter().find(|d| d.metadata.iso3 == "MEX").unwrap();
    assert!(mexico.text.starts_with("MEXICO: TIER 2"));
    assert!(mexico.text.contains("302MEXICOorganized"));
}

#[test]
fn refworld_mexico_2007_metadata_and_sections() {
    let path = corpus().join("refworld/2007-mexico.txt");
    let out = read_path(&path, &ReadOptions::default()).unwrap();
    let d = &out.documents[0];
    assert_eq!(d.format, DocumentFormat::RefworldText);
    let m = &d.metadata;
    assert_eq!(m.publisher.as_deref(), Some("United States Department of State"));
    assert_eq!(m.author.as_deref(), Some("Office to Monitor and Combat Trafficking in Persons"));
    assert_eq!(m.publication_date.as_deref(), Some("2007-06-12"));
    assert_eq!(m.report_year.unwrap().get(), 2007);
    assert_eq!(m.stated_tier, Some(Tier::Tier2WatchList));
    assert_eq!(m.iso3, "MEX");
    assert!(m.cite_as.as_deref().unwrap().starts_with("United States Department of State"));
    assert!(d.text.starts_with("Mexico (Tier 2 Watch List)"));
    assert!(!d.text.contains("Search Refworld"));
    assert!(!d.text.contains("Disclaimer"));
    // The source map points back at the same bytes of the file.
    let file = std::fs::read(&path).unwrap();
    let (src, _) = d.source_map.to_source(tierwatch_model::TextRange::new(0, 26)).unwrap();
    assert_eq!(&file[src.start..src.end], "Mexico (Tier 2 Watch List)".as_bytes());

    let seg = segment(&d.text);
    let section_of = |prefix: &str| {
        let p = seg.paragraphs.iter().find(|p| p.range.slice(&d.text).starts_with(prefix)).unwrap_or_else(|| panic!("no paragraph {prefix}"));
        p.section
    };
    assert_eq!(section_of("Mexico is a source, transit"), SectionKind::TraffickingProfile);
    assert_eq!(section_of("The Government of Mexico does not fully comply"), SectionKind::Intro);
    assert_eq!(section_of("The Government of Mexico increased efforts to investigate"), SectionKind::Prosecution);
    assert_eq!(section_of("The Mexican government sustained but did not improve"), SectionKind::Protection);
    assert_eq!(section_of("The government increased prevention efforts"), SectionKind::Prevention);
    let shelters = seg.paragraphs.iter().find(|p| p.range.slice(&d.text).contains("humanitarian visas")).unwrap();
    assert_eq!(shelters.section, SectionKind::Protection);
    let awareness = seg.paragraphs.iter().find(|p| p.range.slice(&d.text).contains("awareness")).unwrap();
    assert_eq!(awareness.section, SectionKind::Prevention);
}

/// Every section of a headed chapter starts at its heading and ends where the next begins.
#[test]
fn headed_chapters_sections_match_headings_exactly() {
    let mut checked = 0;
    for f in chapter_files() {
        let text = std::fs::read_to_string(&f).unwrap();
        let text = text.trim_end();
        let seg = segment(text);
        let heading_lines: Vec<(usize, &str)> = text
            .lines()
            .scan(0usize, |off, l| {
                let start = *off;
                *off += l.len() + 1;
                Some((start, l))
            })
            .filter(|(_, l)| ["PRIORITIZED RECOMMENDATIONS:", "PROSECUTION", "PROTECTION", "PREVENTION", "TRAFFICKING PROFILE", "GOVERNMENT EFFORTS"].contains(&l.trim()))
            .collect();
        if heading_lines.len() < 2 {
            continue;
        }
        checked += 1;
        // Sections under whole-line headings (a heading glued inside a paragraph, such as a
        // sub-chapter for an administered area, opens a section of its own after them).
        let is_line = |r: tierwatch_model::TextRange| heading_lines.iter().any(|(s, l)| *s == r.start && l.trim() == r.slice(text));
        let headed: Vec<_> = seg.sections.iter().filter(|s| s.heading.is_some_and(is_line)).collect();
        assert_eq!(headed.len(), heading_lines.len(), "{}", f.display());
        for (i, (s, (start, line))) in headed.iter().zip(&heading_lines).enumerate() {
            assert_eq!(s.range.start, *start, "{}: {line}", f.display());
            assert_eq!(s.heading.unwrap().slice(text), line.trim());
            let end = heading_lines.get(i + 1).map(|h| h.0).unwrap_or(text.len());
            let next_section = seg.sections.iter().map(|x| x.range.start).filter(|&x| x > s.range.start).min().unwrap_or(text.len());
            assert_eq!(text[s.range.end..next_section.min(end)].trim(), "", "{}: section {line} ends early", f.display());
        }
        let intro = seg.sections.iter().find(|s| s.kind == SectionKind::Intro).unwrap_or_else(|| panic!("{} has no intro", f.display()));
        assert!(intro.range.end <= heading_lines[0].0);
    }
    assert!(checked >= 130, "only {checked} headed chapters");
}

/// Paragraph labels compared with the truth of headed chapters, over many chapters.
#[derive(Default)]
struct Tally {
    right: usize,
    total: usize,
    confusions: std::collections::BTreeMap<(SectionKind, SectionKind), usize>,
}

impl Tally {
    /// Score the paragraphs of `seg` (over `text`) whose body is one of the `truth` paragraphs.
    fn score(&mut self, file: &Path, text: &str, seg: &tierwatch_model::Segmentation, truth: &[(String, SectionKind)]) {
        for p in &seg.paragraphs {
            let body = p.range.slice(text).trim();
            let Some((_, want)) = truth.iter().find(|(t, _)| t.trim() == body) else { continue };
            self.total += 1;
            if *want == p.section {
                self.right += 1;
            } else {
                *self.confusions.entry((*want, p.section)).or_default() += 1;
                if std::env::var_os("TIERWATCH_DEBUG_SEGMENT").is_some() {
                    eprintln!("{}: {want} -> {}: {}", file.display(), p.section, &body[..body.len().min(90)]);
                }
            }
        }
    }

    /// Print the accuracy and assert it is at least 90% over more than 700 paragraphs.
    fn check(&self, what: &str) {
        let acc = self.right as f64 / self.total as f64;
        println!("{what} paragraph-section accuracy: {}/{} = {:.1}%", self.right, self.total, acc * 100.0);
        println!("confusions (truth -> predicted): {:?}", self.confusions);
        assert!(self.total > 700, "only {} paragraphs compared", self.total);
        assert!(acc >= 0.90, "accuracy {acc:.3} below 0.90; confusions {:?}", self.confusions);
    }
}

/// Strip the section headings from headed chapters and classify paragraphs by content.
#[test]
fn unheaded_paragraph_section_accuracy_is_at_least_90_percent() {
    let mut tally = Tally::default();
    for f in chapter_files() {
        let text = std::fs::read_to_string(&f).unwrap();
        let seg = segment(text.trim_end());
        if seg.paragraphs.iter().all(|p| p.method == SegmentMethod::Content) {
            continue; // no headings to learn the truth from
        }
        // Truth: the heading-given labels.
        let truth: Vec<(String, SectionKind)> = seg.paragraphs.iter().map(|p| (p.range.slice(&text).to_string(), p.section)).collect();
        let stripped: String = text
            .lines()
            .filter(|l| tierwatch_ingest::segment::headings::line_heading(l).is_none())
            .collect::<Vec<_>>()
            .join("\n");
        tally.score(&f, &stripped, &segment(&stripped), &truth);
    }
    tally.check("unheaded");
}

#[test]
fn chapters_that_lost_their_headings_still_get_every_section() {
    for name in ["philippines", "united-kingdom", "korea-republic-of"] {
        let text = std::fs::read_to_string(corpus().join(format!("tip-2018/{name}.txt"))).unwrap();
        let seg = segment(text.trim_end());
        let kinds = seg.kinds();
        for k in [SectionKind::Intro, SectionKind::Recommendations, SectionKind::Prosecution, SectionKind::Protection, SectionKind::Prevention, SectionKind::TraffickingProfile] {
            assert!(kinds.contains(&k), "{name}: no {k} in {kinds:?}");
        }
    }
}

/// The 2001-2016 order, measured on the same chapters: the trafficking profile first, then the
/// tier paragraph, recommendations written inline ("Recommendations for X: a; b."), then
/// prosecution, protection, prevention, with every section heading stripped. The chapters are
/// rearranged from headed 2018 chapters, so the truth is the heading-given label of each
/// paragraph.
#[test]
fn unheaded_profile_first_chapters_are_segmented_too() {
    let mut tally = Tally::default();
    for f in chapter_files() {
        let text = std::fs::read_to_string(&f).unwrap();
        let text = text.trim_end();
        let seg = segment(text);
        if seg.paragraphs.iter().all(|p| p.method == SegmentMethod::Content) {
            continue;
        }
        let paras = |k: SectionKind| -> Vec<String> {
            seg.paragraphs.iter().filter(|p| p.section == k).map(|p| p.range.slice(text).trim().to_string()).collect()
        };
        let profile = paras(SectionKind::TraffickingProfile);
        let intro = paras(SectionKind::Intro);
        if profile.is_empty() || intro.is_empty() {
            continue;
        }
        let country = text.lines().next().unwrap_or("").split(':').next().unwrap_or("").trim().to_string();
        let recs = paras(SectionKind::Recommendations).join(" ");
        let mut truth: Vec<(String, SectionKind)> = Vec::new();
        let mut out = vec![format!("{country} (Tier 2)")];
        let mut push = |p: String, k: SectionKind, out: &mut Vec<String>| {
            truth.push((p.clone(), k));
            out.push(p);
        };
        for p in profile {
            push(p, SectionKind::TraffickingProfile, &mut out);
        }
        for p in intro {
            push(p, SectionKind::Intro, &mut out);
        }
        if !recs.is_empty() {
            push(format!("Recommendations for {country}: {recs}"), SectionKind::Recommendations, &mut out);
        }
        for k in [SectionKind::Prosecution, SectionKind::Protection, SectionKind::Prevention] {
            for p in paras(k) {
                push(p, k, &mut out);
            }
        }
        let rebuilt = out.join("\n\n");
        tally.score(&f, &rebuilt, &segment(&rebuilt), &truth);
    }
    tally.check("unheaded profile-first");
}
