//! Countries and the alias registry.
//!
//! The registry is `data/countries.csv` (written by us), compiled into the binary: canonical
//! name, ISO3, Correlates-of-War code, State Department region, and every spelling the TIP
//! reports and research datasets use across years. Matching ignores case, accents, spacing
//! and punctuation, so "CÔTE D'IVOIRE", "Cote d'Ivoire" and "cote-d-ivoire" are one key.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// One TIP Report entry (a country or a territory the report covers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country {
    pub name: String,
    pub iso3: String,
    pub cow: Option<u16>,
    pub region: String,
    pub aliases: Vec<String>,
}

/// A name that matches no entry of the registry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown country {name:?}: not a name, alias or ISO3 code in data/countries.csv")]
pub struct UnknownCountry {
    pub name: String,
}

/// The table could not be read (a build-time data error, reported with its row).
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("countries.csv row {row}: {message}")]
    Row { row: usize, message: String },
    #[error("countries.csv: {0}")]
    Csv(#[from] csv::Error),
}

/// All entries with a normalised-key index over names, aliases and ISO3 codes.
#[derive(Debug)]
pub struct CountryRegistry {
    countries: Vec<Country>,
    index: HashMap<String, usize>,
}

#[derive(Deserialize)]
struct Row {
    name: String,
    iso3: String,
    cow: String,
    region: String,
    aliases: String,
}

const EMBEDDED: &str = include_str!("../../../data/countries.csv");

