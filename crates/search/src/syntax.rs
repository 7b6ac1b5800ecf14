//! Query syntax the user can get wrong, checked before tantivy sees the query, so that a
//! mistake is reported as what it is and where ("the phrase opened at character 1 is never
//! closed") rather than as a parser's internal message. What this accepts may still be
//! refused by tantivy's grammar; that refusal is a `SearchError::Query` too.

use crate::error::SearchError;

/// Longest query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 1024;

/// Refuse over-long queries, an unclosed `"phrase`, and unbalanced parentheses.
pub fn check(query: &str) -> Result<(), SearchError> {
    if query.len() > MAX_QUERY_BYTES {
        return Err(SearchError::Query(format!("the query is {} bytes long; at most {MAX_QUERY_BYTES} are accepted", query.len())));
    }
    let mut open_quote: Option<usize> = None;
    let mut parens: Vec<usize> = Vec::new();
    for (n, (_, c)) in query.char_indices().enumerate() {
        let at = n + 1;
        match c {
            '"' => open_quote = if open_quote.is_some() { None } else { Some(at) },
            _ if open_quote.is_some() => {}
            '(' => parens.push(at),
            ')' if parens.pop().is_none() => {
                return Err(SearchError::Query(format!("the ')' at character {at} closes no '('")));
            }
            _ => {}
        }
    }
    if let Some(at) = open_quote {
        return Err(SearchError::Query(format!("unbalanced quote: the phrase opened by the '\"' at character {at} is never closed")));
    }
    if let Some(at) = parens.pop() {
        return Err(SearchError::Query(format!("unbalanced parenthesis: the '(' at character {at} is never closed")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(q: &str) -> String {
        check(q).unwrap_err().to_string()
    }

    #[test]
    fn names_the_mistake_and_where() {
        assert!(message("\"unbalanced").contains("unbalanced quote") && message("\"unbalanced").contains("character 1"));
        assert!(message("a (b OR c").contains("'(' at character 3"));
        assert!(message("a) b").contains("')' at character 2"));
        assert!(message(&"x".repeat(2000)).contains("2000 bytes"));
    }

    #[test]
    fn accepts_the_documented_grammar() {
        for q in ["humanitarian visas", "\"forced labor\" AND (brick OR kiln) -bonded", "traffick*", "\"phrase prefi\"*", "\"a ( b\""] {
            assert!(check(q).is_ok(), "{q}");
        }
    }
}
