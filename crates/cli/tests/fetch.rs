//! `tierwatch fetch` against a mirror served by this test process on 127.0.0.1 (pages built
//! from corpus chapters): every page is ingested, a second run downloads nothing new, and
//! a 404, a redirect loop and a page without a narrative are each reported while the rest
//! of the run goes on.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use tierwatch_ingest::testgen::html::state_gov_page;

const PREFIX: &str = "/reports/2018-trafficking-in-persons-report/";

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

type Hits = Arc<Mutex<HashMap<String, usize>>>;

/// A mirror: `routes` maps paths to (status, extra header, body). Serves at most 200
/// requests and never outlives the test process.
fn serve(routes: HashMap<String, (u16, String, String)>) -> (String, Hits) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let hits: Hits = Arc::default();
    let counter = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(200) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap_or(0);
            let mut ua = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if line.to_ascii_lowercase().starts_with("user-agent:") {
                    ua = line[11..].trim().to_string();
                }
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            *counter.lock().unwrap().entry(path.clone()).or_default() += 1;
            let (status, header, body) = if !ua.starts_with("tierwatch/") {
                (403, String::new(), format!("unexpected user agent {ua:?}"))
            } else {
                routes.get(&path).cloned().unwrap_or((404, String::new(), "not found".into()))
            };
            let reason = match status { 200 => "OK", 302 => "Found", 403 => "Forbidden", _ => "Not Found" };
            let head = format!("HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n{header}Connection: close\r\n\r\n", body.len());
            let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(body.as_bytes()));
        }
    });
    (base, hits)
}

fn mirror(slugs: &[(&str, &str)], extra: &[&str]) -> HashMap<String, (u16, String, String)> {
    let mut routes = HashMap::new();
    let links: String = slugs.iter().map(|(s, _)| *s).chain(extra.iter().copied()).map(|s| format!("<li><a href=\"{s}/\">{s}</a></li>")).collect();
    let index = format!("<!DOCTYPE html><html><body><nav><a href=\"/\">Home</a></nav><main><ul>{links}</ul></main></body></html>");
    routes.insert(PREFIX.to_string(), (200, String::new(), index));
    for (i, (slug, country)) in slugs.iter().enumerate() {
        let text = std::fs::read_to_string(corpus().join("tip-2018").join(format!("{slug}.txt"))).unwrap();
        routes.insert(format!("{PREFIX}{slug}/"), (200, String::new(), state_gov_page(&text, country, 2018, i % 3)));
    }
    routes
}

fn tierwatch(db: &Path, args: &[&str]) -> (bool, serde_json::Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(db).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("not JSON: {}\n{stderr}", String::from_utf8_lossy(&out.stdout)));
    (out.status.success(), json, stderr)
}

#[test]
fn fetching_a_year_from_a_mirror_ingests_every_page_and_resumes() {
    let slugs = [("mexico", "Mexico"), ("albania", "Albania"), ("bhutan", "Bhutan"), ("philippines", "Philippines")];
    let (base, hits) = serve(mirror(&slugs, &[]));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let out = dir.path().join("pages");
    let args = ["fetch", "--year", "2018", "--base-url", &base, "--out", out.to_str().unwrap(), "--ingest", "--delay-ms", "5", "--json"];
    let (ok, first, stderr) = tierwatch(&db, &args);
    assert!(ok, "{stderr}\n{first}");
    assert_eq!(first["fetch"]["downloaded"], 4, "{first}");
    assert_eq!(first["ingest"]["documents_inserted"], 4, "{first}");
    assert!(out.join("tip-2018/mexico.html").is_file());
    let list = Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(&db).args(["list", "--json"]).output().unwrap();
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let mut isos: Vec<&str> = list.as_array().unwrap().iter().map(|r| r["iso3"].as_str().unwrap()).collect();
    isos.sort();
    assert_eq!(isos, ["ALB", "BTN", "MEX", "PHL"]);

    let (ok, second, stderr) = tierwatch(&db, &args);
    assert!(ok, "{stderr}");
    assert_eq!((second["fetch"]["downloaded"].as_u64(), second["fetch"]["present"].as_u64()), (Some(0), Some(4)), "{second}");
    assert_eq!(second["fetch"]["requests"], 1, "only the index is asked for again");
    assert_eq!(second["ingest"]["documents_inserted"], 0);
    let hits = hits.lock().unwrap();
    assert_eq!(hits[&format!("{PREFIX}mexico/")], 1, "{hits:?}");
    assert_eq!(hits[PREFIX], 2);
}

#[test]
fn a_404_a_redirect_loop_and_a_page_without_a_narrative_are_reported_and_the_run_goes_on() {
    let mut routes = mirror(&[("mexico", "Mexico"), ("albania", "Albania")], &["gone", "loop", "about"]);
    routes.insert(format!("{PREFIX}loop/"), (302, format!("Location: {PREFIX}loop-again/\r\n"), String::new()));
    routes.insert(format!("{PREFIX}loop-again/"), (302, format!("Location: {PREFIX}loop/\r\n"), String::new()));
    routes.insert(format!("{PREFIX}about/"), (200, String::new(), "<!DOCTYPE html><html><body><main><h1>About the report</h1><p>How to read it.</p></main></body></html>".into()));
    let (base, _) = serve(routes);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let out = dir.path().join("pages");
    let (ok, v, _) = tierwatch(&db, &["fetch", "--year", "2018", "--base-url", &base, "--out", out.to_str().unwrap(), "--ingest", "--delay-ms", "0", "--retries", "1", "--json"]);
    assert!(!ok, "failures make the exit code non-zero");
    assert_eq!((v["fetch"]["downloaded"].as_u64(), v["fetch"]["failed"].as_u64()), (Some(3), Some(2)), "{v}");
    let pages = v["fetch"]["pages"].to_string();
    assert!(pages.contains("gone/: HTTP 404"), "{pages}");
    assert!(pages.contains("loop/: redirect loop"), "{pages}");
    assert_eq!(v["ingest"]["documents_inserted"], 2);
    let files = v["ingest"]["files"].as_array().unwrap();
    let about = files.iter().find(|f| f["path"].as_str().unwrap().ends_with("about.html")).unwrap();
    assert_eq!(about["status"], "failed");
    assert!(about["error"].as_str().unwrap().contains("about.html") && about["error"].as_str().unwrap().contains("no narrative"), "{about}");
}
