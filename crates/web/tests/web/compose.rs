//! Composing, checking, consents, review and the calendar over HTTP.

use reqwest::StatusCode;

use crate::app_tests;
use crate::support::{TestApp, T0};

const AUTHOR: &str = "author@narmada.example";
const COMPLIANCE: &str = "compliance@narmada.example";
const STORY: &str = "Meet Sunita Sharma, who walked again six weeks after her knee replacement at our Bhopal clinic.";

/// "2026-09-23T…" local (Asia/Kolkata) two days after T0.
fn local_in_two_days() -> String {
    let tz = jiff::tz::TimeZone::get("Asia/Kolkata").unwrap();
    jiff::Timestamp::from_millisecond(T0 + 2 * 86_400_000)
        .unwrap()
        .to_zoned(tz)
        .strftime("%Y-%m-%dT10:00")
        .to_string()
}

async fn post_id_from(res: reqwest::Response) -> i64 {
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    let loc = res.headers()["location"].to_str().unwrap().to_string();
    loc.trim_start_matches("/posts/").parse().unwrap()
}

fn version_in(html: &str) -> String {
    let m = "name=\"version\" value=\"";
    let s = html.find(m).unwrap() + m.len();
    html[s..s + html[s..].find('"').unwrap()].to_string()
}

async fn live_check_marks_patient_details(app: &TestApp) {
    let fb = app.add_account("facebook", "narmada").await;
    let c = app.login(AUTHOR).await;
    let account = fb.to_string();
    let res = app
        .post_form(
            &c,
            "/compose/check",
            &[("base_text", STORY), ("account", &account)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("blocked"), "{html}");
    assert!(
        html.contains("<mark title=\"") && html.contains("Sunita Sharma</mark>"),
        "{html}"
    );
    assert!(html.contains("Replace patient details with placeholders"));
    assert!(html.contains("/ 63206 characters"), "per-platform count");
    let red = app
        .post_form(&c, "/compose/redact", &[("base_text", STORY)])
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !red.contains("Sunita Sharma") && red.contains("[PERSON]"),
        "{red}"
    );
    let safe = app
        .post_form(
            &c,
            "/compose/check",
            &[(
                "base_text",
                "World Heart Day is on 29 September: free BP checks.",
            )],
        )
        .await;
    assert!(safe.text().await.unwrap().contains("OK to submit"));
}

