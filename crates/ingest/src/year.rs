//! Which report year a document belongs to: stated metadata, the `--year` option, or a year
//! named in the file's path ("tip-2018/", "2007-mexico.txt"). Never inferred from the
//! narrative's prose: a year that cannot be determined is an error.

use crate::error::ErrorKind;
use std::path::Path;
use tierwatch_model::ReportYear;

/// A report year named in a path: the nearest component (file name first) that names exactly one.
pub fn year_from_path(path: &str) -> Option<(u16, String)> {
    for comp in Path::new(path).components().rev() {
        let s = comp.as_os_str().to_string_lossy();
        let mut years: Vec<u16> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|t| t.len() == 4 && t.starts_with("20"))
            .filter_map(|t| t.parse().ok())
            .collect();
        years.dedup();
        if years.len() == 1 && ReportYear::new(years[0]).is_some() {
            return Some((years[0], s.into_owned()));
        }
    }
    None
}

/// Decide the year: `stated` (from the document's metadata) must agree with `option`;
/// otherwise the option, then the path.
pub fn resolve_year(
    stated: Option<(u16, &str)>,
    option: Option<u16>,
    path: &str,
) -> Result<(ReportYear, String), ErrorKind> {
    let check = |y: u16| {
        ReportYear::new(y).ok_or_else(|| ErrorKind::NoYear { reason: format!("{y} is not a TIP Report year") })
    };
    match (stated, option) {
        (Some((y, src)), Some(opt)) if y != opt => {
            Err(ErrorKind::YearConflict { found: y, found_source: src.to_string(), option: opt })
        }
        (Some((y, src)), _) => Ok((check(y)?, format!("metadata: {src}"))),
        (None, Some(opt)) => Ok((check(opt)?, "option: --year".to_string())),
        (None, None) => match year_from_path(path) {
            Some((y, comp)) => Ok((check(y)?, format!("path: {comp}"))),
            None => Err(ErrorKind::NoYear {
                reason: "the text states none and the file path names none".to_string(),
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_years() {
        assert_eq!(year_from_path("../shared/corpus/tip-2018/mexico.txt").unwrap().0, 2018);
        assert_eq!(year_from_path("corpus/refworld/2007-mexico.txt").unwrap().0, 2007);
        assert_eq!(year_from_path("x/2017-2018/mexico.txt"), None);
        assert_eq!(year_from_path("x/mexico.txt"), None);
        assert_eq!(year_from_path("x/page-20181.txt"), None);
    }

    #[test]
    fn option_conflicts_with_stated() {
        assert!(matches!(resolve_year(Some((2007, "title")), Some(2018), "a"), Err(ErrorKind::YearConflict { .. })));
        assert_eq!(resolve_year(None, Some(2018), "a").unwrap().0, ReportYear(2018));
        assert!(matches!(resolve_year(None, None, "a.txt"), Err(ErrorKind::NoYear { .. })));
    }
}
