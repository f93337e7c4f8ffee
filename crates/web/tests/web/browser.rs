//! End-to-end tests in real headless Chromium, driven over WebDriver (chromedriver).
//! Skipped, with a note, when chromedriver is not installed; `.ci/run` installs it.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

use crate::support::{start, TestApp, T0};

struct Browser {
    client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    async fn close(mut self) {
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

async fn launch(test: &str) -> Option<Browser> {
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

async fn fill(c: &Client, css: &str, value: &str) {
    let el = c
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("no {css}"));
    el.clear().await.unwrap();
    el.send_keys(value).await.unwrap();
}

async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("no {css}"))
        .click()
        .await
        .unwrap();
}

async fn text(c: &Client, css: &str) -> String {
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
async fn wait_h1(c: &Client, expected: &str) {
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

async fn sign_in(b: &Client, app: &TestApp, email: &str, password: &str) {
    b.goto(&app.url("/login")).await.unwrap();
    fill(b, "#f-email", email).await;
    fill(b, "#f-password", password).await;
    click(b, "form[action='/login'] button[type=submit]").await;
}

async fn path(b: &Client) -> String {
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
