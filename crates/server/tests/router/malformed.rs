//! Malformed requests over every route (issue 13): bad methods, bad path segments,
//! percent-encoding garbage, bad paging, years, countries, overrides and search syntax, huge
//! query strings, bad JSON and form bodies, bad CSRF tokens and cookies — generated, not
//! listed, over the router on the corpus store. None may answer 5xx; every answer carries the
//! security headers, and every 4xx but HEAD's says what was wrong in its body.

use crate::common::{app, corpus_db, send};
use axum::body::Body;
use axum::http::{header, Method, Request};
use std::sync::Arc;

/// Every route with a valid value for each parameter (`{c}` country, `{y}` year, `{y2}`
/// second year, `{w}` export table).
const ROUTES: &[&str] = &[
    "/",
    "/openapi.json",
    "/static/app.js",
    "/country/{c}",
    "/country/{c}/{y}",
    "/country/{c}/{y}/worksheet",
    "/search",
    "/diff",
    "/export",
    "/api/countries",
    "/api/documents",
    "/api/documents/{c}/{y}",
    "/api/documents/{c}/{y}/sections",
    "/api/documents/{c}/{y}/facts",
    "/api/assessments/{c}/{y}",
    "/api/history/{c}",
    "/api/tiers",
    "/api/search",
    "/api/diff/{c}/{y}/{y2}",
    "/api/export/{w}",
    "/api/worksheets/{c}/{y}",
    "/country/{c}/{y}/worksheet/{i}/submit",
    "/country/{c}/{y}/worksheet/{i}/approve",
    "/country/{c}/{y}/worksheet/{i}/return",
    "/login",
    "/logout",
    "/admin",
    "/admin/users",
    "/admin/users/{u}/disable",
];

const PARAMS: &[(&str, &str)] = &[("{c}", "MEX"), ("{y}", "2018"), ("{y2}", "2007"), ("{w}", "tiers"), ("{i}", "1"), ("{u}", "ana")];

/// Path segments that are wrong in some way (already percent-encoded where needed).
const BAD_SEGMENTS: &[&str] = &[
    "", "%", "%z", "%zz", "%00", "%FF%FE", "%C0%AF", "%E2%80%AE", "..", "..%2F..%2Fetc%2Fpasswd", "%2F", "-1", "0", "99999",
    "65536", "18446744073709551616", "2018.5", "1e3", "abc", "Atlantis", "%20", "MEX%00", "%3Cscript%3E", "'%20OR%201%3D1--",
    "NaN", "null", "mexico%2C%20", "%F0%9F%92%A9",
];

