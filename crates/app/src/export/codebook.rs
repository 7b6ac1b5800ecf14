//! The codebook: a Markdown file beside an export that describes every column and every
//! code a column can hold.

use super::Table;
use tierwatch_model::{CountryRegistry, FactKind, SectionKind, Tier};

/// Fact kinds with what they mean, in codebook order.
const KINDS: &[(FactKind, &str)] = &[
    (FactKind::Tier, "stated tier for the report year (value_text: tier code)"),
    (FactKind::TierMovement, "remained | upgraded | downgraded"),
    (FactKind::PreviousTier, "the previous report's tier, when the text names it"),
    (FactKind::FullyMeetsStandards, "fully meets the minimum standards (true) or not (false)"),
    (FactKind::SignificantEfforts, "making significant efforts (true) or not (false)"),
    (FactKind::IncreasingEfforts, "increasing efforts compared to the previous period (true) or not"),
    (FactKind::WatchListBasis, "basis of a watch-list placement: future_commitments | victims_number | no_increasing_efforts"),
    (FactKind::WatchListConsecutiveYears, "consecutive years on the Tier 2 Watch List"),
    (FactKind::Waiver, "a waiver from an automatic downgrade was granted (true) or not"),
    (FactKind::AutoDowngrade, "automatically downgraded after the watch-list limit"),
    (FactKind::SpecialCaseConsecutiveYears, "consecutive years as a Special Case"),
    (FactKind::Role, "source | transit | destination country"),
    (FactKind::Form, "a form of trafficking (e.g. forced_labor, sex_trafficking)"),
    (FactKind::Flow, "a victim flow, flow_origin -> flow_destination"),
    (FactKind::VulnerableGroup, "a group the narrative names as vulnerable"),
    (FactKind::Investigations, "number of investigations (value_int)"),
    (FactKind::Prosecutions, "number of prosecutions (value_int)"),
    (FactKind::Convictions, "number of convictions (value_int)"),
    (FactKind::VictimsIdentified, "number of victims identified (value_int)"),
    (FactKind::Law, "a statute or article that criminalizes trafficking"),
    (FactKind::Penalty, "a prescribed prison range (penalty_* columns); scope main = the law's main penalty"),
    (FactKind::PenaltyJudgment, "the report's judgment of penalties: sufficiently_stringent, commensurate, and their negations"),
    (FactKind::OfficialComplicity, "official complicity reported (true) or not"),
    (FactKind::Shelter, "shelters available (true) or not"),
    (FactKind::VictimCareFunding, "funding for victim care (false when none, else the text)"),
    (FactKind::NonPenalization, "victims not penalized for unlawful acts (true) or penalized (false)"),
    (FactKind::NationalActionPlan, "a national action plan exists / was adopted (true) or not"),
    (FactKind::Recommendation, "one item of the recommendations list (value_text)"),
    (FactKind::VictimVisas, "visas or residence permits granted to victims (value_int)"),
    (FactKind::PolicyOrPattern, "the report states a government policy or pattern of trafficking (value_bool true) or that there was none (false); the finding behind the 2019 law's proof of failure"),
    (FactKind::EffortsTrend, "the report's judgment of one area's trend opening a P section (value_text: increased, maintained, decreased, none, level, optionally _weak/_mixed/_strong; scope: law_enforcement, protection, prevention)"),
];

/// The codebook of one exported table, as Markdown.
pub fn markdown(table: &Table, data_file: &str) -> String {
    let mut s = format!("# Codebook: {} ({})\n\n{}\n\nRows: {}. Written by `tierwatch export`.\n\n", table.name, data_file, table.description, table.rows.len());
    s.push_str("Missing values are null in Parquet and JSON and empty in CSV. Byte offsets index the UTF-8 text `tierwatch show COUNTRY YEAR --json` prints.\n\n");
    s.push_str("## Columns\n\n| column | type | null allowed | meaning |\n|---|---|---|---|\n");
    for c in &table.columns {
        s.push_str(&format!("| `{}` | {} | {} | {} |\n", c.name, c.ty.label(), if c.nullable { "yes" } else { "no" }, c.description.replace('|', "\\|")));
    }
    s.push_str("\n## Codes\n\n### tier, stated_tier, agreed_tier\n\n| code | label |\n|---|---|\n");
    for t in Tier::ALL {
        s.push_str(&format!("| `{}` | {} |\n", t.code(), t.label()));
    }
    s.push_str("\n### region\n\n");
    let mut regions: Vec<&str> = CountryRegistry::embedded().all().iter().map(|c| c.region.as_str()).collect();
    regions.sort();
    regions.dedup();
    s.push_str(&regions.iter().map(|r| format!("- {r}\n")).collect::<String>());
    if table.columns.iter().any(|c| c.name == "section") {
        s.push_str("\n### section\n\n");
        s.push_str(&SectionKind::ALL.iter().map(|k| format!("- `{}`\n", k.code())).collect::<String>());
    }
    if table.columns.iter().any(|c| c.name == "kind") {
        s.push_str("\n### kind\n\n| code | meaning |\n|---|---|\n");
        for (k, m) in KINDS {
            s.push_str(&format!("| `{}` | {} |\n", k.code(), m.replace('|', "\\|")));
        }
    }
    if table.columns.iter().any(|c| c.name == "qualifier") {
        s.push_str("\n### qualifier\n\n- `exact`\n- `at_least`\n- `approximately`\n- `more_than`\n- `fewer_than`\n");
    }
    if table.columns.iter().any(|c| c.name == "period") {
        s.push_str("\n### period\n\n- a four-digit year (also in `period_year` where present)\n- `reporting_period`: the report's reporting period\n- `previous_period`: the period before it\n- null: the text states none\n");
    }
    s.push_str("\n### iso3, cow\n\nFrom data/countries.csv: ISO 3166-1 alpha-3 (XKX for Kosovo) and the Correlates of War state number (null where COW has none).\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fact_kind_is_described_once() {
        let mut kinds: Vec<FactKind> = KINDS.iter().map(|k| k.0).collect();
        kinds.sort();
        kinds.dedup();
        assert_eq!(kinds.len(), KINDS.len(), "a kind is described twice");
        assert_eq!(kinds.len(), 31, "a FactKind was added or removed: update KINDS");
    }
}
