//! End-to-end tests in real headless Chromium, driven over WebDriver (chromedriver).
//! Skipped, with a note, when chromedriver is not installed; `.ci/run` installs it.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

use crate::support::{start, TestApp, T0};

pub(crate) struct Browser {
    pub(crate) client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub(crate) async fn close(mut self) {
        let _ = self.client.close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn chromedriver_path() -> Option<String> {
    std::env::var("BEDSIDE_TEST_CHROMEDRIVER").ok().or_else(|| {
        std::path::Path::new("/usr/bin/chromedriver")
            .exists()
            .then(|| "/usr/bin/chromedriver".into())
    })
}

pub(crate) async fn launch(test: &str) -> Option<Browser> {
    let Some(driver_path) = chromedriver_path() else {
        eprintln!(
            "SKIPPED browser test {test}: chromedriver not found (install Debian chromium-driver)"
        );
        return None;
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let driver = Command::new(&driver_path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let profile = tempfile::tempdir().unwrap();
    let binary =
        std::env::var("BEDSIDE_TEST_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": binary,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                format!("--user-data-dir={}", profile.path().display()), "--window-size=1280,900"
            ]
        }),
    );
    let url = format!("http://127.0.0.1:{port}");
    let mut last_err = None;
    for _ in 0..100 {
        match ClientBuilder::new(HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(client) => {
                return Some(Browser {
                    client,
                    driver,
                    _profile: profile,
                })
            }
            Err(e) => last_err = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not start a Chromium session: {last_err:?}");
}

pub(crate) async fn fill(c: &Client, css: &str, value: &str) {
    let el = c
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("no {css}"));
    el.clear().await.unwrap();
    el.send_keys(value).await.unwrap();
}

pub(crate) async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("no {css}"))
        .click()
        .await
        .unwrap();
}

pub(crate) async fn text(c: &Client, css: &str) -> String {
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("no {css}"))
        .text()
        .await
        .unwrap()
}

