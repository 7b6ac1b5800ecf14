//! tierwatch-server: `tierwatch serve` — a JSON API (documented at `/openapi.json`) and a
//! server-rendered web app (map, country pages, assessment worksheet, diff, search, export).
//!
//! Architecture invariant: no SQL and no business rules here. Handlers call the app layer
//! (`tierwatch_app`) and render what it returns; the only thing this face adds is the time a
//! worksheet is saved. Narrative text is HTML-escaped everywhere (maud), state-changing forms
//! carry a CSRF token, request bodies are capped.

pub mod api;
pub mod cache;
pub mod clock;
pub mod csrf;
pub mod data;
pub mod error;
pub mod extract;
pub mod map;
pub mod openapi;
pub mod pages;
pub mod state;

pub use state::{AppState, Config};

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// Largest request body accepted (forms are small).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

async fn openapi_json() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], openapi::json())
}

async fn api_not_found() -> error::ApiError {
    error::ApiError::not_found("no such endpoint; see /openapi.json")
}

/// Map the body-limit layer's bare 413 to the `{code, message}` shape.
async fn body_limit_json(resp: axum::response::Response) -> axum::response::Response {
    if resp.status() == StatusCode::PAYLOAD_TOO_LARGE {
        let e = error::ApiError { status: StatusCode::PAYLOAD_TOO_LARGE, code: "payload_too_large", message: format!("request bodies are limited to {MAX_BODY_BYTES} bytes") };
        return e.into_response();
    }
    resp
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/countries", get(api::countries))
        .route("/documents", get(api::documents))
        .route("/documents/{country}/{year}", get(api::document))
        .route("/documents/{country}/{year}/sections", get(api::sections))
        .route("/documents/{country}/{year}/facts", get(api::facts))
        .route("/assessments/{country}/{year}", get(api::assessment))
        .route("/history/{country}", get(api::history))
        .route("/tiers", get(api::tiers))
        .route("/search", get(api::search))
        .route("/diff/{country}/{from}/{to}", get(api::diff))
        .route("/export/{what}", get(api::export))
        .route("/worksheets/{country}/{year}", get(api::worksheets))
        .fallback(api_not_found);
    Router::new()
        .route("/", get(pages::map::map))
        .route("/openapi.json", get(openapi_json))
        .route("/country/{c}", get(pages::country::country))
        .route("/country/{c}/{year}", get(pages::narrative::narrative))
        .route("/country/{c}/{year}/worksheet", get(pages::worksheet::show).post(pages::worksheet::save))
        .route("/search", get(pages::tools::search))
        .route("/diff", get(pages::tools::diff))
        .route("/export", get(pages::tools::export))
        .nest("/api", api)
        .fallback(pages::not_found)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(body_limit_json))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"),
        ))
        .with_state(state)
}

/// Bind and serve until Ctrl-C. `on_listen` gets the bound address (port 0 picks one).
pub async fn serve(config: Config, addr: std::net::SocketAddr, on_listen: impl FnOnce(std::net::SocketAddr)) -> Result<(), String> {
    let state = AppState::new(&config)?;
    if let Err(e) = &state.0.map {
        eprintln!("tierwatch serve: {e}");
    }
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    on_listen(listener.local_addr().map_err(|e| e.to_string())?);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| format!("server error: {e}"))
}
