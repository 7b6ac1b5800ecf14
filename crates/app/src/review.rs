//! The review workflow's rules: which role may make which write, and the transitions of a
//! team assessment — an analyst (or reviewer) submits their own draft; a reviewer approves
//! it or returns it with a comment, never their own. The store makes each transition, with
//! its audit entry, only from the state it expects (else a `StoreError::Conflict`, which the
//! server answers with 409).
//!
//! | write | analyst | reviewer | admin |
//! |---|---|---|---|
//! | draft, revise, submit (own) | yes | yes | no |
//! | approve, return (others') | no | yes | no |
//! | manage users | no | no | yes |

use crate::AppError;
use tierwatch_store::{ReviewState, Role, Store, User, Worksheet};

/// The kinds of write a face can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write {
    /// Save, revise or submit a team assessment.
    Draft,
    /// Approve or return one.
    Decide,
    /// Add or disable accounts.
    ManageUsers,
}

/// Whether `role` may make `write` (the table above).
pub fn may(role: Role, write: Write) -> bool {
    match write {
        Write::Draft => matches!(role, Role::Analyst | Role::Reviewer),
        Write::Decide => role == Role::Reviewer,
        Write::ManageUsers => role == Role::Admin,
    }
}

/// `Ok` if `user` may make `write`, else a [`AppError::Forbidden`] saying who may.
pub fn require(user: &User, write: Write) -> Result<(), AppError> {
    if may(user.role, write) {
        return Ok(());
    }
    let who = match write {
        Write::Draft => "analysts and reviewers draft and submit team assessments",
        Write::Decide => "reviewers approve and return team assessments",
        Write::ManageUsers => "admins manage users",
    };
    Err(AppError::Forbidden(format!("{} is {} {}: {who}", user.name, article(user.role), user.role.code())))
}

fn article(r: Role) -> &'static str {
    if r == Role::Admin || r == Role::Analyst { "an" } else { "a" }
}

/// Worksheet `id`, which must belong to `country` `year`.
pub fn find(store: &Store, country: &str, year: u16, id: i64) -> Result<Worksheet, AppError> {
    let c = crate::lookup::country(country)?;
    store
        .worksheet(id)?
        .filter(|w| w.iso3 == c.iso3 && w.report_year == year)
        .ok_or_else(|| AppError::NotFound(format!("no worksheet {id} for {} {year}", c.iso3)))
}

/// Submit the author's own draft (or returned, revised worksheet) for review.
pub fn submit(store: &Store, by: &User, country: &str, year: u16, id: i64) -> Result<Worksheet, AppError> {
    require(by, Write::Draft)?;
    let w = find(store, country, year, id)?;
    if w.analyst != by.name {
        return Err(AppError::Forbidden(format!("worksheet {id} is {}'s draft; only its author submits it", w.analyst)));
    }
    store.set_actor(&by.name);
    Ok(store.transition_worksheet(id, &[ReviewState::Draft, ReviewState::Returned], ReviewState::Submitted, "")?)
}

