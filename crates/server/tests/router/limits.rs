//! The server's limits over a real loopback socket (issue 13): an oversized head is 431, an
//! over-long URI 414, an over-long body 413, a handler past its timeout 503; idle and
//! half-sent connections are closed after the header-read timeout while other clients are
//! answered at once.

use crate::common::{corpus_db, send};
use axum::body::Body;
use axum::http::Request;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};
use tierwatch_server::{AppState, Config, Limits};

fn state() -> AppState {
    AppState::new(&Config::new(corpus_db().to_path_buf().into())).unwrap()
}

/// A server on 127.0.0.1 with `limits`, until the test's runtime ends.
async fn start(limits: Limits) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = tierwatch_server::router_with(state(), limits);
    tokio::spawn(tierwatch_server::listen::serve(listener, app, limits, std::future::pending()));
    addr
}

/// Send `request` and read until the server closes (or 10 s pass): the whole answer.
fn exchange(addr: SocketAddr, request: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // The server may answer (and close) before it has read all of an oversized request.
    let _ = s.write_all(request);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn status_of(answer: &str) -> u16 {
    answer.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or_else(|| panic!("not an HTTP answer: {answer:.200}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_heads_uris_and_bodies_are_refused_with_their_status() {
    let limits = Limits::default();
    let addr = start(limits).await;
    let answers = tokio::task::spawn_blocking(move || {
        let ok = exchange(addr, b"GET /api/tiers?year=2018 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let big_header = format!("GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n", "a".repeat(limits.max_head_bytes + 1));
        let many_headers: String = (0..2000).map(|i| format!("X-H{i}: {i}\r\n")).collect();
        let many = format!("GET / HTTP/1.1\r\nHost: x\r\n{many_headers}Connection: close\r\n\r\n");
        let long_uri = format!("GET /api/search?q={} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "a".repeat(limits.max_uri_bytes));
        let body = "a".repeat(limits.max_body_bytes + 1);
        let big_body = format!(
            "POST /country/MEX/2018/worksheet HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\nnote={body}",
            body.len() + 5
        );
        [ok, exchange(addr, big_header.as_bytes()), exchange(addr, many.as_bytes()), exchange(addr, long_uri.as_bytes()), exchange(addr, big_body.as_bytes())]
    })
    .await
    .unwrap();
    let statuses: Vec<u16> = answers.iter().map(|a| status_of(a)).collect();
    assert_eq!(statuses, [200, 431, 431, 414, 413], "{:?}", answers.iter().map(|a| a.lines().next().unwrap_or("")).collect::<Vec<_>>());
    assert!(answers[3].contains("uri_too_long") && answers[4].contains("payload_too_large"));
    assert!(answers[3].to_ascii_lowercase().contains("content-security-policy:"), "the app's own refusals carry the security headers");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_and_half_sent_connections_are_closed_and_do_not_block_others() {
    let limits = Limits { header_read_timeout: Duration::from_secs(1), ..Limits::default() };
    let addr = start(limits).await;
    let (answered_in, closed) = tokio::task::spawn_blocking(move || {
        let mut idle: Vec<TcpStream> = (0..100).map(|_| TcpStream::connect(addr).unwrap()).collect();
        for (i, s) in idle.iter_mut().enumerate().filter(|(i, _)| i % 2 == 1) {
            s.write_all(format!("GET /api/countries HTTP/1.1\r\nHost: x\r\nX-Slow-{i}: ").as_bytes()).unwrap();
        }
        let t = Instant::now();
        let answer = exchange(addr, b"GET /api/countries?limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assert_eq!(status_of(&answer), 200);
        let answered_in = t.elapsed();
        let closed = idle
            .iter_mut()
            .map(|s| {
                s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
                let mut buf = [0u8; 256];
                // Closed by the server: end of stream (0), or a 408 from hyper for a half-sent head, then the end.
                let t = Instant::now();
                loop {
                    match s.read(&mut buf) {
                        Ok(0) => return t.elapsed() < Duration::from_secs(5),
                        Ok(_) => continue,
                        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return true,
                        Err(_) => return false,
                    }
                }
            })
            .filter(|closed| *closed)
            .count();
        (answered_in, closed)
    })
    .await
    .unwrap();
    assert!(answered_in < Duration::from_millis(900), "a client beside 100 idle ones waited {answered_in:?}");
    assert_eq!(closed, 100, "every idle or half-sent connection is closed after the header-read timeout");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_handler_past_its_timeout_answers_503() {
    // Writing every fact of the corpus as Parquet takes far longer than a millisecond.
    let app = tierwatch_server::router_with(state(), Limits { handler_timeout: Duration::from_millis(1), ..Limits::default() });
    let (status, resp) = send(&app, Request::get("/api/export/facts?format=parquet").body(Body::empty()).unwrap()).await;
    assert_eq!(status, 503);
    let v: serde_json::Value = serde_json::from_str(&crate::common::body(resp).await).unwrap();
    assert_eq!(v["code"], "timeout");
    let app = tierwatch_server::router(state());
    let (status, _) = send(&app, Request::get("/api/export/tiers?format=csv").body(Body::empty()).unwrap()).await;
    assert_eq!(status, 200, "the default timeout (60 s) leaves normal requests alone");
}
