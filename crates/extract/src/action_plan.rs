//! National action plan: whether the government has, adopted or implemented a national
//! action plan against trafficking (true) or lacks one / did not adopt or implement it
//! (false). One fact per sentence that mentions such a plan.

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, SectionKind};

use crate::context::Ctx;

pub const NAME: &str = "action_plan";
pub const VERSION: u32 = 1;

static PLAN: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bnational\s+(?:anti-trafficking\s+|strategic\s+)?(?:action\s+plan|plan\s+of\s+action|plan|strategy)\b|\b(?:NAP|action\s+plan)\b").unwrap()
});
static NEG: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:does|did|do|has|have|had)\s+not\s+(?:yet\s+)?(?:have|adopt|approve|finali[sz]e|implement|complete|develop|launch|allocate|fund|draft)|\black(?:ed|s)?\b|\bno\s+(?:national\s+)?(?:action\s+)?plan|\bexpired\b|\bremained\s+(?:pending|in\s+draft)|\bwithout\s+a\s+(?:national\s+)?(?:action\s+)?plan").unwrap()
});
static POS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:adopted|approved|implemented|implementing|launched|finali[sz]ed|continued|has|had|maintained|allocated|funded|published|validated|enacted|began|operated|under)\b").unwrap()
});

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    for s in cx.sentences() {
        if s.in_any(&[SectionKind::Recommendations, SectionKind::TraffickingProfile]) {
            continue;
        }
        let Some(m) = PLAN.find(s.text) else { continue };
        let v = if NEG.is_match(s.text) {
            false
        } else if POS.is_match(s.text) {
            true
        } else {
            continue;
        };
        out.push(cx.fact(FactKind::NationalActionPlan, FactValue::Bool(v), s.clause(m.start(), m.end()), NAME, VERSION));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{run_kind, values};
    use tierwatch_model::SectionKind::Prevention;

    #[test]
    fn has_or_lacks_a_plan() {
        let f = |t| values(&run_kind(run, "Mexico", Prevention, t, FactKind::NationalActionPlan));
        // -> false
        assert_eq!(f("The government does not have a national action plan to combat human trafficking, although some government agencies have drafted their own."), ["false"]);
        // -> true
        assert_eq!(f("The government adopted a national action plan for 2017-2020."), ["true"]);
    }
}
