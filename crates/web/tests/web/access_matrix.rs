//! Every route × every role: the status must follow the permission matrix, and a refused
//! request is audited.

use domain::Role;
use reqwest::{Client, Method, StatusCode};
use service::demo::DEMO_USERS;
use web::access::{Access, ROUTES};

use crate::app_tests;
use crate::support::{client, TestApp};

fn concrete(path: &str) -> String {
    path.replace("{token}", "not-a-token")
        .replace("{id}", "999999")
        .replace("{file}", "app.css")
}

fn email_of(role: Role) -> &'static str {
    DEMO_USERS.iter().find(|(_, _, r)| *r == role).unwrap().0
}

async fn call(
    app: &TestApp,
    c: &Client,
    method: &str,
    path: &str,
    csrf: &str,
    bearer: Option<&str>,
) -> StatusCode {
    let url = app.url(&concrete(path));
    let mut req = c.request(Method::from_bytes(method.as_bytes()).unwrap(), url);
    if let Some(t) = bearer {
        req = req.bearer_auth(t);
    }
    if method == "POST" {
        if path.starts_with("/api/") {
            req = req.json(&serde_json::json!({}));
        } else {
            req = req.form(&[("csrf_token", csrf)]);
        }
    }
    req.send().await.unwrap().status()
}

/// Routes that would end the session under test are checked separately.
fn skip(path: &str) -> bool {
    path == "/logout"
}

async fn every_route_for_every_role(app: &TestApp) {
    for role in Role::ALL {
        let email = email_of(role);
        let c = app.login(email).await;
        let csrf = app.csrf_from(&c, "/account/password").await;
        let token = app.token_for(email).await;
        for r in ROUTES.iter().filter(|r| !skip(r.path)) {
            let api = r.path.starts_with("/api/");
            let status = call(
                app,
                &c,
                r.method,
                r.path,
                &csrf,
                api.then_some(token.as_str()),
            )
            .await;
            match r.access {
                Access::Member(p) if !role.can(p) => assert_eq!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{role} on {} {} should be refused",
                    r.method,
                    r.path
                ),
                Access::Member(_) => {
                    assert_ne!(
                        status,
                        StatusCode::FORBIDDEN,
                        "{role} on {} {} was refused",
                        r.method,
                        r.path
                    );
                    assert!(
                        !status.is_server_error(),
                        "{role} on {} {} gave {status}",
                        r.method,
                        r.path
                    );
                    assert_ne!(
                        status,
                        StatusCode::UNAUTHORIZED,
                        "{role} on {} {} was not recognised",
                        r.method,
                        r.path
                    );
                }
                Access::Public => {
                    assert!(
                        !status.is_server_error(),
                        "{role} on {} {} gave {status}",
                        r.method,
                        r.path
                    );
                }
            }
        }
    }
    // A refusal is on the record.
    assert!(app
        .audit_actions()
        .await
        .iter()
        .any(|a| a == "access.denied"));
}

async fn anonymous_callers_are_sent_to_sign_in(app: &TestApp) {
    let c = client();
    let csrf = app.csrf_from(&c, "/login").await;
    for r in ROUTES {
        let status = call(app, &c, r.method, r.path, &csrf, None).await;
        match (r.access, r.path.starts_with("/api/")) {
            (Access::Member(_), true) => {
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{} {}", r.method, r.path)
            }
            (Access::Member(_), false) => {
                assert_eq!(status, StatusCode::SEE_OTHER, "{} {}", r.method, r.path)
            }
            (Access::Public, _) => assert!(
                !status.is_server_error(),
                "{} {} gave {status}",
                r.method,
                r.path
            ),
        }
    }
}

async fn logout_works_for_every_role(app: &TestApp) {
    for role in Role::ALL {
        let c = app.login(email_of(role)).await;
        let csrf = app.csrf_from(&c, "/account/password").await;
        let res = c
            .post(app.url("/logout"))
            .form(&[("csrf_token", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let after = c.get(app.url("/")).send().await.unwrap();
        assert_eq!(
            after.status(),
            StatusCode::SEE_OTHER,
            "{role} still signed in after sign-out"
        );
    }
}

app_tests!(
    every_route_for_every_role,
    anonymous_callers_are_sent_to_sign_in,
    logout_works_for_every_role
);
