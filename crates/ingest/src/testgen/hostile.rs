//! Hostile files for the bad-input tests and for trying tierwatch by hand
//! (`cargo run -p tierwatch-ingest --features testgen --example hostile_files -- DIR CORPUS`):
//! each is something a download can leave on disk, and each must be refused with an error
//! naming the file while the rest of its batch is stored.

use std::path::Path;

/// A minimal PDF from numbered objects (object 1 is the catalog), with a correct xref table.
pub fn raw_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).bytes());
    out
}

fn page_objects(pages: &[u8]) -> Vec<Vec<u8>> {
    let text = b"BT /F1 12 Tf 72 700 Td (MEXICO: TIER 2) Tj 0 -20 Td (The government of Mexico fought trafficking.) Tj ET";
    let mut content = format!("<< /Length {} >>\nstream\n", text.len()).into_bytes();
    content.extend(text);
    content.extend(b"\nendstream");
    vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        pages.to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ]
}

/// A PDF whose page tree refers back to itself (node 6 is a kid of node 2 and the reverse).
pub fn looping_pdf() -> Vec<u8> {
    let mut objects = page_objects(b"<< /Type /Pages /Kids [6 0 R 3 0 R] /Count 2 >>");
    objects.push(b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>".to_vec());
    raw_pdf(&objects)
}

/// A PDF whose page tree claims a million pages (and has one).
pub fn million_page_pdf() -> Vec<u8> {
    raw_pdf(&page_objects(b"<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>"))
}

/// 100,000 nested elements around a page that would otherwise be a narrative.
pub fn nested_html(chapter: &str) -> String {
    let depth = 100_000;
    format!(
        "<!DOCTYPE html><html><head><title>Mexico</title></head><body><main>{}<p>{}</p>{}</main></body></html>",
        "<div>".repeat(depth),
        chapter.replace('<', "&lt;").replace("\n\n", "</p><p>"),
        "</div>".repeat(depth)
    )
}

/// A chapter whose lines were joined into one line of at least 10 MB.
pub fn single_line(chapter: &str) -> String {
    let flat = chapter.replace(['\n', '\r'], " ");
    let mut out = String::with_capacity(10 << 20);
    while out.len() < 10 << 20 {
        out.push_str(&flat);
        out.push(' ');
    }
    out
}

/// A good chapter with NUL bytes in the middle of it.
pub fn with_nuls(chapter: &str) -> Vec<u8> {
    let mut b = chapter.as_bytes().to_vec();
    let at = (b.len() / 2..b.len()).find(|&i| b[i] == b' ').unwrap_or(b.len() / 2);
    b.splice(at..at, [0u8, 0, 0, 0]);
    b
}

/// A whole-report dump in which the second chapter is the first again, with other text.
pub fn dump_with_repeat(first: &str, second: &str) -> String {
    let changed = first.replacen("The Government", "The government, it is said,", 1);
    assert_ne!(changed, first, "the first chapter must contain \"The Government\"");
    format!("{first}\n\n{second}\n\n{changed}\n")
}

/// Write the hostile files (named as the tests expect) into `dir`, from two corpus chapters.
/// Returns the file names written.
pub fn write_all(dir: &Path, chapter: &str, other: &str) -> std::io::Result<Vec<&'static str>> {
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("nested-100000.html", nested_html(chapter).into_bytes()),
        ("single-line-10mb.txt", single_line(chapter).into_bytes()),
        ("nul-bytes.txt", with_nuls(chapter)),
        ("page-tree-loop.pdf", looping_pdf()),
        ("million-pages.pdf", million_page_pdf()),
        ("dump-repeated-chapter.txt", dump_with_repeat(chapter, other).into_bytes()),
    ];
    let mut names = Vec::new();
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes)?;
        names.push(name);
    }
    Ok(names)
}
