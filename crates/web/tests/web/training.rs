//! Policy and training (COMPLY-7): the pages and the API, and the gate on submitting.

use reqwest::Method as M;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::app_tests;
use crate::support::{api_call, html, TestApp, T0};

const COMPLIANCE: &str = "compliance@narmada.example";
const AUTHOR: &str = "author@narmada.example";
const MANAGER: &str = "manager@narmada.example";

async fn draft(app: &TestApp, token: &str) -> (i64, i64) {
    let account = app.add_account("x", "@narmadacare").await;
    let when = jiff::Timestamp::from_millisecond(T0 + 86_400_000)
        .unwrap()
        .to_string();
    let body = json!({
        "base_text": "Free blood pressure checks at all four clinics this week.",
        "pillar": "education",
        "targets": [{"account_id": account, "scheduled_at": when}]
    });
    let (s, post) = api_call(app, token, M::POST, "/api/v1/posts", Some(body)).await;
    assert_eq!(s, StatusCode::CREATED, "{post}");
    (
        post["id"].as_i64().unwrap(),
        post["version"].as_i64().unwrap(),
    )
}

/// The right answer to every question on the quiz page, read from the API.
async fn right_answers(app: &TestApp) -> Vec<(String, String)> {
    let quiz = domain::training_defaults::default_questions();
    let token = app.token_for(AUTHOR).await;
    let (_, listed) = api_call(app, &token, M::GET, "/api/v1/training/quiz", None).await;
    listed
        .as_array()
        .unwrap()
        .iter()
        .zip(&quiz)
        .map(|(q, shipped)| {
            assert_eq!(q["prompt"], shipped.prompt.as_str());
            assert!(
                q.get("correct").is_none(),
                "the API never gives answers away"
            );
            (format!("q{}", q["key"]), shipped.correct.to_string())
        })
        .collect()
}