/// The matching key: accents folded, lowercase ASCII letters and digits only.
pub fn normalize_name(s: &str) -> String {
    s.nfkd()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl CountryRegistry {
    /// The registry compiled into the binary.
    pub fn embedded() -> &'static CountryRegistry {
        static REG: OnceLock<CountryRegistry> = OnceLock::new();
        REG.get_or_init(|| {
            CountryRegistry::from_csv(EMBEDDED).expect("data/countries.csv is valid (tested)")
        })
    }

    /// Parse a registry table; every key must be unique across entries.
    pub fn from_csv(text: &str) -> Result<CountryRegistry, RegistryError> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut countries = Vec::new();
        let mut index = HashMap::new();
        for (i, row) in reader.deserialize::<Row>().enumerate() {
            let row = row?;
            let line = i + 2;
            let cow = match row.cow.trim() {
                "" => None,
                s => Some(s.parse::<u16>().map_err(|_| RegistryError::Row {
                    row: line,
                    message: format!("COW code {s:?} is not a number"),
                })?),
            };
            let iso3 = row.iso3.trim().to_ascii_uppercase();
            if iso3.len() != 3 {
                return Err(RegistryError::Row { row: line, message: format!("ISO3 {iso3:?} is not 3 letters") });
            }
            let aliases: Vec<String> = row
                .aliases
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
            let idx = countries.len();
            let keys = std::iter::once(row.name.as_str())
                .chain(std::iter::once(iso3.as_str()))
                .chain(aliases.iter().map(String::as_str));
            for key in keys {
                let k = normalize_name(key);
                if k.is_empty() {
                    continue;
                }
                if let Some(&other) = index.get(&k) {
                    if other != idx {
                        let other: &Country = &countries[other];
                        return Err(RegistryError::Row {
                            row: line,
                            message: format!("{key:?} already names {}", other.name),
                        });
                    }
                }
                index.insert(k, idx);
            }
            countries.push(Country {
                name: row.name.trim().to_string(),
                iso3,
                cow,
                region: row.region.trim().to_string(),
                aliases,
            });
        }
        Ok(CountryRegistry { countries, index })
    }

    /// Resolve a name, alias or ISO3 code (case-, accent- and punctuation-insensitive).
    pub fn resolve(&self, name: &str) -> Result<&Country, UnknownCountry> {
        self.lookup(name).ok_or_else(|| UnknownCountry { name: name.trim().to_string() })
    }

    pub fn lookup(&self, name: &str) -> Option<&Country> {
        let key = normalize_name(name);
        let key = key.strip_prefix("the").filter(|_| !self.index.contains_key(&key)).unwrap_or(&key);
        self.index.get(key).map(|&i| &self.countries[i]).or_else(|| {
            // "China (includes Tibet, Hong Kong, and Macau)": a qualifier in brackets that is
            // no alias of its own leaves the name before it
            let before = name.split_once('(').map(|(b, _)| b.trim()).filter(|b| !b.is_empty() && name.trim_end().ends_with(')'))?;
            self.lookup(before)
        })
    }

    /// The first country named in `text` (the longest name starting at each capitalised
    /// word, up to seven words: "Democratic Republic of the Congo" before "Congo"), with the
    /// byte range of the name. ISO3 codes do not count here: "USA" in prose is no heading.
    pub fn find_in(&self, text: &str) -> Option<(&Country, std::ops::Range<usize>)> {
        let words: Vec<(usize, usize)> = text
            .char_indices()
            .filter(|&(i, c)| c.is_alphabetic() && !text[..i].chars().next_back().is_some_and(|p| p.is_alphanumeric() || p == '\'' || p == '’'))
            .map(|(i, _)| {
                let end = text[i..].find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-')).map(|e| i + e).unwrap_or(text.len());
                (i, end)
            })
            .collect();
        for (k, &(start, _)) in words.iter().enumerate() {
            if !text[start..].starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            for n in (1..=7.min(words.len() - k)).rev() {
                let end = words[k + n - 1].1;
                let candidate = &text[start..end];
                // a name never spans a sentence end or a line break
                if candidate.contains(['\n', '.', ';', ':', '(', ')']) {
                    continue;
                }
                if let Some(c) = self.lookup(candidate) {
                    if normalize_name(candidate) != normalize_name(&c.iso3) {
                        return Some((c, start..end));
                    }
                }
            }
        }
        None
    }

    pub fn by_iso3(&self, iso3: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso3.eq_ignore_ascii_case(iso3))
    }

    pub fn all(&self) -> &[Country] {
        &self.countries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_country_named_in_prose() {
        let reg = CountryRegistry::embedded();
        let name = |t: &str| reg.find_in(t).map(|(c, r)| (c.iso3.clone(), t[r].to_string()));
        assert_eq!(name("The Government of the Democratic Republic of the Congo does not"), Some(("COD".into(), "Democratic Republic of the Congo".into())));
        assert_eq!(name("Thailand (Tier 3*) is a source, destination, and transit country"), Some(("THA".into(), "Thailand".into())));
        assert_eq!(name("The government maintained its victim protection efforts."), None);
        assert_eq!(name("officials in the USA said"), None);
    }

    #[test]
    fn embedded_table_loads_and_is_large() {
        let reg = CountryRegistry::embedded();
        assert!(reg.all().len() >= 185, "only {} entries", reg.all().len());
    }

    #[test]
    fn resolves_report_spellings_across_years() {
        let reg = CountryRegistry::embedded();
        let cases = [
            ("CONGO, DEMOCRATIC REPUBLIC OF THE", "COD"),
            ("KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF", "PRK"),
            ("THE GAMBIA", "GMB"),
            ("BURMA", "MMR"),
            ("CABO VERDE", "CPV"),
            ("Cape Verde", "CPV"),
            ("ESWATINI", "SWZ"),
            ("Swaziland", "SWZ"),
            ("MACEDONIA", "MKD"),
            ("North Macedonia", "MKD"),
            ("KYRGYZ REPUBLIC", "KGZ"),
            ("COTE D'IVOIRE", "CIV"),
            ("CÔTE D’IVOIRE", "CIV"),
            ("CURAÇAO", "CUW"),
            ("TIMOR-LESTE", "TLS"),
            ("ST. LUCIA", "LCA"),
            ("HONG KONG", "HKG"),
            ("MACAU", "MAC"),
            ("TAIWAN", "TWN"),
            ("KOSOVO", "XKX"),
            // a chapter of its own in the 2009 and 2010 reports, before Curacao and St. Maarten
            ("NETHERLANDS ANTILLES", "ANT"),
            ("SERBIA AND MONTENEGRO", "SCG"),
            // a bracketed qualifier: an alias, or the name before it
            ("CONGO (KINSHASA)", "COD"),
            ("Congo (Brazzaville)", "COG"),
            ("CHINA (INCLUDES TIBET, HONG KONG, AND MACAU)", "CHN"),
            ("UNITED STATES OF AMERICA", "USA"),
            ("PAPUA GUINEA NEW", "PNG"),
            ("mex", "MEX"),
            ("mexico", "MEX"),
        ];
        for (name, iso3) in cases {
            let c = reg.resolve(name).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(c.iso3, iso3, "{name}");
        }
    }

    #[test]
    fn unknown_name_is_a_clear_error() {
        let err = CountryRegistry::embedded().resolve("Atlantis").unwrap_err();
        assert!(err.to_string().contains("Atlantis"));
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let csv = "name,iso3,cow,region,aliases\nA,AAA,,Europe,X\nB,BBB,,Europe,x\n";
        assert!(CountryRegistry::from_csv(csv).is_err());
    }
}
