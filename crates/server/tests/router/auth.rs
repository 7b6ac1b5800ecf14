//! Login, sessions and roles: every write route tried by every role (and by nobody), table
//! driven; reads closed to anonymous visitors once the store has accounts (open with
//! `public_read`); the session cookie's attributes; logout; no self-approval; the worksheet
//! save recording the logged-in account, not a typed name.

use crate::common::{body, build_store, corpus, send};
use axum::body::Body;
use axum::http::{header, Request};
use std::path::PathBuf;
use tierwatch_app::worksheet::{Author, Draft};
use tierwatch_law::{Law, Override};
use tierwatch_server::{router, AppState, Config};
use tierwatch_store::{ReviewState, Role, Store, User};

const PASSWORD: &str = "correct horse battery";

/// A store with Mexico 2018 and four accounts; the router over it.
struct Team {
    _dir: tempfile::TempDir,
    db: PathBuf,
    app: axum::Router,
}

impl Team {
    fn new(public_read: bool, secure_cookies: bool) -> Team {
        let dir = tempfile::tempdir().unwrap();
        let db = build_store(dir.path(), &[corpus().join("tip-2018/mexico.txt")]);
        let store = Store::open(&db).unwrap();
        for (name, role) in [("ana", Role::Analyst), ("rita", Role::Reviewer), ("rex", Role::Reviewer), ("adam", Role::Admin)] {
            tierwatch_app::accounts::add_user(&store, name, role, PASSWORD, "2026-12-02T09:00:00Z").unwrap();
        }
        let config = Config { public_read, secure_cookies, ..Config::new(db.clone().into()) };
        Team { app: router(AppState::new(&config).unwrap()), db, _dir: dir }
    }

    fn store(&self) -> Store {
        Store::open(&self.db).unwrap()
    }

    fn user(&self, name: &str) -> User {
        self.store().user(name).unwrap().unwrap()
    }

    /// A draft of Mexico 2018 by `author` (through the app layer), optionally submitted.
    fn worksheet(&self, author: &str, submitted: bool) -> i64 {
        let store = self.store();
        let law = Law::embedded().unwrap();
        let u = self.user(author);
        let ov = [Override::parse("significant_efforts=false").unwrap()];
        let d = Draft { overrides: &ov, note: "fixture", proposed_tier: Some("tier3"), fact_ids: &[] };
        let w = tierwatch_app::worksheet::save(&store, &law, "MEX", 2018, Author::Account(&u), &d, "2026-12-02T10:00:00Z").unwrap();
        if submitted {
            tierwatch_app::review::submit(&store, &u, "MEX", 2018, w.id).unwrap();
        }
        w.id
    }

    /// Log in as `name`: the Cookie header (CSRF and session cookies) and the CSRF token.
    async fn login(&self, name: &str) -> (String, String) {
        let (csrf_cookie, token) = self.csrf().await;
        let form = format!("csrf={token}&name={name}&password={}&next=%2Fcountry%2FMEX", PASSWORD.replace(' ', "+"));
        let (status, resp) = send(&self.app, post("/login", form, Some(&csrf_cookie))).await;
        assert_eq!(status, 303, "login as {name}");
        assert_eq!(resp.headers()[header::LOCATION], "/country/MEX");
        let session = set_cookie(&resp, "tw_session");
        (format!("{csrf_cookie}; {session}"), token)
    }

    /// A CSRF cookie and its token, from the login page.
    async fn csrf(&self) -> (String, String) {
        let (status, resp) = send(&self.app, Request::get("/login").body(Body::empty()).unwrap()).await;
        assert_eq!(status, 200);
        let cookie = set_cookie(&resp, "tw_csrf");
        let token = cookie.split_once('=').unwrap().1.to_string();
        (cookie, token)
    }
}

fn post(uri: &str, body: String, cookie: Option<&str>) -> Request<Body> {
    let mut r = Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        r = r.header(header::COOKIE, c);
    }
    r.body(Body::from(body)).unwrap()
}

fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut r = Request::get(uri);
    if let Some(c) = cookie {
        r = r.header(header::COOKIE, c);
    }
    r.body(Body::empty()).unwrap()
}

/// `name=value` of the response's `Set-Cookie` for `name`.
fn set_cookie(resp: &axum::http::Response<Body>, name: &str) -> String {
    resp.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} cookie set"))
        .split(';')
        .next()
        .unwrap()
        .to_string()
}

fn full_set_cookie(resp: &axum::http::Response<Body>, name: &str) -> String {
    resp.headers().get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_string()).find(|v| v.starts_with(&format!("{name}="))).unwrap()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum As {
    Nobody,
    Analyst,
    Reviewer,
    Admin,
}

impl As {
    fn name(self) -> Option<&'static str> {
        match self {
            As::Nobody => None,
            As::Analyst => Some("ana"),
            As::Reviewer => Some("rita"),
            As::Admin => Some("adam"),
        }
    }
}

/// A write route: how to make a fresh target for `who` and the request path and form.
struct Route {
    name: &'static str,
    /// (path, form without the CSRF field) for a fresh target, acting as `who`.
    request: fn(&Team, As) -> (String, String),
    /// Which of analyst, reviewer, admin may make it (nobody: always 401).
    allowed: [bool; 3],
}

fn own_draft(t: &Team, who: As, submitted: bool) -> i64 {
    // A role that cannot draft tries on the analyst's draft.
    let author = match who {
        As::Analyst | As::Reviewer => who.name().unwrap(),
        _ => "ana",
    };
    t.worksheet(author, submitted)
}

fn routes() -> Vec<Route> {
    vec![
        Route {
            name: "save a new worksheet",
            request: |_, _| ("/country/MEX/2018/worksheet".into(), "extra=significant_efforts%3Dfalse&proposed_tier=tier3&note=n&analyst=typed".into()),
            allowed: [true, true, false],
        },
        Route {
            name: "revise an own draft",
            request: |t, who| {
                let id = own_draft(t, who, false);
                ("/country/MEX/2018/worksheet".into(), format!("revise={id}&extra=significant_efforts%3Dtrue&proposed_tier=tier2"))
            },
            allowed: [true, true, false],
        },
        Route {
            name: "submit an own draft",
            request: |t, who| (format!("/country/MEX/2018/worksheet/{}/submit", own_draft(t, who, false)), String::new()),
            allowed: [true, true, false],
        },
        Route {
            name: "approve a submitted worksheet",
            // By the second reviewer, so a refusal can only come from the actor's role.
            request: |t, _| (format!("/country/MEX/2018/worksheet/{}/approve", t.worksheet("rex", true)), "comment=fine".into()),
            allowed: [false, true, false],
        },
        Route {
            name: "return a submitted worksheet",
            request: |t, _| (format!("/country/MEX/2018/worksheet/{}/return", t.worksheet("rex", true)), "comment=cite+more".into()),
            allowed: [false, true, false],
        },
        Route {
            name: "add a user",
            request: |_, who| {
                let n = format!("new-{}", who.name().unwrap_or("nobody"));
                ("/admin/users".into(), format!("name={n}&role=analyst&password=long+enough+pw"))
            },
            allowed: [false, false, true],
        },
        Route {
            name: "disable a user",
            request: |t, who| {
                let n = format!("victim-{}", who.name().unwrap_or("nobody"));
                t.store().add_user(&n, Role::Analyst, "$argon2id$x", "t").unwrap();
                (format!("/admin/users/{n}/disable"), String::new())
            },
            allowed: [false, false, true],
        },
        Route { name: "log out", request: |_, _| ("/logout".into(), String::new()), allowed: [true, true, true] },
    ]
}

