//! Observances in the calendar, the content mix and goals: pages and API.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::app_tests;
use crate::support::{api_call, html, TestApp};

const MANAGER: &str = "manager@narmada.example";
const AUTHOR: &str = "author@narmada.example";
const ANALYST: &str = "analyst@narmada.example";

async fn observances_are_suggested_in_the_calendar(app: &TestApp) {
    let author = app.login(AUTHOR).await;
    let month = html(app, &author, "/calendar?date=2026-09-01").await;
    assert!(
        month.contains("World Heart Day — suggested post"),
        "{month}"
    );
    assert!(month.contains("National Nutrition Week (India) — suggested post"));
    let link = "/compose?pillar=wellness_campaign&#38;text=World+Heart+Day+%2829+September%29%3A+";
    let at = month.find("World Heart Day — suggested").unwrap();
    assert!(
        month.contains(link),
        "the suggestion links to the composer: {}",
        &month[at - 150..at]
    );
    let week = html(app, &author, "/calendar?view=week&date=2026-09-28").await;
    assert!(week.contains("World Heart Day — suggested post"));
    assert!(
        !week.contains("World Health Day"),
        "April is not in this week"
    );
    // The link starts a post about it.
    let composer = html(app, &author, &link.replace("&#38;", "&")).await;
    assert!(
        composer.contains("World Heart Day (29 September): "),
        "{composer}"
    );
    assert!(
        composer.contains("value=\"wellness_campaign\" selected"),
        "{composer}"
    );

    // A planner hides it and adds the organisation's own day.
    let manager = app.login(MANAGER).await;
    let res = app
        .post_form(
            &manager,
            "/plans/observances/visibility",
            &[("key", "world-heart-day"), ("hidden", "true")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let before = app.audit_actions().await.len();
    let res = app
        .post_form(
            &manager,
            "/plans/observances",
            &[("name", ""), ("date", "2026-13-01"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Name is required") && page.contains("is not a date like"),
        "{page}"
    );
    assert_eq!(app.audit_actions().await.len(), before, "nothing written");
    let res = app
        .post_form(
            &manager,
            "/plans/observances",
            &[
                ("name", "Bhopal clinic open day"),
                ("date", "2026-09-26"),
                ("note", "Tours every hour"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let month = html(app, &author, "/calendar?date=2026-09-01").await;
    assert!(!month.contains("World Heart Day — suggested post"));
    assert!(month.contains("Bhopal clinic open day — suggested post"));
    let page = html(app, &author, "/plans/observances").await;
    assert!(page.contains("Bhopal clinic open day") && page.contains("Hidden"));
    assert!(
        !page.contains("/plans/observances/visibility"),
        "authors only look"
    );
    // Refused for an author; a hidden field with a wrong value is a precise error.
    let res = app
        .post_form(
            &author,
            "/plans/observances/visibility",
            &[("key", "world-heart-day"), ("hidden", "false")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .post_form(
            &manager,
            "/plans/observances/visibility",
            &[("key", "world-heart-day"), ("hidden", "maybe")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

async fn goals_and_mix_pages(app: &TestApp) {
    let manager = app.login(MANAGER).await;
    let res = app
        .post_form(
            &manager,
            "/plans/mix",
            &[("education", "50"), ("community", "40"), ("qa_live", "x")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(page.contains("href=\"#f-qa_live\""), "{page}");
    assert!(page.contains("value=\"50\""), "what was typed is kept");
    let res = app
        .post_form(
            &manager,
            "/plans/mix",
            &[("education", "50"), ("community", "40")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("add up to 90"));
    let res = app
        .post_form(
            &manager,
            "/plans/mix",
            &[("education", "60"), ("community", "40")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let goal = |pillar: &'static str, target: &'static str| {
        [
            ("name", "Teach more"),
            ("metric", "posts_published_per_pillar"),
            ("pillar", pillar),
            ("target", target),
            ("starts_on", "2026-09-01"),
            ("ends_on", "2026-09-30"),
        ]
    };
    let res = app
        .post_form(&manager, "/plans/goals", &goal("", "0"))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Pillar is required") && page.contains("Target must be"),
        "{page}"
    );
    let res = app
        .post_form(&manager, "/plans/goals", &goal("education", "8"))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let analyst = app.login(ANALYST).await;
    let page = html(app, &analyst, "/plans/goals").await;
    assert!(
        page.contains("Teach more") && page.contains("0 of 8 (0 %)"),
        "{page}"
    );
    assert!(
        page.contains("<td>60 %</td>"),
        "the intended share is shown"
    );
    assert!(!page.contains("/plans/goals/"), "analysts cannot delete");
    let bad = analyst
        .get(app.url("/plans/goals?from=2026-02-30"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

fn fields(v: &Value) -> Vec<&str> {
    v["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect()
}

async fn planning_over_the_api(app: &TestApp) {
    use reqwest::Method as M;
    let t = app.token_for(MANAGER).await;
    let author = app.token_for(AUTHOR).await;
    // Observances.
    let (s, list) = api_call(app, &author, M::GET, "/api/v1/observances", None).await;
    assert_eq!(s, StatusCode::OK);
    let heart = list["shipped"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["key"] == "world-heart-day")
        .unwrap();
    assert_eq!(
        (heart["when"].as_str(), heart["hidden"].as_bool()),
        (Some("29 September"), Some(false))
    );
    let body = json!({"key": "world-heart-day", "hidden": true});
    let (s, _) = api_call(
        app,
        &author,
        M::POST,
        "/api/v1/observances/visibility",
        Some(body.clone()),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = api_call(
        app,
        &t,
        M::POST,
        "/api/v1/observances/visibility",
        Some(body),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, e) = api_call(
        app,
        &t,
        M::POST,
        "/api/v1/observances/visibility",
        Some(json!({"key": "nope", "hidden": true})),
    )
    .await;
    assert_eq!(
        (s, fields(&e)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["key"])
    );
    let (s, e) = api_call(
        app,
        &t,
        M::POST,
        "/api/v1/observances",
        Some(json!({"name": "Open day", "date": "2027-02-29", "yearly": true})),
    )
    .await;
    assert_eq!(
        (s, fields(&e)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["date"])
    );
    let (s, id) = api_call(
        app,
        &t,
        M::POST,
        "/api/v1/observances",
        Some(json!({"name": "Open day", "date": "2026-09-26"})),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, sugg) = api_call(
        app,
        &author,
        M::GET,
        "/api/v1/observances/suggestions?from=2026-09-20&to=2026-09-30",
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let names: Vec<&str> = sugg
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Open day") && !names.contains(&"World Heart Day"),
        "{names:?}"
    );
    let path = format!("/api/v1/observances/{}", id.as_i64().unwrap());
    assert_eq!(
        api_call(app, &t, M::DELETE, &path, None).await.0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        api_call(app, &t, M::DELETE, &path, None).await.0,
        StatusCode::NOT_FOUND
    );
    // Content mix.
    let (s, e) = api_call(
        app,
        &t,
        M::PUT,
        "/api/v1/content-mix",
        Some(json!({"percentages": {"education": 70.5, "memes": 10}})),
    )
    .await;
    assert_eq!(
        (s, fields(&e)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["education", "pillar"]
        )
    );
    let (s, e) = api_call(
        app,
        &t,
        M::PUT,
        "/api/v1/content-mix",
        Some(json!({"percentages": {"education": 70}})),
    )
    .await;
    assert_eq!(
        (s, fields(&e)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["total"])
    );
    let (s, mix) = api_call(
        app,
        &t,
        M::PUT,
        "/api/v1/content-mix",
        Some(json!({"percentages": {"education": 70, "community": "30"}})),
    )
    .await;
    assert_eq!((s, mix["community"].as_i64()), (StatusCode::OK, Some(30)));
    let (s, report) = api_call(app, &author, M::GET, "/api/v1/content-mix", None).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        (report["from"].as_str(), report["to"].as_str()),
        (Some("2026-09-01"), Some("2026-09-30"))
    );
    assert_eq!(report["rows"][0]["intended_percent"], 70);
    let (s, e) = api_call(
        app,
        &author,
        M::GET,
        "/api/v1/content-mix?from=2026-10-01&to=2026-09-01",
        None,
    )
    .await;
    assert_eq!(
        (s, fields(&e)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["to"])
    );
    // Goals.
    let goal = json!({"name": "Publish weekly", "metric": "posts_published", "target": "many", "starts_on": "2026-09-01", "ends_on": "2026-08-01"});
    let (s, e) = api_call(app, &t, M::POST, "/api/v1/goals", Some(goal)).await;
    assert_eq!(
        (s, fields(&e)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["target", "ends_on"])
    );
    let goal = json!({"name": "Publish weekly", "metric": "posts_published", "target": 4, "starts_on": "2026-09-01", "ends_on": "2026-09-30"});
    let (s, id) = api_call(app, &t, M::POST, "/api/v1/goals", Some(goal)).await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, goals) = api_call(app, &author, M::GET, "/api/v1/goals", None).await;
    assert_eq!(
        (goals[0]["value"].as_i64(), goals[0]["percent"].as_i64()),
        (Some(0), Some(0))
    );
    let path = format!("/api/v1/goals/{}", id.as_i64().unwrap());
    assert_eq!(
        api_call(app, &author, M::DELETE, &path, None).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        api_call(app, &t, M::DELETE, &path, None).await.0,
        StatusCode::NO_CONTENT
    );
    let (_, goals) = api_call(app, &author, M::GET, "/api/v1/goals", None).await;
    assert_eq!(goals.as_array().unwrap().len(), 0);
}

app_tests!(
    observances_are_suggested_in_the_calendar,
    goals_and_mix_pages,
    planning_over_the_api,
);
