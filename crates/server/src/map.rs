//! World map shapes: `world.json` as written by `crates/server/web/build-map.mjs` from the
//! npm `world-atlas` package (Natural Earth, 1:110m, public domain), converted once and kept in
//! the repository (`crates/server/data/world.json`, compiled into the binary), so the map works
//! out of the box; `--map-data PATH` serves another file. Shapes carry ISO 3166-1 numeric ids,
//! turned into alpha-3 by the script; a shape without one (Kosovo) is matched by name through
//! the country registry.

use serde::Deserialize;
use std::path::Path;
use tierwatch_model::CountryRegistry;

/// The shapes shipped with tierwatch (written by `build-map.mjs`).
pub const SHIPPED: &str = include_str!("../data/world.json");

/// What to do when a `--map-data` file cannot be read, shown where the map would be.
pub const INSTALL_HINT: &str = "map data not installed; start the server without `--map-data` for the shipped map, or write one with \
     `npm ci --prefix crates/server/web && node crates/server/web/build-map.mjs` (it writes crates/server/data/world.json)";

/// One country's outline.
#[derive(Debug, Clone)]
pub struct Shape {
    /// Our ISO3 code, if the registry knows the country.
    pub iso3: Option<String>,
    /// The name Natural Earth gives.
    pub name: String,
    /// SVG path data in the map's coordinate space.
    pub d: String,
}

#[derive(Debug, Clone)]
pub struct WorldMap {
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<Shape>,
}

#[derive(Deserialize)]
struct FileShape {
    iso3: Option<String>,
    name: String,
    d: Option<String>,
}

#[derive(Deserialize)]
struct File {
    width: u32,
    height: u32,
    countries: Vec<FileShape>,
}

/// Parse a `world.json`.
pub fn parse(json: &str) -> Result<WorldMap, String> {
    let f: File = serde_json::from_str(json).map_err(|e| format!("map data is not a world.json from build-map.mjs: {e}"))?;
    let reg = CountryRegistry::embedded();
    let shapes = f
        .countries
        .into_iter()
        .filter_map(|c| {
            let d = c.d.filter(|d| !d.is_empty())?;
            let iso3 = c
                .iso3
                .as_deref()
                .and_then(|i| reg.by_iso3(i))
                .or_else(|| reg.lookup(&c.name))
                .map(|c| c.iso3.clone());
            Some(Shape { iso3, name: c.name, d })
        })
        .collect();
    Ok(WorldMap { width: f.width, height: f.height, shapes })
}

/// Load the map (`None`: the shipped one), or say why there is none.
pub fn load(path: Option<&Path>) -> Result<WorldMap, String> {
    let Some(path) = path else { return parse(SHIPPED) };
    match std::fs::read_to_string(path) {
        Ok(s) => parse(&s),
        Err(_) => Err(format!("{INSTALL_HINT} (looked for {})", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_ids_and_names_both_resolve() {
        let m = parse(
            r#"{"width":10,"height":5,"countries":[
                {"numeric":"484","iso3":"MEX","name":"Mexico","d":"M0,0L1,1Z"},
                {"numeric":null,"iso3":null,"name":"Kosovo","d":"M2,2L3,3Z"},
                {"numeric":null,"iso3":null,"name":"Somaliland","d":"M4,4Z"},
                {"numeric":"999","iso3":null,"name":"Nowhere","d":null}]}"#,
        )
        .unwrap();
        let codes: Vec<Option<&str>> = m.shapes.iter().map(|s| s.iso3.as_deref()).collect();
        assert_eq!(codes, vec![Some("MEX"), Some("XKX"), None]);
    }

    #[test]
    fn the_shipped_map_has_the_countries_of_the_report() {
        let m = load(None).unwrap();
        let has = |c: &str| m.shapes.iter().any(|s| s.iso3.as_deref() == Some(c));
        assert!(m.shapes.len() > 150 && has("MEX") && has("THA") && has("XKX"), "{}", m.shapes.len());
    }

    #[test]
    fn missing_file_says_how_to_install() {
        let e = load(Some(Path::new("/nonexistent/world.json"))).unwrap_err();
        assert!(e.contains("npm ci --prefix crates/server/web") && e.contains("/nonexistent/world.json"));
    }
}
