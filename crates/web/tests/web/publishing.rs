//! A post's publications on its page and over the API: retry, settle, take down.

use reqwest::StatusCode;
use service::posts::{Deps, PostInput, TargetInput};
use service::review::ReviewAction;
use store::publications::{self, Publication};

use crate::app_tests;
use crate::connections::sealer;
use crate::support::{TestApp, T0};

const MANAGER: &str = "manager@narmada.example";
const AT: i64 = T0 + 3_600_000;

/// Written by the author, approved by the manager: one scheduled publication per account.
async fn scheduled_post(app: &TestApp, accounts: &[i64]) -> i64 {
    let sealer = sealer();
    let checker = service::checker::Checker::default();
    let deps = Deps {
        db: &app.db.db,
        sealer: &sealer,
        checker: &checker,
    };
    let author = app.actor("author@narmada.example").await;
    let manager = app.actor(MANAGER).await;
    let input = PostInput {
        base_text: "Heart health talk this Saturday at 10am, all welcome.".into(),
        pillar: "education".into(),
        targets: accounts
            .iter()
            .map(|a| TargetInput {
                account_id: *a,
                variant_text: None,
                scheduled_at: Some(AT),
            })
            .collect(),
        ..Default::default()
    };
    let id = service::posts::create(deps, &author, &input, T0)
        .await
        .unwrap();
    service::review::act(deps, &author, id, 1, ReviewAction::Submit, T0)
        .await
        .unwrap();
    let approve = ReviewAction::Approve {
        override_reason: None,
    };
    let next = service::review::act(deps, &manager, id, 2, approve, T0)
        .await
        .unwrap();
    assert_eq!(next.as_str(), "scheduled");
    id
}

async fn pubs(app: &TestApp, post: i64) -> Vec<Publication> {
    let mut c = app.db.db.conn().await.unwrap();
    publications::for_post(&mut c, post).await.unwrap()
}

/// What the publisher would have done: the first publication sent, the others ending in
/// `others` with `error` (through "sending" for `review`).
async fn outcome(app: &TestApp, others: &str, error: &str) {
    let claimed = publications::claim_due(&app.db.db, "test", AT, AT + 60_000, 10)
        .await
        .unwrap();
    let mut tx = app.db.db.begin().await.unwrap();
    for (i, p) in claimed.iter().enumerate() {
        if i == 0 {
            let url = "https://x.example/narmada/status/42";
            assert!(publications::mark_sent(
                &mut tx,
                p.id,
                p.fence,
                "claimed",
                "42",
                Some(url),
                AT
            )
            .await
            .unwrap());
            continue;
        }
        let mut from = "claimed";
        if others == "review" {
            publications::transition(&mut tx, p.id, p.fence, from, "sending", Some(AT + 1), AT)
                .await
                .unwrap();
            from = "sending";
        }
        assert!(
            publications::mark_outcome(&mut tx, p.id, p.fence, from, others, None, error, AT)
                .await
                .unwrap()
        );
    }
    tx.commit().await.unwrap();
}

