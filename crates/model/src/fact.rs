//! Facts: what a narrative states, typed, each tied to the sentence it came from.

use crate::{DocId, SectionKind, TextRange};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

/// What a fact is about. Names follow the gold vocabulary (../shared/gold/SCHEMA.md) where it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// Stated tier for the report year (value: tier code).
    Tier,
    /// remained | upgraded | downgraded.
    TierMovement,
    /// The tier of the previous report, when the text names it.
    PreviousTier,
    /// "fully meets" (true) / "does not fully meet" (false) the minimum standards.
    FullyMeetsStandards,
    /// Making significant efforts (true) or not (false).
    SignificantEfforts,
    /// Increasing efforts compared to the previous reporting period (true) or not (false).
    IncreasingEfforts,
    /// The watch-list basis: future_commitments | victims_number | no_increasing_efforts.
    WatchListBasis,
    WatchListConsecutiveYears,
    Waiver,
    AutoDowngrade,
    /// Consecutive years as a Special Case.
    SpecialCaseConsecutiveYears,
    /// source | transit | destination.
    Role,
    /// A form of trafficking (gold vocabulary, e.g. forced_labor).
    Form,
    /// A victim flow, origin -> destination.
    Flow,
    VulnerableGroup,
    Investigations,
    Prosecutions,
    Convictions,
    VictimsIdentified,
    /// A statute or article that criminalizes trafficking.
    Law,
    /// A prescribed penalty range in years.
    Penalty,
    /// The report's judgment of the penalties (sufficiently_stringent, commensurate, ...).
    PenaltyJudgment,
    OfficialComplicity,
    Shelter,
    VictimCareFunding,
    NonPenalization,
    NationalActionPlan,
    /// One item of the recommendations list.
    Recommendation,
    /// Visas or residence permits granted to trafficking victims (a count).
    VictimVisas,
    /// The report's own judgment of one area's trend, from the sentence opening a prosecution,
    /// protection or prevention section ("The government increased law enforcement efforts").
    /// Value: `increased`, `maintained`, `decreased`, `none` (no efforts) or `level` (a judgment
    /// with no trend), optionally `_weak`, `_mixed` or `_strong`; scope: the area
    /// (`law_enforcement`, `protection`, `prevention`). Evidence, not a conclusion.
    EffortsTrend,
    /// "There was a government policy or pattern of human trafficking" (true) or "no ...
    /// policy or pattern" (false): the finding behind the 2019 law's proof of failure to make
    /// significant efforts. A conclusion, masked in blind mode.
    PolicyOrPattern,
}

impl FactKind {
    pub fn code(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    }

    pub fn parse(s: &str) -> Option<FactKind> {
        serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
    }

    /// The four enforcement / identification counts.
    pub fn is_count(self) -> bool {
        matches!(
            self,
            FactKind::Investigations | FactKind::Prosecutions | FactKind::Convictions | FactKind::VictimsIdentified
        )
    }
}

/// The upper end of a penalty range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PenaltyMax {
    Years(f64),
    Life,
}

impl Serialize for PenaltyMax {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PenaltyMax::Years(y) => s.serialize_f64(*y),
            PenaltyMax::Life => s.serialize_str("life"),
        }
    }
}

impl<'de> Deserialize<'de> for PenaltyMax {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Number(n) => Ok(PenaltyMax::Years(n.as_f64().unwrap_or(0.0))),
            serde_json::Value::String(s) if s == "life" => Ok(PenaltyMax::Life),
            other => Err(serde::de::Error::custom(format!("bad penalty max {other}"))),
        }
    }
}

/// A typed fact value. Serialised untagged, so JSON shows the plain value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FactValue {
    Bool(bool),
    Int(i64),
    Text(String),
    // Flow before Penalty: untagged deserialisation takes the first variant that fits, and
    // a penalty's fields are all optional.
    Flow { origin: String, destination: String },
    Penalty { min: Option<f64>, max: Option<PenaltyMax> },
}

