//! The text layer of a PDF through poppler's `pdftotext` (Debian package poppler-utils),
//! run as a program: the PDF on standard input, UTF-8 text on standard output, pages
//! separated by form feeds. `TIERWATCH_PDFTOTEXT` names another binary.
//!
//! Chosen over a pure-Rust extractor by measurement (see ARCHITECTURE.md): it rebuilds
//! reading order from glyph positions, so columns and out-of-order content streams come
//! out in reading order.

use crate::error::ErrorKind;
use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The program used, from `TIERWATCH_PDFTOTEXT` or `pdftotext` on the PATH.
pub fn program() -> String {
    std::env::var("TIERWATCH_PDFTOTEXT").ok().filter(|p| !p.is_empty()).unwrap_or_else(|| "pdftotext".to_string())
}

const HINT: &str = "install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils) or set TIERWATCH_PDFTOTEXT";

/// The text of each page in pdftotext's own reading order (its default mode).
pub fn pdftotext(program: &str, pdf: &[u8]) -> Result<Vec<String>, ErrorKind> {
    let text = run(program, &["-enc", "UTF-8", "-eol", "unix"], pdf)?;
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    // Output ends with a form feed after the last page.
    if pages.len() > 1 && pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Ok(pages)
}

/// Pages, blocks, lines and words with their boxes (`pdftotext -bbox-layout`, XHTML).
pub fn pdftotext_bbox(program: &str, pdf: &[u8]) -> Result<String, ErrorKind> {
    run(program, &["-bbox-layout", "-enc", "UTF-8", "-eol", "unix"], pdf)
}

/// How long pdftotext may run on one file: `TIERWATCH_PDFTOTEXT_TIMEOUT` seconds, default 120,
/// far above what a real report needs. A file that takes longer is refused and the run goes on.
pub fn timeout() -> Duration {
    let secs = std::env::var("TIERWATCH_PDFTOTEXT_TIMEOUT").ok().and_then(|s| s.trim().parse::<u64>().ok()).filter(|&s| s > 0);
    Duration::from_secs(secs.unwrap_or(120))
}

fn run(program: &str, args: &[&str], pdf: &[u8]) -> Result<String, ErrorKind> {
    let mut child = Command::new(program)
        .args(args)
        .args(["-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| ErrorKind::MissingProgram {
            program: program.to_string(),
            problem: if e.kind() == std::io::ErrorKind::NotFound { "it is not installed".into() } else { format!("it cannot be run ({e})") },
            hint: HINT,
        })?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = pdf.to_vec();
    let writer = std::thread::spawn(move || {
        // A damaged file may make pdftotext exit before reading it all: a broken pipe is fine.
        let _ = stdin.write_all(&input);
    });
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("piped stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("piped stderr")));
    let limit = timeout();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(ErrorKind::Io)? {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(ErrorKind::Timeout { program: program.to_string(), seconds: limit.as_secs() });
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let _ = writer.join();
    let out = Output { status, stdout: stdout.join().unwrap_or_default(), stderr: stderr.join().unwrap_or_default() };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        let detail = stderr.lines().filter(|l| !l.trim().is_empty()).take(3).collect::<Vec<_>>().join("; ");
        if stderr.to_ascii_lowercase().contains("password") {
            return Err(ErrorKind::PdfEncrypted { detail: format!("pdftotext: {detail}") });
        }
        return Err(ErrorKind::PdfDamaged { reason: format!("pdftotext exited with {}: {detail}", out.status) });
    }
    // poppler reads around a page tree that refers back to itself and says so; the pages it
    // found are not the document's, so the file is refused as damaged.
    if let Some(line) = stderr.lines().find(|l| l.to_ascii_lowercase().contains("loop in pages tree")) {
        return Err(ErrorKind::PdfDamaged { reason: format!("its page tree loops back on itself (pdftotext: {})", line.trim()) });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
