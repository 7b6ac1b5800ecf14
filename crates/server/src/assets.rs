//! Static files compiled into the binary: the pages' one script (`static/app.js`). Scripts are
//! served from the app's own origin only, so the Content-Security-Policy ([`crate::security`])
//! can forbid inline script. Knows nothing of the store or the pages' content.

use axum::http::header;
use axum::response::IntoResponse;

/// Where the pages load their script from.
pub const APP_JS_PATH: &str = "/static/app.js";

const APP_JS: &str = include_str!("../static/app.js");

/// `GET /static/app.js`.
pub async fn app_js() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], APP_JS)
}