async fn training_gates_submitting_on_the_pages(app: &TestApp) {
    let compliance = app.login(COMPLIANCE).await;
    let author = app.login(AUTHOR).await;
    // Compliance starts from the template and publishes version 1.
    let page = html(app, &compliance, "/compliance/training").await;
    assert!(page.contains("No policy published yet"), "{page}");
    assert!(page.contains("Patients first."), "the template is offered");
    let res = app
        .post_form(
            &compliance,
            "/compliance/policy",
            &[("title", " "), ("body", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .post_form(
            &compliance,
            "/compliance/policy",
            &[
                ("title", "Narmada social media policy"),
                (
                    "body",
                    "Never confirm that someone is a patient.\n\nAsk before you post a photo.",
                ),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let home = html(app, &author, "/").await;
    assert!(home.contains("complete your training</a>: accept the current social media policy; pass the training quiz."), "{home}");
    // The author is held back with a reason that says what to do.
    let token = app.token_for(AUTHOR).await;
    let (id, version) = draft(app, &token).await;
    let v = version.to_string();
    let res = app
        .post_form(
            &author,
            &format!("/posts/{id}/action"),
            &[("action", "submit"), ("version", &v)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body = res.text().await.unwrap();
    assert!(body.contains("Before you submit posts, accept the current social media policy and pass the training quiz"), "{body}");

    let training = html(app, &author, "/training").await;
    assert!(training.contains("Narmada social media policy — version 1"));
    assert!(training.contains("<p>Ask before you post a photo.</p>"));
    let res = app
        .post_form(&author, "/training/attest", &[("version", "1")])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the box must be ticked"
    );
    let res = app
        .post_form(
            &author,
            "/training/attest",
            &[("version", "1"), ("accept", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Half right is not a pass; the page explains what was wrong.
    let answers = right_answers(app).await;
    let half: Vec<(&str, &str)> = answers
        .iter()
        .take(answers.len() / 2)
        .map(|(k, a)| (k.as_str(), a.as_str()))
        .collect();
    let res = app.post_form(&author, "/training/quiz", &half).await;
    assert_eq!(res.status(), StatusCode::OK);
    let graded = res.text().await.unwrap();
    assert!(graded.contains("Not passed"), "{graded}");
    assert!(graded.contains("(no answer)"));
    let all: Vec<(&str, &str)> = answers
        .iter()
        .map(|(k, a)| (k.as_str(), a.as_str()))
        .collect();
    let graded = app
        .post_form(&author, "/training/quiz", &all)
        .await
        .text()
        .await
        .unwrap();
    assert!(graded.contains("Passed:"), "{graded}");
    assert!(graded.contains("You are up to date"));
    let home = html(app, &author, "/").await;
    assert!(!home.contains("training-needed"));

    let res = app
        .post_form(
            &author,
            &format!("/posts/{id}/action"),
            &[("action", "submit"), ("version", &v)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let roster = html(app, &compliance, "/compliance/training").await;
    assert!(roster.contains("Neha Patel"), "{roster}");
    assert!(
        roster.contains("2 of 12 active members are current")
            || roster.contains("1 of 12 active members are current"),
        "{roster}"
    );
    let actions = app.audit_actions().await;
    for a in [
        "policy.publish",
        "policy.attest",
        "training.quiz",
        "post.submit",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} not audited");
    }
    // Authors cannot see the roster or edit the quiz.
    let res = author
        .get(app.url("/compliance/training"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app.post_form(&author, "/compliance/quiz/reset", &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

async fn quiz_is_edited_on_the_page(app: &TestApp) {
    let compliance = app.login(COMPLIANCE).await;
    let res = app
        .post_form(
            &compliance,
            "/compliance/quiz",
            &[
                ("prompt", "Which page may carry a Meta pixel?"),
                ("options", "Booking page\nA public article"),
                ("correct", "5"),
                ("explanation", "x"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("must be the number of the right answer, 1 to 2"));
    let res = app
        .post_form(
            &compliance,
            "/compliance/quiz",
            &[
                ("prompt", "Which page may carry a Meta pixel?"),
                ("options", "Booking page\nA public article"),
                ("correct", "2"),
                (
                    "explanation",
                    "Trackers on booking pages disclose who seeks care.",
                ),
                ("rule", "TRK-PIXEL"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let author = app.login(AUTHOR).await;
    let page = html(app, &author, "/training").await;
    assert!(page.contains("Which page may carry a Meta pixel?"));
    assert!(page.contains("has not published a social media policy yet"));
    let n = domain::training_defaults::default_questions().len() + 1;
    assert!(page.contains(&format!("{n} questions")), "{page}");
}

async fn training_over_the_api(app: &TestApp) {
    let author = app.token_for(AUTHOR).await;
    let manager = app.token_for(MANAGER).await;
    let compliance = app.token_for(COMPLIANCE).await;
    let (s, t) = api_call(app, &author, M::GET, "/api/v1/training", None).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        (t["standing"]["current"].as_bool(), t["policy"].is_null()),
        (Some(true), true)
    );
    let doc = json!({"title": "Policy", "body": "Be careful."});
    let (s, _) = api_call(
        app,
        &manager,
        M::POST,
        "/api/v1/policies",
        Some(doc.clone()),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, e) = api_call(
        app,
        &compliance,
        M::POST,
        "/api/v1/policies",
        Some(json!({"title": "", "body": "x"})),
    )
    .await;
    assert_eq!(
        (s, e["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("title"))
    );
    let (s, v) = api_call(app, &compliance, M::POST, "/api/v1/policies", Some(doc)).await;
    assert_eq!((s, v), (StatusCode::CREATED, json!(1)));
    let (_, t) = api_call(app, &author, M::GET, "/api/v1/training", None).await;
    assert_eq!(t["standing"]["missing"], json!(["attestation", "quiz"]));
    assert_eq!(t["policy"]["body"], "Be careful.");
    let (s, _) = api_call(
        app,
        &author,
        M::POST,
        "/api/v1/training/attest",
        Some(json!({"version": 2})),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let (s, _) = api_call(
        app,
        &author,
        M::POST,
        "/api/v1/training/attest",
        Some(json!({"version": 1})),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let answers: Vec<Value> = right_answers(app)
        .await
        .into_iter()
        .map(|(k, a)| json!({"key": k[1..].parse::<i64>().unwrap(), "answer": a.parse::<usize>().unwrap()}))
        .collect();
    let (s, g) = api_call(
        app,
        &author,
        M::POST,
        "/api/v1/training/quiz",
        Some(json!({"answers": answers})),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        (g["passed"].as_bool(), g["missed"].as_array().map(Vec::len)),
        (Some(true), Some(0))
    );
    let (s, _) = api_call(
        app,
        &author,
        M::POST,
        "/api/v1/training/quiz",
        Some(json!({"answers": "all of them"})),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, _) = api_call(app, &author, M::GET, "/api/v1/training/roster", None).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, roster) = api_call(app, &compliance, M::GET, "/api/v1/training/roster", None).await;
    assert_eq!(s, StatusCode::OK);
    let me = roster
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["display_name"] == "Neha Patel")
        .unwrap();
    assert_eq!(me["current"], true);
    let (_, versions) = api_call(app, &author, M::GET, "/api/v1/policies", None).await;
    assert_eq!(versions[0]["version"], 1);
    // The API can submit now.
    let (id, v) = draft(app, &author).await;
    let (s, _) = api_call(
        app,
        &author,
        M::POST,
        &format!("/api/v1/posts/{id}/actions"),
        Some(json!({"action": "submit", "version": v})),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
}

app_tests!(
    training_gates_submitting_on_the_pages,
    quiz_is_edited_on_the_page,
    training_over_the_api,
);
