//! `spawn_app()`: the real server on a free port with a fresh, demo-seeded database and a
//! manual clock.

use std::sync::Arc;

use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;
use service::clock::ManualClock;
use service::{PasswordCost, Passwords};
use store::testing::TestDb;
use store::Backend;

pub const T0: i64 = 1_790_000_000_000;
pub use service::demo::DEMO_PASSWORD as PASSWORD;

pub struct TestApp {
    pub addr: String,
    pub db: TestDb,
    pub clock: Arc<ManualClock>,
    /// Lives as long as the server (signed documents and media are written here).
    _data_dir: tempfile::TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
}

/// Start the server on `db`. `seed` adds the demo organisation.
pub async fn start(db: TestDb, seed: bool) -> TestApp {
    let clock = Arc::new(ManualClock::new(T0));
    let passwords = Passwords::new(PasswordCost::Low);
    if seed {
        service::demo::seed(&db.db, &passwords, T0)
            .await
            .expect("seed demo data");
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    let data_dir = tempfile::tempdir().unwrap();
    let config = web::WebConfig {
        public_url: addr.clone(),
        max_body_bytes: 64 * 1024,
        data_dir: data_dir.path().to_path_buf(),
        ..Default::default()
    };
    let sealer = vault::Sealer::new(&[42u8; 32]);
    let state = web::AppState::new(db.db.clone(), passwords, clock.clone(), config, sealer);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        web::serve(listener, state, async {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    TestApp {
        addr,
        db,
        clock,
        _data_dir: data_dir,
        shutdown: Some(tx),
        server: Some(server),
    }
}

pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    let db = TestDb::fresh(backend).await?;
    Some(start(db, true).await)
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.addr)
    }

    /// Stop the server, keeping the database (to start another instance on it).
    pub async fn stop(mut self) -> TestDb {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(s) = self.server.take() {
            let _ = s.await;
        }
        self.db
    }

    pub async fn finish(self, name: &str) {
        let db = self.stop().await;
        db.finish(name).await;
    }

    pub async fn login(&self, email: &str) -> Client {
        let c = client();
        let res = self.try_login(&c, email, PASSWORD).await;
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "login of {email} failed"
        );
        c
    }

    pub async fn try_login(&self, c: &Client, email: &str, password: &str) -> Response {
        let token = self.csrf_from(c, "/login").await;
        c.post(self.url("/login"))
            .form(&[
                ("csrf_token", token.as_str()),
                ("email", email),
                ("password", password),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap()
    }

    /// The CSRF token embedded in a page's forms.
    pub async fn csrf_from(&self, c: &Client, path: &str) -> String {
        let html = c
            .get(self.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        csrf_in(&html).unwrap_or_else(|| panic!("no csrf token on {path}"))
    }

    pub async fn post_form(&self, c: &Client, path: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf_from(c, "/account/password").await;
        let mut form: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        form.extend_from_slice(fields);
        c.post(self.url(path)).form(&form).send().await.unwrap()
    }

    pub async fn token_for(&self, email: &str) -> String {
        let mut c = self.db.db.conn().await.unwrap();
        let u = store::users::find_by_email(&mut c, email)
            .await
            .unwrap()
            .unwrap();
        let (org_id, role) = store::users::primary_membership(&mut c, u.id)
            .await
            .unwrap()
            .unwrap();
        drop(c);
        let actor = service::Actor {
            user_id: u.id,
            email: u.email,
            display_name: u.display_name,
            org_id,
            role: domain::Role::parse(&role).unwrap(),
        };
        service::tokens::create(&self.db.db, &actor, "test", T0)
            .await
            .unwrap()
            .secret
    }

    pub async fn actor(&self, email: &str) -> service::Actor {
        let mut c = self.db.db.conn().await.unwrap();
        let u = store::users::find_by_email(&mut c, email)
            .await
            .unwrap()
            .unwrap();
        let (org_id, role) = store::users::primary_membership(&mut c, u.id)
            .await
            .unwrap()
            .unwrap();
        service::Actor {
            user_id: u.id,
            email: u.email,
            display_name: u.display_name,
            org_id,
            role: domain::Role::parse(&role).unwrap(),
        }
    }

    /// A social account of the demo organisation.
    pub async fn add_account(&self, platform: &str, handle: &str) -> i64 {
        let owner = self.actor("owner@narmada.example").await;
        let input = service::plans::AccountInput {
            platform: platform.into(),
            name: format!("Narmada {platform}"),
            handle: handle.into(),
            location_id: None,
        };
        service::plans::add_account(&self.db.db, &owner, &input, T0)
            .await
            .unwrap()
    }

    pub async fn audit_actions(&self) -> Vec<String> {
        let mut c = self.db.db.conn().await.unwrap();
        let org = store::orgs::first_id(&mut c).await.unwrap().unwrap();
        let f = store::audit::Filter {
            org_id: org,
            ..Default::default()
        };
        store::audit::list(&mut c, &f, 1000, None)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.action)
            .collect()
    }
}

/// A page's HTML, which must answer 200.
pub async fn html(app: &TestApp, c: &reqwest::Client, path: &str) -> String {
    let res = c.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.unwrap()
}

/// An API request with a bearer token: the status and the JSON body (null if none).
pub async fn api_call(
    app: &TestApp,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = client().request(method, app.url(path)).bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    let text = res.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub fn client() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

pub fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_string())
}

/// One test per backend for each `async fn(&TestApp)`.
#[macro_export]
macro_rules! app_tests {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    if let Some(app) = $crate::support::spawn_app(store::Backend::Sqlite).await {
                        super::$name(&app).await;
                        app.finish(concat!(module_path!(), "::sqlite")).await;
                    }
                }
                #[tokio::test]
                async fn postgres() {
                    if let Some(app) = $crate::support::spawn_app(store::Backend::Postgres).await {
                        super::$name(&app).await;
                        app.finish(concat!(module_path!(), "::postgres")).await;
                    }
                }
            }
        )*
    };
}
