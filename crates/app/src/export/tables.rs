//! Building the tables from stored narratives and the tier history. Pure: rows come out in
//! a fixed order (country, year, then text position or source).

use super::{Cell, ColType, Column, Table};
use tierwatch_history::TierHistory;
use tierwatch_model::{Country, CountryRegistry, Fact, FactKind, FactValue, PenaltyMax, Period, Tier};
use tierwatch_store::StoredDocument;

const fn col(name: &'static str, ty: ColType, nullable: bool, description: &'static str) -> Column {
    Column { name, ty, nullable, description }
}

/// The country columns every table starts with.
fn country_columns() -> Vec<Column> {
    vec![
        col("iso3", ColType::Str, false, "ISO 3166-1 alpha-3 code of the country the narrative is about (XKX for Kosovo)."),
        col("cow", ColType::Int, true, "Correlates of War state number (null for territories COW does not code)."),
        col("country", ColType::Str, false, "Canonical country name (data/countries.csv)."),
        col("region", ColType::Str, false, "State Department region of the TIP Report."),
        col("report_year", ColType::Int, false, "Year the TIP Report was published (its data mostly cover the year before)."),
    ]
}

fn country_cells(iso3: &str, year: u16) -> Vec<Cell> {
    let c: Option<&Country> = CountryRegistry::embedded().by_iso3(iso3);
    vec![
        Cell::str(iso3),
        Cell::opt_int(c.and_then(|c| c.cow).map(i64::from)),
        Cell::str(c.map(|c| c.name.clone()).unwrap_or_default()),
        Cell::str(c.map(|c| c.region.clone()).unwrap_or_else(|| "unknown".into())),
        Cell::Int(year as i64),
    ]
}

fn provenance_columns() -> Vec<Column> {
    vec![
        col("document_id", ColType::Str, false, "SHA-256 of the narrative text the fact was read from (tierwatch show / facts)."),
        col("fact_id", ColType::Str, false, "Stable id of the fact (hash of document, kind, range, value and period)."),
        col("start", ColType::Int, false, "Start byte offset (inclusive, UTF-8) of the quote in the narrative text."),
        col("end", ColType::Int, false, "End byte offset (exclusive) of the quote in the narrative text."),
        col("quote", ColType::Str, false, "The exact text the fact was read from: text[start:end] of the narrative."),
        col("section", ColType::Str, true, "Section of the narrative the quote is in (see codes)."),
        col("extractor", ColType::Str, false, "Name of the rule family that extracted the fact."),
        col("extractor_version", ColType::Int, false, "Version of that extractor."),
        col("confidence", ColType::Float, false, "Extractor confidence, 0 to 1."),
    ]
}

fn provenance_cells(f: &Fact) -> Vec<Cell> {
    let p = &f.provenance;
    vec![
        Cell::str(p.document.0.clone()),
        Cell::str(f.id()),
        Cell::Int(p.range.start as i64),
        Cell::Int(p.range.end as i64),
        Cell::str(p.quote.clone()),
        Cell::opt_str(p.section.map(|s| s.code())),
        Cell::str(p.extractor.clone()),
        Cell::Int(p.extractor_version as i64),
        // f32 -> its shortest decimal, so 0.9 is 0.9 and not 0.899999976.
        Cell::Float(f.confidence.to_string().parse().unwrap_or(f.confidence as f64)),
    ]
}

fn period_cells(p: Period) -> [Cell; 2] {
    match p {
        Period::Year(y) => [Cell::str(y.to_string()), Cell::Int(y as i64)],
        Period::ReportingPeriod => [Cell::str("reporting_period"), Cell::Null],
        Period::PreviousPeriod => [Cell::str("previous_period"), Cell::Null],
        Period::Unknown => [Cell::Null, Cell::Null],
    }
}

fn years(y: f64) -> Cell {
    Cell::Float(y)
}

