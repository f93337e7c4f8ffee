//! Signing in, throttling, sessions, setup, invitations, roles and deactivation.

use reqwest::StatusCode;

use crate::app_tests;
use crate::support::{client, csrf_in, start, TestApp, PASSWORD};

const OWNER: &str = "owner@narmada.example";
const AUTHOR: &str = "author@narmada.example";

async fn wrong_password_gives_one_generic_message(app: &TestApp) {
    let c = client();
    let wrong = app.try_login(&c, OWNER, "not the password at all").await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let wrong_body = wrong.text().await.unwrap();
    let unknown = app
        .try_login(&c, "nobody@narmada.example", "not the password at all")
        .await;
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    let unknown_body = unknown.text().await.unwrap();
    let msg = "The email or password is not correct.";
    assert!(wrong_body.contains(msg) && unknown_body.contains(msg));
    // Apart from the CSRF token and the echoed email, the two pages are identical.
    let strip = |s: &str, email: &str| {
        let t = csrf_in(s).unwrap();
        s.replace(&t, "").replace(email, "")
    };
    assert_eq!(
        strip(&wrong_body, OWNER),
        strip(&unknown_body, "nobody@narmada.example")
    );
}

async fn login_throttled_per_account(app: &TestApp) {
    let c = client();
    for _ in 0..5 {
        assert_eq!(
            app.try_login(&c, AUTHOR, "wrong password!!").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let locked = app.try_login(&c, AUTHOR, PASSWORD).await;
    assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(locked
        .text()
        .await
        .unwrap()
        .contains("Too many sign-in attempts"));
    // Unknown accounts are throttled the same way, revealing nothing.
    for _ in 0..5 {
        app.try_login(&c, "ghost@narmada.example", "wrong password!!")
            .await;
    }
    assert_eq!(
        app.try_login(&c, "ghost@narmada.example", "x")
            .await
            .status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    app.clock.advance(16 * 60 * 1000);
    assert_eq!(
        app.try_login(&c, AUTHOR, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    assert!(app.audit_actions().await.iter().any(|a| a == "auth.locked"));
}

async fn login_throttled_per_address(app: &TestApp) {
    let c = client();
    for i in 0..20 {
        let email = format!("probe{i}@narmada.example");
        app.try_login(&c, &email, "wrong password!!").await;
    }
    // The address is now locked, even for a correct password of another account.
    assert_eq!(
        app.try_login(&c, OWNER, PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

async fn forms_without_csrf_token_are_refused(app: &TestApp) {
    let c = app.login(OWNER).await;
    let res = c
        .post(app.url("/settings/locations"))
        .form(&[("name", "Indore")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = c
        .post(app.url("/settings/locations"))
        .form(&[("name", "Indore"), ("csrf_token", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Nothing was written.
    let page = c
        .get(app.url("/settings/locations"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Indore"));
    // A login form posted without the pre-session cookie is refused too.
    let fresh = client();
    let res = fresh
        .post(app.url("/login"))
        .form(&[
            ("email", OWNER),
            ("password", PASSWORD),
            ("csrf_token", "x"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

async fn session_cookie_attributes(app: &TestApp) {
    let c = client();
    let token = app.csrf_from(&c, "/login").await;
    let res = c
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", OWNER),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("bedside_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
}

async fn deactivated_user_is_signed_out_at_once(app: &TestApp) {
    let owner = app.login(OWNER).await;
    let author = app.login(AUTHOR).await;
    assert_eq!(
        author.get(app.url("/")).send().await.unwrap().status(),
        StatusCode::OK
    );
    let author_id = user_id(app, AUTHOR).await;
    let res = app
        .post_form(
            &owner,
            &format!("/settings/users/{author_id}/active"),
            &[("active", "false")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        author.get(app.url("/")).send().await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.try_login(&client(), AUTHOR, PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert!(app
        .audit_actions()
        .await
        .iter()
        .any(|a| a == "user.deactivate"));
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    let mut c = app.db.db.conn().await.unwrap();
    store::users::find_by_email(&mut c, email)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn role_change_takes_effect(app: &TestApp) {
    let owner = app.login(OWNER).await;
    let author = app.login(AUTHOR).await;
    assert_eq!(
        author
            .get(app.url("/settings/audit"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    let id = user_id(app, AUTHOR).await;
    let res = app
        .post_form(
            &owner,
            &format!("/settings/users/{id}/role"),
            &[("role", "compliance")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        author
            .get(app.url("/settings/audit"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let bad = app
        .post_form(
            &owner,
            &format!("/settings/users/{id}/role"),
            &[("role", "admin")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

async fn last_owner_cannot_be_removed(app: &TestApp) {
    let owner = app.login(OWNER).await;
    let second = user_id(app, "owner2@narmada.example").await;
    let res = app
        .post_form(
            &owner,
            &format!("/settings/users/{second}/role"),
            &[("role", "manager")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let me = user_id(app, OWNER).await;
    let res = app
        .post_form(
            &owner,
            &format!("/settings/users/{me}/role"),
            &[("role", "manager")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("at least one active owner"));
    let res = app
        .post_form(
            &owner,
            &format!("/settings/users/{me}/active"),
            &[("active", "false")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

async fn invitation_flow(app: &TestApp) {
    let owner = app.login(OWNER).await;
    let bad = app
        .post_form(
            &owner,
            "/settings/users/invite",
            &[("email", "nope"), ("display_name", ""), ("role", "author")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = bad.text().await.unwrap();
    assert!(
        body.contains("Email must look like name@example.org")
            && body.contains("Display name is required")
    );
    let res = app
        .post_form(
            &owner,
            "/settings/users/invite",
            &[
                ("email", "new.author@narmada.example"),
                ("display_name", "Ishaan Gupta"),
                ("role", "author"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    let start = body.find("<code id=\"invite-link\">").unwrap() + "<code id=\"invite-link\">".len();
    let link = &body[start..start + body[start..].find('<').unwrap()];
    let path = link.strip_prefix(&app.addr).unwrap().to_string();
    let guest = client();
    let form_page = guest.get(app.url(&path)).send().await.unwrap();
    assert_eq!(form_page.status(), StatusCode::OK);
    let token = csrf_in(&form_page.text().await.unwrap()).unwrap();
    let short = guest
        .post(app.url(&path))
        .form(&[("csrf_token", token.as_str()), ("password", "short")])
        .send()
        .await
        .unwrap();
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let ok = guest
        .post(app.url(&path))
        .form(&[
            ("csrf_token", token.as_str()),
            ("password", "a long enough password"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert!(guest
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .contains("Ishaan Gupta"));
    // The link works once.
    assert_eq!(
        client().get(app.url(&path)).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
}

async fn password_change_ends_other_sessions(app: &TestApp) {
    let a = app.login(AUTHOR).await;
    let b = app.login(AUTHOR).await;
    let wrong = app
        .post_form(
            &a,
            "/account/password",
            &[
                ("current_password", "nope"),
                ("new_password", "short"),
                ("confirm_password", "x"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = wrong.text().await.unwrap();
    assert!(body.contains("Current password is not correct"));
    assert!(body.contains("New password must be at least 12 characters"));
    let ok = app
        .post_form(
            &a,
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a brand new passphrase"),
                ("confirm_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        a.get(app.url("/")).send().await.unwrap().status(),
        StatusCode::OK
    );
    assert_eq!(
        b.get(app.url("/")).send().await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.try_login(&client(), AUTHOR, "a brand new passphrase")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
}

async fn sessions_survive_a_restart(backend: store::Backend) {
    let Some(app) = crate::support::spawn_app(backend).await else {
        return;
    };
    let c = app.login(OWNER).await;
    let db = app.stop().await;
    let app = start(db, false).await;
    // Same cookie jar, new server instance on the same database (and a new port).
    let res = c.get(app.url("/")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "session lost across restart");
    app.finish(&format!("sessions_survive_a_restart::{backend:?}"))
        .await;
}

#[tokio::test]
async fn sessions_survive_a_restart_sqlite() {
    sessions_survive_a_restart(store::Backend::Sqlite).await;
}

#[tokio::test]
async fn sessions_survive_a_restart_postgres() {
    sessions_survive_a_restart(store::Backend::Postgres).await;
}

async fn first_run_setup(backend: store::Backend) {
    let Some(db) = store::testing::TestDb::fresh(backend).await else {
        return;
    };
    let app = start(db, false).await;
    let token = service::auth::create_setup_token(&app.db.db, crate::support::T0)
        .await
        .unwrap()
        .unwrap();
    let path = format!("/setup/{token}");
    let c = client();
    let page = c.get(app.url(&path)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let csrf = csrf_in(&page.text().await.unwrap()).unwrap();
    let bad = c
        .post(app.url(&path))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("org_name", ""),
            ("time_zone", "Mars/Olympus"),
            ("jurisdiction", "IN"),
            ("display_name", "Asha"),
            ("email", "asha@example.org"),
            ("password", "short"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = bad.text().await.unwrap();
    assert!(body.contains("Org name is required"), "{body}");
    assert!(body.contains("not a known time zone"));
    assert!(body.contains("Password must be at least 12 characters"));
    let ok = c
        .post(app.url(&path))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("org_name", "Sehore Dental"),
            ("time_zone", "Asia/Kolkata"),
            ("jurisdiction", "IN"),
            ("display_name", "Asha"),
            ("email", "asha@example.org"),
            ("password", "a long enough password"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        c.get(app.url("/settings/users"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        client().get(app.url(&path)).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    assert!(
        service::auth::create_setup_token(&app.db.db, crate::support::T0)
            .await
            .unwrap()
            .is_none()
    );
    app.finish(&format!("first_run_setup::{backend:?}")).await;
}

#[tokio::test]
async fn first_run_setup_sqlite() {
    first_run_setup(store::Backend::Sqlite).await;
}

#[tokio::test]
async fn first_run_setup_postgres() {
    first_run_setup(store::Backend::Postgres).await;
}

app_tests!(
    wrong_password_gives_one_generic_message,
    login_throttled_per_account,
    login_throttled_per_address,
    forms_without_csrf_token_are_refused,
    session_cookie_attributes,
    deactivated_user_is_signed_out_at_once,
    role_change_takes_effect,
    last_owner_cannot_be_removed,
    invitation_flow,
    password_change_ends_other_sessions,
);
