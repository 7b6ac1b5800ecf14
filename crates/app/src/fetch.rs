//! Fetch a report year's country pages from state.gov or a mirror: the year's index page,
//! then every country page it links to, one at a time (rate-limited, retried on transient
//! failures, with a clear user agent), saved as `OUT/tip-YEAR/<country>.html`. Resumable: a
//! page already saved is not requested again (pages are written to a `.part` file and
//! renamed, so a saved page is complete). A page that fails is reported and the run goes on.
//!
//! The only HTTP in the app layer is this client; link finding is the ingest crate's.

use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to fetch and how politely.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub year: u16,
    /// `https://www.state.gov` or a mirror with the same paths.
    pub base_url: String,
    /// Pages go to `out/tip-YEAR/`.
    pub out: PathBuf,
    /// Least time between two requests.
    pub delay: Duration,
    /// Further tries after a transient failure (timeouts, connection errors, 429, 5xx).
    pub retries: u32,
}

/// What happened to one country page.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PageStatus {
    Downloaded { bytes: usize },
    /// Already saved by an earlier run: not requested.
    Present,
    Failed { error: String },
}

#[derive(Debug, Clone, Serialize)]
pub struct PageReport {
    pub url: String,
    pub path: String,
    #[serde(flatten)]
    pub status: PageStatus,
}

#[derive(Debug, Clone, Serialize)]
pub struct FetchSummary {
    pub index_url: String,
    pub folder: PathBuf,
    pub pages: Vec<PageReport>,
    pub downloaded: usize,
    pub present: usize,
    pub failed: usize,
    pub requests: usize,
}

/// The user agent every request carries.
pub fn user_agent() -> String {
    format!("tierwatch/{} (+research tool)", env!("CARGO_PKG_VERSION"))
}

/// The index page of a report year: `BASE/reports/YEAR-trafficking-in-persons-report/`.
pub fn index_url(base: &str, year: u16) -> String {
    format!("{}/reports/{year}-trafficking-in-persons-report/", base.trim_end_matches('/'))
}

struct Client {
    agent: ureq::Agent,
    delay: Duration,
    retries: u32,
    last: Option<Instant>,
    requests: usize,
}

impl Client {
    fn get(&mut self, url: &str) -> Result<Vec<u8>, String> {
        let mut attempt = 0;
        loop {
            if let Some(last) = self.last {
                std::thread::sleep(self.delay.saturating_sub(last.elapsed()));
            }
            self.last = Some(Instant::now());
            self.requests += 1;
            let result = self.agent.get(url).call().and_then(|mut r| r.body_mut().with_config().limit(64 << 20).read_to_vec());
            let err = match result {
                Ok(body) => return Ok(body),
                Err(e) => e,
            };
            let transient = match &err {
                ureq::Error::StatusCode(code) => *code == 429 || *code >= 500,
                ureq::Error::Io(_) | ureq::Error::Timeout(_) | ureq::Error::ConnectionFailed => true,
                _ => false,
            };
            let message = match &err {
                ureq::Error::StatusCode(code) => format!("{url}: HTTP {code}"),
                ureq::Error::TooManyRedirects => format!("{url}: redirect loop (more than 10 redirects)"),
                e => format!("{url}: {e}"),
            };
            if !transient || attempt >= self.retries {
                let tries = if attempt > 0 { format!(" (after {} tries)", attempt + 1) } else { String::new() };
                return Err(format!("{message}{tries}"));
            }
            attempt += 1;
            std::thread::sleep(self.delay.max(Duration::from_millis(200)) * attempt);
        }
    }
}

/// Fetch the year's pages; `progress` is told each page URL before it is handled.
pub fn fetch_year(opts: &FetchOptions, progress: &mut dyn FnMut(&str)) -> Result<FetchSummary, crate::AppError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .user_agent(user_agent())
        .timeout_global(Some(Duration::from_secs(60)))
        .max_redirects(10)
        .build()
        .into();
    let mut client = Client { agent, delay: opts.delay, retries: opts.retries, last: None, requests: 0 };
    let index = index_url(&opts.base_url, opts.year);
    let html = client.get(&index).map_err(|e| crate::AppError::Invalid(format!("cannot fetch the report index: {e}")))?;
    let links = tierwatch_ingest::html::country_links(&String::from_utf8_lossy(&html), &index);
    if links.is_empty() {
        return Err(crate::AppError::Invalid(format!("{index}: the index page links to no country pages")));
    }
    let folder = opts.out.join(format!("tip-{}", opts.year));
    std::fs::create_dir_all(&folder).map_err(|source| crate::AppError::Io { path: folder.display().to_string(), source })?;
    let mut pages = Vec::new();
    for url in links {
        progress(&url);
        let slug = url.trim_end_matches('/').rsplit('/').next().unwrap_or("page").trim_end_matches(".html").to_string();
        let path = folder.join(format!("{slug}.html"));
        let status = if path.metadata().is_ok_and(|m| m.len() > 0) {
            PageStatus::Present
        } else {
            match client.get(&url).and_then(|body| save(&path, &body).map(|_| body.len())) {
                Ok(bytes) => PageStatus::Downloaded { bytes },
                Err(error) => PageStatus::Failed { error },
            }
        };
        pages.push(PageReport { url, path: path.display().to_string(), status });
    }
    let count = |f: fn(&PageStatus) -> bool| pages.iter().filter(|p| f(&p.status)).count();
    Ok(FetchSummary {
        index_url: index,
        folder,
        downloaded: count(|s| matches!(s, PageStatus::Downloaded { .. })),
        present: count(|s| matches!(s, PageStatus::Present)),
        failed: count(|s| matches!(s, PageStatus::Failed { .. })),
        requests: client.requests,
        pages,
    })
}

/// Write to `path.part`, then rename: a file at `path` is always complete.
fn save(path: &Path, body: &[u8]) -> Result<(), String> {
    let part = path.with_extension("html.part");
    std::fs::write(&part, body).and_then(|_| std::fs::rename(&part, path)).map_err(|e| format!("{}: {e}", path.display()))
}