/// One row per fact of every narrative.
pub fn facts(docs: &[StoredDocument]) -> Table {
    let mut columns = country_columns();
    columns.extend([
        col("stated_tier", ColType::Str, true, "Tier the narrative's heading states (see codes)."),
        col("kind", ColType::Str, false, "What the fact is about (see codes)."),
        col("value", ColType::Str, false, "The value as text: a number, true/false, a code, \"5-30 years\", \"Honduras -> Mexico\"."),
        col("value_int", ColType::Int, true, "The value when it is a whole number (counts, years on a list)."),
        col("value_bool", ColType::Bool, true, "The value when it is true/false."),
        col("value_text", ColType::Str, true, "The value when it is a code or text (tier codes, roles, forms, laws, recommendations)."),
        col("penalty_min_years", ColType::Float, true, "Penalty facts: minimum prison term in years (months as fractions)."),
        col("penalty_max_years", ColType::Float, true, "Penalty facts: maximum prison term in years (null when life or unknown)."),
        col("penalty_max_life", ColType::Bool, true, "Penalty facts: true when the maximum is life imprisonment."),
        col("flow_origin", ColType::Str, true, "Flow facts: where victims come from."),
        col("flow_destination", ColType::Str, true, "Flow facts: where victims are taken."),
        col("period", ColType::Str, true, "Time the fact refers to: a year, reporting_period or previous_period (null: not stated)."),
        col("period_year", ColType::Int, true, "The period when it is a calendar year."),
        col("qualifier", ColType::Str, false, "How exact a number is: exact, at_least, approximately, more_than, fewer_than."),
        col("scope", ColType::Str, true, "Which part a count or penalty covers (e.g. federal, state, officials, main)."),
        col("unit", ColType::Str, true, "What a count counts (cases, suspects, defendants, victims) or years for penalties."),
    ]);
    columns.extend(provenance_columns());
    let mut rows = Vec::new();
    for d in docs {
        let m = &d.document.metadata;
        let year = m.report_year.map(|y| y.get()).unwrap_or(0);
        for f in &d.facts {
            let mut row = country_cells(&m.iso3, year);
            row.push(Cell::opt_str(m.stated_tier.map(Tier::code)));
            row.push(Cell::str(f.kind.code()));
            row.push(Cell::str(f.value.render()));
            let (mut vi, mut vb, mut vt) = (Cell::Null, Cell::Null, Cell::Null);
            let (mut pmin, mut pmax, mut plife) = (Cell::Null, Cell::Null, Cell::Null);
            let (mut fo, mut fd) = (Cell::Null, Cell::Null);
            match &f.value {
                FactValue::Int(i) => vi = Cell::Int(*i),
                FactValue::Bool(b) => vb = Cell::Bool(*b),
                FactValue::Text(t) => vt = Cell::str(t.clone()),
                FactValue::Penalty { min, max } => {
                    pmin = Cell::opt_float(*min);
                    (pmax, plife) = match max {
                        Some(PenaltyMax::Years(y)) => (years(*y), Cell::Bool(false)),
                        Some(PenaltyMax::Life) => (Cell::Null, Cell::Bool(true)),
                        None => (Cell::Null, Cell::Null),
                    };
                }
                FactValue::Flow { origin, destination } => {
                    fo = Cell::str(origin.clone());
                    fd = Cell::str(destination.clone());
                }
            }
            row.extend([vi, vb, vt, pmin, pmax, plife, fo, fd]);
            row.extend(period_cells(f.period));
            row.push(Cell::str(serde_json::to_value(f.qualifier).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()));
            row.push(Cell::opt_str(f.scope.clone()));
            row.push(Cell::opt_str(f.unit.clone()));
            row.extend(provenance_cells(f));
            rows.push(row);
        }
    }
    Table { name: "facts", description: "One row per fact extracted from a stored narrative (country-year-fact), with its provenance.", columns, rows }
}

/// One row per victim flow (flow facts), with the other end's codes where the registry knows it.
pub fn flows(docs: &[StoredDocument]) -> Table {
    let mut columns = country_columns();
    columns.extend([
        col("stated_tier", ColType::Str, true, "Tier the narrative's heading states (see codes)."),
        col("origin", ColType::Str, false, "Where victims come from, as the narrative names it."),
        col("origin_iso3", ColType::Str, true, "ISO3 of the origin when it names a country (null for regions such as \"Central America\")."),
        col("origin_cow", ColType::Int, true, "COW code of the origin country."),
        col("destination", ColType::Str, false, "Where victims are taken, as the narrative names it."),
        col("destination_iso3", ColType::Str, true, "ISO3 of the destination when it names a country."),
        col("destination_cow", ColType::Int, true, "COW code of the destination country."),
        col("period", ColType::Str, true, "Time the flow refers to (usually null: not stated)."),
    ]);
    columns.extend(provenance_columns());
    let reg = CountryRegistry::embedded();
    let mut rows = Vec::new();
    for d in docs {
        let m = &d.document.metadata;
        let year = m.report_year.map(|y| y.get()).unwrap_or(0);
        for f in d.facts.iter().filter(|f| f.kind == FactKind::Flow) {
            let FactValue::Flow { origin, destination } = &f.value else { continue };
            let (o, dst) = (reg.lookup(origin), reg.lookup(destination));
            let mut row = country_cells(&m.iso3, year);
            row.push(Cell::opt_str(m.stated_tier.map(Tier::code)));
            row.extend([
                Cell::str(origin.clone()),
                Cell::opt_str(o.map(|c| c.iso3.clone())),
                Cell::opt_int(o.and_then(|c| c.cow).map(i64::from)),
                Cell::str(destination.clone()),
                Cell::opt_str(dst.map(|c| c.iso3.clone())),
                Cell::opt_int(dst.and_then(|c| c.cow).map(i64::from)),
            ]);
            let [p, _] = period_cells(f.period);
            row.push(p);
            row.extend(provenance_cells(f));
            rows.push(row);
        }
    }
    Table { name: "flows", description: "One row per victim flow (origin -> destination) a narrative states, with provenance.", columns, rows }
}

