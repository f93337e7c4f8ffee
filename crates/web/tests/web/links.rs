//! First-party links (COMPOSE-5): classifying pages feeds the check, short links redirect
//! and count clicks by device class only.

use reqwest::header::{LOCATION, USER_AGENT};
use reqwest::Method as M;
use reqwest::StatusCode;
use serde_json::json;

use crate::app_tests;
use crate::support::{api_call, client, html, TestApp, T0};

const COMPLIANCE: &str = "compliance@narmada.example";
const AUTHOR: &str = "author@narmada.example";
const BOOKING_POST: &str =
    "Flu shots are in! Book yours at https://narmada.example/book/flu today.";

async fn create_post(app: &TestApp, token: &str, account: i64) -> serde_json::Value {
    let body = json!({"base_text": BOOKING_POST, "pillar": "service_announcement",
        "targets": [{"account_id": account}]});
    let (s, post) = api_call(app, token, M::POST, "/api/v1/posts", Some(body)).await;
    assert_eq!(s, StatusCode::CREATED, "{post}");
    post
}

async fn page_classes_feed_the_check(app: &TestApp) {
    let account = app.add_account("facebook", "narmadacare").await;
    let author = app.token_for(AUTHOR).await;
    // Unclassified: nobody said the page is tracked.
    let post = create_post(app, &author, account).await;
    assert_eq!(post["verdict"], "allow", "{post}");

    let compliance = app.login(COMPLIANCE).await;
    let res = app
        .post_form(
            &compliance,
            "/settings/links",
            &[
                ("prefix", "narmada.example/book"),
                ("kind", "shop"),
                ("trackers", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("must be an address starting with https://"),
        "{body}"
    );
    assert!(body.contains("must be public_info, booking, portal or intake"));
    let res = app
        .post_form(
            &compliance,
            "/settings/links",
            &[
                ("prefix", "https://www.narmada.example/book/"),
                ("kind", "booking"),
                ("trackers", "meta_pixel"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = html(app, &compliance, "/settings/links").await;
    assert!(
        page.contains("<code>https://narmada.example/book</code>"),
        "{page}"
    );

    // The same text now lands on a tracked booking page: review, with the rule named.
    let post = create_post(app, &author, account).await;
    assert_eq!(post["verdict"], "needs_review", "{post}");
    assert!(post.to_string().contains("TRK-PIXEL"), "{post}");
    // The live check in the composer says the same.
    let c = app.login(AUTHOR).await;
    let feedback = app
        .post_form(&c, "/compose/check", &[("base_text", BOOKING_POST)])
        .await
        .text()
        .await
        .unwrap();
    assert!(feedback.contains("TRK-PIXEL"), "{feedback}");

    // Trackers removed from the page: allowed again. The API sees the same classes.
    let token = app.token_for(COMPLIANCE).await;
    let class =
        json!({"prefix": "https://narmada.example/book", "kind": "booking", "trackers": []});
    let (s, _) = api_call(app, &token, M::POST, "/api/v1/url-classes", Some(class)).await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, list) = api_call(app, &author, M::GET, "/api/v1/url-classes", None).await;
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "the prefix was replaced, not added"
    );
    assert_eq!(list[0]["trackers"], json!([]));
    let post = create_post(app, &author, account).await;
    assert_eq!(post["verdict"], "allow", "{post}");
    let (s, _) = api_call(
        app,
        &author,
        M::POST,
        "/api/v1/url-classes",
        Some(json!({"prefix": "https://x.example", "kind": "portal"})),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "authors do not classify pages");
    let path = format!("/api/v1/url-classes/{}", list[0]["id"]);
    assert_eq!(
        api_call(app, &token, M::DELETE, &path, None).await.0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        api_call(app, &token, M::DELETE, &path, None).await.0,
        StatusCode::NOT_FOUND
    );
    assert!(app
        .audit_actions()
        .await
        .iter()
        .any(|a| a == "url_class.save"));
}

async fn short_links_redirect_and_count_by_device(app: &TestApp) {
    let account = app.add_account("x", "@narmadacare").await;
    let author = app.token_for(AUTHOR).await;
    let post = create_post(app, &author, account).await;
    let id = post["id"].as_i64().unwrap();
    let target = {
        let mut c = app.db.db.conn().await.unwrap();
        store::posts::targets(&mut c, id).await.unwrap()[0].id
    };
    let shortened = service::links::shorten(
        &app.db.db,
        &service::links::ShortenTarget {
            org_id: 1,
            post_id: id,
            target_id: target,
            account_id: account,
            platform: "x",
            campaign: None,
            base_url: &app.addr,
        },
        BOOKING_POST,
        T0,
    )
    .await
    .unwrap();
    let short = domain::links::find_urls(&shortened)[0].url.clone();
    assert!(
        short.starts_with(&format!("{}/l/", app.addr)),
        "{shortened}"
    );

    let c = client();
    let follow = |ua: &'static str| c.get(&short).header(USER_AGENT, ua).send();
    let res = follow("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148")
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()[LOCATION],
        "https://narmada.example/book/flu?utm_source=x&utm_medium=social"
    );
    assert_eq!(res.headers()["referrer-policy"], "no-referrer");
    follow("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36")
        .await
        .unwrap();
    follow("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120")
        .await
        .unwrap();
    follow("facebookexternalhit/1.1").await.unwrap();
    let res = c.get(app.url("/l/NoSuchCd")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = c.get(app.url("/l/..%2F..%2Fetc")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    let (s, links) = api_call(
        app,
        &author,
        M::GET,
        &format!("/api/v1/posts/{id}/links"),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        (links[0]["clicks"].as_i64(), links[0]["bot_clicks"].as_i64()),
        (Some(3), Some(1))
    );
    assert_eq!(links[0]["by_device"]["mobile"], 2);
    assert_eq!(links[0]["by_device"]["desktop"], 1);
    // Nothing but the day and the device class is kept about a click.
    let mut conn = app.db.db.conn().await.unwrap();
    let rows = store::links::clicks_for_post(&mut conn, 1, id)
        .await
        .unwrap();
    assert_eq!(rows.len(), 3, "mobile, desktop and bot rows");
}

app_tests!(
    page_classes_feed_the_check,
    short_links_redirect_and_count_by_device
);
