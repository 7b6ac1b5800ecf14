//! Sentence boundaries inside a paragraph, as byte ranges.
//!
//! A boundary is sentence-final punctuation (plus closing quotes or brackets) followed by
//! white space and a sentence opener, or glued directly to a capitalised word when two
//! paragraphs lost their break in PDF extraction ("traffickers.During"). Abbreviations
//! ("Art.", "No. 14", "U. S.", initials), decimals and thousands separators ("1,814", "2.5")
//! do not end sentences.

use tierwatch_model::TextRange;

const ABBREVIATIONS: &[&str] = &[
    "Art", "Arts", "No", "Nos", "Dr", "Mr", "Mrs", "Ms", "St", "Ste", "Mt", "Jr", "Sr", "Gen", "Gov", "Sen", "Rep",
    "Lt", "Col", "Capt", "Sgt", "Prof", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "approx", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "para", "paras", "Sec", "Ch", "Vol", "cf", "al", "Fig",
    "e.g", "i.e", "U.S", "U.K", "U.N", "p", "pp", "Pub", "L", "Stat", "Hon", "Amb",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', 'ﬂ', '»'];
const OPENERS: &[char] = &['"', '“', '‘', '(', '[', 'ﬁ', '«', '\''];

/// Split `range` of `text` into sentence ranges (trimmed, non-empty, in order).
pub fn split_sentences(text: &str, range: TextRange) -> Vec<TextRange> {
    let para = range.slice(text);
    let mut out = Vec::new();
    let mut start = 0usize;
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if matches!(c, '.' | '!' | '?') {
            // Extend over repeated punctuation and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len() && (CLOSERS.contains(&chars[j].1) || matches!(chars[j].1, '.' | '!' | '?')) {
                j += 1;
            }
            let end = chars.get(j).map(|&(p, _)| p).unwrap_or(para.len());
            if is_boundary(para, &chars, i, j) {
                push(&mut out, text, range.start + start, range.start + end);
                start = end;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(&mut out, text, range.start + start, range.end);
    out
}

fn push(out: &mut Vec<TextRange>, text: &str, start: usize, end: usize) {
    let r = TextRange::new(start, end).trim(text);
    if !r.is_empty() {
        out.push(r);
    }
}

/// Is the punctuation at `chars[i]` (closers up to `j`) a sentence end?
fn is_boundary(para: &str, chars: &[(usize, char)], i: usize, j: usize) -> bool {
    let c = chars[i].1;
    if j >= chars.len() {
        return false; // end of paragraph: handled by the final push
    }
    let word = word_before(para, chars[i].0);
    let next = chars[j].1;
    if next.is_whitespace() {
        // Find the first non-space character after the gap.
        let Some(&(_, after)) = chars[j..].iter().find(|(_, ch)| !ch.is_whitespace()) else { return false };
        let opener = after.is_uppercase() || after.is_ascii_digit() || OPENERS.contains(&after);
        if !opener {
            return false;
        }
        if c == '.' && is_abbreviation(word, after) {
            return false;
        }
        return true;
    }
    // Glued: "traffickers.During", "to China.Laos is", "($6,870).During" — a lowercase or
    // capitalised word (not an abbreviation), a number or a closing bracket, then a
    // capitalised word.
    if c == '.' && next.is_uppercase() {
        let after_next = chars.get(j + 1).map(|&(_, ch)| ch);
        let lower_word = word.chars().count() >= 2 && word.chars().all(|ch| ch.is_lowercase() || ch == '-');
        let digits = word.chars().count() >= 2 && word.chars().all(|ch| ch.is_ascii_digit() || ch == ')');
        let mut letters = word.chars();
        let capitalised = word.chars().count() >= 3
            && letters.next().is_some_and(char::is_uppercase)
            && letters.all(char::is_lowercase)
            && !ABBREVIATIONS.contains(&word);
        let bracket = para[..chars[i].0].ends_with([')', ']']);
        return (lower_word || digits || capitalised || bracket) && after_next.is_some_and(|ch| ch.is_lowercase());
    }
    false
}

/// The word (letters, digits, inner dots) right before byte `pos`.
fn word_before(para: &str, pos: usize) -> &str {
    let before = &para[..pos];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, ch)| !(ch.is_alphanumeric() || ch == '.'))
        .map(|(p, ch)| p + ch.len_utf8())
        .unwrap_or(0);
    &before[start..]
}

fn is_abbreviation(word: &str, next: char) -> bool {
    let w = word.trim_start_matches('.');
    if w.is_empty() {
        return false;
    }
    // Single capital initials: "U. S.", "J. Smith".
    if w.chars().count() == 1 && w.chars().all(|ch| ch.is_uppercase()) {
        return true;
    }
    // Dotted acronyms: "U.S", "e.g".
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    if ["No", "Nos", "Art", "Arts", "p", "pp", "para", "paras", "Sec", "Vol", "Ch"].contains(&w) {
        return next.is_ascii_digit() || next.is_uppercase() && w != "No";
    }
    ABBREVIATIONS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_sentences(s, TextRange::new(0, s.len())).into_iter().map(|r| r.slice(s)).collect()
    }

    #[test]
    fn ordinary_sentences() {
        assert_eq!(split("One two. Three four! Five? Six."), vec!["One two.", "Three four!", "Five?", "Six."]);
    }

    #[test]
    fn abbreviations_and_numbers_do_not_split() {
        let s = "In a new trend, the trafficking of U. S. -resident children was reported. Art. 201 of Law No. 14-01 prescribed 2.5 years for 1,814 cases. Next one.";
        assert_eq!(split(s).len(), 3, "{:?}", split(s));
        let s = "The U.S. government and the U.N. agency met Dr. Smith in St. Lucia. Then more.";
        assert_eq!(split(s).len(), 2, "{:?}", split(s));
    }

    #[test]
    fn glued_paragraphs_split_but_page_headers_do_not() {
        let s = "It convicted sex traffickers.During the reporting period it investigated 12 cases involving 302MEXICOorganized crime groups.";
        assert_eq!(split(s), vec!["It convicted sex traffickers.", "During the reporting period it investigated 12 cases involving 302MEXICOorganized crime groups."]);
        // after a proper noun or a closing bracket too; not after an abbreviation
        let s = "Girls were sent to China.Laos is a transit country. It paid 25,000 riyal ($6,870).During the year it met Mr.Smith in St.Lucia.";
        assert_eq!(split(s), vec!["Girls were sent to China.", "Laos is a transit country.", "It paid 25,000 riyal ($6,870).", "During the year it met Mr.Smith in St.Lucia."]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let s = "It said ﬁthis is a country.ﬂ The next sentence. Another (in parentheses.) Last.";
        assert_eq!(split(s), vec!["It said ﬁthis is a country.ﬂ", "The next sentence.", "Another (in parentheses.)", "Last."]);
    }

    #[test]
    fn ranges_are_offsets_into_the_whole_text() {
        let text = "HEAD\nFirst one. Second one.";
        let r = split_sentences(text, TextRange::new(5, text.len()));
        assert_eq!(r.iter().map(|r| r.slice(text)).collect::<Vec<_>>(), vec!["First one.", "Second one."]);
    }
}
