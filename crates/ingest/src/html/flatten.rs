//! An HTML page's content as lines of text: block elements (paragraphs, headings, list
//! items, table rows) become lines, inline markup is joined, white space collapses, and page
//! furniture (scripts, styles, navigation, headers, footers, sidebars, hidden elements) is
//! dropped. Each line keeps the source bytes of the text nodes it came from.

use super::raw::{text_runs, Run};
use crate::shape::Line;
use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::{Html, Node};
use std::collections::HashMap;
use tierwatch_model::{SourceSpan, TextRange};

/// Elements never read.
const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
    "svg", "iframe", "object", "canvas", "menu", "dialog",
];
/// Words in a class or id that mark page furniture.
const SKIP_WORDS: &[&str] = &[
    "nav", "navbar", "navigation", "menu", "footer", "header", "breadcrumb", "breadcrumbs", "share", "sharing", "social",
    "cookie", "cookies", "sidebar", "skip", "banner", "masthead", "toolbar", "print", "subscribe", "newsletter",
];
/// Elements that start and end a line.
const BLOCK: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "tr", "div", "section", "article", "main", "blockquote",
    "pre", "table", "ul", "ol", "dl", "figure", "figcaption", "address", "body", "caption", "hr",
];

/// Source ranges of the DOM's text nodes, found by matching them in order to the source runs.
pub fn text_positions(doc: &Html, src: &str) -> HashMap<ego_tree::NodeId, (TextRange, bool)> {
    let runs: Vec<Run> = text_runs(src);
    let mut at = 0;
    let mut out = HashMap::new();
    for node in doc.tree.root().descendants() {
        let Node::Text(t) = node.value() else { continue };
        let text: &str = t;
        let window = runs.len().min(at + 64);
        if let Some(k) = (at..window).find(|&k| runs[k].decoded == text) {
            let exact = runs[k].range.slice(src) == text;
            out.insert(node.id(), (runs[k].range, exact));
            at = k + 1;
        }
    }
    out
}

struct Walk<'a> {
    positions: &'a HashMap<ego_tree::NodeId, (TextRange, bool)>,
    lines: Vec<Line>,
    cur: Line,
    space: bool,
}

/// The lines of the element `root` (a `main`, `article` or `body`).
pub fn flatten(root: NodeRef<Node>, positions: &HashMap<ego_tree::NodeId, (TextRange, bool)>) -> Vec<Line> {
    let mut w = Walk { positions, lines: Vec::new(), cur: Line::default(), space: false };
    w.visit(root);
    w.end_line();
    w.lines
}

/// A step of the walk: visit a node, or finish an element whose children were visited.
enum Step<'a> {
    Visit(NodeRef<'a, Node>),
    Leave(&'a str),
}

impl Walk<'_> {
    /// Depth-first, in document order, with an explicit stack: a page of 100,000 nested
    /// elements is read like any other (recursion would overflow the thread's stack).
    fn visit(&mut self, root: NodeRef<Node>) {
        let mut stack = vec![Step::Visit(root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Visit(node) => match node.value() {
                    Node::Text(t) => self.text(t, self.positions.get(&node.id()).copied()),
                    Node::Element(e) => {
                        if skipped(e) {
                            continue;
                        }
                        let name = e.name();
                        if name == "br" {
                            self.end_line();
                            continue;
                        }
                        if BLOCK.contains(&name) {
                            self.end_line();
                        }
                        stack.push(Step::Leave(name));
                        // Children are pushed last-first so that they pop in document order.
                        let children: Vec<_> = node.children().collect();
                        stack.extend(children.into_iter().rev().map(Step::Visit));
                    }
                    _ => {}
                },
                Step::Leave(name) => {
                    if BLOCK.contains(&name) {
                        self.end_line();
                    } else if matches!(name, "td" | "th" | "dt") {
                        self.space = true;
                    } else if matches!(name, "strong" | "b" | "span" | "em" | "a") && self.cur_is_heading() {
                        self.end_line();
                    }
                }
            }
        }
    }

    fn cur_is_heading(&self) -> bool {
        !self.cur.text.is_empty() && (self.cur.is_section_heading() || self.cur.is_chapter_heading())
    }

    fn end_line(&mut self) {
        if !self.cur.text.is_empty() {
            self.lines.push(std::mem::take(&mut self.cur));
        }
        self.space = false;
    }

    fn text(&mut self, raw: &str, pos: Option<(TextRange, bool)>) {
        let bytes = raw.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_whitespace() {
                self.space = true;
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if self.space && !self.cur.text.is_empty() {
                self.cur.text.push(' ');
            }
            self.space = false;
            let at = self.cur.text.len();
            self.cur.text.push_str(&raw[start..i]);
            let text = TextRange::new(at, self.cur.text.len());
            let Some((range, exact)) = pos else { continue };
            let source = if exact { TextRange::new(range.start + start, range.start + i) } else { range };
            self.piece(SourceSpan { text, source, page: None }, exact);
        }
    }

    /// Record a piece, extending the previous one when both are one exact run of the source.
    fn piece(&mut self, p: SourceSpan, exact: bool) {
        if let Some(last) = self.cur.pieces.last_mut() {
            let same_run = !exact && last.source == p.source;
            let adjacent = exact
                && last.text.len() == last.source.len()
                && p.text.start - last.text.end == p.source.start.saturating_sub(last.source.end)
                && p.source.start >= last.source.end;
            if same_run || adjacent {
                last.text.end = p.text.end;
                last.source.end = p.source.end;
                return;
            }
        }
        self.cur.pieces.push(p);
    }
}

fn skipped(e: &Element) -> bool {
    if SKIP.contains(&e.name()) || e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("role").is_some_and(|r| matches!(r, "navigation" | "banner" | "contentinfo" | "search")) {
        return true;
    }
    let style = e.attr("style").unwrap_or("").replace(' ', "").to_ascii_lowercase();
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return true;
    }
    let names = e.classes().chain(e.id());
    names.flat_map(|n| n.split(['-', '_'])).any(|w| SKIP_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}