async fn compose_submit_consent_approve_calendar(app: &TestApp) {
    let fb = app.add_account("facebook", "narmada").await;
    let author = app.login(AUTHOR).await;
    let account = fb.to_string();
    let at = local_in_two_days();
    let at_key = format!("at_{fb}");
    let id = post_id_from(
        app.post_form(
            &author,
            "/compose",
            &[
                ("base_text", STORY),
                ("pillar", "patient_story"),
                ("account", &account),
                (&at_key, &at),
            ],
        )
        .await,
    )
    .await;
    let page = author
        .get(app.url(&format!("/posts/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Sunita Sharma</mark>"));
    let v = version_in(&page);
    let refused = app
        .post_form(
            &author,
            &format!("/posts/{id}/action"),
            &[("version", &v), ("action", "submit")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(refused
        .text()
        .await
        .unwrap()
        .contains("compliance check blocks this post"));
    // Compliance records the patient's signed authorisation (multipart with a document).
    let comp = app.login(COMPLIANCE).await;
    let csrf = app.csrf_from(&comp, "/consents").await;
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", csrf)
        .text("kind", "patient")
        .text("reference", "AUTH-2026-031")
        .text("subject_name", "Sunita Sharma")
        .text("signed_by", "patient")
        .text("covers_text", "1")
        .text("channels", "post")
        .text("purpose", "Recovery story on Facebook")
        .part(
            "document",
            reqwest::multipart::Part::bytes(b"%PDF-1.4 signed".to_vec()).file_name("auth.pdf"),
        );
    let res = comp
        .post(app.url("/consents"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let consents = comp
        .get(app.url("/consents"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(consents.contains("AUTH-2026-031") && consents.contains("Sunita Sharma"));
    let consent_id = {
        let mut conn = app.db.db.conn().await.unwrap();
        store::consents::list(&mut conn, 1).await.unwrap()[0].id
    };
    let res = app
        .post_form(
            &author,
            &format!("/posts/{id}/consents"),
            &[("version", &v), ("consent_id", &consent_id.to_string())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = author
        .get(app.url(&format!("/posts/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let v = version_in(&page);
    let res = app
        .post_form(
            &author,
            &format!("/posts/{id}/action"),
            &[("version", &v), ("action", "submit")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = comp
        .get(app.url(&format!("/posts/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("In review"));
    let v = version_in(&page);
    let res = app
        .post_form(
            &comp,
            &format!("/posts/{id}/action"),
            &[("version", &v), ("action", "approve")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let cal = author
        .get(app.url(&format!("/calendar?date={}", &at[..10])))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        cal.contains("status-scheduled") && cal.contains(&format!("/posts/{id}")),
        "{cal}"
    );
    // Revoking the consent sends the post back to draft.
    let res = app
        .post_form(&comp, &format!("/consents/{consent_id}/revoke"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("1 unpublished post(s) went back to draft"));
    let page = author
        .get(app.url(&format!("/posts/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("status-draft"));
}

async fn composer_bad_input_is_precise(app: &TestApp) {
    let x = app.add_account("x", "@narmada").await;
    let c = app.login(AUTHOR).await;
    let long = "Heart health matters to everyone in Bhopal. ".repeat(10);
    let account = x.to_string();
    let res = app
        .post_form(
            &c,
            "/compose",
            &[
                ("base_text", &long),
                ("pillar", "education"),
                ("account", &account),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("X allows 280 weighted characters"), "{html}");
    assert!(html.contains("Heart health matters"), "the text is kept");
    let res = app
        .post_form(
            &c,
            "/compose",
            &[
                ("base_text", "Hello"),
                ("pillar", "education"),
                ("account", "424242"),
            ],
        )
        .await;
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("account 424242 is not one of this organisation"));
    let key = format!("at_{x}");
    let res = app
        .post_form(
            &c,
            "/compose",
            &[
                ("base_text", "Hello"),
                ("pillar", "education"),
                ("account", &account),
                (&key, "2001-01-01T10:00"),
            ],
        )
        .await;
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("the scheduled time is in the past"));
    let res = app
        .post_form(
            &c,
            "/compose",
            &[
                ("base_text", "Hello"),
                ("pillar", "education"),
                ("account", &account),
                (&key, "next tuesday"),
            ],
        )
        .await;
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("is not a date and time like"));
}

async fn concurrent_edit_keeps_both_texts(app: &TestApp) {
    let a = app.login(AUTHOR).await;
    let m = app.login("manager@narmada.example").await;
    let id = post_id_from(
        app.post_form(
            &a,
            "/compose",
            &[
                ("base_text", "Flu clinics open Saturday."),
                ("pillar", "service_announcement"),
            ],
        )
        .await,
    )
    .await;
    let form_a = a
        .get(app.url(&format!("/posts/{id}/edit")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let form_m = m
        .get(app.url(&format!("/posts/{id}/edit")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let (va, vm) = (version_in(&form_a), version_in(&form_m));
    let res = app
        .post_form(
            &a,
            &format!("/posts/{id}/edit"),
            &[
                ("version", &va),
                ("base_text", "Flu clinics open Saturday 9–1."),
                ("pillar", "service_announcement"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .post_form(
            &m,
            &format!("/posts/{id}/edit"),
            &[
                ("version", &vm),
                ("base_text", "Manager's wording."),
                ("pillar", "service_announcement"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Someone else changed this post") && html.contains("Manager&#39;s wording."),
        "{html}"
    );
    let page = a
        .get(app.url(&format!("/posts/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Flu clinics open Saturday 9–1."));
}

async fn calendar_filters_and_keyboard_move(app: &TestApp) {
    let x = app.add_account("x", "@narmada").await;
    let fb = app.add_account("facebook", "narmada").await;
    let c = app.login(AUTHOR).await;
    let at = local_in_two_days();
    let (kx, kf) = (format!("at_{x}"), format!("at_{fb}"));
    let (sx, sf) = (x.to_string(), fb.to_string());
    let id = post_id_from(
        app.post_form(
            &c,
            "/compose",
            &[
                ("base_text", "Free eye camp this Sunday."),
                ("pillar", "community"),
                ("account", &sx),
                (&kx, &at),
                ("account", &sf),
                (&kf, &at),
            ],
        )
        .await,
    )
    .await;
    let date = &at[..10];
    let all = c
        .get(app.url(&format!("/calendar?date={date}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        all.matches(&format!("href=\"/posts/{id}\" title")).count(),
        2
    );
    let only_x = c
        .get(app.url(&format!("/calendar?date={date}&platform=x")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        only_x
            .matches(&format!("href=\"/posts/{id}\" title"))
            .count(),
        1
    );
    let week = c
        .get(app.url(&format!("/calendar?view=week&date={date}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(week.contains("Week of"));
    let bad = c
        .get(app.url("/calendar?date=someday"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    // The keyboard alternative to drag and drop: the Move form.
    let target = {
        let mut conn = app.db.db.conn().await.unwrap();
        store::posts::targets(&mut conn, id).await.unwrap()[0].id
    };
    let v = version_in(
        &c.get(app.url(&format!("/posts/{id}/edit")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let later = format!("{}T18:30", &at[..10]);
    let res = app
        .post_form(
            &c,
            "/calendar/move",
            &[
                ("post_id", &id.to_string()),
                ("target_id", &target.to_string()),
                ("version", &v),
                ("at", &later),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let stale = app
        .post_form(
            &c,
            "/calendar/move",
            &[
                ("post_id", &id.to_string()),
                ("target_id", &target.to_string()),
                ("version", &v),
                ("at", &later),
            ],
        )
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let cal = c
        .get(app.url(&format!("/calendar?date={date}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(cal.contains("18:30"));
}

app_tests!(
    live_check_marks_patient_details,
    compose_submit_consent_approve_calendar,
    composer_bad_input_is_precise,
    concurrent_edit_keeps_both_texts,
    calendar_filters_and_keyboard_move,
);
