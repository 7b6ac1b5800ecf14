//! The section-opening judgments over the real corpus: one per prosecution, protection and
//! prevention section, each quoting the chapter's opening clause.

mod common;

use tierwatch_extract::extract;
use tierwatch_ingest::segment;
use tierwatch_model::FactKind;

fn trends(file: &str) -> Vec<(String, String, String)> {
    let doc = common::read(&common::corpus().join(file)).remove(0);
    let seg = segment(&doc.text);
    extract(&doc, &seg)
        .into_iter()
        .filter(|f| f.kind == FactKind::EffortsTrend)
        .map(|f| (f.scope.unwrap_or_default(), f.value.render(), f.provenance.quote))
        .collect()
}

#[test]
fn thailand_2018_opens_each_section_with_its_trend() {
    let t = trends("tip-2018/thailand.txt");
    let got: Vec<(&str, &str)> = t.iter().map(|(a, v, _)| (a.as_str(), v.as_str())).collect();
    assert_eq!(got, [("law_enforcement", "increased"), ("protection", "increased"), ("prevention", "increased")]);
    assert_eq!(t[0].2, "The government increased law enforcement efforts.");
    // The contrast after "but" is not part of the area's judgment.
    assert_eq!(t[1].2, "The government increased efforts to protect victims");
}

#[test]
fn nearly_every_2018_chapter_has_all_three_judgments() {
    let mut with_three = 0;
    let mut chapters = 0;
    for path in common::corpus_files().into_iter().filter(|p| p.parent().is_some_and(|d| d.ends_with("tip-2018"))) {
        for doc in common::read(&path) {
            let seg = segment(&doc.text);
            let areas: std::collections::BTreeSet<String> =
                extract(&doc, &seg).into_iter().filter(|f| f.kind == FactKind::EffortsTrend).filter_map(|f| f.scope).collect();
            chapters += 1;
            if areas.len() == 3 {
                with_three += 1;
            }
        }
    }
    assert!(chapters >= 140, "{chapters}");
    assert!(with_three * 100 >= chapters * 95, "{with_three} of {chapters} chapters have all three judgments");
}