/// Approve (`approve`) or return a submitted worksheet; returning needs a comment. A
/// reviewer never decides on their own draft.
pub fn decide(store: &Store, by: &User, country: &str, year: u16, id: i64, approve: bool, comment: &str) -> Result<Worksheet, AppError> {
    require(by, Write::Decide)?;
    let w = find(store, country, year, id)?;
    if w.analyst == by.name {
        return Err(AppError::Forbidden(format!("worksheet {id} is {}'s own draft: another reviewer decides on it", by.name)));
    }
    let comment = comment.trim();
    if !approve && comment.is_empty() {
        return Err(AppError::Invalid("say why when returning a worksheet (a comment is required)".into()));
    }
    if comment.chars().count() > crate::worksheet::MAX_NOTE_CHARS {
        return Err(AppError::Invalid(format!("the comment is longer than {} characters", crate::worksheet::MAX_NOTE_CHARS)));
    }
    store.set_actor(&by.name);
    let to = if approve { ReviewState::Approved } else { ReviewState::Returned };
    Ok(store.transition_worksheet(id, &[ReviewState::Submitted], to, comment)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil;
    use crate::worksheet::{self, Author, Draft};
    use tierwatch_law::Override;
    use tierwatch_store::StoreError;

    #[test]
    fn the_role_table() {
        use Role::*;
        let table = [(Analyst, [true, false, false]), (Reviewer, [true, true, false]), (Admin, [false, false, true])];
        for (role, expect) in table {
            let got = [Write::Draft, Write::Decide, Write::ManageUsers].map(|w| may(role, w));
            assert_eq!(got, expect, "{role:?}");
        }
    }

    #[test]
    fn draft_submit_return_revise_approve_and_no_self_approval() {
        let (store, law) = testutil::mexico_2018_store();
        let add = |n: &str, r| crate::accounts::add_user(&store, n, r, "long enough", "t").unwrap();
        let (ana, ra, rb, adm) = (add("ana", Role::Analyst), add("rev-a", Role::Reviewer), add("rev-b", Role::Reviewer), add("adm", Role::Admin));
        let ov = [Override::parse("significant_efforts=false").unwrap()];
        let d = Draft { overrides: &ov, note: "n", proposed_tier: Some("tier3"), fact_ids: &[] };
        assert!(matches!(worksheet::save(&store, &law, "MEX", 2018, Author::Named("ana"), &d, "t"), Err(AppError::Unauthenticated(_))), "accounts exist: no typed names");
        assert!(matches!(worksheet::save(&store, &law, "MEX", 2018, Author::Account(&adm), &d, "t"), Err(AppError::Forbidden(_))));
        let w = worksheet::save(&store, &law, "MEX", 2018, Author::Account(&ana), &d, "t").unwrap();
        assert_eq!((w.analyst.as_str(), w.state), ("ana", ReviewState::Draft));
        assert!(matches!(submit(&store, &ra, "MEX", 2018, w.id), Err(AppError::Forbidden(_))), "only the author submits");
        assert!(matches!(decide(&store, &ra, "MEX", 2018, w.id, true, ""), Err(AppError::Store(StoreError::Conflict(_)))), "a draft is not decided");
        submit(&store, &ana, "MEX", 2018, w.id).unwrap();
        assert!(matches!(decide(&store, &ana, "MEX", 2018, w.id, true, ""), Err(AppError::Forbidden(_))), "analysts do not approve");
        assert!(matches!(decide(&store, &ra, "MEX", 2018, w.id, false, "  "), Err(AppError::Invalid(_))), "returning needs a comment");
        assert!(matches!(decide(&store, &ra, "PER", 2018, w.id, true, ""), Err(AppError::NotFound(_))), "the id must be of that country-year");
        let back = decide(&store, &ra, "MEX", 2018, w.id, false, "cite the convictions").unwrap();
        assert_eq!(back.state, ReviewState::Returned);
        let d2 = Draft { proposed_tier: Some("tier2_watch_list"), ..d.clone() };
        assert!(matches!(worksheet::revise(&store, &law, "MEX", 2018, &rb, w.id, &d2), Err(AppError::Forbidden(_))), "only the author revises");
        worksheet::revise(&store, &law, "MEX", 2018, &ana, w.id, &d2).unwrap();
        submit(&store, &ana, "MEX", 2018, w.id).unwrap();
        let ok = decide(&store, &rb, "MEX", 2018, w.id, true, "").unwrap();
        assert_eq!((ok.state, ok.decided_by.as_deref(), ok.proposed_tier.as_deref()), (ReviewState::Approved, Some("rev-b"), Some("tier2_watch_list")));

        // A reviewer may draft, but not approve their own draft.
        let own = worksheet::save(&store, &law, "MEX", 2018, Author::Account(&ra), &d, "t").unwrap();
        submit(&store, &ra, "MEX", 2018, own.id).unwrap();
        let err = decide(&store, &ra, "MEX", 2018, own.id, true, "").unwrap_err();
        assert!(matches!(err, AppError::Forbidden(_)) && err.to_string().contains("own draft"), "{err}");
        assert_eq!(store.worksheet(own.id).unwrap().unwrap().state, ReviewState::Submitted, "nothing changed");
        decide(&store, &rb, "MEX", 2018, own.id, true, "").unwrap();
    }

    #[test]
    fn fact_ids_and_tiers_are_checked() {
        let (store, law) = testutil::mexico_2018_store();
        let ov = [Override::parse("significant_efforts=false").unwrap()];
        let bad_fact = ["0000000000000000".to_string()];
        let d = Draft { overrides: &ov, note: "", proposed_tier: None, fact_ids: &bad_fact };
        let err = worksheet::save(&store, &law, "MEX", 2018, Author::Named("ana"), &d, "t").unwrap_err();
        assert!(err.to_string().contains("is not a fact id of MEX 2018"), "{err}");
        let real = [store.get("MEX", 2018).unwrap().unwrap().facts[0].id()];
        let d = Draft { fact_ids: &real, proposed_tier: Some("tier9"), ..d };
        assert!(worksheet::save(&store, &law, "MEX", 2018, Author::Named("ana"), &d, "t").unwrap_err().to_string().contains("unknown tier"));
        let d = Draft { proposed_tier: Some("tier2"), ..d };
        let w = worksheet::save(&store, &law, "MEX", 2018, Author::Named("ana"), &d, "t").unwrap();
        assert_eq!((w.fact_ids.clone(), w.proposed_tier.as_deref()), (real.to_vec(), Some("tier2")));
    }
}
