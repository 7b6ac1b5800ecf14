//! Router tests without sockets (`tower::ServiceExt::oneshot`) over a store built from the
//! real corpus: the JSON API, the OpenAPI document, the pages, escaping, CSRF and limits.

mod api;
mod common;
mod pages;
