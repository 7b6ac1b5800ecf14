//! What one request may cost the server, and what it gets when it asks for more:
//!
//! | limit | default | answer | enforced by |
//! |---|---|---|---|
//! | time to send a request head (also the idle time allowed between keep-alive requests) | 10 s | connection closed | hyper `http1::Builder::header_read_timeout` ([`crate::listen`]) |
//! | request head (start line + headers) | 32 KiB | 431 | hyper `max_header_size` / `max_buf_size` |
//! | URI (path + query) | 8 KiB | 414 `uri_too_long` | [`uri_limit`] here |
//! | request body | 64 KiB | 413 `payload_too_large` | tower-http `RequestBodyLimitLayer` |
//! | time a handler may take | 60 s | 503 `timeout` | tower-http `TimeoutLayer` |
//!
//! [`as_json`] gives the bare 413 and 503 of those layers the API's `{code, message}` body.
//! Knows nothing of routes, the store or the pages.

use crate::error::ApiError;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// The limits of one server (see the module table).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_read_timeout: Duration,
    pub max_head_bytes: usize,
    pub max_uri_bytes: usize,
    pub max_body_bytes: usize,
    pub handler_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_read_timeout: Duration::from_secs(10),
            max_head_bytes: 32 * 1024,
            max_uri_bytes: 8 * 1024,
            max_body_bytes: crate::MAX_BODY_BYTES,
            handler_timeout: Duration::from_secs(60),
        }
    }
}

/// Middleware: a URI longer than the limit is answered 414 before routing.
pub async fn uri_limit(State(max): State<usize>, req: Request, next: Next) -> Response {
    let len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if len > max {
        return ApiError { status: StatusCode::URI_TOO_LONG, code: "uri_too_long", message: format!("URIs are limited to {max} bytes; this one has {len}") }
            .into_response();
    }
    next.run(req).await
}

/// The `{code, message}` body for the bodiless answers of the limit layers.
pub async fn as_json(State(limits): State<Limits>, resp: Response) -> Response {
    let bare = !resp.headers().contains_key(header::CONTENT_TYPE) || resp.headers()[header::CONTENT_TYPE].to_str().is_ok_and(|t| t.starts_with("text/plain"));
    match resp.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "payload_too_large",
            message: format!("request bodies are limited to {} bytes", limits.max_body_bytes),
        }
        .into_response(),
        StatusCode::SERVICE_UNAVAILABLE if bare => ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            code: "timeout",
            message: format!("the request took longer than {} s; try a narrower one", limits.handler_timeout.as_secs_f64()),
        }
        .into_response(),
        _ => resp,
    }
}
