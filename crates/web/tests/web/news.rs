//! Industry news (PLAN-8): following feeds on the page and over the API; what a feed said
//! is shown as escaped plain text.

use reqwest::Method as M;
use reqwest::StatusCode;
use serde_json::json;

use crate::app_tests;
use crate::support::{api_call, html, TestApp, T0};

const MANAGER: &str = "manager@narmada.example";
const ANALYST: &str = "analyst@narmada.example";

const HOSTILE: &str = r#"<rss version="2.0"><channel><title>Health &lt;b&gt;Wire&lt;/b&gt;</title>
<item><title>&lt;img src=x onerror=alert(1)&gt;Measles update</title><link>https://health.example/measles</link><guid>m1</guid>
<description>&lt;script&gt;steal()&lt;/script&gt;Vaccination drive on &lt;b&gt;Saturday&lt;/b&gt;.</description></item></channel></rss>"#;

async fn feeds_are_followed_and_items_shown_as_text(app: &TestApp) {
    let manager = app.login(MANAGER).await;
    let res = app
        .post_form(
            &manager,
            "/plans/news/feeds",
            &[("url", "feed://x.example")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("must start with https:// or http://"));
    let res = app
        .post_form(
            &manager,
            "/plans/news/feeds",
            &[("url", "https://health.example/rss")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = html(app, &manager, "/plans/news").await;
    assert!(page.contains("Waiting for the first read"), "{page}");

    // What a read of that feed stores (the engine's job does this on its schedule).
    let feed = {
        let mut c = app.db.db.conn().await.unwrap();
        store::news::list(&mut c, 1).await.unwrap().remove(0)
    };
    let parsed = feeds::parse(HOSTILE.as_bytes(), &feeds::Limits::default()).unwrap();
    let outcome = service::news::FetchOutcome::Parsed {
        feed: parsed,
        etag: None,
        last_modified: None,
    };
    assert_eq!(
        service::news::record_fetch(&app.db.db, &feed, outcome, T0)
            .await
            .unwrap(),
        1
    );

    let analyst = app.login(ANALYST).await;
    let page = html(app, &analyst, "/plans/news").await;
    assert!(page.contains("Measles update"), "{page}");
    assert!(
        !page.contains("<img src=x") && !page.contains("<script>steal"),
        "{page}"
    );
    assert!(page.contains("Vaccination drive on Saturday."), "{page}");
    assert!(page
        .contains(r#"href="https://health.example/measles" rel="noopener noreferrer nofollow""#));
    let res = app
        .post_form(
            &analyst,
            "/plans/news/feeds",
            &[("url", "https://x.example/rss")],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "analysts read, managers choose feeds"
    );
    let res = app
        .post_form(
            &analyst,
            &format!("/plans/news/feeds/{}/refresh", feed.id),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // The API: the same feed and item, a duplicate is a conflict, unfollow removes both.
    let token = app.token_for(MANAGER).await;
    let (s, items) = api_call(app, &token, M::GET, "/api/v1/news", None).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(items[0]["link"], "https://health.example/measles");
    let (_, feeds) = api_call(app, &token, M::GET, "/api/v1/feeds", None).await;
    assert_eq!(feeds[0]["status"], "ok");
    let (s, _) = api_call(
        app,
        &token,
        M::POST,
        "/api/v1/feeds",
        Some(json!({"url": "https://health.example/rss"})),
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT);
    let (s, _) = api_call(
        app,
        &token,
        M::POST,
        "/api/v1/feeds",
        Some(json!({"url": "https://u:p@health.example/rss"})),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let path = format!("/api/v1/feeds/{}", feed.id);
    assert_eq!(
        api_call(app, &token, M::DELETE, &path, None).await.0,
        StatusCode::NO_CONTENT
    );
    let (_, items) = api_call(app, &token, M::GET, "/api/v1/news", None).await;
    assert_eq!(items, json!([]));
}

app_tests!(feeds_are_followed_and_items_shown_as_text);
