//! Reading order of a page's blocks by recursive XY-cut: split the blocks at a vertical gap
//! that no block crosses (left part first), else at a horizontal gap (top part first), and
//! recurse. Columns come out left before right even when their paragraph gaps line up or do
//! not; full-width text above or below columns stops the vertical cut, so it comes first or
//! last.

use super::bbox::Block;

/// How deep the cuts may go before a page is read top to bottom instead: real pages need a
/// handful; a damaged or hostile layout (inverted or NaN boxes) must not exhaust the stack.
const MAX_DEPTH: usize = 64;

/// The blocks in reading order.
pub fn reading_order(blocks: Vec<Block>) -> Vec<Block> {
    order(blocks, 0)
}

fn order(blocks: Vec<Block>, depth: usize) -> Vec<Block> {
    if blocks.len() <= 1 {
        return blocks;
    }
    if depth < MAX_DEPTH {
        if let Some((a, b)) = cut(&blocks, 4.0, |b| (b.bbox.x0, b.bbox.x1)).or_else(|| cut(&blocks, 0.0, |b| (b.bbox.y0, b.bbox.y1))) {
            let mut out = order(a, depth + 1);
            out.extend(order(b, depth + 1));
            return out;
        }
    }
    // No gap either way: top to bottom, then left to right.
    let mut blocks = blocks;
    blocks.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0).then(a.bbox.x0.total_cmp(&b.bbox.x0)));
    blocks
}

/// Split at the first gap (wider than `min_gap`) along one axis that no block's extent crosses.
fn cut(blocks: &[Block], min_gap: f32, extent: impl Fn(&Block) -> (f32, f32)) -> Option<(Vec<Block>, Vec<Block>)> {
    let mut spans: Vec<(f32, f32)> = blocks.iter().map(&extent).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut reach = spans[0].1;
    for s in &spans[1..] {
        if s.0 > reach + min_gap {
            let at = (reach + s.0) / 2.0;
            let (a, b): (Vec<Block>, Vec<Block>) = blocks.iter().cloned().partition(|b| extent(b).1 <= at);
            // an inverted or NaN box can leave one side empty: that is no cut
            if a.is_empty() || b.is_empty() {
                return None;
            }
            return Some((a, b));
        }
        reach = reach.max(s.1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::bbox::BBox;

    fn block(name: &str, x0: f32, y0: f32, x1: f32, y1: f32) -> Block {
        Block { bbox: BBox { x0, y0, x1, y1 }, lines: vec![crate::pdf::bbox::TextLine { text: name.into(), bbox: BBox { x0, y0, x1, y1 } }] }
    }

    #[test]
    fn inverted_and_nan_boxes_cannot_recurse_forever() {
        let mut blocks = vec![block("a", 10.0, 10.0, 5.0, 20.0), block("b", f32::NAN, 0.0, f32::NAN, 5.0)];
        for i in 0..5000 {
            blocks.push(block("c", i as f32 * 2.0, 0.0, i as f32 * 2.0 - 1.0, 1.0));
        }
        assert_eq!(reading_order(blocks).len(), 5002);
    }

    #[test]
    fn columns_with_unaligned_paragraphs() {
        // pdftotext's own order for such a page put the right column between the left's paragraphs.
        let blocks = vec![
            block("left 1", 60.0, 80.0, 290.0, 470.0),
            block("right", 316.0, 80.0, 540.0, 710.0),
            block("left 2", 60.0, 490.0, 290.0, 700.0),
            block("full width above", 60.0, 40.0, 540.0, 70.0),
        ];
        let names = |blocks| -> Vec<String> { reading_order(blocks).into_iter().map(|b| b.lines[0].text.clone()).collect() };
        assert_eq!(names(blocks), ["full width above", "left 1", "left 2", "right"]);
        // Paragraph gaps at the same height in both columns.
        let aligned = vec![
            block("r1", 316.0, 80.0, 540.0, 400.0),
            block("l1", 60.0, 80.0, 290.0, 400.0),
            block("l2", 60.0, 420.0, 290.0, 700.0),
            block("r2", 316.0, 420.0, 540.0, 700.0),
        ];
        assert_eq!(names(aligned), ["l1", "l2", "r1", "r2"]);
    }
}
