//! The JSON API: every endpoint in /openapi.json answers, paging, errors, overrides, search.

use crate::common::{app, corpus_db, get, get_json};
use serde_json::Value;

#[tokio::test]
async fn openapi_lists_every_endpoint_and_each_answers() {
    let app = app(corpus_db(), None);
    let (status, doc) = get_json(&app, "/openapi.json").await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 12, "{:?}", paths.keys());
    for (path, item) in paths {
        assert!(item.get("get").is_some(), "{path} has a GET operation");
        let uri = path
            .replace("{country}", "MEX")
            .replace("{year}", "2007")
            .replace("{from}", "2007")
            .replace("{to}", "2018")
            .replace("{what}", "tiers");
        let uri = if path == "/api/search" { format!("{uri}?q=victims") } else { uri };
        let (status, body) = get(&app, &uri).await;
        assert_eq!(status, 200, "{uri}: {body:.300}");
    }
}

#[tokio::test]
async fn countries_are_paged_with_totals() {
    let app = app(corpus_db(), None);
    let (_, all) = get_json(&app, "/api/countries?limit=500").await;
    let total = all["total"].as_u64().unwrap();
    assert_eq!(all["items"].as_array().unwrap().len() as u64, total);
    let (_, page) = get_json(&app, "/api/countries?limit=2&offset=1").await;
    assert_eq!((page["total"].as_u64(), page["limit"].as_u64(), page["offset"].as_u64()), (Some(total), Some(2), Some(1)));
    assert_eq!(page["items"][0], all["items"][1]);
    let mex = all["items"].as_array().unwrap().iter().find(|c| c["iso3"] == "MEX").unwrap();
    let years: Vec<u64> = mex["narratives"].as_array().unwrap().iter().map(|y| y.as_u64().unwrap()).collect();
    assert!(years.contains(&2007) && years.contains(&2018), "{years:?}");
}

#[tokio::test]
async fn facts_carry_provenance_that_matches_the_text() {
    let app = app(corpus_db(), None);
    let (_, doc) = get_json(&app, "/api/documents/mexico/2007").await;
    let text = doc["text"].as_str().unwrap();
    let (status, facts) = get_json(&app, "/api/documents/MEX/2007/facts?limit=500").await;
    assert_eq!(status, 200);
    let items = facts["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for f in items {
        let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[s..e], f["quote"].as_str().unwrap());
        assert_eq!(f["link"].as_str().unwrap(), format!("/country/MEX/2007?highlight={s}-{e}#hl"));
    }
    let (_, conv) = get_json(&app, "/api/documents/MEX/2007/facts?kind=convictions").await;
    assert!(conv["items"].as_array().unwrap().iter().all(|f| f["kind"] == "convictions"));
    let (status, bad) = get_json(&app, "/api/documents/MEX/2007/facts?kind=nonsense").await;
    assert_eq!((status, bad["code"].as_str()), (400, Some("bad_request")));
}

#[tokio::test]
async fn overrides_reassess_beside_the_original() {
    let app = app(corpus_db(), None);
    let (_, plain) = get_json(&app, "/api/assessments/MEX/2018").await;
    assert!(plain["original"].is_null());
    assert!(!plain["assessment"]["reasons"].as_array().unwrap().is_empty());
    let (status, what_if) = get_json(&app, "/api/assessments/MEX/2018?set=significant_efforts%3Dfalse").await;
    assert_eq!(status, 200);
    assert_eq!(what_if["original"]["outcome"], plain["assessment"]["outcome"]);
    assert_ne!(what_if["assessment"]["outcome"], what_if["original"]["outcome"]);
    let (status, bad) = get_json(&app, "/api/assessments/MEX/2018?set=no_such_finding%3Dtrue").await;
    assert_eq!((status, bad["code"].as_str()), (400, Some("bad_request")));
}

#[tokio::test]
async fn errors_are_stable_codes_without_internals() {
    let app = app(corpus_db(), None);
    for (uri, status, code) in [
        ("/api/documents/Atlantis/2007", 404, "unknown_country"),
        ("/api/documents/MEX/1999", 404, "not_found"),
        ("/api/documents/MEX/notayear", 400, "bad_request"),
        ("/api/nothing/here", 404, "not_found"),
        ("/api/search?q=", 400, "bad_request"),
        ("/api/export/everything", 400, "bad_request"),
        ("/api/countries?limit=-1", 400, "bad_request"),
    ] {
        let (s, v) = get_json(&app, uri).await;
        assert_eq!((s, v["code"].as_str()), (status, Some(code)), "{uri}: {v}");
        let m = v["message"].as_str().unwrap();
        assert!(!m.contains("sqlite") && !m.contains("/tmp"), "{uri}: {m}");
    }
}

#[tokio::test]
async fn search_pages_and_facets_add_up() {
    let app = app(corpus_db(), None);
    let (status, r) = get_json(&app, "/api/search?q=forced%20labor&limit=5").await;
    assert_eq!(status, 200);
    let total = r["total"].as_u64().unwrap();
    assert!(total > 5);
    let years: u64 = r["facets"]["year"].as_array().unwrap().iter().map(|f| f["count"].as_u64().unwrap()).sum();
    assert_eq!(years, total);
    let (_, next) = get_json(&app, "/api/search?q=forced%20labor&limit=5&offset=5").await;
    assert_eq!(next["offset"], 5);
    let first: Vec<&Value> = r["hits"].as_array().unwrap().iter().collect();
    assert!(next["hits"].as_array().unwrap().iter().all(|h| !first.contains(&h)));
    let (_, only) = get_json(&app, "/api/search?q=forced%20labor&country=mexico&year=2018").await;
    assert!(only["hits"].as_array().unwrap().iter().all(|h| h["iso3"] == "MEX" && h["report_year"] == 2018));
}

#[tokio::test]
async fn diff_history_tiers_and_exports() {
    let app = app(corpus_db(), None);
    let (_, d) = get_json(&app, "/api/diff/MEX/2007/2018").await;
    assert_eq!((d["from_year"].as_u64(), d["to_year"].as_u64()), (Some(2007), Some(2018)));
    let (_, h) = get_json(&app, "/api/history/MEX").await;
    assert!(h["years"].as_array().unwrap().iter().any(|y| y["report_year"] == 2007 && y["tier"] == "tier2_watch_list"));
    let (_, t) = get_json(&app, "/api/tiers?year=2018").await;
    let mex = t["countries"].as_array().unwrap().iter().find(|c| c["iso3"] == "MEX").unwrap().clone();
    assert_eq!((mex["tier"].as_str(), mex["narrative"].as_bool()), (Some("tier2"), Some(true)));
    let (status, csv) = get(&app, "/api/export/tiers?format=csv").await;
    assert_eq!(status, 200);
    assert!(csv.starts_with("iso3,") || csv.lines().next().unwrap().contains("iso3"), "{:.200}", csv);
    let (_, cb) = get(&app, "/api/export/facts?format=codebook").await;
    assert!(cb.contains("quote"));
}
