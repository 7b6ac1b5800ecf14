//! Load the shared corpus (../shared/corpus, beside the repository) as (Document,
//! Segmentation) pairs, one per country-year, in file-name order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tierwatch_model::{Document, Segmentation};

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).expect("corpus folder").map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Every narrative of the corpus, segmented; the first file giving a country-year wins.
pub fn load() -> Vec<(Document, Segmentation)> {
    let mut paths = Vec::new();
    files(&corpus_dir(), &mut paths);
    let opts = tierwatch_ingest::ReadOptions { year: None, max_file_bytes: 64 << 20 };
    let mut by_key: BTreeMap<(String, u16), (Document, Segmentation)> = BTreeMap::new();
    for p in paths {
        let bytes = std::fs::read(&p).unwrap();
        let Ok(out) = tierwatch_ingest::read_bytes(&bytes, &p.display().to_string(), &opts) else { continue };
        for d in out.documents {
            let key = (d.metadata.iso3.clone(), d.metadata.report_year.map(|y| y.get()).unwrap_or(0));
            by_key.entry(key).or_insert_with(|| {
                let seg = tierwatch_ingest::segment(&d.text);
                (d, seg)
            });
        }
    }
    by_key.into_values().collect()
}
