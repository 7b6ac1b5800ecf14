//! tierwatch-server: `tierwatch serve` — a JSON API (documented at `/openapi.json`) and a
//! server-rendered web app (map, country pages, assessment worksheet, diff, search, export).
//!
//! Architecture invariant: no SQL and no business rules here. Handlers call the app layer
//! (`tierwatch_app`) and render what it returns; the only things this face adds are the time a
//! worksheet is saved and who is logged in ([`auth`]). Narrative text is HTML-escaped everywhere (maud), state-changing forms
//! carry a CSRF token, request bodies are capped.

pub mod api;
pub mod assets;
pub mod auth;
pub mod cache;
pub mod clock;
pub mod cookie;
pub mod csrf;
pub mod data;
pub mod error;
pub mod extract;
pub mod limits;
pub mod listen;
pub mod map;
pub mod openapi;
pub mod pages;
pub mod security;
pub mod state;

pub use limits::Limits;
pub use state::{AppState, Config};

use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// Largest request body accepted (forms are small).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

async fn openapi_json() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], openapi::json())
}

async fn api_not_found() -> error::ApiError {
    error::ApiError::not_found("no such endpoint; see /openapi.json")
}

/// 405 with the `{code, message}` body (axum's own has none); the `Allow` header stays.
async fn method_not_allowed(method: axum::http::Method) -> error::ApiError {
    error::ApiError { status: StatusCode::METHOD_NOT_ALLOWED, code: "method_not_allowed", message: format!("{method} is not allowed here") }
}

/// The whole application, with the default [`Limits`].
pub fn router(state: AppState) -> Router {
    router_with(state, Limits::default())
}

/// The whole application. Layers, outermost first: security headers on every response,
/// `{code, message}` bodies for the limit layers' bare answers, a panic in a handler as a
/// logged 500 (the connection and the server live on), the URI limit, the handler timeout,
/// the body limit.
pub fn router_with(state: AppState, limits: Limits) -> Router {
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
        .fallback(api_not_found)
        .method_not_allowed_fallback(method_not_allowed);
    let app = Router::new()
        .route("/", get(pages::map::map))
        .route("/openapi.json", get(openapi_json))
        .route(assets::APP_JS_PATH, get(assets::app_js))
        .route("/country/{c}", get(pages::country::country))
        .route("/country/{c}/{year}", get(pages::narrative::narrative))
        .route("/country/{c}/{year}/worksheet", get(pages::worksheet::show).post(pages::worksheet::save))
        .route("/country/{c}/{year}/worksheet/{id}/submit", post(pages::worksheet::submit))
        .route("/country/{c}/{year}/worksheet/{id}/approve", post(pages::worksheet::approve))
        .route("/country/{c}/{year}/worksheet/{id}/return", post(pages::worksheet::send_back))
        .route("/login", get(pages::login::show).post(pages::login::login))
        .route("/logout", post(pages::login::logout))
        .route("/admin", get(pages::admin::show))
        .route("/admin/users", post(pages::admin::add_user))
        .route("/admin/users/{name}/disable", post(pages::admin::disable_user))
        .route("/search", get(pages::tools::search))
        .route("/diff", get(pages::tools::diff))
        .route("/export", get(pages::tools::export))
        .nest("/api", api)
        .fallback(pages::not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::gate))
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, limits.handler_timeout))
        .layer(axum::middleware::from_fn_with_state(limits.max_uri_bytes, limits::uri_limit))
        .layer(CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| error::ApiError::internal("a handler panicked").into_response()))
        .layer(axum::middleware::map_response_with_state(limits, limits::as_json));
    security::layer(app.with_state(state))
}

/// Bind and serve until Ctrl-C. `on_listen` gets the bound address (port 0 picks one).
pub async fn serve(config: Config, addr: std::net::SocketAddr, on_listen: impl FnOnce(std::net::SocketAddr)) -> Result<(), String> {
    let state = AppState::new(&config)?;
    if let Err(e) = &state.0.map {
        eprintln!("tierwatch serve: {e}");
    }
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    on_listen(listener.local_addr().map_err(|e| e.to_string())?);
    let limits = Limits::default();
    listen::serve(listener, router_with(state, limits), limits, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    Ok(())
}