#[tokio::test]
async fn every_write_route_by_every_role() {
    let t = Team::new(true, false);
    let mut sessions = Vec::new();
    for who in [As::Analyst, As::Reviewer, As::Admin] {
        sessions.push((who, Some(t.login(who.name().unwrap()).await)));
    }
    let (anon_cookie, anon_token) = t.csrf().await;
    sessions.insert(0, (As::Nobody, None));
    let mut failures = Vec::new();
    for route in routes() {
        for (who, session) in &sessions {
            // Log out last for each role (it ends the session the other cases use).
            let (cookie, token) = session.clone().unwrap_or((anon_cookie.clone(), anon_token.clone()));
            let (path, form) = (route.request)(&t, *who);
            let form = if form.is_empty() { format!("csrf={token}") } else { format!("csrf={token}&{form}") };
            let (status, resp) = send(&t.app, post(&path, form, Some(&cookie))).await;
            let expected = match who {
                As::Nobody => 401,
                As::Analyst if route.allowed[0] => 303,
                As::Reviewer if route.allowed[1] => 303,
                As::Admin if route.allowed[2] => 303,
                _ => 403,
            };
            let text = body(resp).await;
            if status != expected {
                failures.push(format!("{} as {who:?}: {status}, expected {expected}: {text}", route.name));
            } else if expected == 403 {
                assert!(text.contains("forbidden"), "{} as {who:?}: {text}", route.name);
            } else if expected == 401 {
                assert!(text.contains("unauthorized"), "{} as {who:?}: {text}", route.name);
            }
            if route.name == "log out" && expected == 303 {
                // The session is over: the next write with it is anonymous.
                let (status, _) = send(&t.app, post("/country/MEX/2018/worksheet", format!("csrf={token}&extra=significant_efforts%3Dfalse"), Some(&cookie))).await;
                assert_eq!(status, 401, "after logging out as {who:?}");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Refused writes changed nothing: only the allowed ones are in the audit trail.
    let store = t.store();
    let trail = store.audit(&Default::default()).unwrap();
    assert!(trail.iter().all(|e| !e.subject.contains("new-ana") && !e.subject.contains("new-rita") && !e.subject.contains("new-nobody")));
    assert!(trail.iter().any(|e| e.subject == "user new-adam" && e.actor == "adam"));
    assert!(store.user("victim-ana").unwrap().unwrap().disabled_at.is_none());
    assert!(store.user("victim-adam").unwrap().unwrap().disabled_at.is_some());
}

#[tokio::test]
async fn a_save_records_the_account_not_a_typed_name() {
    let t = Team::new(false, false);
    let (cookie, token) = t.login("ana").await;
    let form = format!("csrf={token}&extra=significant_efforts%3Dfalse&analyst=Somebody+Else&proposed_tier=tier3");
    let (status, _) = send(&t.app, post("/country/MEX/2018/worksheet", form, Some(&cookie))).await;
    assert_eq!(status, 303);
    let list = t.store().worksheets("MEX", 2018).unwrap();
    assert_eq!((list[0].analyst.as_str(), list[0].proposed_tier.as_deref()), ("ana", Some("tier3")));
    let trail = t.store().audit(&Default::default()).unwrap();
    assert_eq!(trail.last().map(|e| (e.actor.as_str(), e.action.as_str())), Some(("ana", "worksheet.save")));
}

#[tokio::test]
async fn a_reviewer_cannot_approve_their_own_draft() {
    let t = Team::new(false, false);
    let id = t.worksheet("rita", true);
    let (cookie, token) = t.login("rita").await;
    // the map seen before the approval (its page is cached until the store changes)
    let (status, resp) = send(&t.app, get("/?year=2018", Some(&cookie))).await;
    assert_eq!(status, 200);
    let html = body(resp).await;
    assert!(!html.contains("approved by rex"));
    assert!(html.contains(r#"<span id="whoami">rita"#));
    let (status, resp) = send(&t.app, post(&format!("/country/MEX/2018/worksheet/{id}/approve"), format!("csrf={token}"), Some(&cookie))).await;
    assert_eq!(status, 403);
    assert!(body(resp).await.contains("own draft"));
    assert_eq!(t.store().worksheet(id).unwrap().unwrap().state, ReviewState::Submitted);
    let (cookie, token) = t.login("rex").await;
    let (status, _) = send(&t.app, post(&format!("/country/MEX/2018/worksheet/{id}/approve"), format!("csrf={token}"), Some(&cookie))).await;
    assert_eq!(status, 303);
    assert_eq!(t.store().worksheet(id).unwrap().unwrap().decided_by.as_deref(), Some("rex"));
    let (status, resp) = send(&t.app, post(&format!("/country/MEX/2018/worksheet/{id}/return"), format!("csrf={token}&comment=late"), Some(&cookie))).await;
    assert_eq!(status, 409, "an approved worksheet is not returned");
    assert!(body(resp).await.contains("is approved, not submitted"));
    // The map names the approved team assessment beside the official tier (title and table).
    let (status, resp) = send(&t.app, get("/?year=2018", Some(&cookie))).await;
    assert_eq!(status, 200);
    let html = body(resp).await;
    assert!(html.contains("Tier 3 (approved by rex, 20"), "{}", &html[html.find("tier-table").unwrap_or(0)..][..2000.min(html.len())]);
    assert!(html.contains(r#"<td class="small team">Tier 3 (approved by rex"#));
    // the map's body is cached, its header is each request's own
    assert!(html.contains(r#"<span id="whoami">rex"#), "{}", &html[..1500.min(html.len())]);
}

#[tokio::test]
async fn reading_needs_a_login_once_accounts_exist_unless_public_read() {
    let closed = Team::new(false, false);
    let (status, resp) = send(&closed.app, get("/country/MEX/2018", None)).await;
    assert_eq!(status, 303);
    assert_eq!(resp.headers()[header::LOCATION], "/login?next=%2Fcountry%2FMEX%2F2018");
    let (status, resp) = send(&closed.app, get("/api/countries", None)).await;
    assert_eq!(status, 401);
    assert!(body(resp).await.contains("unauthorized"));
    for open in ["/login", "/static/app.js", "/openapi.json"] {
        assert_eq!(send(&closed.app, get(open, None)).await.0, 200, "{open}");
    }
    let (cookie, _) = closed.login("ana").await;
    let (status, resp) = send(&closed.app, get("/country/MEX/2018", Some(&cookie))).await;
    assert_eq!(status, 200);
    let html = body(resp).await;
    assert!(html.contains(r#"id="whoami""#) && html.contains("ana (analyst)") && html.contains(r#"id="logout""#));
    assert_eq!(send(&closed.app, get("/api/countries", Some(&cookie))).await.0, 200);
    // A session whose browser lost its CSRF cookie gets a new one, and the logout form its token.
    let session_only = cookie.split("; ").find(|c| c.starts_with("tw_session=")).unwrap().to_string();
    let (status, resp) = send(&closed.app, get("/country/MEX/2018", Some(&session_only))).await;
    assert_eq!(status, 200);
    let fresh = set_cookie(&resp, "tw_csrf");
    let html = body(resp).await;
    assert!(html.contains(&format!(r#"name="csrf" value="{}""#, fresh.split_once('=').unwrap().1)), "the logout form carries the new token");
    // A wrong password is a 401 page with the form again, and sets no session.
    let (csrf_cookie, token) = closed.csrf().await;
    let (status, resp) = send(&closed.app, post("/login", format!("csrf={token}&name=ana&password=wrong"), Some(&csrf_cookie))).await;
    assert_eq!(status, 401);
    assert!(resp.headers().get_all(header::SET_COOKIE).iter().all(|v| !v.to_str().unwrap().starts_with("tw_session")));
    assert!(body(resp).await.contains("unknown user or wrong password"));
    // Logging in needs the CSRF token too.
    let (status, _) = send(&closed.app, post("/login", format!("name=ana&password={}", PASSWORD.replace(' ', "+")), Some(&csrf_cookie))).await;
    assert_eq!(status, 403);

    let public = Team::new(true, false);
    assert_eq!(send(&public.app, get("/country/MEX/2018", None)).await.0, 200);
    assert_eq!(send(&public.app, get("/api/countries", None)).await.0, 200);
    let (status, resp) = send(&public.app, get("/admin", None)).await;
    assert_eq!(status, 303, "the admin page still needs a login");
    assert!(resp.headers()[header::LOCATION].to_str().unwrap().starts_with("/login"));
    let (cookie, _) = public.login("ana").await;
    assert_eq!(send(&public.app, get("/admin", Some(&cookie))).await.0, 403, "an analyst is not an admin");
    let (cookie, _) = public.login("adam").await;
    let (status, resp) = send(&public.app, get("/admin", Some(&cookie))).await;
    assert_eq!(status, 200);
    let html = body(resp).await;
    assert!(html.contains(r#"id="users""#) && html.contains("rita") && html.contains(r#"id="audit""#) && html.contains("user.add"));
}

#[tokio::test]
async fn session_cookies_are_http_only_strict_and_secure_behind_https() {
    let t = Team::new(false, false);
    let (csrf_cookie, token) = t.csrf().await;
    let form = format!("csrf={token}&name=ana&password={}", PASSWORD.replace(' ', "+"));
    let (_, resp) = send(&t.app, post("/login", form.clone(), Some(&csrf_cookie))).await;
    let c = full_set_cookie(&resp, "tw_session");
    assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.contains("Path=/") && !c.contains("Secure"), "{c}");
    let token_value = c.split(';').next().unwrap().split_once('=').unwrap().1.to_string();
    assert_eq!(token_value.len(), 64);
    let stored: Vec<String> = {
        let conn = rusqlite::Connection::open(&t.db).unwrap();
        let mut st = conn.prepare("SELECT token_hash FROM sessions").unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert!(!stored.contains(&token_value), "only the token's hash is stored");
    let mut req = post("/login", form.clone(), Some(&csrf_cookie));
    req.headers_mut().insert("x-forwarded-proto", "https".parse().unwrap());
    let (_, resp) = send(&t.app, req).await;
    assert!(full_set_cookie(&resp, "tw_session").contains("; Secure"));
    let secure = Team::new(false, true);
    let (csrf_cookie, token) = secure.csrf().await;
    let (_, resp) = send(&secure.app, post("/login", format!("csrf={token}&name=ana&password={}", PASSWORD.replace(' ', "+")), Some(&csrf_cookie))).await;
    assert!(full_set_cookie(&resp, "tw_session").contains("; Secure"));
    // A redirect after login never leaves the site.
    let (_, resp) = send(&secure.app, post("/login", format!("csrf={token}&name=ana&password={}&next=%2F%2Fevil.example", PASSWORD.replace(' ', "+")), Some(&csrf_cookie))).await;
    assert_eq!(resp.headers()[header::LOCATION], "/");
}

#[tokio::test]
async fn a_first_account_added_while_serving_closes_reading_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = build_store(dir.path(), &[corpus().join("tip-2018/mexico.txt")]);
    let app = router(AppState::new(&Config::new(db.clone().into())).unwrap());
    assert_eq!(send(&app, get("/country/MEX/2018", None)).await.0, 200, "no accounts: open");
    tierwatch_app::accounts::add_user(&Store::open(&db).unwrap(), "ana", Role::Analyst, PASSWORD, "t").unwrap();
    // The server learns of it from the store with this very request, which is refused...
    let (status, resp) = send(&app, get("/country/MEX/2018", None)).await;
    assert_eq!(status, 401, "{}", body(resp).await);
    // ...and from then on anonymous page views go to the login page.
    assert_eq!(send(&app, get("/country/MEX/2018", None)).await.0, 303);
    assert_eq!(send(&app, get("/api/countries", None)).await.0, 401);
}
