//! Extractors whose rejections are `{code: "bad_request", message}` instead of axum's plain text.

use crate::error::ApiError;
use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// `Query<T>` with JSON errors.
pub struct Q<T>(pub T);

/// `Path<T>` with JSON errors.
pub struct P<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state).await.map(|q| Q(q.0)).map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for P<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state).await.map(|p| P(p.0)).map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// `Query<T>` for pages: errors render as an HTML page.
pub struct HQ<T>(pub T);

/// `Path<T>` for pages: errors render as an HTML page.
pub struct HP<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for HQ<T> {
    type Rejection = crate::pages::PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Ok(HQ(Q::<T>::from_request_parts(parts, state).await?.0))
    }
}

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for HP<T> {
    type Rejection = crate::pages::PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Ok(HP(P::<T>::from_request_parts(parts, state).await?.0))
    }
}

/// For `#[serde(deserialize_with)]`: an empty form field is `None`, not a parse error.
pub fn empty_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    let s: Option<String> = serde::Deserialize::deserialize(d)?;
    match s.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => v.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

/// Every `(key, value)` pair of a query string, repeated keys kept (`?set=a=1&set=b=2`).
pub fn pairs(query: Option<&str>) -> Result<Vec<(String, String)>, ApiError> {
    serde_urlencoded::from_str(query.unwrap_or("")).map_err(|e| ApiError::bad_request(format!("malformed query string: {e}")))
}
