//! Links from a report's index page to its country pages: the links one path segment below
//! the index page's own path ("…/2018-trafficking-in-persons-report/mexico/").

use scraper::{Html, Selector};

/// Country page URLs linked from `index_html` (served at `index_url`), in page order, once each.
pub fn country_links(index_html: &str, index_url: &str) -> Vec<String> {
    let doc = Html::parse_document(index_html);
    let sel = Selector::parse("a[href]").expect("valid selector");
    let base = index_url.split(['?', '#']).next().unwrap_or(index_url);
    let dir = if base.ends_with('/') { base.to_string() } else { format!("{base}/") };
    let mut out: Vec<String> = Vec::new();
    for a in doc.select(&sel) {
        let Some(url) = resolve(&dir, a.value().attr("href").unwrap_or("").trim()) else { continue };
        let Some(rest) = url.strip_prefix(&dir) else { continue };
        let segment = rest.trim_end_matches('/');
        if segment.is_empty() || segment.contains('/') || segment.starts_with('.') {
            continue;
        }
        if !out.contains(&url) {
            out.push(url);
        }
    }
    out
}

/// `href` resolved against the directory URL `dir` (ending in '/'); fragments and queries dropped.
pub fn resolve(dir: &str, href: &str) -> Option<String> {
    let href = href.split(['#', '?']).next()?;
    if href.is_empty() || href.starts_with("mailto:") || href.starts_with("javascript:") {
        return None;
    }
    let scheme_end = dir.find("://")? + 3;
    let origin_end = dir[scheme_end..].find('/').map(|i| scheme_end + i).unwrap_or(dir.len());
    let url = if href.starts_with("http://") || href.starts_with("https://") {
        href.to_string()
    } else if let Some(rest) = href.strip_prefix("//") {
        format!("{}{rest}", &dir[..scheme_end])
    } else if href.starts_with('/') {
        format!("{}{href}", &dir[..origin_end])
    } else {
        format!("{dir}{href}")
    };
    Some(normalize_dots(&url))
}

fn normalize_dots(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else { return url.to_string() };
    let origin_end = url[scheme_end..].find('/').map(|i| scheme_end + i).unwrap_or(url.len());
    let mut parts: Vec<&str> = Vec::new();
    let path = &url[origin_end..];
    for p in path.split('/').skip(1) {
        match p {
            "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("{}/{}", &url[..origin_end], parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_country_pages_one_level_below_the_index() {
        let index = r#"<a href="/">Home</a><a href="mexico/">Mexico</a><a href="/reports/2018-tip/albania/#x">Albania</a>
            <a href="http://h/reports/2018-tip/mexico/">again</a><a href="../other/">up</a><a href="mexico/sub/">deep</a>"#;
        assert_eq!(
            country_links(index, "http://h/reports/2018-tip/"),
            ["http://h/reports/2018-tip/mexico/", "http://h/reports/2018-tip/albania/"]
        );
        assert_eq!(resolve("http://h/a/b/", "../c").as_deref(), Some("http://h/a/c"));
    }
}
