//! The JSON API: token authentication, errors with stable codes, the OpenAPI document.

use reqwest::StatusCode;

use crate::app_tests;
use crate::support::{client, TestApp};

async fn api_requires_a_valid_token(app: &TestApp) {
    let c = client();
    let res = c.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "unauthorized");
    let res = c
        .get(app.url("/api/v1/me"))
        .bearer_auth("bst_0000")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // A browser session does not authenticate the API (no CSRF exposure).
    let browser = app.login("owner@narmada.example").await;
    assert_eq!(
        browser
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let token = app.token_for("manager@narmada.example").await;
    let me: serde_json::Value = c
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["role"], "manager");
    assert_eq!(me["org_name"], "Narmada Care Clinics");
}

async fn api_locations(app: &TestApp) {
    let c = client();
    let token = app.token_for("manager@narmada.example").await;
    let res = c
        .post(app.url("/api/v1/locations"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"name": "Indore"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: serde_json::Value = res.json().await.unwrap();
    assert_eq!(created["name"], "Indore");
    let dup = c
        .post(app.url("/api/v1/locations"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"name": "indore"}))
        .send()
        .await
        .unwrap();
    assert_eq!(dup.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = dup.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid_input");
    assert_eq!(body["error"]["fields"][0]["field"], "name");
    let bad = c
        .post(app.url("/api/v1/locations"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"name\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = bad.json().await.unwrap();
    assert_eq!(body["error"]["code"], "bad_request");
    let wrong = c
        .post(app.url("/api/v1/locations"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"nom": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    let list: Vec<serde_json::Value> = c
        .get(app.url("/api/v1/locations"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.len(), 5);
    let analyst = app.token_for("analyst@narmada.example").await;
    let denied = c
        .post(app.url("/api/v1/locations"))
        .bearer_auth(&analyst)
        .json(&serde_json::json!({"name": "Ujjain"}))
        .send()
        .await
        .unwrap();
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    let body: serde_json::Value = denied.json().await.unwrap();
    assert_eq!(body["error"]["code"], "forbidden");
}

async fn revoked_token_stops_working(app: &TestApp) {
    let c = app.login("author@narmada.example").await;
    let res = app
        .post_form(&c, "/settings/tokens", &[("name", "my script")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let start = html.find("<code id=\"new-token\">").unwrap() + "<code id=\"new-token\">".len();
    let secret = html[start..start + html[start..].find('<').unwrap()].to_string();
    assert!(secret.starts_with("bst_"));
    let api = client();
    assert_eq!(
        api.get(app.url("/api/v1/me"))
            .bearer_auth(&secret)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    // Shown once: the list shows only a prefix.
    let list = c
        .get(app.url("/settings/tokens"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!list.contains(&secret));
    let mut conn = app.db.db.conn().await.unwrap();
    let uid = store::users::find_by_email(&mut conn, "author@narmada.example")
        .await
        .unwrap()
        .unwrap()
        .id;
    let id = store::tokens::list_for_user(&mut conn, uid).await.unwrap()[0].id;
    drop(conn);
    let res = app
        .post_form(&c, &format!("/settings/tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        api.get(app.url("/api/v1/me"))
            .bearer_auth(&secret)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

async fn openapi_document_lists_the_api(app: &TestApp) {
    let doc: serde_json::Value = client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/me",
        "/api/v1/locations",
        "/api/v1/users",
        "/api/v1/audit",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} missing from OpenAPI"
        );
    }
    assert!(doc["components"]["securitySchemes"]["token"].is_object());
    // Every API route in the access table is documented, and vice versa.
    for r in web::access::ROUTES
        .iter()
        .filter(|r| r.path.starts_with("/api/v1/") && r.path != "/api/v1/openapi.json")
    {
        let method = r.method.to_lowercase();
        assert!(
            doc["paths"][r.path][&method].is_object(),
            "{} {} not in OpenAPI",
            r.method,
            r.path
        );
    }
}

async fn api_audit_entries(app: &TestApp) {
    let token = app.token_for("compliance@narmada.example").await;
    let entries: Vec<serde_json::Value> = client()
        .get(app.url("/api/v1/audit?action=user.&limit=5"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(entries.len(), 5);
    assert!(entries
        .iter()
        .all(|e| e["action"].as_str().unwrap().starts_with("user.")));
    let bad = client()
        .get(app.url("/api/v1/audit?limit=abc"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

app_tests!(
    api_requires_a_valid_token,
    api_locations,
    revoked_token_stops_working,
    openapi_document_lists_the_api,
    api_audit_entries,
);

async fn api_check_one_and_many(app: &TestApp) {
    let token = app.token_for("author@narmada.example").await;
    let c = client();
    let one = serde_json::json!({
        "id": "r1",
        "text": "Thank you Mrs. Sunita Sharma for trusting us with your knee replacement on 12 March!",
        "channel": "facebook_post",
        "direction": "outbound"
    });
    let res = c
        .post(app.url("/api/v1/check"))
        .bearer_auth(&token)
        .json(&one)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let r: serde_json::Value = res.json().await.unwrap();
    assert_eq!(r["id"], "r1");
    assert_eq!(r["verdict"], "block");
    assert!(r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"].as_str().unwrap().starts_with("PHI-")));
    let many = serde_json::json!([
        {"id": 1, "text": "Join us for World Health Day on 7 April: free BP checks at all four clinics.", "channel": "instagram_post"},
        one
    ]);
    let rs: Vec<serde_json::Value> = c
        .post(app.url("/api/v1/check"))
        .bearer_auth(&token)
        .json(&many)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(rs.len(), 2);
    assert_eq!(rs[0]["verdict"], "allow");
    assert_eq!(rs[1]["verdict"], "block");
    let bad = c
        .post(app.url("/api/v1/check"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"txt": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let analyst = app.token_for("analyst@narmada.example").await;
    let denied = c
        .post(app.url("/api/v1/check"))
        .bearer_auth(&analyst)
        .json(&one)
        .send()
        .await
        .unwrap();
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
}

app_tests!(api_check_one_and_many);

async fn api_posts_workflow(app: &TestApp) {
    let c = client();
    let manager = app.token_for("manager@narmada.example").await;
    let author = app.token_for("author@narmada.example").await;
    let compliance = app.token_for("compliance@narmada.example").await;
    let res = c.post(app.url("/api/v1/accounts")).bearer_auth(&manager)
        .json(&serde_json::json!({"platform": "bluesky", "name": "Narmada on Bluesky", "handle": "narmada.bsky.social"})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let account: i64 = res.json().await.unwrap();
    let when = jiff::Timestamp::from_millisecond(crate::support::T0 + 86_400_000)
        .unwrap()
        .to_string();
    let body = serde_json::json!({
        "base_text": "Priya Menon (42) is home after her bypass surgery on 3 March!",
        "pillar": "patient_story",
        "targets": [{"account_id": account, "scheduled_at": when}]
    });
    let res = c
        .post(app.url("/api/v1/posts"))
        .bearer_auth(&author)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let post: serde_json::Value = res.json().await.unwrap();
    let id = post["id"].as_i64().unwrap();
    assert_eq!(post["verdict"], "block");
    assert_eq!(post["targets"][0]["scheduled_at"], when.replace(".000", ""));
    let v = post["version"].as_i64().unwrap();
    let res = c
        .post(app.url(&format!("/api/v1/posts/{id}/actions")))
        .bearer_auth(&author)
        .json(&serde_json::json!({"action": "submit", "version": v}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let err: serde_json::Value = res.json().await.unwrap();
    assert!(err["error"]["message"]
        .as_str()
        .unwrap()
        .contains("blocks this post"));
    let stale = serde_json::json!({"base_text": "x", "pillar": "education", "version": v + 7});
    let res = c
        .put(app.url(&format!("/api/v1/posts/{id}")))
        .bearer_auth(&author)
        .json(&stale)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let safe = serde_json::json!({"base_text": "Heart health talk this Saturday at 10am, all welcome.", "pillar": "education", "version": v,
        "targets": [{"account_id": account, "scheduled_at": when}]});
    let res = c
        .put(app.url(&format!("/api/v1/posts/{id}")))
        .bearer_auth(&author)
        .json(&safe)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let post: serde_json::Value = res.json().await.unwrap();
    assert_eq!(post["verdict"], "allow");
    let v = post["version"].as_i64().unwrap();
    let post: serde_json::Value = c
        .post(app.url(&format!("/api/v1/posts/{id}/actions")))
        .bearer_auth(&author)
        .json(&serde_json::json!({"action": "submit", "version": v}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(post["status"], "in_review");
    let v = post["version"].as_i64().unwrap();
    let post: serde_json::Value = c
        .post(app.url(&format!("/api/v1/posts/{id}/actions")))
        .bearer_auth(&compliance)
        .json(&serde_json::json!({"action": "approve", "version": v}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(post["status"], "scheduled");
    let listed: Vec<serde_json::Value> = c
        .get(app.url("/api/v1/posts?status=scheduled"))
        .bearer_auth(&author)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed[0]["id"], id);
    let bad = c.post(app.url("/api/v1/consents")).bearer_auth(&compliance)
        .json(&serde_json::json!({"kind": "patient", "reference": "R1", "subject_name": "Priya Menon", "signed_by": "patient", "channels": ["post"], "purpose": "story", "valid_until": "soon"})).send().await.unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

app_tests!(api_posts_workflow);
