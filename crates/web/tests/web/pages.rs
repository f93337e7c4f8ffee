//! Settings pages, the audit page and export, error pages, headers and operations.

use reqwest::StatusCode;

use crate::app_tests;
use crate::support::{client, TestApp};

const OWNER: &str = "owner@narmada.example";

async fn add_and_rename_location(app: &TestApp) {
    let c = app.login(OWNER).await;
    let page = c
        .get(app.url("/settings/locations"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for city in ["Bhopal", "Raisen", "Sehore", "Vidisha"] {
        assert!(page.contains(city));
    }
    let res = app
        .post_form(&c, "/settings/locations", &[("name", "  Indore  ")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = c
        .get(app.url("/settings/locations?saved=added"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<td>Indore</td>") && page.contains("Location added."));
    // Duplicate (any case) and empty names: 422 with the field's error, nothing written.
    let dup = app
        .post_form(&c, "/settings/locations", &[("name", "INDORE")])
        .await;
    assert_eq!(dup.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(dup
        .text()
        .await
        .unwrap()
        .contains("a location called &#34;INDORE&#34; already exists"));
    let empty = app
        .post_form(&c, "/settings/locations", &[("name", "   ")])
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text().await.unwrap().contains("Name is required"));
    let long = "x".repeat(81);
    let too_long = app
        .post_form(&c, "/settings/locations", &[("name", &long)])
        .await;
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let actions = app.audit_actions().await;
    assert_eq!(
        actions.iter().filter(|a| *a == "location.create").count(),
        5,
        "4 demo + Indore"
    );
}

async fn organisation_settings_validate(app: &TestApp) {
    let c = app.login(OWNER).await;
    let bad = app
        .post_form(
            &c,
            "/settings/organisation",
            &[
                ("name", "Narmada"),
                ("time_zone", "Nowhere/City"),
                ("jurisdiction", "UK"),
            ],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = bad.text().await.unwrap();
    assert!(body.contains("Time zone") && body.contains("Jurisdiction must be US or IN"));
    let ok = app
        .post_form(
            &c,
            "/settings/organisation",
            &[
                ("name", "Narmada Health"),
                ("time_zone", "Asia/Kolkata"),
                ("jurisdiction", "IN"),
            ],
        )
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let page = c
        .get(app.url("/settings/organisation"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Narmada Health"));
    let analyst = app.login("analyst@narmada.example").await;
    let view = analyst
        .get(app.url("/settings/organisation"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        view.contains("Narmada Health")
            && !view.contains("<form method=\"post\" action=\"/settings/organisation\"")
    );
}

async fn audit_page_filters_and_exports(app: &TestApp) {
    let c = app.login(OWNER).await;
    app.post_form(&c, "/settings/locations", &[("name", "Indore")])
        .await;
    let page = c
        .get(app.url("/settings/audit?action=location."))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let body = page.text().await.unwrap();
    assert!(body.contains("location.create") && !body.contains("<td>user.create</td>"));
    let bad = c
        .get(app.url("/settings/audit?from=yesterday"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad
        .text()
        .await
        .unwrap()
        .contains("From must be a date like"));
    let csv = c
        .get(app.url("/settings/audit.csv?action=location."))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = csv.text().await.unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "seq,time_utc,actor,action,object_type,object_id,summary,prev_hash,hash"
    );
    assert_eq!(lines.filter(|l| l.contains(",location.create,")).count(), 5);
    assert!(app
        .audit_actions()
        .await
        .iter()
        .any(|a| a == "audit.export"));
    // Entries never contain free text, only ids and field names.
    assert!(!text.contains("Indore"));
}

async fn unknown_routes_get_a_real_404(app: &TestApp) {
    let res = client().get(app.url("/no/such/page")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("There is nothing at this address"));
    let api = client()
        .get(app.url("/api/v1/nothing"))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), StatusCode::NOT_FOUND);
    let body: serde_json::Value = api.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");
}

async fn security_headers_everywhere(app: &TestApp) {
    for path in ["/login", "/healthz", "/no/such/page", "/static/app.css"] {
        let res = client().get(app.url(path)).send().await.unwrap();
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'")
                && csp.contains("script-src 'self'")
                && !csp.contains("unsafe-inline")
        );
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["referrer-policy"], "no-referrer");
        assert!(h.contains_key("x-request-id"));
    }
    // No inline script in any page.
    let c = app.login(OWNER).await;
    for path in [
        "/",
        "/settings/locations",
        "/settings/users",
        "/settings/audit",
        "/settings/tokens",
    ] {
        let html = c
            .get(app.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            !html.contains("<script>") && !html.contains(" onclick="),
            "{path} has inline script"
        );
    }
}

async fn oversized_requests_get_413(app: &TestApp) {
    let c = app.login(OWNER).await;
    let big = "x".repeat(100 * 1024);
    let res = app
        .post_form(&c, "/settings/locations", &[("name", &big)])
        .await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

async fn operations_endpoints(app: &TestApp) {
    let c = client();
    assert_eq!(
        c.get(app.url("/healthz")).send().await.unwrap().status(),
        StatusCode::OK
    );
    let ready: serde_json::Value = c
        .get(app.url("/readyz"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(ready["status"], "ready");
    let metrics = c
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains(
        "bedside_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 1"
    ));
    assert!(metrics.contains("bedside_http_request_duration_seconds_bucket{route=\"/readyz\""));
}

async fn coming_soon_pages_are_honest(app: &TestApp) {
    let c = app.login(OWNER).await;
    for path in ["/inbox", "/analytics"] {
        let res = c.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.text().await.unwrap().contains("Coming soon"));
    }
}

app_tests!(
    add_and_rename_location,
    organisation_settings_validate,
    audit_page_filters_and_exports,
    unknown_routes_get_a_real_404,
    security_headers_everywhere,
    oversized_requests_get_413,
    operations_endpoints,
    coming_soon_pages_are_honest,
);
