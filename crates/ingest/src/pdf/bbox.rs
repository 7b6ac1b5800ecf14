//! Parse `pdftotext -bbox-layout` output: pages of blocks of lines, each with its box
//! (PDF points, y growing downwards from the top of the page).

use crate::html::raw::decode_entities;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BBox {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub bbox: BBox,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub bbox: BBox,
    pub lines: Vec<TextLine>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageBlocks {
    pub height: f32,
    pub blocks: Vec<Block>,
}

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r#"<(page|block|line|word)\b([^>]*)>(?:([^<]*)</word>)?"#).unwrap()
});
static ATTR: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r#"(\w+)="([^"]*)""#).unwrap());

fn bbox(attrs: &str) -> BBox {
    let mut b = BBox::default();
    for c in ATTR.captures_iter(attrs) {
        let v: f32 = c[2].parse().unwrap_or(0.0);
        match &c[1] {
            "xMin" => b.x0 = v,
            "yMin" => b.y0 = v,
            "xMax" => b.x1 = v,
            "yMax" => b.y1 = v,
            _ => {}
        }
    }
    b
}

/// Every page of the document, blocks in pdftotext's order.
pub fn parse(xhtml: &str) -> Vec<PageBlocks> {
    let mut pages: Vec<PageBlocks> = Vec::new();
    for c in TAG.captures_iter(xhtml) {
        let attrs = &c[2];
        match &c[1] {
            "page" => {
                let height = ATTR.captures_iter(attrs).find(|a| &a[1] == "height").and_then(|a| a[2].parse().ok()).unwrap_or(792.0);
                pages.push(PageBlocks { height, blocks: vec![] });
            }
            "block" => {
                if let Some(p) = pages.last_mut() {
                    p.blocks.push(Block { bbox: bbox(attrs), lines: vec![] });
                }
            }
            "line" => {
                if let Some(b) = pages.last_mut().and_then(|p| p.blocks.last_mut()) {
                    b.lines.push(TextLine { text: String::new(), bbox: bbox(attrs) });
                }
            }
            _ => {
                let word = decode_entities(c.get(3).map(|m| m.as_str()).unwrap_or(""));
                if let Some(l) = pages.last_mut().and_then(|p| p.blocks.last_mut()).and_then(|b| b.lines.last_mut()) {
                    if !l.text.is_empty() {
                        l.text.push(' ');
                    }
                    l.text.push_str(&word);
                }
            }
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_pages_blocks_lines_words() {
        let x = r#"<doc><page width="612" height="792"><flow><block xMin="60" yMin="70" xMax="300" yMax="90">
            <line xMin="60" yMin="70" xMax="300" yMax="80"><word xMin="60" yMin="70" xMax="80" yMax="80">A&amp;B</word>
            <word xMin="90" yMin="70" xMax="99" yMax="80">c</word></line></block></flow></page><page height="500"></page></doc>"#;
        let p = parse(x);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].blocks[0].lines[0].text, "A&B c");
        assert_eq!(p[0].blocks[0].bbox.y1, 90.0);
        assert_eq!(p[1].height, 500.0);
    }
}