impl FactValue {
    pub fn as_int(&self) -> Option<i64> {
        match self {
            FactValue::Int(i) => Some(*i),
            _ => None,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            FactValue::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            FactValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A compact human rendering ("12", "tier2", "5-30 years", "Honduras -> Mexico").
    pub fn render(&self) -> String {
        match self {
            FactValue::Bool(b) => b.to_string(),
            FactValue::Int(i) => i.to_string(),
            FactValue::Text(s) => s.clone(),
            FactValue::Penalty { min, max } => {
                let min = min.map(fmt_years).unwrap_or_else(|| "?".into());
                let max = match max {
                    Some(PenaltyMax::Years(y)) => fmt_years(*y),
                    Some(PenaltyMax::Life) => "life".into(),
                    None => "?".into(),
                };
                format!("{min}-{max} years")
            }
            FactValue::Flow { origin, destination } => format!("{origin} -> {destination}"),
        }
    }
}

fn fmt_years(y: f64) -> String {
    if y.fract() == 0.0 {
        format!("{}", y as i64)
    } else {
        format!("{y}")
    }
}

/// The time a count refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Year(u16),
    ReportingPeriod,
    PreviousPeriod,
    Unknown,
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Period::Year(y) => s.serialize_u16(*y),
            Period::ReportingPeriod => s.serialize_str("reporting_period"),
            Period::PreviousPeriod => s.serialize_str("previous_period"),
            Period::Unknown => s.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match serde_json::Value::deserialize(d)? {
            serde_json::Value::Number(n) => Period::Year(n.as_u64().unwrap_or(0) as u16),
            serde_json::Value::String(s) if s == "reporting_period" => Period::ReportingPeriod,
            serde_json::Value::String(s) if s == "previous_period" => Period::PreviousPeriod,
            _ => Period::Unknown,
        })
    }
}

/// How exact a stated number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    AtLeast,
    Approximately,
    MoreThan,
    FewerThan,
}

/// Where a fact came from: the exact bytes of the document text, and who extracted it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub document: DocId,
    #[serde(flatten)]
    pub range: TextRange,
    /// Exactly `document.text[range]`.
    pub quote: String,
    pub section: Option<SectionKind>,
    pub extractor: String,
    pub extractor_version: u32,
}

/// One statement of a narrative as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub kind: FactKind,
    pub value: FactValue,
    pub period: Period,
    pub qualifier: Qualifier,
    /// e.g. "federal", "state", "officials".
    pub scope: Option<String>,
    /// e.g. "cases", "suspects", "defendants", "victims".
    pub unit: Option<String>,
    pub confidence: f32,
    #[serde(flatten)]
    pub provenance: Provenance,
}

impl Fact {
    /// A stable id: the hash of document, kind, range and value (16 hex digits).
    pub fn id(&self) -> String {
        let mut h = Sha256::new();
        h.update(self.provenance.document.0.as_bytes());
        h.update(self.kind.code().as_bytes());
        h.update(self.provenance.range.start.to_le_bytes());
        h.update(self.provenance.range.end.to_le_bytes());
        h.update(self.value.render().as_bytes());
        h.update(serde_json::to_string(&self.period).unwrap_or_default().as_bytes());
        hex::encode(&h.finalize()[..8])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_has_flat_provenance() {
        let f = Fact {
            kind: FactKind::Convictions,
            value: FactValue::Int(1),
            period: Period::Year(2006),
            qualifier: Qualifier::AtLeast,
            scope: None,
            unit: None,
            confidence: 0.9,
            provenance: Provenance {
                document: DocId("d".into()),
                range: TextRange::new(3, 9),
                quote: "quoted".into(),
                section: Some(SectionKind::Prosecution),
                extractor: "counts".into(),
                extractor_version: 1,
            },
        };
        let v = serde_json::to_value(&f).unwrap();
        assert_eq!(v["kind"], "convictions");
        assert_eq!(v["value"], 1);
        assert_eq!(v["period"], 2006);
        assert_eq!(v["qualifier"], "at_least");
        assert_eq!(v["start"], 3);
        assert_eq!(v["end"], 9);
        let back: Fact = serde_json::from_value(v).unwrap();
        assert_eq!(back, f);
    }

    #[test]
    fn penalty_and_period_round_trip() {
        let v = FactValue::Penalty { min: None, max: Some(PenaltyMax::Life) };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, serde_json::json!({"min": null, "max": "life"}));
        assert_eq!(serde_json::from_value::<FactValue>(j).unwrap(), v);
        let flow = FactValue::Flow { origin: "Honduras".into(), destination: "Mexico".into() };
        assert_eq!(serde_json::from_value::<FactValue>(serde_json::to_value(&flow).unwrap()).unwrap(), flow);
        for p in [Period::Year(2017), Period::ReportingPeriod, Period::PreviousPeriod, Period::Unknown] {
            let j = serde_json::to_value(p).unwrap();
            assert_eq!(serde_json::from_value::<Period>(j).unwrap(), p);
        }
        assert_eq!(FactKind::parse("victims_identified"), Some(FactKind::VictimsIdentified));
        assert_eq!(FactKind::WatchListConsecutiveYears.code(), "watch_list_consecutive_years");
    }
}
