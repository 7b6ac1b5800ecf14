//! Security headers on every response the router gives: a Content-Security-Policy that allows
//! scripts from the app's own origin only (no inline script, no event-handler attributes) and
//! no framing, `X-Frame-Options: DENY` for browsers that predate `frame-ancestors`,
//! `X-Content-Type-Options: nosniff` and a `Referrer-Policy`. Set with tower-http's
//! `SetResponseHeaderLayer` (a handler's own value wins). Knows nothing of routes or pages.

use axum::http::{header, HeaderValue};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy. Styles may be inline (the page frame's `<style>` and the tier swatches'
/// `style` attributes carry no script); images may be data URLs (none are loaded from afar).
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Every (header, value) this module sets, for tests and documentation.
pub fn headers() -> [(header::HeaderName, HeaderValue); 4] {
    [
        (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP)),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (header::REFERRER_POLICY, HeaderValue::from_static("same-origin")),
    ]
}

/// `router` with the headers added to each response.
pub fn layer<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    headers().into_iter().fold(router, |r, (name, value)| r.layer(SetResponseHeaderLayer::if_not_present(name, value)))
}
