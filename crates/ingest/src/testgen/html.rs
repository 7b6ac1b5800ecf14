//! HTML pages wrapped around chapter text: state.gov-style country pages (in three markup
//! variants) and a document-database page, each with the furniture a real page has — head
//! scripts and styles, a navigation bar, breadcrumbs, a sidebar, a footer.

use tierwatch_model::heading::find_headings;
use crate::segment::headings::line_heading;

fn escape(s: &str, entities: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if entities && !c.is_ascii() => out.push_str(&format!("&#{};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Break a long paragraph over source lines, as editors and CMSs do.
fn wrap(s: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            if col > 90 {
                out.push_str("\n        ");
                col = 0;
            } else {
                out.push(' ');
            }
        }
        out.push_str(w);
        col += w.len() + 1;
    }
    out
}

fn furniture_top(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <script>window.dataLayer = []; var tpl = '<p>ALBANIA: TIER 1</p>'; if (a < b && c > d) {{}}</script>\n\
         <style>p > strong {{ font-weight: bold; }} .nav a:hover {{ color: red; }}</style>\n</head>\n<body class=\"page\">\n\
         <a class=\"skip-link\" href=\"#main\">Skip to content</a>\n\
         <header class=\"site-header\"><nav class=\"nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/reports/\">Reports</a></li>\
         <li><a href=\"/prosecution/\">PROSECUTION</a></li></ul></nav></header>\n"
    )
}

const FURNITURE_BOTTOM: &str = "<aside class=\"sidebar\"><h2>Related Articles</h2><ul><li>Mexico: TIER 3 archive</li></ul></aside>\n\
    <footer class=\"site-footer\"><p>Back to top</p><p>U.S. Department of State, 2201 C Street NW</p></footer>\n\
    <script src=\"/analytics.js\"></script><script>document.querySelectorAll('p').forEach(function (p) {});</script>\n</body>\n</html>\n";

/// A state.gov-style country page for a chapter text; `variant` (0..3) varies the markup.
pub fn state_gov_page(chapter: &str, country: &str, year: u16, variant: usize) -> String {
    let mut body = String::new();
    for (i, line) in chapter.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let is_title = i == 0 && find_headings(line).first().is_some_and(|h| h.range.len() == line.trim().len());
        let text = escape(line, variant == 1);
        let html = if is_title {
            match variant {
                0 => format!("<p><strong>{text}</strong></p>"),
                1 => format!("<h2 class=\"tier\">{text}</h2>"),
                _ => format!("<p style=\"text-align:left\"><b>{text}</b></p>"),
            }
        } else if line_heading(line).is_some() {
            match variant {
                0 => format!("<h3>{text}</h3>"),
                1 => format!("<p><strong>{text}</strong></p>"),
                _ => format!("<h2><span class=\"h\">{text}</span></h2>"),
            }
        } else {
            match variant {
                0 => format!("<p>{text}</p>"),
                1 => format!("<p>\n        {}\n      </p>", wrap(&text)),
                _ => {
                    // An inline link in the middle of the paragraph.
                    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
                    let k = words.len() / 2;
                    words[k] = format!("<a href=\"/glossary/\">{}</a>", words[k]);
                    format!("<div class=\"para\"><p>{}</p></div>", words.join(" "))
                }
            }
        };
        body.push_str(&html);
        body.push('\n');
    }
    format!(
        "{}<div class=\"breadcrumbs\"><a href=\"/\">Home</a> &gt; {year} Trafficking in Persons Report</div>\n\
         <main id=\"main\"><h1 class=\"featured-content__headline\">{country}</h1>\n<div class=\"entry-content\">\n{body}</div>\n\
         <p class=\"share\">Share this page</p></main>\n{FURNITURE_BOTTOM}",
        furniture_top(&format!("{country} - {year} Trafficking in Persons Report - United States Department of State")),
    )
}

/// A document-database page for a Refworld text export: title, metadata table, body.
pub fn refworld_page(export: &str) -> String {
    let mut rows = String::new();
    let mut body = String::new();
    let mut title = String::new();
    let mut in_body = false;
    for line in export.lines().filter(|l| !l.trim().is_empty()) {
        let field = ["Publisher", "Author", "Publication Date", "Cite as"].iter().find(|f| line.starts_with(*f));
        if let Some(f) = field {
            let value = line[f.len()..].trim();
            rows.push_str(&format!("<tr><th scope=\"row\">{f}</th><td>{}</td></tr>\n", escape(value, false)));
        } else if line.contains("Trafficking in Persons Report") && title.is_empty() {
            title = line.trim().to_string();
        } else if line.starts_with("Disclaimer") {
            in_body = true;
            rows.push_str(&format!("<tr><td colspan=\"2\" class=\"disclaimer\">{}</td></tr>\n", escape(line, false)));
        } else if line.starts_with("Search Refworld") {
            break;
        } else if in_body {
            body.push_str(&format!("<p>{}</p>\n", escape(line, false)));
        }
    }
    format!(
        "{}<main><h1>{}</h1>\n<table class=\"metadata\">\n{rows}</table>\n<div class=\"document-body\">\n{body}</div>\n\
         <p>Search Refworld</p></main>\n{FURNITURE_BOTTOM}",
        furniture_top(&format!("Refworld | {}", escape(&title, false))),
        escape(&title, false)
    )
}
