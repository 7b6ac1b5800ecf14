//! The `--set FINDING=VALUE` parser and the worksheet form: a urlencoded body or query
//! string to (key, value) pairs (as axum's `Form` reads it), the `f.FINDING` / `extra` /
//! `set` fields to settings, each setting parsed and applied to findings.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tierwatch_law::Override;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for line in text.lines() {
            check(line);
        }
    }
    let Ok(pairs) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(data) else { return };
    for (k, v) in &pairs {
        if let Some(f) = k.strip_prefix("f.") {
            check(&format!("{f}={}", v.trim()));
        } else if k == "extra" || k == "set" {
            v.lines().for_each(check);
        }
    }
});

fn check(setting: &str) {
    if let Ok(o) = Override::parse(setting) {
        assert!(!o.finding.is_empty());
        let mut findings = tierwatch_law::Findings::default();
        let _ = o.apply(&mut findings);
    }
}
