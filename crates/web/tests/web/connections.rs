//! Social accounts: connecting them (page and API) and their health.

use reqwest::StatusCode;
use service::connections::Credentials;

use crate::app_tests;
use crate::support::{TestApp, T0};

const OWNER: &str = "owner@narmada.example";
const DAY: i64 = 86_400_000;

pub fn sealer() -> vault::Sealer {
    vault::Sealer::new(&[42u8; 32])
}

async fn stored(app: &TestApp, account: i64) -> Option<Credentials> {
    service::connections::load(&app.db.db, &sealer(), account)
        .await
        .unwrap()
}

pub async fn connect(app: &TestApp, account: i64, expires_at: Option<i64>) {
    let owner = app.actor(OWNER).await;
    let creds = Credentials {
        remote_account_id: format!("remote-{account}"),
        access_token: "tok-abc".into(),
        expires_at,
        ..Default::default()
    };
    service::connections::connect(&app.db.db, &sealer(), &owner, account, &creds, T0)
        .await
        .unwrap();
}

async fn set_health(app: &TestApp, account: i64, state: &str, until: Option<i64>) {
    let mut tx = app.db.db.begin().await.unwrap();
    store::credentials::set_health(&mut tx, account, state, "", until, T0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn connect_form_stores_sealed_credentials(app: &TestApp) {
    let id = app.add_account("bluesky", "narmada.bsky.social").await;
    let c = app.login("manager@narmada.example").await;
    let page = c
        .get(app.url("/settings/accounts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("href=\"/settings/accounts\" aria-current=\"page\">Social accounts"));
    assert!(page.contains("Not connected"));
    assert!(page.contains(&format!("action=\"/settings/accounts/{id}/connect\"")));
    assert!(page.contains(&format!(
        "<label for=\"c{id}-access_token\">Access token</label>"
    )));
    assert!(page.contains(&format!(
        "id=\"c{id}-app_password\" name=\"app_password\" type=\"password\""
    )));
    let path = format!("/settings/accounts/{id}/connect");

    // Bad input: 422, precise errors, secrets not echoed, nothing stored.
    let bad = app
        .post_form(
            &c,
            &path,
            &[
                ("remote_account_id", "did:plc:narmada"),
                ("access_token", "  "),
                ("refresh_token", "refresh-secret-123"),
                ("server", "bsky.social"),
                ("app_password", "app-secret-456"),
            ],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.unwrap();
    assert!(html.contains("Access token is required"), "{html}");
    assert!(html.contains("Server must be the server"));
    assert!(html.contains(&format!("id=\"connect-{id}\" class=\"connect\" open")));
    assert!(html.contains("value=\"did:plc:narmada\""), "the id is kept");
    assert!(!html.contains("refresh-secret-123") && !html.contains("app-secret-456"));
    assert!(stored(app, id).await.is_none());
    assert!(!app
        .audit_actions()
        .await
        .iter()
        .any(|a| a == "account.connect"));

    // Good input: stored sealed, audited, the page says so and shows no secret.
    let ok = app
        .post_form(
            &c,
            &path,
            &[
                ("remote_account_id", " did:plc:narmada "),
                ("access_token", "access-secret-789"),
                ("refresh_token", ""),
                ("server", "https://bsky.social"),
                ("app_password", "app-secret-456"),
            ],
        )
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        ok.headers()["location"],
        "/settings/accounts?saved=connected"
    );
    let creds = stored(app, id).await.expect("stored");
    assert_eq!(creds.remote_account_id, "did:plc:narmada");
    assert_eq!(creds.access_token, "access-secret-789");
    assert_eq!(creds.refresh_token, None);
    assert_eq!(creds.server.as_deref(), Some("https://bsky.social"));
    assert_eq!(creds.app_password.as_deref(), Some("app-secret-456"));
    assert!(app
        .audit_actions()
        .await
        .iter()
        .any(|a| a == "account.connect"));
    let page = c
        .get(app.url("/settings/accounts?saved=connected"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Account connected."));
    assert!(page.contains("state-connected\">Connected</span>"));
    assert!(page.contains("Reconnect Narmada bluesky"));
    assert!(!page.contains("access-secret-789") && !page.contains("app-secret-456"));

    // An author sees the accounts but no connect forms.
    let author = app.login("author@narmada.example").await;
    let page = author
        .get(app.url("/settings/accounts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("narmada.bsky.social") && !page.contains("/connect\""));
}

async fn health_page_shows_each_state(app: &TestApp) {
    let fb = app.add_account("facebook", "narmadacare").await;
    let x = app.add_account("x", "@NarmadaCare").await;
    let li = app.add_account("linkedin", "narmada-care").await;
    let _never = app
        .add_account("mastodon", "@narmada@mastodon.social")
        .await;
    connect(app, fb, None).await;
    connect(app, x, None).await;
    connect(app, li, Some(T0 + 3 * DAY + 1_000)).await;
    set_health(app, fb, "revoked", None).await;
    set_health(app, x, "rate_limited", Some(T0 + 2 * 3_600_000)).await;
    let c = app.login("analyst@narmada.example").await;
    let page = c
        .get(app.url("/settings/accounts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for needle in [
        "state-revoked\">Revoked</span> Access revoked: reconnect the account",
        "state-rate_limited\">Rate-limited</span> Rate-limited until",
        "state-expiring\">Expiring</span> Token expires in 3 days",
        "state-not_connected\">Not connected</span>",
    ] {
        assert!(page.contains(needle), "{needle} missing");
    }
    // The analyst may not connect; the responder sees the list without health.
    assert!(!page.contains("/connect\""));
    let r = app.login("responder@narmada.example").await;
    let page = r
        .get(app.url("/settings/accounts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("narmadacare") && !page.contains("Revoked"));
}

async fn api_health_and_credentials(app: &TestApp) {
    let id = app
        .add_account("mastodon", "@narmada@mastodon.social")
        .await;
    let manager = app.token_for("manager@narmada.example").await;
    let c = reqwest::Client::new();
    let url = app.url(&format!("/api/v1/accounts/{id}/credentials"));
    let bad = c
        .post(&url)
        .bearer_auth(&manager)
        .json(&serde_json::json!({"remote_account_id": "", "access_token": "tok", "server": "mastodon.social"}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let err: serde_json::Value = bad.json().await.unwrap();
    let fields: Vec<&str> = err["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["remote_account_id", "server"]);
    assert!(stored(app, id).await.is_none());
    let missing = c
        .post(app.url("/api/v1/accounts/999999/credentials"))
        .bearer_auth(&manager)
        .json(&serde_json::json!({"remote_account_id": "1", "access_token": "tok"}))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let expires = jiff::Timestamp::from_millisecond(T0 + 30 * DAY)
        .unwrap()
        .to_string();
    let ok = c
        .post(&url)
        .bearer_auth(&manager)
        .json(
            &serde_json::json!({"remote_account_id": "109", "access_token": "tok-secret",
            "server": "https://mastodon.social", "refresh_token": "", "expires_at": expires}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::NO_CONTENT);
    let creds = stored(app, id).await.unwrap();
    assert_eq!(
        (creds.expires_at, creds.refresh_token),
        (Some(T0 + 30 * DAY), None)
    );

    let analyst = app.token_for("analyst@narmada.example").await;
    let res = c
        .get(app.url("/api/v1/accounts/health"))
        .bearer_auth(&analyst)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let list: Vec<serde_json::Value> = res.json().await.unwrap();
    assert_eq!(list.len(), 1);
    let h = &list[0];
    assert_eq!(h["account_id"], id);
    assert_eq!(h["state"], "connected");
    assert_eq!(h["summary"], "Connected");
    assert_eq!(h["connected"], true);
    assert_eq!(h["failing"], 0);
    assert_eq!(h["token_expires_at"], expires.replace(".000", ""));
    assert!(!h.to_string().contains("tok-secret"));
}

app_tests!(
    connect_form_stores_sealed_credentials,
    health_page_shows_each_state,
    api_health_and_credentials
);
