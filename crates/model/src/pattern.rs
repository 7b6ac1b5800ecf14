//! How every crate compiles its text patterns: one place that sets the regex engine's
//! limits for the long, case-insensitive patterns the readers and extractors use, and that
//! remembers what it compiled and where (so a tool can ask how far each rule reaches).
//!
//! The lazy DFA behind `regex` builds states as it meets them and, once its cache is full,
//! throws them away and starts again. Patterns with bounded gaps (`[^.;]{0,100}`) and
//! case-insensitive alternations need many states, and with the default 2 MiB cache
//! extraction spent a third of its time rebuilding them (perf, 2018 corpus). The cache is
//! per pattern and per thread and grows only as states are needed.

use std::panic::Location;
use std::sync::Mutex;

use regex::{Regex, RegexBuilder};

/// Lazy-DFA cache allowed per pattern and thread.
pub const DFA_CACHE_BYTES: usize = 32 << 20;

/// At most this many compiled patterns are remembered: every pattern of the workspace is a
/// static compiled once per process, so the bound only guards against a future caller that
/// compiles per call.
const REMEMBERED: usize = 4096;

/// A pattern compiled by [`regex`] and the source line that asked for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compiled {
    pub pattern: String,
    pub file: &'static str,
    pub line: u32,
}

static COMPILED: Mutex<Vec<Compiled>> = Mutex::new(Vec::new());

/// Compile `pattern` with the workspace's engine settings (same syntax as `Regex::new`).
#[track_caller]
pub fn regex(pattern: &str) -> Result<Regex, regex::Error> {
    let at = Location::caller();
    let re = RegexBuilder::new(pattern).dfa_size_limit(DFA_CACHE_BYTES).build()?;
    let mut seen = COMPILED.lock().unwrap_or_else(|e| e.into_inner());
    if seen.len() < REMEMBERED {
        seen.push(Compiled { pattern: pattern.to_string(), file: at.file(), line: at.line() });
    }
    Ok(re)
}

/// Every pattern compiled so far in this process, in the order they were compiled.
pub fn compiled() -> Vec<Compiled> {
    COMPILED.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compiled_pattern_is_remembered_with_its_line() {
        let line = line!() + 1;
        regex(r"(?i)\bremembered\s+pattern").unwrap();
        let c = compiled().into_iter().find(|c| c.pattern == r"(?i)\bremembered\s+pattern").expect("remembered");
        assert_eq!((c.file.ends_with("pattern.rs"), c.line), (true, line));
        assert!(regex("(").is_err(), "a bad pattern is an error, as before");
    }
}
