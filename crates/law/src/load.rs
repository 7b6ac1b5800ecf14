//! Loading `law/`: the embedded copy compiled into the binary, or a folder an analyst edits.
//!
//! Validation: unknown keys (serde `deny_unknown_fields`), values without a citation, editions
//! that overlap or leave a report year of 2001-2026 uncovered, and dangling parameter names are
//! all load errors that name the file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::de::DeserializeOwned;
use tierwatch_model::ReportYear;

use crate::criteria::{Criteria, YearRef};
use crate::edition::Edition;
use crate::error::LoadError;
use crate::estimate::TierModel;
use crate::thresholds::Thresholds;

/// The report years every law folder must cover, each by exactly one edition.
pub const FIRST_YEAR: u16 = 2001;
pub const LAST_YEAR: u16 = 2026;

/// The fitted tier model's file, relative to `law/` (written by `tierwatch eval tiers --fit`).
pub const MODEL_FILE: &str = "model/tier-estimate.toml";

/// The law folder compiled into the binary (paths relative to `law/`). A test checks that this
/// list matches the files on disk, so a new edition file cannot be forgotten here.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("criteria.toml", include_str!("../../../law/criteria.toml")),
    (
        "thresholds.toml",
        include_str!("../../../law/thresholds.toml"),
    ),
    (
        "editions/2001-2002.toml",
        include_str!("../../../law/editions/2001-2002.toml"),
    ),
    (
        "editions/2003.toml",
        include_str!("../../../law/editions/2003.toml"),
    ),
    (
        "editions/2004-2005.toml",
        include_str!("../../../law/editions/2004-2005.toml"),
    ),
    (
        "editions/2006-2007.toml",
        include_str!("../../../law/editions/2006-2007.toml"),
    ),
    (
        "editions/2008.toml",
        include_str!("../../../law/editions/2008.toml"),
    ),
    (
        "editions/2009-2012.toml",
        include_str!("../../../law/editions/2009-2012.toml"),
    ),
    (
        "editions/2013-2014.toml",
        include_str!("../../../law/editions/2013-2014.toml"),
    ),
    (
        "editions/2015-2018.toml",
        include_str!("../../../law/editions/2015-2018.toml"),
    ),
    (
        "editions/2019-2026.toml",
        include_str!("../../../law/editions/2019-2026.toml"),
    ),
    (MODEL_FILE, include_str!("../../../law/model/tier-estimate.toml")),
];

/// The whole law: editions by report year, the criteria and the judgment thresholds.
#[derive(Debug, Clone, PartialEq)]
pub struct Law {
    /// Sorted by first report year; together they cover 2001-2026 exactly once.
    pub editions: Vec<Edition>,
    pub criteria: Criteria,
    pub thresholds: Thresholds,
    /// The fitted tier model (`model/tier-estimate.toml`), when the folder has one.
    pub tier_model: Option<TierModel>,
}

impl Law {
    /// The law folder compiled into the binary.
    pub fn embedded() -> Result<Law, LoadError> {
        Law::from_files(EMBEDDED.iter().map(|(n, t)| (n.to_string(), t.to_string())))
    }

    /// Load a law folder from disk (`criteria.toml`, `thresholds.toml`, `editions/*.toml`).
    pub fn from_dir(dir: &Path) -> Result<Law, LoadError> {
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|source| LoadError::Io {
                path: p.to_path_buf(),
                source,
            })
        };
        let mut files = Vec::new();
        for name in ["criteria.toml", "thresholds.toml"] {
            let p = dir.join(name);
            if p.exists() {
                files.push((name.to_string(), read(&p)?));
            }
        }
        let model = dir.join(MODEL_FILE);
        if model.exists() {
            files.push((MODEL_FILE.to_string(), read(&model)?));
        }
        let ed_dir = dir.join("editions");
        let entries = std::fs::read_dir(&ed_dir).map_err(|source| LoadError::Io {
            path: ed_dir.clone(),
            source,
        })?;
        let mut names = Vec::new();
        for e in entries {
            let e = e.map_err(|source| LoadError::Io {
                path: ed_dir.clone(),
                source,
            })?;
            let name = e.file_name().to_string_lossy().to_string();
            if name.ends_with(".toml") {
                names.push(name);
            }
        }
        names.sort();
        for name in names {
            files.push((format!("editions/{name}"), read(&ed_dir.join(&name))?));
        }
        Law::from_files(files)
    }

    /// Load from (relative path, text) pairs, as in [`EMBEDDED`].
    pub fn from_files(files: impl IntoIterator<Item = (String, String)>) -> Result<Law, LoadError> {
        let mut criteria = None;
        let mut thresholds = None;
        let mut editions: Vec<(String, Edition)> = Vec::new();
        let mut tier_model = None;
        for (name, text) in files {
            if name == MODEL_FILE {
                tier_model = Some(parse::<TierModel>(&name, &text)?);
                continue;
            }
            if name == "criteria.toml" {
                criteria = Some(parse::<Criteria>(&name, &text)?);
            } else if name == "thresholds.toml" {
                thresholds = Some(parse::<Thresholds>(&name, &text)?);
            } else if name.starts_with("editions/") {
                editions.push((name.clone(), parse::<Edition>(&name, &text)?));
            } else {
                return Err(LoadError::Invalid {
                    file: name,
                    message: "not a known law file".into(),
                });
            }
        }
        let criteria = criteria.ok_or(LoadError::MissingFile {
            file: "criteria.toml".into(),
        })?;
        let thresholds = thresholds.ok_or(LoadError::MissingFile {
            file: "thresholds.toml".into(),
        })?;
        validate_criteria(&criteria)?;
        let editions = validate_editions(editions)?;
        Ok(Law {
            editions,
            criteria,
            thresholds,
            tier_model,
        })
    }

    /// The edition that governs a report year.
    pub fn edition(&self, year: ReportYear) -> Option<&Edition> {
        self.editions.iter().find(|e| e.covers(year.get()))
    }
}

fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    let raw: toml::Table = toml::from_str(text).map_err(|e| LoadError::Parse {
        file: file.into(),
        message: e.to_string(),
    })?;
    check_citations(file, "", &toml::Value::Table(raw))?;
    toml::from_str(text).map_err(|e| LoadError::Parse {
        file: file.into(),
        message: e.to_string(),
    })
}

/// Any table that holds a `value` or a `confidence` is a labelled rule or value and needs a
/// non-empty `citation`.
fn check_citations(file: &str, path: &str, v: &toml::Value) -> Result<(), LoadError> {
    match v {
        toml::Value::Table(t) => {
            if t.contains_key("value") || t.contains_key("confidence") {
                let ok = t
                    .get("citation")
                    .and_then(|c| c.as_str())
                    .is_some_and(|c| !c.trim().is_empty());
                if !ok {
                    return Err(LoadError::MissingCitation {
                        file: file.into(),
                        path: path.into(),
                    });
                }
            }
            for (k, child) in t {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                check_citations(file, &p, child)?;
            }
        }
        toml::Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                let label = child
                    .get("id")
                    .and_then(|id| id.as_str())
                    .map(str::to_string)
                    .unwrap_or(i.to_string());
                check_citations(file, &format!("{path}[{label}]"), child)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn validate_criteria(c: &Criteria) -> Result<(), LoadError> {
    let file = "criteria.toml";
    let invalid = |message: String| LoadError::Invalid {
        file: file.into(),
        message,
    };
    let mut ids = BTreeSet::new();
    for cr in c.standard.iter().chain(&c.indicium) {
        if !ids.insert(cr.id.as_str()) {
            return Err(invalid(format!("duplicate criterion id `{}`", cr.id)));
        }
        for r in std::iter::once(&cr.first_report_year).chain(cr.last_report_year.as_ref()) {
            if let YearRef::Param(name) = r {
                if !c.parameters.contains_key(name) {
                    return Err(invalid(format!(
                        "`{}` refers to unknown parameter `{name}`",
                        cr.id
                    )));
                }
            }
        }
    }
    if c.standard.len() != 4 {
        return Err(invalid(format!(
            "expected the 4 minimum standards, found {}",
            c.standard.len()
        )));
    }
    for y in FIRST_YEAR..=LAST_YEAR {
        let mut seen = BTreeMap::new();
        for ind in c.indicia_in_force(y) {
            if let Some(other) = seen.insert(ind.number, ind.criterion.id.clone()) {
                return Err(invalid(format!(
                    "indicia `{other}` and `{}` both have number ({}) in {y}",
                    ind.criterion.id, ind.number
                )));
            }
        }
    }
    Ok(())
}

fn validate_editions(mut editions: Vec<(String, Edition)>) -> Result<Vec<Edition>, LoadError> {
    let mut owner: BTreeMap<u16, String> = BTreeMap::new();
    let mut ids = BTreeMap::new();
    for (file, e) in &editions {
        if e.first_report_year > e.last_report_year {
            return Err(LoadError::Invalid {
                file: file.clone(),
                message: format!(
                    "first_report_year {} is after last_report_year {}",
                    e.first_report_year, e.last_report_year
                ),
            });
        }
        if e.first_report_year < FIRST_YEAR || e.last_report_year > LAST_YEAR {
            return Err(LoadError::Invalid {
                file: file.clone(),
                message: format!(
                    "report years must lie within {FIRST_YEAR}-{LAST_YEAR}, found {}",
                    e.span()
                ),
            });
        }
        for (provision, version) in e.provisions.all() {
            if !crate::provisions::versions(provision).contains(&version) {
                return Err(LoadError::Invalid {
                    file: file.clone(),
                    message: format!(
                        "provisions.{provision} names `{version}`, which the {provision} module does not implement ({})",
                        crate::provisions::versions(provision).join(", ")
                    ),
                });
            }
        }
        if let Some(other) = ids.insert(e.id.clone(), file.clone()) {
            return Err(LoadError::Invalid {
                file: file.clone(),
                message: format!("edition id `{}` is also used by {other}", e.id),
            });
        }
        for y in e.first_report_year..=e.last_report_year {
            if let Some(first) = owner.insert(y, file.clone()) {
                let (first, second) = if first <= *file {
                    (first, file.clone())
                } else {
                    (file.clone(), first)
                };
                return Err(LoadError::OverlappingYears {
                    year: y,
                    first,
                    second,
                });
            }
        }
    }
    let missing: Vec<u16> = (FIRST_YEAR..=LAST_YEAR)
        .filter(|y| !owner.contains_key(y))
        .collect();
    if !missing.is_empty() {
        return Err(LoadError::MissingYears { years: missing });
    }
    editions.sort_by_key(|(_, e)| e.first_report_year);
    Ok(editions.into_iter().map(|(_, e)| e).collect())
}
