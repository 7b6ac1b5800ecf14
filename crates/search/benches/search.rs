//! Benchmark: indexing throughput and query latency (p50, p99) on the corpus (1x) and on a
//! generated corpus 25 times its size (`tierwatch_search::synth`), each in an on-disk index.
//!
//! Run: `cargo bench -p tierwatch-search` (prints one block per scale).

#[path = "../tests/common/corpus.rs"]
mod corpus;

use std::time::{Duration, Instant};
use tierwatch_model::{SectionKind, Tier};
use tierwatch_search::{synth, Filters, SearchIndex, SearchRequest};

const ROUNDS: usize = 20;

fn queries() -> Vec<SearchRequest> {
    let q = |text: &str, filters: Filters| SearchRequest { query: text.into(), filters, limit: 10 };
    let any = Filters::default;
    vec![
        q("humanitarian visas", any()),
        q("\"forced labor\"", any()),
        q("\"debt bondage\" AND brick", any()),
        q("complicit officials", any()),
        q("karaoke OR massage OR brothel", any()),
        q("traffick*", any()),
        q("shelter -NGO", any()),
        q("\"sex trafficking\" children", any()),
        q("victims", Filters { section: Some(SectionKind::Prevention), tier: Some(Tier::Tier3), ..any() }),
        q("convictions", Filters { region: Some("Africa".into()), ..any() }),
        q("action plan", Filters { year: Some(2018), ..any() }),
        q("labor inspectors", Filters { iso3: Some("MEX".into()), ..any() }),
    ]
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let base = corpus::load();
    for n in [1, 25] {
        let docs = synth::scale(&base, n);
        let bytes: usize = docs.iter().map(|(d, _)| d.text.len()).sum();
        let dir = tempfile::tempdir().unwrap();
        let mut index = SearchIndex::open(&dir.path().join("bench.index")).unwrap();
        let t = Instant::now();
        for (d, s) in &docs {
            index.upsert(d, s).unwrap();
        }
        index.commit().unwrap();
        let took = t.elapsed().as_secs_f64();
        let paragraphs = index.paragraph_count().unwrap();
        let qs = queries();
        let mut lat = Vec::with_capacity(qs.len() * ROUNDS);
        let mut hits = 0u64;
        for q in &qs {
            hits += index.search(q).unwrap().total; // warm up
        }
        for _ in 0..ROUNDS {
            for q in &qs {
                let t = Instant::now();
                std::hint::black_box(index.search(q).unwrap());
                lat.push(t.elapsed());
            }
        }
        lat.sort();
        println!(
            "{n:>2}x: {} narratives, {} paragraphs, {:.1} MB — index {:.2} s ({:.0} narratives/s, {:.2} MB/s); \
             query p50 {:.2} ms, p99 {:.2} ms over {} queries ({} matching paragraphs per round)",
            docs.len(),
            paragraphs,
            bytes as f64 / 1e6,
            took,
            docs.len() as f64 / took,
            bytes as f64 / 1e6 / took,
            pct(&lat, 0.50).as_secs_f64() * 1e3,
            pct(&lat, 0.99).as_secs_f64() * 1e3,
            lat.len(),
            hits
        );
    }
}