/// Query strings that are wrong in some way, for every route (most routes ignore most keys).
fn bad_queries() -> Vec<String> {
    let mut q: Vec<String> = [
        "limit=-1", "limit=abc", "limit=", "limit=99999999999999999999999", "limit=1.5", "offset=abc", "offset=-5",
        "offset=18446744073709551615", "offset=18446744073709551615&limit=500", "limit=500&offset=999999999", "offset=%", "year=abc",
        "year=99999", "year=0", "year=1900", "year=-2018", "year=%FF", "country=Atlantis", "country=", "country=%00", "region=Narnia",
        "tier=tier9", "section=nowhere", "kind=nonsense", "kind=", "format=xml", "format=", "mode=BLIND", "mode=", "set=", "set==",
        "set=significant_efforts", "set=significant_efforts%3Dmaybe", "set=no_such%3Dtrue", "set=convictions%3D-4", "set=convictions%3D1e99",
        "set=watch_list_basis%3Dnonsense", "set=%3D%3D%3D", "highlight=abc", "highlight=5-2", "highlight=99999999999999999999-1",
        "from=abc&to=2018&country=MEX", "country=MEX&from=2018&to=99999", "country=Atlantis&from=2007&to=2018", "q=%22unterminated",
        "q=(", "q=)", "q=AND", "q=OR%20OR", "q=NOT", "q=*", "q=-", "q=%2B", "q=title%3Ax", "q=a~", "q=%5E2", "q=%22a%22*%20%2A",
        "q=[a%20TO%20b]", "q=%7B", "q=a%20AND%20(b", "q=%00", "q=victims&limit=-1", "q=victims&offset=abc", "q=victims&year=abc",
        "q=victims&tier=tier9", "q=victims&section=x", "q=victims&region=Narnia", "q=victims&country=Atlantis",
        "q=victims&limit=1000&offset=1000", "q=victims&offset=18446744073709551615", "%", "%zz", "=", "&&&", "a==b", "%FF=%FE", "limit=1&limit=2", "year=2018&year=2007",
        "f.significant_efforts=maybe", "f.convictions=-1", "f.nonsense=true", "extra=%0A%0Anot_a_setting", "saved=abc",
        "saved=-1", "q=",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Long queries under the URI limit, and over it (414).
    q.push(format!("q={}", "victims%20".repeat(700)));
    q.push(format!("q={}", "a".repeat(7000)));
    q.push(format!("q={}", "(".repeat(3000)));
    q.push(format!("q={}", "%22".repeat(2500)));
    q.push(format!("set={}", "significant_efforts%3Dtrue&set=".repeat(200)));
    q.push(format!("q={}", "x".repeat(20_000)));
    q.push(format!("limit={}", "9".repeat(9000)));
    q
}

fn fill(route: &str) -> String {
    PARAMS.iter().fold(route.to_string(), |r, (k, v)| r.replace(k, v))
}

/// One request to send: method, URI, headers, body.
struct Case {
    method: Method,
    uri: String,
    headers: Vec<(header::HeaderName, String)>,
    body: Vec<u8>,
}

impl Case {
    fn get(uri: String) -> Case {
        Case { method: Method::GET, uri, headers: vec![], body: vec![] }
    }

    fn request(&self) -> Option<Request<Body>> {
        let mut r = Request::builder().method(self.method.clone()).uri(&self.uri);
        for (k, v) in &self.headers {
            r = r.header(k, v);
        }
        r.body(Body::from(self.body.clone())).ok()
    }

    fn label(&self) -> String {
        let uri: String = self.uri.chars().take(120).collect();
        format!("{} {uri} (body {} bytes, headers {:?})", self.method, self.body.len(), self.headers.iter().map(|(k, v)| format!("{k}: {v:.40}")).collect::<Vec<_>>())
    }
}

fn form(uri: &str, body: &str, cookie: Option<&str>, content_type: Option<&str>) -> Case {
    let mut headers = vec![];
    if let Some(t) = content_type {
        headers.push((header::CONTENT_TYPE, t.to_string()));
    }
    if let Some(c) = cookie {
        headers.push((header::COOKIE, c.to_string()));
    }
    Case { method: Method::POST, uri: uri.to_string(), headers, body: body.as_bytes().to_vec() }
}

/// Every case: the generated set.
fn cases(token: &str) -> Vec<Case> {
    let mut out = Vec::new();
    // Bad path segments, one parameter at a time.
    for route in ROUTES {
        for (param, _) in PARAMS.iter().filter(|(p, _)| route.contains(p)) {
            for bad in BAD_SEGMENTS {
                out.push(Case::get(fill(&route.replace(param, bad))));
            }
        }
    }
    // Bad queries on every route.
    for route in ROUTES {
        for q in bad_queries() {
            out.push(Case::get(format!("{}?{q}", fill(route))));
        }
    }
    // Bad paths that match no route, or almost match one.
    for p in ["/country", "/country/", "/country/MEX/2018/worksheet/extra", "/api", "/api/", "/api/documents/MEX", "/api/diff/MEX/2007",
        "/api/export", "/static/", "/static/../Cargo.toml", "/static/app.js.map", "//", "/%2e%2e/%2e%2e/etc/passwd", "/api//countries",
        "/search/", "/index.php", "/country/MEX/2018/worksheet%00", "/api/documents/MEX/2018/facts/1"]
    {
        out.push(Case::get(p.to_string()));
    }
    // Every method on every route.
    for route in ROUTES {
        for m in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FOO"] {
            let mut c = Case::get(fill(route));
            c.method = Method::from_bytes(m.as_bytes()).unwrap();
            out.push(c);
        }
    }
    // Bad JSON (and other) bodies where none belongs, and to the form endpoint.
    let bodies: [&[u8]; 6] = [b"{", b"{\"limit\": -1}", b"[1,2,", b"\x00\xff\xfe", b"null", b"{\"csrf\": \"x\", \"analyst\": 1}"];
    for route in ["/api/countries", "/api/search?q=victims", "/api/documents/MEX/2018", "/country/MEX/2018/worksheet"] {
        for b in bodies {
            for m in [Method::GET, Method::POST] {
                out.push(Case { method: m, uri: route.to_string(), headers: vec![(header::CONTENT_TYPE, "application/json".into())], body: b.to_vec() });
            }
        }
    }
    // Worksheet saves: bad forms, bad content types, bad and missing CSRF tokens and cookies.
    let good_cookie = format!("tw_csrf={token}");
    let bad_session = format!("{good_cookie}; tw_session={}", "f".repeat(64));
    let cookies = [
        None,
        Some(good_cookie.as_str()),
        Some("tw_csrf=zz"),
        Some("tw_csrf="),
        Some("tw_csrf=0123456789abcdef0123456789abcdeg"),
        Some(";;;=;"),
        Some(bad_session.as_str()),
        Some("tw_session=%00; tw_session="),
    ];
    let form_bodies = [
        String::new(),
        "csrf=".to_string(),
        format!("csrf={token}"),
        format!("csrf={token}&analyst="),
        format!("csrf={token}&analyst=A&extra=nonsense"),
        format!("csrf={token}&analyst=A&extra=significant_efforts%3Dmaybe"),
        format!("csrf={token}&analyst=A&f.convictions=-3"),
        format!("csrf={token}&analyst=A&f.no_such=true"),
        format!("csrf={token}&analyst=%FF%FE"),
        format!("csrf={token}&analyst=A&note=%"),
        format!("csrf={token}%00&analyst=A"),
        format!("csrf={}&analyst=A", "0".repeat(32)),
        format!("csrf={token}&csrf={}&analyst=A", "0".repeat(32)),
        format!("csrf={token}&analyst={}", "A".repeat(70_000)),
        "%%%".to_string(),
        "a=b=c&&==".to_string(),
        "\u{0}\u{1}\u{2}".to_string(),
    ];
    for uri in [
        "/country/MEX/2018/worksheet",
        "/country/Atlantis/2018/worksheet",
        "/country/MEX/1900/worksheet",
        "/country/MEX/abc/worksheet",
        "/country/MEX/2018/worksheet/1/approve",
        "/country/MEX/2018/worksheet/99999999999999999999/submit",
        "/login",
        "/logout",
        "/admin/users",
        "/admin/users/%FF/disable",
    ] {
        for cookie in cookies {
            for b in &form_bodies {
                out.push(form(uri, b, cookie, Some("application/x-www-form-urlencoded")));
            }
        }
        for ct in [None, Some("text/plain"), Some("multipart/form-data"), Some("application/x-www-form-urlencoded; charset=nonsense"), Some("\u{7f}")] {
            out.push(form(uri, &format!("csrf={token}&analyst=A&extra=significant_efforts%3Dmaybe"), Some(&good_cookie), ct));
        }
    }
    // Headers: huge and broken cookies, odd Accept and Host values, on a few routes.
    for route in ["/", "/country/MEX/2018/worksheet", "/api/search?q=victims", "/api/tiers?year=2018"] {
        for (k, v) in [
            (header::COOKIE, format!("tw_csrf={}", "a".repeat(30_000))),
            (header::COOKIE, "tw_csrf".to_string()),
            (header::ACCEPT, "application/json;q=nonsense".to_string()),
            (header::CONTENT_LENGTH, "5".to_string()),
            (header::RANGE, "bytes=99999999-".to_string()),
            (header::IF_MODIFIED_SINCE, "yesterday".to_string()),
        ] {
            let mut c = Case::get(route.to_string());
            c.headers.push((k, v));
            out.push(c);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn no_malformed_request_gets_a_5xx() {
    let app = app(corpus_db(), None);
    let (_, resp) = send(&app, Request::get("/country/MEX/2018/worksheet").body(Body::empty()).unwrap()).await;
    let token = resp.headers()[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().split('=').nth(1).unwrap().to_string();
    let cases = cases(&token);
    let requests: Vec<(String, Request<Body>, Method)> = cases.iter().filter_map(|c| c.request().map(|r| (c.label(), r, c.method.clone()))).collect();
    assert!(requests.len() >= 1000, "only {} requests could be built", requests.len());
    let app = Arc::new(app);
    let mut problems = Vec::new();
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    let mut it = requests.into_iter();
    loop {
        let chunk: Vec<_> = it.by_ref().take(16).collect();
        if chunk.is_empty() {
            break;
        }
        let mut set = tokio::task::JoinSet::new();
        for (label, req, method) in chunk {
            let app = app.clone();
            set.spawn(async move {
                let (status, resp) = send(&app, req).await;
                let headers = resp.headers().clone();
                let text = String::from_utf8_lossy(&http_body_util::BodyExt::collect(resp.into_body()).await.map(|b| b.to_bytes().to_vec()).unwrap_or_default()).into_owned();
                (label, method, status, headers, text)
            });
        }
        while let Some(done) = set.join_next().await {
            let (label, method, status, headers, text) = done.expect("a request task panicked");
            *statuses.entry(status).or_default() += 1;
            if status >= 500 {
                problems.push(format!("{status} for {label}: {text:.200}"));
            }
            for (name, value) in tierwatch_server::security::headers() {
                if headers.get(&name) != Some(&value) {
                    problems.push(format!("{label}: header {name} missing or changed"));
                }
            }
            if (400..500).contains(&status) && method != Method::HEAD && text.trim().is_empty() {
                problems.push(format!("{status} without a message for {label}"));
            }
        }
    }
    let total: usize = statuses.values().sum();
    println!("malformed requests sent: {total}; answers by status: {statuses:?}");
    assert!(problems.is_empty(), "{} of {total} requests answered badly:\n{}", problems.len(), problems.join("\n"));
    assert!(statuses.keys().any(|s| (400..500).contains(s)), "malformed requests should mostly be refused");
}
