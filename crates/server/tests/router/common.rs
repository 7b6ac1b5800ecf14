//! A store with the real corpus (../shared/corpus) ingested once per test binary, and
//! helpers to send requests to the router without sockets.

use axum::body::Body;
use axum::http::{Request, Response};
use http_body_util::BodyExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tierwatch_server::{router, AppState, Config};
use tower::ServiceExt;

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

/// Ingest `paths` into a new store (with its search index) in `dir`.
pub fn build_store(dir: &Path, paths: &[PathBuf]) -> PathBuf {
    let db = dir.join("tierwatch.sqlite");
    let mut store = tierwatch_store::Store::open(&db).unwrap();
    let mut index = tierwatch_search::SearchIndex::open(&tierwatch_search::index_dir_for(&db)).unwrap();
    let opts = tierwatch_app::IngestOptions::default();
    let summary = tierwatch_app::ingest_paths_indexed(&mut store, Some(&mut index), paths, &opts, &tierwatch_app::Pipeline::standard(), &mut |_| {}).unwrap();
    assert_eq!(summary.files_failed, 0, "ingest failed: {summary:?}");
    db
}

/// The corpus store, built once.
pub fn corpus_db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = build_store(dir.path(), &[corpus()]);
        (dir, db)
    })
    .1
}

pub fn app(db: &Path, map: Option<PathBuf>) -> axum::Router {
    router(AppState::new(&Config { map_data: map, ..Config::new(db.to_path_buf().into()) }).unwrap())
}

pub async fn send(app: &axum::Router, req: Request<Body>) -> (u16, Response<Body>) {
    let resp = app.clone().oneshot(req).await.unwrap();
    (resp.status().as_u16(), resp)
}

pub async fn body(resp: Response<Body>) -> String {
    String::from_utf8(resp.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}

/// GET `uri`: (status, body).
pub async fn get(app: &axum::Router, uri: &str) -> (u16, String) {
    let (status, resp) = send(app, Request::get(uri).body(Body::empty()).unwrap()).await;
    (status, body(resp).await)
}

pub async fn get_json(app: &axum::Router, uri: &str) -> (u16, serde_json::Value) {
    let (status, b) = get(app, uri).await;
    (status, serde_json::from_str(&b).unwrap_or_else(|e| panic!("{uri}: not JSON ({e}): {b}")))
}
