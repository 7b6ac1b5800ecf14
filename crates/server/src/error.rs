//! Errors as the API shows them: `{code, message}` with a stable code and an HTTP status.
//! Internal errors (database, index, file system) are logged and shown only as `internal`.
//!
//! | code | status | when |
//! |---|---|---|
//! | `not_found` | 404 | no such narrative, page or worksheet |
//! | `unknown_country` | 404 | a name, alias or ISO3 code the registry does not know |
//! | `bad_request` | 400 | a malformed parameter, override or query |
//! | `unauthorized` | 401 | a write (or, once the store has accounts, a read) without a login |
//! | `forbidden` | 403 | a write the logged-in account's role may not make, or a reviewer's own draft |
//! | `csrf` | 403 | a state-changing form without a matching CSRF token |
//! | `conflict` | 409 | a change that does not fit what is stored (a user name taken, a worksheet in another state) |
//! | `payload_too_large` | 413 | a request body over the limit |
//! | `method_not_allowed` | 405 | a method the route does not take |
//! | `uri_too_long` | 414 | a path and query over the limit ([`crate::limits`]) |
//! | `timeout` | 503 | a request that took longer than the handler timeout |
//! | `internal` | 500 | anything else; details go to the server log only |

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use tierwatch_app::AppError;

/// The JSON body of every error.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// One of: not_found, unknown_country, bad_request, unauthorized, forbidden, csrf, conflict, method_not_allowed, payload_too_large, uri_too_long, timeout, internal.
    pub code: &'static str,
    pub message: String,
}

/// An error a handler returns.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, code: "not_found", message: message.into() }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, code: "bad_request", message: message.into() }
    }

    pub fn csrf() -> ApiError {
        ApiError {
            status: StatusCode::FORBIDDEN,
            code: "csrf",
            message: "the form's security token is missing or stale; reload the page and submit again".into(),
        }
    }

    /// Log the detail, show nothing of it.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        eprintln!("tierwatch serve: internal error: {detail}");
        ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, code: "internal", message: "internal error; see the server log".into() }
    }

    pub fn body(&self) -> ErrorBody {
        ErrorBody { code: self.code, message: self.message.clone() }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> ApiError {
        match e {
            AppError::UnknownCountry(u) => ApiError { status: StatusCode::NOT_FOUND, code: "unknown_country", message: u.to_string() },
            AppError::NotFound(m) => ApiError::not_found(m),
            AppError::Invalid(m) => ApiError::bad_request(m),
            AppError::Unauthenticated(m) => ApiError::unauthorized(m),
            AppError::Forbidden(m) => ApiError::forbidden(m),
            AppError::Store(tierwatch_store::StoreError::Conflict(m)) => ApiError { status: StatusCode::CONFLICT, code: "conflict", message: m },
            AppError::Search(s) if s.is_user_error() => ApiError::bad_request(s.to_string()),
            other => ApiError::internal(other),
        }
    }
}

impl From<tierwatch_store::StoreError> for ApiError {
    fn from(e: tierwatch_store::StoreError) -> ApiError {
        ApiError::internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body())).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_do_not_leak_details() {
        let e = ApiError::from(AppError::Io { path: "/secret/path.sqlite".into(), source: std::io::Error::other("disk on fire") });
        assert_eq!(e.code, "internal");
        assert!(!e.message.contains("secret") && !e.message.contains("fire"));
    }

    #[test]
    fn app_errors_keep_their_meaning() {
        assert_eq!(ApiError::from(AppError::NotFound("x".into())).code, "not_found");
        assert_eq!(ApiError::from(AppError::Invalid("x".into())).status, StatusCode::BAD_REQUEST);
    }
}
