//! Router tests without sockets (`tower::ServiceExt::oneshot`) over a store built from the
//! real corpus: the JSON API, the OpenAPI document, the pages, escaping, CSRF, security headers,
//! malformed requests; login, sessions and every write route by every role (`auth`, on a
//! small store of its own with accounts); and the limits over a loopback socket.

mod api;
mod auth;
mod common;
mod limits;
mod malformed;
mod pages;
mod security;
