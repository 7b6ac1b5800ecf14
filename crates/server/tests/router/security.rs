//! Security headers on pages, API answers, errors and the script; pages with no inline script
//! and no event-handler attributes (the policy would block them), and the script they load.

use crate::common::{app, corpus_db, get, send};
use axum::body::Body;
use axum::http::{header, Request};

/// Every `<script` tag has a `src`, and no tag has an `on…=` attribute.
fn inline_script_in(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    for (i, _) in lower.match_indices("<script") {
        let tag = &lower[i..lower[i..].find('>').map_or(lower.len(), |e| i + e)];
        if !tag.contains(" src=") {
            return Some(tag.to_string());
        }
    }
    let mut rest = lower.as_str();
    while let Some(i) = rest.find(" on") {
        let after = &rest[i + 3..];
        let name: String = after.chars().take_while(|c| c.is_ascii_lowercase()).collect();
        // Inside a tag (the attribute is followed by `=`), not prose such as " on trafficking".
        if !name.is_empty() && after[name.len()..].starts_with('=') {
            return Some(format!("on{name}="));
        }
        rest = after;
    }
    None
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = app(corpus_db(), None);
    for uri in ["/", "/country/MEX/2018", "/api/tiers", "/api/nothing", "/no/page", "/static/app.js", "/api/countries?limit=abc"] {
        let (_, resp) = send(&app, Request::get(uri).body(Body::empty()).unwrap()).await;
        for (name, value) in tierwatch_server::security::headers() {
            assert_eq!(resp.headers().get(&name), Some(&value), "{uri}: {name}");
        }
    }
    let csp = tierwatch_server::security::CSP;
    let script_src = csp.split(';').map(str::trim).find(|d| d.starts_with("script-src")).unwrap();
    assert_eq!(script_src, "script-src 'self'", "no inline script allowed");
    assert!(csp.contains("frame-ancestors 'none'"));
}

#[tokio::test]
async fn pages_have_no_inline_script_and_load_the_static_one() {
    let app = app(corpus_db(), None);
    for uri in ["/?year=2018", "/country/MEX", "/country/MEX/2007?highlight=0-10", "/country/MEX/2018/worksheet", "/search?q=victims", "/diff?country=MEX&from=2007&to=2018", "/export", "/no/page"] {
        let (_, html) = get(&app, uri).await;
        assert_eq!(inline_script_in(&html), None, "{uri} has inline script");
        assert!(html.contains(r#"<script src="/static/app.js" defer></script>"#), "{uri} loads the app script");
    }
    let (_, map) = get(&app, "/?year=2018").await;
    assert!(map.contains(r#"<select id="year" name="year" data-autosubmit>"#), "the year select is wired by the script");
    let (status, resp) = send(&app, Request::get("/static/app.js").body(Body::empty()).unwrap()).await;
    assert_eq!(status, 200);
    assert!(resp.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/javascript"));
    let js = crate::common::body(resp).await;
    assert!(js.contains("data-autosubmit") && js.contains("submit()"));
    assert_eq!(inline_script_in("<p>Officials act on reports</p><script>x()</script>").as_deref(), Some("<script"));
    assert_eq!(inline_script_in(r#"<select onchange="go()">"#).as_deref(), Some("onchange="));
}
