//! How every crate compiles its text patterns: one place that sets the regex engine's
//! limits for the long, case-insensitive patterns the readers and extractors use.
//!
//! The lazy DFA behind `regex` builds states as it meets them and, once its cache is full,
//! throws them away and starts again. Patterns with bounded gaps (`[^.;]{0,100}`) and
//! case-insensitive alternations need many states, and with the default 2 MiB cache
//! extraction spent a third of its time rebuilding them (perf, 2018 corpus). The cache is
//! per pattern and per thread and grows only as states are needed.

use regex::{Regex, RegexBuilder};

/// Lazy-DFA cache allowed per pattern and thread.
pub const DFA_CACHE_BYTES: usize = 32 << 20;

/// Compile `pattern` with the workspace's engine settings (same syntax as `Regex::new`).
pub fn regex(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).dfa_size_limit(DFA_CACHE_BYTES).build()
}