/// One row per (country, report year, source) of the tier history.
pub fn tiers(history: &TierHistory) -> Table {
    let mut columns = country_columns();
    columns.extend([
        col("tier", ColType::Str, true, "The tier this source gives (see codes; null: the source has the row but no value)."),
        col("tier_ordinal", ColType::Int, true, "Ordinal scale: 1 = tier1, 2 = tier2, 3 = tier2_watch_list, 4 = tier3 (null: special case or unknown)."),
        col("source", ColType::Str, false, "Who says so: a reference table, or narrative:<document id> for a stored narrative."),
        col("note", ColType::Str, true, "The source's own remark, if any."),
        col("agreed_tier", ColType::Str, true, "The tier when every source that knows one agrees (null when they conflict or none knows)."),
        col("conflict", ColType::Bool, false, "True when two sources give different tiers for this country-year."),
    ]);
    let mut rows = Vec::new();
    for r in history.records() {
        let placement = history.placement(&r.iso3, r.report_year);
        let mut row = country_cells(&r.iso3, r.report_year.get());
        row.extend([
            Cell::opt_str(r.tier.map(Tier::code)),
            Cell::opt_int(r.tier.and_then(Tier::ordinal).map(i64::from)),
            Cell::str(r.source.clone()),
            Cell::opt_str(r.note.clone()),
            Cell::opt_str(placement.as_ref().and_then(|p| p.agreed).map(Tier::code)),
            Cell::Bool(placement.as_ref().is_some_and(|p| p.conflict)),
        ]);
        rows.push(row);
    }
    Table { name: "tiers", description: "Tier placements by country and report year, one row per source (every source kept).", columns, rows }
}

/// The row of one assessment (see [`assessments`]).
pub fn assessment_row(
    s: &tierwatch_store::DocumentSummary,
    outcome: &str,
    assessed: Option<Tier>,
    edition: Option<String>,
    reasons: &[&str],
    diagnostics: usize,
) -> Vec<Cell> {
    let mut row = country_cells(&s.iso3, s.report_year);
    row.extend([
        Cell::opt_str(s.stated_tier.map(Tier::code)),
        Cell::str(outcome),
        Cell::opt_str(assessed.map(Tier::code)),
        Cell::opt_bool(s.stated_tier.zip(assessed).map(|(a, b)| a == b)),
        Cell::opt_str(edition),
        Cell::opt_str((!reasons.is_empty()).then(|| reasons.join("; "))),
        Cell::Int(reasons.len() as i64),
        Cell::Int(diagnostics as i64),
        Cell::str(s.document_id.clone()),
    ]);
    row
}

/// One row per stored narrative with the law engine's assessment.
pub fn assessments(rows: Vec<Vec<Cell>>) -> Table {
    let mut columns = country_columns();
    columns.extend([
        col("stated_tier", ColType::Str, true, "Tier the narrative's heading states (see codes)."),
        col("outcome", ColType::Str, false, "The engine's outcome: a tier code, or undetermined when the findings do not settle it."),
        col("assessed_tier", ColType::Str, true, "The engine's tier (null when undetermined)."),
        col("agrees_with_stated", ColType::Bool, true, "True when the assessed tier equals the stated tier (null when either is missing)."),
        col("edition", ColType::Str, true, "Id of the law edition (law/) in force for the report year."),
        col("reasons", ColType::Str, true, "Rule ids that determined the outcome, in the order they applied, joined by \"; \" (tierwatch assess explains them)."),
        col("reason_count", ColType::Int, false, "Number of deciding rules."),
        col("diagnostics", ColType::Int, false, "Number of diagnostics (missing or conflicting findings) the engine reported."),
        col("document_id", ColType::Str, false, "SHA-256 of the narrative whose stated findings were assessed."),
    ]);
    Table { name: "assessments", description: "One row per stored narrative: the tier the law engine gives from the narrative's stated findings and the tier history, beside the stated tier.", columns, rows }
}
