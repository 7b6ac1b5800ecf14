//! Team mode through the real binary, on SQLite and on PostgreSQL (`TIERWATCH_TEST_PG`;
//! without a reachable server the PostgreSQL cases fail and say how to start one):
//!
//! - the acceptance scenario of issue 14: an analyst logs in, drafts and submits Mexico 2018;
//!   reviewer A returns it with a comment; the analyst revises and resubmits; reviewer B
//!   approves; the country page shows the approved assessment; `tierwatch audit --country MEX`
//!   shows every step with names and times; `tierwatch worksheets` lists the state; a row of
//!   the audit table edited with raw SQL makes `tierwatch audit verify` fail naming the row.
//! - two `serve` processes on one PostgreSQL database: a worksheet saved through one is read
//!   through the other, and a narrative ingested meanwhile is found by both servers' search.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

const PASSWORD: &str = "correct horse battery";

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

/// The binary on `db`, run in `cwd` (where a PostgreSQL store's search index lives).
fn tierwatch(db: &str, cwd: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tierwatch"))
        .arg("--db")
        .arg(db)
        .args(args)
        .current_dir(cwd)
        .env("USER", "ops")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "exit {:?}: {}{}", out.status, String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `tierwatch serve` on a free loopback port, run in `cwd` (where a PostgreSQL store's
/// search index lives).
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(db: &str, cwd: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tierwatch"))
            .arg("--db")
            .arg(db)
            .args(["serve", "--addr", "127.0.0.1:0", "--map-data", "/nonexistent/world.json"])
            .current_dir(cwd)
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(cwd.join("serve.log")).unwrap())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let addr = line.trim().trim_start_matches("tierwatch serve: listening on http://").trim_end_matches('/').parse().unwrap_or_else(|e| panic!("{line:?}: {e}"));
        Server { child, addr }
    }

    /// One HTTP/1.1 exchange: (status, headers and body as text).
    fn http(&self, method: &str, path: &str, cookie: &str, body: &str) -> (u16, String) {
        let mut s = TcpStream::connect(self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
        let cookie = if cookie.is_empty() { String::new() } else { format!("Cookie: {cookie}\r\n") };
        write!(
            s,
            "{method} {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n{cookie}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        let status = out.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or_else(|| panic!("{method} {path}: {out:.200}"));
        (status, out)
    }

    /// A CSRF cookie and its token (from the login page).
    fn csrf(&self) -> (String, String) {
        let (status, resp) = self.http("GET", "/login", "", "");
        assert_eq!(status, 200);
        let cookie = cookie_of(&resp, "tw_csrf");
        let token = cookie.split_once('=').unwrap().1.to_string();
        (cookie, token)
    }

    /// Log in: the Cookie header to send afterwards and the CSRF token for forms.
    fn login(&self, name: &str) -> (String, String) {
        let (csrf, token) = self.csrf();
        let (status, resp) = self.http("POST", "/login", &csrf, &format!("csrf={token}&name={name}&password={}&next=%2F", PASSWORD.replace(' ', "+")));
        assert_eq!(status, 303, "login {name}: {resp}");
        (format!("{csrf}; {}", cookie_of(&resp, "tw_session")), token)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `name=value` of a `Set-Cookie` header in a raw response.
fn cookie_of(resp: &str, name: &str) -> String {
    resp.lines()
        .filter_map(|l| l.strip_prefix("set-cookie: ").or_else(|| l.strip_prefix("Set-Cookie: ")))
        .find(|v| v.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} cookie in {resp:.400}"))
        .split(';')
        .next()
        .unwrap()
        .to_string()
}

fn location(resp: &str) -> String {
    resp.lines().find_map(|l| l.strip_prefix("location: ").or_else(|| l.strip_prefix("Location: "))).unwrap_or_else(|| panic!("no location in {resp:.400}")).trim().to_string()
}

/// Run raw SQL on the store behind tierwatch's back.
fn raw_sql(db: &str, sqlite: &str, postgres: &str) {
    if db.starts_with("postgres://") {
        postgres::Client::connect(db, postgres::NoTls).unwrap().batch_execute(postgres).unwrap();
    } else {
        rusqlite::Connection::open(db).unwrap().execute_batch(sqlite).unwrap();
    }
}

fn acceptance(db: &str, cwd: &Path) {
    ok(tierwatch(db, cwd, &["ingest", corpus().join("tip-2018/mexico.txt").to_str().unwrap()], ""));
    for (name, role) in [("ana", "analyst"), ("rita", "reviewer"), ("rex", "reviewer"), ("adam", "admin")] {
        ok(tierwatch(db, cwd, &["user", "add", name, "--role", role, "--password-stdin"], &format!("{PASSWORD}\n")));
    }
    let server = Server::start(db, cwd);
    let (status, resp) = server.http("GET", "/country/MEX", "", "");
    assert_eq!((status, location(&resp)), (303, "/login?next=%2Fcountry%2FMEX".to_string()), "reading needs a login");

    // The analyst drafts and submits.
    let (ana, ana_token) = server.login("ana");
    let (status, resp) = server.http(
        "POST",
        "/country/MEX/2018/worksheet",
        &ana,
        &format!("csrf={ana_token}&extra=significant_efforts%3Dfalse&proposed_tier=tier3&note=convictions+fell"),
    );
    assert_eq!(status, 303, "{resp}");
    let id: i64 = location(&resp).split("saved=").nth(1).unwrap().split('&').next().unwrap().parse().unwrap();
    let submit = format!("/country/MEX/2018/worksheet/{id}/submit");
    assert_eq!(server.http("POST", &submit, &ana, &format!("csrf={ana_token}")).0, 303);

    // Reviewer A returns it with a comment.
    let (rita, rita_token) = server.login("rita");
    let (status, resp) = server.http("POST", &format!("/country/MEX/2018/worksheet/{id}/return"), &rita, &format!("csrf={rita_token}&comment=cite+the+convictions"));
    assert_eq!(status, 303, "{resp}");

    // The analyst revises and resubmits.
    let (status, resp) = server.http(
        "POST",
        "/country/MEX/2018/worksheet",
        &ana,
        &format!("csrf={ana_token}&revise={id}&extra=significant_efforts%3Dfalse&proposed_tier=tier2_watch_list&note=revised"),
    );
    assert_eq!(status, 303, "{resp}");
    assert_eq!(server.http("POST", &submit, &ana, &format!("csrf={ana_token}")).0, 303);

    // Reviewer B approves (reviewer A could too: only the author may not).
    let (rex, rex_token) = server.login("rex");
    let (status, resp) = server.http("POST", &format!("/country/MEX/2018/worksheet/{id}/approve"), &rex, &format!("csrf={rex_token}&comment=agreed"));
    assert_eq!(status, 303, "{resp}");

    // The country page shows it beside the official tier, with who approved it and when.
    let (status, page) = server.http("GET", "/country/MEX", &ana, "");
    assert_eq!(status, 200);
    assert!(page.contains("Approved team assessments") && page.contains(r#"<td class="approved-by">rex</td>"#), "{page:.3000}");
    assert!(page.contains("Tier 2 Watch List"));
    let (_, narrative) = server.http("GET", "/country/MEX/2018", &ana, "");
    assert!(narrative.contains(r#"id="team-assessment""#) && narrative.contains("approved by"));

    // The CLI lists the worksheet's state and the audit trail with every step.
    let sheets: serde_json::Value = serde_json::from_str(&ok(tierwatch(db, cwd, &["worksheets", "MEX", "2018", "--json"], ""))).unwrap();
    assert_eq!((sheets[0]["id"].as_i64(), sheets[0]["state"].as_str(), sheets[0]["decided_by"].as_str()), (Some(id), Some("approved"), Some("rex")));
    let table = ok(tierwatch(db, cwd, &["worksheets", "mexico", "2018"], ""));
    assert!(table.contains("approved") && table.contains("rex"), "{table}");
    let trail: serde_json::Value = serde_json::from_str(&ok(tierwatch(db, cwd, &["audit", "--country", "MEX", "--json"], ""))).unwrap();
    let steps: Vec<(&str, &str, &str)> = trail
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["action"].as_str().unwrap(), e["actor"].as_str().unwrap(), e["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        steps,
        vec![
            ("document.ingest", "cli:ops", ""),
            ("worksheet.save", "ana", ""),
            ("worksheet.submit", "ana", ""),
            ("worksheet.return", "rita", "cite the convictions"),
            ("worksheet.revise", "ana", ""),
            ("worksheet.submit", "ana", ""),
            ("worksheet.approve", "rex", "agreed"),
        ]
    );
    for e in trail.as_array().unwrap() {
        let at = e["at"].as_str().unwrap();
        assert!(at.len() == 20 && at.ends_with('Z'), "a time on every entry: {e}");
    }
    let text = ok(tierwatch(db, cwd, &["audit", "--country", "MEX"], ""));
    for needle in ["worksheet.return", "rita", "cite the convictions", "submitted -> returned", "rex", "submitted -> approved"] {
        assert!(text.contains(needle), "{needle:?} in:\n{text}");
    }
    let users: serde_json::Value = serde_json::from_str(&ok(tierwatch(db, cwd, &["audit", "--json"], ""))).unwrap();
    assert_eq!(users.as_array().unwrap().iter().filter(|e| e["action"] == "user.add").count(), 4);
    assert!(ok(tierwatch(db, cwd, &["audit", "--since", "2000-01-01"], "")).contains("user.add"));
    let bad = tierwatch(db, cwd, &["audit", "--since", "last tuesday"], "");
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("YYYY-MM-DD"));

    // The chain verifies; a row edited with raw SQL makes it fail, naming the row.
    let verified = ok(tierwatch(db, cwd, &["audit", "verify"], ""));
    assert!(verified.contains("hash chain intact"), "{verified}");
    let approve_id = trail.as_array().unwrap().last().unwrap()["id"].as_i64().unwrap();
    let returned_id = approve_id - 3;
    raw_sql(
        db,
        &format!("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET reason = 'looks fine' WHERE id = {returned_id}"),
        &format!("DROP TRIGGER audit_log_no_change ON audit_log; UPDATE audit_log SET reason = 'looks fine' WHERE id = {returned_id}"),
    );
    let broken = tierwatch(db, cwd, &["audit", "verify"], "");
    assert_eq!(broken.status.code(), Some(1));
    let said = String::from_utf8_lossy(&broken.stdout);
    assert!(said.contains(&format!("audit row {returned_id} was edited")), "{said}");
    assert_eq!(said.lines().count(), 1, "only the edited row is named: {said}");
}

#[test]
fn acceptance_scenario_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    acceptance(dir.path().join("team.sqlite").to_str().unwrap(), dir.path());
}

/// A schema of its own in the `TIERWATCH_TEST_PG` database, dropped at the end.
struct PgSchema {
    base: String,
    schema: String,
    url: String,
}

impl PgSchema {
    fn new(name: &str) -> PgSchema {
        let base = std::env::var("TIERWATCH_TEST_PG").ok().filter(|v| !v.is_empty()).unwrap_or_else(|| {
            panic!("TIERWATCH_TEST_PG is not set: this case needs a PostgreSQL server (run `bash scripts/test.sh`, which starts one)")
        });
        let mut admin = postgres::Client::connect(&base, postgres::NoTls).unwrap_or_else(|e| panic!("cannot reach TIERWATCH_TEST_PG ({e}): run `bash scripts/test.sh`, which starts a server"));
        let schema = format!("tw_cli_{name}_{}", std::process::id());
        admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).unwrap();
        let sep = if base.contains('?') { '&' } else { '?' };
        let url = format!("{base}{sep}options=-c%20search_path%3D{schema}");
        PgSchema { base, schema, url }
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.base, postgres::NoTls) {
            let _ = admin.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.schema));
        }
    }
}

#[test]
fn acceptance_scenario_on_postgres() {
    let pg = PgSchema::new("accept");
    let dir = tempfile::tempdir().unwrap();
    acceptance(&pg.url, dir.path());
}

#[test]
fn two_servers_on_one_postgres_database_see_each_others_writes() {
    let pg = PgSchema::new("two");
    let db = pg.url.as_str();
    let cli_dir = tempfile::tempdir().unwrap();
    let cwd = cli_dir.path();
    ok(tierwatch(db, cwd, &["ingest", corpus().join("tip-2018/mexico.txt").to_str().unwrap()], ""));
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = (Server::start(db, dir_a.path()), Server::start(db, dir_b.path()));
    // Both have read (and cached) the store as it is.
    for s in [&a, &b] {
        assert_eq!(s.http("GET", "/country/MEX/2018", "", "").0, 200);
        assert_eq!(s.http("GET", "/country/PER/2018", "", "").0, 404);
        let (_, found) = s.http("GET", "/api/search?q=Peru&country=PER", "", "");
        assert!(found.contains(r#""total":0"#), "{found:.400}");
        let (_, sheets) = s.http("GET", "/api/worksheets/MEX/2018", "", "");
        assert!(sheets.contains(r#""total":0"#), "{sheets:.400}");
    }
    // A worksheet saved through A (no accounts: a typed name) is read through B.
    let (csrf, token) = a.csrf();
    let (status, resp) = a.http("POST", "/country/MEX/2018/worksheet", &csrf, &format!("csrf={token}&extra=significant_efforts%3Dfalse&analyst=Ana+on+A"));
    assert_eq!(status, 303, "{resp}");
    let (_, sheets) = b.http("GET", "/api/worksheets/MEX/2018", "", "");
    assert!(sheets.contains("Ana on A") && sheets.contains(r#""total":1"#), "{sheets:.400}");
    let (_, page) = b.http("GET", "/country/MEX/2018/worksheet", "", "");
    assert!(page.contains("Ana on A"));
    // A narrative ingested meanwhile: both servers' caches and search indexes catch up from the store.
    ok(tierwatch(db, cwd, &["ingest", corpus().join("tip-2018/peru.txt").to_str().unwrap()], ""));
    for (name, s) in [("A", &a), ("B", &b)] {
        assert_eq!(s.http("GET", "/country/PER/2018", "", "").0, 200, "server {name}");
        let (_, found) = s.http("GET", "/api/search?q=Peru&country=PER", "", "");
        assert!(!found.contains(r#""total":0"#) && found.contains("PER"), "server {name}: {found:.400}");
    }
    // Both servers' audit entries are in one chain.
    let check = ok(tierwatch(db, cwd, &["audit", "verify"], ""));
    assert!(check.contains("3 entries, hash chain intact"), "{check}");
}