async fn page(app: &TestApp, c: &reqwest::Client, post: i64) -> String {
    c.get(app.url(&format!("/posts/{post}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn post_page_shows_publications_and_retries(app: &TestApp) {
    let x = app.add_account("x", "@NarmadaCare").await;
    let fb = app.add_account("facebook", "narmadacare").await;
    let post = scheduled_post(app, &[x, fb]).await;
    let c = app.login(MANAGER).await;
    let html = page(app, &c, post).await;
    assert!(html.contains("<h2 id=\"h-publishing\">Publishing</h2>"));
    assert!(html.contains("Narmada x (X)") && html.contains("Scheduled for"));
    assert!(!html.contains("Retry failed targets") && !html.contains("Take down everywhere"));

    outcome(app, "failed", "revoked").await;
    let html = page(app, &c, post).await;
    assert!(html.contains("pub-sent\">Sent "), "{html}");
    assert!(html.contains(
        "href=\"https://x.example/narmada/status/42\" rel=\"noopener noreferrer\">view on platform"
    ));
    assert!(html.contains("pub-failed\">Failed: access revoked</span>"));
    assert!(html.contains(&format!(
        "<a href=\"/settings/accounts#connect-{fb}\">reconnect the account</a>"
    )));
    assert!(html.contains("Retry failed targets") && html.contains("Take down everywhere"));
    // Authors see how it went but may not act on it.
    let author = app.login("author@narmada.example").await;
    let html = page(app, &author, post).await;
    assert!(html.contains("Failed: access revoked") && !html.contains("Retry failed targets"));

    let path = format!("/posts/{post}/retry");
    let res = app.post_form(&c, &path, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()["location"],
        format!("/posts/{post}?done=retried").as_str()
    );
    let statuses: Vec<String> = pubs(app, post)
        .await
        .into_iter()
        .map(|p| p.status)
        .collect();
    assert_eq!(statuses, ["sent", "scheduled"]);
    assert!(app.audit_actions().await.iter().any(|a| a == "post.retry"));
    let html = page(app, &c, post).await;
    assert!(!html.contains("Retry failed targets"));
    // Nothing failed any more: refused, with the reason on the page.
    let again = app.post_form(&c, &path, &[]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("no target of this post has failed"));

    // Take-down: a reason is required; then unsent targets stop.
    let path = format!("/posts/{post}/takedown");
    let empty = app.post_form(&c, &path, &[("reason", " ")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text().await.unwrap().contains("Reason is required"));
    let res = app
        .post_form(&c, &path, &[("reason", "consent withdrawn")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let statuses: Vec<String> = pubs(app, post)
        .await
        .into_iter()
        .map(|p| p.status)
        .collect();
    assert_eq!(statuses, ["sent", "cancelled"]);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(to, format!("/posts/{post}?done=takedown"));
    let html = c
        .get(app.url(&to))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Take-down requested"));
    assert!(app
        .audit_actions()
        .await
        .iter()
        .any(|a| a == "post.takedown_request"));
}

async fn a_person_settles_a_publication_in_review(app: &TestApp) {
    let x = app.add_account("x", "@NarmadaCare").await;
    let bsky = app.add_account("bluesky", "narmada.bsky.social").await;
    let post = scheduled_post(app, &[x, bsky]).await;
    outcome(app, "review", "lookup:not_found").await;
    let c = app.login(MANAGER).await;
    let html = page(app, &c, post).await;
    assert!(html.contains("Waiting for a person: Bedside cannot tell whether Bluesky received it"));
    let pid = pubs(app, post).await[1].id;
    assert!(html.contains(&format!("action=\"/publications/{pid}/resolve\"")));
    let path = format!("/publications/{pid}/resolve");
    let post_id = post.to_string();
    let none = app.post_form(&c, &path, &[("post_id", &post_id)]).await;
    assert_eq!(none.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.text().await.unwrap().contains("Choice is required"));
    let res = app
        .post_form(
            &c,
            &path,
            &[
                ("post_id", &post_id),
                ("choice", "published"),
                ("remote_id", "at://did:plc:x/app.bsky.feed.post/3k"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let p = &pubs(app, post).await[1];
    assert_eq!(p.status, "sent");
    assert_eq!(
        p.remote_id.as_deref(),
        Some("at://did:plc:x/app.bsky.feed.post/3k")
    );
    let again = app
        .post_form(&c, &path, &[("post_id", &post_id), ("choice", "resend")])
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("not waiting for a decision"));
}

async fn publications_over_the_api(app: &TestApp) {
    let x = app.add_account("x", "@NarmadaCare").await;
    let li = app.add_account("linkedin", "narmada-care").await;
    let gb = app.add_account("google_business", "locations/bhopal").await;
    let post = scheduled_post(app, &[x, li, gb]).await;
    let manager = app.token_for(MANAGER).await;
    let analyst = app.token_for("analyst@narmada.example").await;
    let c = reqwest::Client::new();
    let list = |token: String| {
        let c = c.clone();
        let url = app.url(&format!("/api/v1/posts/{post}/publications"));
        async move {
            let res = c.get(url).bearer_auth(token).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            res.json::<Vec<serde_json::Value>>().await.unwrap()
        }
    };
    let before = list(analyst.clone()).await;
    assert_eq!(before.len(), 3);
    assert_eq!(before[0]["status"], "scheduled");
    assert_eq!(before[0]["account_id"], x);
    assert!(before[0].get("idempotency_key").is_none() && before[0].get("fence").is_none());
    let retry = format!("/api/v1/posts/{post}/retry");
    let res = c
        .post(app.url(&retry))
        .bearer_auth(&manager)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);

    // X sent, LinkedIn and Google in review; settle one each way over the API.
    outcome(app, "review", "lookup:ambiguous").await;
    let after = list(analyst).await;
    assert_eq!(after[0]["status"], "sent");
    assert_eq!(
        after[0]["remote_url"],
        "https://x.example/narmada/status/42"
    );
    assert_eq!(after[1]["status"], "review");
    assert_eq!(after[1]["last_error"], "lookup:ambiguous");
    let resolve = |id: &serde_json::Value, body: serde_json::Value| {
        let req = c
            .post(app.url(&format!("/api/v1/publications/{id}/resolve")))
            .bearer_auth(&manager)
            .json(&body);
        async move { req.send().await.unwrap().status() }
    };
    let unknown = resolve(&after[1]["id"], serde_json::json!("maybe")).await;
    assert_eq!(unknown, StatusCode::BAD_REQUEST);
    let published = serde_json::json!({"published": {"remote_id": "urn:li:share:7"}});
    assert_eq!(
        resolve(&after[1]["id"], published).await,
        StatusCode::NO_CONTENT
    );
    let abandon = serde_json::json!("abandon");
    assert_eq!(
        resolve(&after[2]["id"], abandon.clone()).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        resolve(&after[2]["id"], abandon).await,
        StatusCode::CONFLICT
    );
    let statuses: Vec<String> = pubs(app, post)
        .await
        .into_iter()
        .map(|p| p.status)
        .collect();
    assert_eq!(statuses, ["sent", "sent", "failed"]);

    // The abandoned one is a failed target, so it can be retried.
    let res = c
        .post(app.url(&retry))
        .bearer_auth(&manager)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let out: serde_json::Value = res.json().await.unwrap();
    assert_eq!(out["retried"], 1);

    let takedown = app.url(&format!("/api/v1/posts/{post}/takedown"));
    let res = c
        .post(&takedown)
        .bearer_auth(&manager)
        .json(&serde_json::json!({"reason": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = c
        .post(&takedown)
        .bearer_auth(&manager)
        .json(&serde_json::json!({"reason": "consent withdrawn"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let first: serde_json::Value = res.json().await.unwrap();
    let res = c
        .post(&takedown)
        .bearer_auth(&manager)
        .json(&serde_json::json!({"reason": "again"}))
        .send()
        .await
        .unwrap();
    let second: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        first["takedown_id"], second["takedown_id"],
        "one open request"
    );
    let analyst = app.token_for("analyst@narmada.example").await;
    let res = c
        .post(&takedown)
        .bearer_auth(&analyst)
        .json(&serde_json::json!({"reason": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

app_tests!(
    post_page_shows_publications_and_retries,
    a_person_settles_a_publication_in_review,
    publications_over_the_api
);