/// Wait until the page's heading reads `expected` (navigation after a click is asynchronous).
pub(crate) async fn wait_h1(c: &Client, expected: &str) {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(el) = c.find(Locator::Css("h1")).await {
            if let Ok(t) = el.text().await {
                if t == expected {
                    return;
                }
                last = t;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("expected heading {expected:?}, still {last:?}");
}

pub(crate) async fn sign_in(b: &Client, app: &TestApp, email: &str, password: &str) {
    b.goto(&app.url("/login")).await.unwrap();
    fill(b, "#f-email", email).await;
    fill(b, "#f-password", password).await;
    click(b, "form[action='/login'] button[type=submit]").await;
}

pub(crate) async fn path(b: &Client) -> String {
    b.current_url().await.unwrap().path().to_string()
}

#[tokio::test]
async fn first_run_setup_then_sign_in_add_location_sign_out() {
    let Some(b) = launch("first_run_setup").await else {
        return;
    };
    let db = store::testing::TestDb::fresh(store::Backend::Sqlite)
        .await
        .unwrap();
    let app = start(db, false).await;
    let token = service::auth::create_setup_token(&app.db.db, T0)
        .await
        .unwrap()
        .unwrap();
    let c = &b.client;

    c.goto(&app.url(&format!("/setup/{token}"))).await.unwrap();
    wait_h1(c, "Set up Bedside").await;
    fill(c, "#f-org_name", "Sehore Family Dental").await;
    fill(c, "#f-display_name", "Asha Verma").await;
    fill(c, "#f-email", "asha@sehore-dental.example").await;
    fill(c, "#f-password", "short").await;
    click(c, "form button[type=submit]").await;
    // Invalid: the form comes back with the field's error and keeps what was typed.
    assert!(text(c, "#error-summary")
        .await
        .contains("Password must be at least 12 characters"));
    assert_eq!(
        c.find(Locator::Css("#f-org_name"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Sehore Family Dental")
    );
    fill(c, "#f-password", "correct horse battery staple").await;
    click(c, "form button[type=submit]").await;
    wait_h1(c, "Locations").await;

    click(c, "form[action='/logout'] button").await;
    wait_h1(c, "Sign in").await;
    sign_in(
        c,
        &app,
        "asha@sehore-dental.example",
        "correct horse battery staple",
    )
    .await;
    wait_h1(c, "Welcome, Asha Verma").await;

    c.goto(&app.url("/settings/locations")).await.unwrap();
    fill(c, "#f-name", "Bhopal Road Clinic").await;
    click(c, "form[action='/settings/locations'] button[type=submit]").await;
    assert_eq!(text(c, "p.notice").await, "Location added.");
    let table = text(c, "table.list").await;
    assert!(table.contains("Bhopal Road Clinic"), "{table}");

    click(c, "form[action='/logout'] button").await;
    wait_h1(c, "Sign in").await;
    assert_eq!(path(c).await, "/login");
    c.goto(&app.url("/settings/locations")).await.unwrap();
    assert_eq!(
        path(c).await,
        "/login",
        "signed out users are sent to sign in"
    );

    b.close().await;
    app.finish("browser::first_run_setup").await;
    store::testing::record_kind(
        "browser",
        "first_run_setup_then_sign_in_add_location_sign_out",
    );
}

#[tokio::test]
async fn wrong_password_shows_the_error() {
    let Some(b) = launch("wrong_password").await else {
        return;
    };
    let db = store::testing::TestDb::fresh(store::Backend::Sqlite)
        .await
        .unwrap();
    let app = start(db, true).await;
    let c = &b.client;

    c.goto(&app.url("/login")).await.unwrap();
    // Keyboard users reach the skip link first.
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys(&char::from(fantoccini::key::Key::Tab).to_string())
        .await
        .unwrap();
    let focused = c.active_element().await.unwrap();
    assert_eq!(focused.text().await.unwrap(), "Skip to main content");

    sign_in(c, &app, "owner@narmada.example", "definitely not it").await;
    assert_eq!(
        text(c, "#login-error").await,
        "The email or password is not correct."
    );
    assert_eq!(
        c.find(Locator::Css("#f-email"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("owner@narmada.example")
    );
    sign_in(c, &app, "owner@narmada.example", crate::support::PASSWORD).await;
    wait_h1(c, "Welcome, Asha Verma").await;

    b.close().await;
    app.finish("browser::wrong_password").await;
    store::testing::record_kind("browser", "wrong_password_shows_the_error");
}

pub(crate) async fn wait_text(c: &Client, css: &str, needle: &str) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(el) = c.find(Locator::Css(css)).await {
            if let Ok(t) = el.text().await {
                if t.contains(needle) {
                    return t;
                }
                last = t;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never contained {needle:?}; last: {last:?}");
}

async fn set_value(c: &Client, css: &str, value: &str) {
    let js = "document.querySelector(arguments[0]).value = arguments[1];";
    c.execute(js, vec![serde_json::json!(css), serde_json::json!(value)])
        .await
        .unwrap();
}

#[tokio::test]
async fn author_compliance_calendar_and_revocation() {
    let Some(b) = launch("author_compliance_calendar").await else {
        return;
    };
    let db = store::testing::TestDb::fresh(store::Backend::Sqlite)
        .await
        .unwrap();
    let app = start(db, true).await;
    let fb = app.add_account("facebook", "narmadacare").await;
    let compliance = app.actor("compliance@narmada.example").await;
    let consent = service::consents::ConsentInput {
        kind: "patient".into(),
        reference: "AUTH-2026-044".into(),
        subject_name: "Sunita Sharma".into(),
        signed_by: "patient".into(),
        covers_text: true,
        channels: vec!["post".into()],
        purpose: "Recovery story".into(),
        valid_from_ms: T0 - 1000,
        ..Default::default()
    };
    let sealer = vault::Sealer::new(&[42u8; 32]);
    let dir = tempfile::tempdir().unwrap();
    service::consents::register(
        &app.db.db,
        &sealer,
        dir.path(),
        &compliance,
        &consent,
        None,
        T0,
    )
    .await
    .unwrap();
    let c = &b.client;

    // The author writes a post naming a patient and sees the finding highlighted.
    sign_in(c, &app, "author@narmada.example", crate::support::PASSWORD).await;
    wait_h1(c, "Welcome, Neha Patel").await;
    c.goto(&app.url("/compose")).await.unwrap();
    let text = "So proud of Sunita Sharma, who walked again six weeks after her knee replacement with Dr. Rao!";
    fill(c, "#f-base_text", text).await;
    wait_text(c, "#feedback", "blocked").await;
    let marked = text_of_all(c, "#feedback mark").await;
    assert!(
        marked.iter().any(|m| m.contains("Sunita Sharma")),
        "{marked:?}"
    );
    click(c, &format!("#acc-{fb}")).await;
    let tz = jiff::tz::TimeZone::get("Asia/Kolkata").unwrap();
    let when = jiff::Timestamp::from_millisecond(T0 + 3 * 86_400_000)
        .unwrap()
        .to_zoned(tz);
    set_value(
        c,
        &format!("#at-{fb}"),
        &when.strftime("%Y-%m-%dT11:00").to_string(),
    )
    .await;
    click(c, "#composer button[type=submit]").await;
    wait_text(c, "h1", "Post #").await;

    // It cannot be submitted while blocked…
    click(c, "button[value=submit]").await;
    wait_text(c, "#post-message", "compliance check blocks this post").await;
    // …until the covering consent is attached.
    click(c, "form[action$='/consents'] button[type=submit]").await;
    wait_text(c, "h2#h-consents + ul", "AUTH-2026-044").await;
    click(c, "button[value=submit]").await;
    wait_text(c, "h1", "In review").await;
    let post_url = c.current_url().await.unwrap().to_string();
    click(c, "form[action='/logout'] button").await;
    wait_h1(c, "Sign in").await;

    // A compliance officer approves; the post shows as scheduled on the calendar.
    sign_in(
        c,
        &app,
        "compliance@narmada.example",
        crate::support::PASSWORD,
    )
    .await;
    wait_h1(c, "Welcome, Farah Qureshi").await;
    c.goto(&post_url).await.unwrap();
    click(c, "button[value=approve]").await;
    wait_text(c, "h1", "Scheduled").await;
    c.goto(&app.url(&format!("/calendar?date={}", when.date())))
        .await
        .unwrap();
    let item = wait_text(c, ".cal-item.status-scheduled", "11:00").await;
    assert!(item.contains("Scheduled"), "{item}");

    // Revoking the consent moves the post back to draft.
    c.goto(&app.url("/consents")).await.unwrap();
    click(c, "form[action$='/revoke'] button").await;
    wait_text(
        c,
        "#consent-message",
        "1 unpublished post(s) went back to draft",
    )
    .await;
    c.goto(&post_url).await.unwrap();
    wait_text(c, "h1", "Draft").await;

    b.close().await;
    app.finish("browser::author_compliance_calendar").await;
    store::testing::record_kind("browser", "author_compliance_calendar_and_revocation");
}

#[tokio::test]
async fn revoked_consent_lists_published_post_for_takedown() {
    let Some(b) = launch("takedown_list").await else {
        return;
    };
    let db = store::testing::TestDb::fresh(store::Backend::Sqlite)
        .await
        .unwrap();
    let app = start(db, true).await;
    let fb = app.add_account("facebook", "narmadacare").await;
    let compliance = app.actor("compliance@narmada.example").await;
    let author = app.actor("author@narmada.example").await;
    let sealer = vault::Sealer::new(&[42u8; 32]);
    let checker = service::checker::Checker::default();
    let deps = service::posts::Deps {
        db: &app.db.db,
        sealer: &sealer,
        checker: &checker,
    };
    let dir = tempfile::tempdir().unwrap();
    let consent = service::consents::ConsentInput {
        kind: "patient".into(),
        reference: "AUTH-2026-045".into(),
        subject_name: "Sunita Sharma".into(),
        signed_by: "patient".into(),
        covers_text: true,
        channels: vec!["post".into()],
        purpose: "Recovery story".into(),
        valid_from_ms: T0 - 1000,
        ..Default::default()
    };
    let cid = service::consents::register(
        &app.db.db,
        &sealer,
        dir.path(),
        &compliance,
        &consent,
        None,
        T0,
    )
    .await
    .unwrap();
    let input = service::posts::PostInput {
        base_text: "Sunita Sharma is walking again after her knee replacement.".into(),
        pillar: "patient_story".into(),
        targets: vec![service::posts::TargetInput {
            account_id: fb,
            variant_text: None,
            scheduled_at: None,
        }],
        ..Default::default()
    };
    let id = service::posts::create(deps, &author, &input, T0)
        .await
        .unwrap();
    service::review::attach_consent(deps, &author, id, 1, cid, T0)
        .await
        .unwrap();
    // Published (the publishing engine's job, simulated here).
    let mut c = app.db.db.conn().await.unwrap();
    let p = store::posts::get(&mut c, 1, id).await.unwrap().unwrap();
    drop(c);
    let mut tx = app.db.db.begin().await.unwrap();
    let state = store::posts::PostState {
        status: "published",
        verdict: &p.verdict,
        accepted_verdict: &p.accepted_verdict,
        check_json: &p.check_json,
    };
    store::posts::set_state(&mut tx, id, p.version, &state, T0)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let c = &b.client;
    sign_in(
        c,
        &app,
        "compliance@narmada.example",
        crate::support::PASSWORD,
    )
    .await;
    wait_h1(c, "Welcome, Farah Qureshi").await;
    c.goto(&app.url("/consents")).await.unwrap();
    click(c, "form[action$='/revoke'] button").await;
    wait_text(
        c,
        "#consent-message",
        "1 published post(s) are listed for take-down",
    )
    .await;
    c.goto(&app.url("/compliance")).await.unwrap();
    let list = wait_text(c, "#takedowns", &format!("Post #{id}")).await;
    assert!(list.contains("consent revoked"), "{list}");

    b.close().await;
    app.finish("browser::takedown_list").await;
    store::testing::record_kind(
        "browser",
        "revoked_consent_lists_published_post_for_takedown",
    );
}

async fn text_of_all(c: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for el in c.find_all(Locator::Css(css)).await.unwrap_or_default() {
        out.push(el.text().await.unwrap_or_default());
    }
    out
}
