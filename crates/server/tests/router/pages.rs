//! The pages: map (with a fixture map file and without one), country and narrative pages,
//! highlighting, HTML escaping of narrative text, the worksheet's CSRF check, body limits.

use crate::common::{app, body, build_store, corpus_db, get, get_json, send};
use axum::body::Body;
use axum::http::{header, Request};

#[tokio::test]
async fn map_colours_countries_and_says_so_in_text() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("world.json");
    std::fs::write(
        &map,
        r#"{"width":960,"height":500,"countries":[{"numeric":"484","iso3":"MEX","name":"Mexico","d":"M1,1L2,2Z"},{"numeric":"010","iso3":"ATA","name":"Antarctica","d":"M3,3Z"}]}"#,
    )
    .unwrap();
    let app = app(corpus_db(), Some(map));
    let (status, html) = get(&app, "/?year=2018").await;
    assert_eq!(status, 200);
    assert!(html.contains(r##"<a href="/country/MEX/2018"><path d="M1,1L2,2Z" fill="#56B4E9" data-iso3="MEX"><title>Mexico: Tier 2 (narrative stored)</title>"##), "{html:.3000}");
    assert!(html.contains("Antarctica: not in the TIP Report"));
    assert!(html.contains(r#"<table id="tier-table">"#) && html.contains("Tier 2 Watch List ("));
    let (_, y2010) = get(&app, "/?year=2010").await;
    assert!(y2010.contains("tiers, 2010") && y2010.contains(r#"<option value="2010" selected>"#));
    let (status, _) = get(&app, "/?year=1900").await;
    assert_eq!(status, 404);
    let no_map = crate::common::app(corpus_db(), Some(dir.path().join("missing.json")));
    let (status, html) = get(&no_map, "/").await;
    assert_eq!(status, 200);
    assert!(html.contains("map data not installed") && html.contains("tier-table"));
}

#[tokio::test]
async fn mexico_pages_show_years_facts_and_the_explained_assessment() {
    let app = app(corpus_db(), None);
    let (_, country) = get(&app, "/country/mexico").await;
    assert!(country.contains(r#"href="/country/MEX/2007""#) && country.contains(r#"href="/country/MEX/2018""#));
    assert!(country.contains("<svg class=\"timeline\""));
    let (_, facts) = get_json(&app, "/api/documents/MEX/2007/facts?limit=1&offset=3").await;
    let f = &facts["items"][0];
    let (status, html) = get(&app, f["link"].as_str().unwrap().split('#').next().unwrap()).await;
    assert_eq!(status, 200);
    let quote = maud::html! { (f["quote"].as_str().unwrap()) }.into_string();
    assert!(html.contains(&format!(r#"<mark id="hl">{quote}</mark>"#)), "sentence highlighted");
    assert!(html.contains("Watch-list counter: year ") && html.contains("Automatic downgrade:"));
    assert!(html.contains("class=\"reasons\"") && html.contains("U.S.C."), "reasons with cited law");
    let (status, _) = get(&app, "/country/MEX/2007?highlight=999999999-1000000000").await;
    assert_eq!(status, 200, "an out-of-range highlight is ignored");
}

#[tokio::test]
async fn narrative_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let chapters = dir.path().join("in/tip-2019");
    std::fs::create_dir_all(&chapters).unwrap();
    std::fs::write(
        chapters.join("zambia.txt"),
        "ZAMBIA: TIER 2\n\nThe Government of Zambia does not fully meet the minimum standards for the elimination of trafficking; \
         however, it is making significant efforts to do so. Officials wrote <script>alert('owned')</script> and <img src=x onerror=alert(1)> in a report.\n\n\
         PROSECUTION\n\nThe government convicted 3 traffickers in 2018 and investigated 12 cases.\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("store")).unwrap();
    let db = build_store(&dir.path().join("store"), &[dir.path().join("in")]);
    let app = app(&db, None);
    let (status, html) = get(&app, "/country/ZMB/2019").await;
    assert_eq!(status, 200, "{html:.500}");
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert('owned')&lt;/script&gt;") || html.contains("&lt;script&gt;alert(&#39;owned&#39;)"), "shown as text");
    let (_, results) = get(&app, "/search?q=officials").await;
    assert!(!results.contains("<script>alert") && results.contains("&lt;script&gt;"));
}

fn form_post(uri: &str, body: String, cookie: Option<&str>) -> Request<Body> {
    let mut r = Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        r = r.header(header::COOKIE, c);
    }
    r.body(Body::from(body)).unwrap()
}

#[tokio::test]
async fn worksheet_what_if_and_csrf_checked_save() {
    let app = app(corpus_db(), None);
    let (status, resp) = send(&app, Request::get("/country/MEX/2018/worksheet?f.significant_efforts=false").body(Body::empty()).unwrap()).await;
    assert_eq!(status, 200);
    let cookie = resp.headers()[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_string();
    assert!(resp.headers()[header::SET_COOKIE].to_str().unwrap().contains("HttpOnly; SameSite=Strict"));
    let html = body(resp).await;
    assert!(html.contains("Original (as the narrative states)") && html.contains("With your overrides"));
    assert!(html.contains(r#"data-outcome="tier2""#) && html.contains(r#"data-outcome="tier3""#), "both tiers side by side");
    let token = cookie.split('=').nth(1).unwrap().to_string();
    assert!(html.contains(&format!(r#"name="csrf" value="{token}""#)));

    let form = |t: &str| format!("csrf={t}&extra=significant_efforts%3Dfalse&analyst=Ana+Analyst&note=%3Cb%3Ehi%3C%2Fb%3E");
    let (status, _) = send(&app, form_post("/country/MEX/2018/worksheet", form(&token), None)).await;
    assert_eq!(status, 403, "no cookie");
    let (status, resp) = send(&app, form_post("/country/MEX/2018/worksheet", form(&"0".repeat(32)), Some(&cookie))).await;
    assert_eq!(status, 403, "token does not match the cookie");
    assert!(body(resp).await.contains("csrf"));
    let (status, resp) = send(&app, form_post("/country/MEX/2018/worksheet", form(&token), Some(&cookie))).await;
    assert_eq!(status, 303);
    let location = resp.headers()[header::LOCATION].to_str().unwrap().to_string();
    assert!(location.starts_with("/country/MEX/2018/worksheet?saved="), "{location}");
    let (_, page) = get(&app, &location).await;
    assert!(page.contains("Ana Analyst") && page.contains("&lt;b&gt;hi&lt;/b&gt;") && page.contains("tier2 → tier3"));
    let (_, saved) = get_json(&app, "/api/worksheets/MEX/2018").await;
    let w = saved["items"].as_array().unwrap().iter().find(|w| w["analyst"] == "Ana Analyst").unwrap().clone();
    assert!(w["saved_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(w["overrides"][0]["finding"], "significant_efforts");
    let (status, resp) = send(&app, form_post("/country/MEX/2018/worksheet", format!("csrf={token}&extra=significant_efforts%3Dfalse&analyst=+"), Some(&cookie))).await;
    assert_eq!(status, 400, "a name is required");
    assert!(body(resp).await.contains("bad_request"));
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let app = app(corpus_db(), None);
    let big = format!("csrf=x&note={}", "a".repeat(tierwatch_server::MAX_BODY_BYTES + 10));
    let req = Request::post("/country/MEX/2018/worksheet")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big))
        .unwrap();
    let (status, resp) = send(&app, req).await;
    assert_eq!(status, 413);
    assert!(body(resp).await.contains("payload_too_large"));
}

#[tokio::test]
async fn other_pages_render() {
    let app = app(corpus_db(), None);
    for (uri, needle) in [
        ("/search?q=brick+kilns", "paragraph(s) match"),
        ("/search", "Search the narratives"),
        ("/search?q=victims&year=", "paragraph(s) match"),
        ("/diff?country=MEX&from=2007&to=2018", "tier-change"),
        ("/diff", "Compare two report years"),
        ("/export", "/api/export/facts?format=parquet"),
    ] {
        let (status, html) = get(&app, uri).await;
        assert_eq!(status, 200, "{uri}");
        assert!(html.contains(needle), "{uri}: {needle}");
    }
    let (status, html) = get(&app, "/country/Atlantis").await;
    assert_eq!(status, 404);
    assert!(html.contains("unknown_country") && html.starts_with("<!DOCTYPE html>"));
    let (status, _) = get(&app, "/no/such/page").await;
    assert_eq!(status, 404);
}
