//! A demo organisation with one connected account per text platform, the simulator, and
//! engines over the same database.

use std::sync::Arc;
use std::time::Duration;

use domain::platform::Platform;
use domain::Role;
use engine::{Engine, EngineConfig};
use platforms::{Connectors, Endpoint, Settings};
use service::checker::Checker;
use service::clock::ManualClock;
use service::connections::Credentials;
use service::plans::AccountInput;
use service::posts::{Deps, PostInput, TargetInput};
use service::review::ReviewAction;
use service::{Actor, PasswordCost, Passwords};
use sim::SimHandle;
use store::publications::Publication;
use store::Db;
use vault::Sealer;

pub const T0: i64 = 1_790_000_000_000;
pub const MIN: i64 = 60_000;

/// Platforms that take a text-only post.
pub const TEXT_PLATFORMS: [Platform; 6] = [
    Platform::Facebook,
    Platform::X,
    Platform::Linkedin,
    Platform::GoogleBusiness,
    Platform::Mastodon,
    Platform::Bluesky,
];

pub struct World {
    pub db: Db,
    pub sealer: Arc<Sealer>,
    pub checker: Arc<Checker>,
    pub sim: SimHandle,
    pub clock: Arc<ManualClock>,
    /// (platform, account id) in TEXT_PLATFORMS order.
    pub accounts: Vec<(Platform, i64)>,
}

pub fn config() -> EngineConfig {
    EngineConfig {
        lease_ms: 60_000,
        batch: 64,
        concurrency: 16,
        max_attempts: 5,
        retry_base_ms: 1_000,
        reconcile_delay_ms: 10_000,
        reconcile_tries: 2,
        link_base: None,
        news: Default::default(),
        data_dir: None,
    }
}

impl World {
    pub async fn new(db: &Db) -> World {
        let passwords = Passwords::new(PasswordCost::Low);
        service::demo::seed(db, &passwords, T0).await.unwrap();
        let sim = sim::spawn(sim::SimConfig::default()).await.unwrap();
        let mut w = World {
            db: db.clone(),
            sealer: Arc::new(Sealer::new(&[5; 32])),
            checker: Arc::new(Checker::default()),
            sim,
            clock: Arc::new(ManualClock::new(T0)),
            accounts: Vec::new(),
        };
        let owner = w.actor(Role::Owner).await;
        for p in TEXT_PLATFORMS {
            let input = AccountInput {
                platform: p.as_str().into(),
                name: format!("Narmada {}", p.as_str()),
                handle: format!("narmada_{}", p.as_str()),
                location_id: None,
            };
            let id = service::plans::add_account(&w.db, &owner, &input, T0)
                .await
                .unwrap();
            let a = w.sim.account(p).unwrap();
            let creds = Credentials {
                remote_account_id: a.id.clone(),
                access_token: a.access_token.clone(),
                refresh_token: Some(a.refresh_token.clone()),
                expires_at: None,
                server: matches!(p, Platform::Mastodon | Platform::Bluesky)
                    .then(|| w.sim.base_url(p)),
                app_password: (p == Platform::Bluesky).then(|| a.password.clone()),
            };
            service::connections::connect(&w.db, &w.sealer, &owner, id, &creds, T0)
                .await
                .unwrap();
            w.accounts.push((p, id));
        }
        w
    }

    pub fn account(&self, p: Platform) -> i64 {
        self.accounts.iter().find(|(q, _)| *q == p).unwrap().1
    }

    pub fn connectors(&self) -> Connectors {
        let settings = Settings {
            request_timeout: Duration::from_secs(2),
            connect_timeout: Duration::from_secs(1),
            poll_interval: Duration::from_millis(10),
            max_polls: 5,
            pool_idle: true,
        };
        Connectors::new(&settings, |p| {
            Endpoint::at(p, &self.sim.base_url(p)).with_app("bedside-test", Some("secret"))
        })
        .unwrap()
    }

    pub fn engine(&self, worker: &str) -> Engine {
        self.engine_with(worker, config())
    }

    pub fn engine_with(&self, worker: &str, cfg: EngineConfig) -> Engine {
        Engine::new(
            self.db.clone(),
            self.sealer.clone(),
            self.checker.clone(),
            self.connectors(),
            self.clock.clone(),
            worker,
            cfg,
        )
    }

    pub fn deps(&self) -> Deps<'_> {
        Deps {
            db: &self.db,
            sealer: &self.sealer,
            checker: &self.checker,
        }
    }

    pub async fn actor(&self, role: Role) -> Actor {
        let (email, _, _) = service::demo::DEMO_USERS
            .iter()
            .find(|(_, _, r)| *r == role)
            .unwrap();
        let mut c = self.db.conn().await.unwrap();
        let u = store::users::find_by_email(&mut c, email)
            .await
            .unwrap()
            .unwrap();
        let (org_id, role) = store::users::primary_membership(&mut c, u.id)
            .await
            .unwrap()
            .unwrap();
        Actor {
            user_id: u.id,
            email: u.email,
            display_name: u.display_name,
            org_id,
            role: Role::parse(&role).unwrap(),
        }
    }

    /// Write, submit and approve a post to `platforms` at `at`; returns its id. Approval
    /// enqueues the publications.
    pub async fn scheduled_post(&self, text: &str, platforms: &[Platform], at: i64) -> i64 {
        self.scheduled_post_in(text, platforms, at, None).await
    }

    /// Like `scheduled_post`, in a campaign.
    pub async fn scheduled_post_in(
        &self,
        text: &str,
        platforms: &[Platform],
        at: i64,
        campaign_id: Option<i64>,
    ) -> i64 {
        let author = self.actor(Role::Author).await;
        let manager = self.actor(Role::Manager).await;
        let input = PostInput {
            base_text: text.into(),
            pillar: "education".into(),
            campaign_id,
            targets: platforms
                .iter()
                .map(|p| TargetInput {
                    account_id: self.account(*p),
                    variant_text: None,
                    scheduled_at: Some(at),
                })
                .collect(),
            ..Default::default()
        };
        let id = service::posts::create(self.deps(), &author, &input, T0)
            .await
            .unwrap();
        let v = self.post(id).await.version;
        service::review::act(self.deps(), &author, id, v, ReviewAction::Submit, T0)
            .await
            .unwrap();
        let v = self.post(id).await.version;
        let next = service::review::act(
            self.deps(),
            &manager,
            id,
            v,
            ReviewAction::Approve {
                override_reason: None,
            },
            T0,
        )
        .await
        .unwrap();
        assert_eq!(
            next.as_str(),
            "scheduled",
            "post {id} should be scheduled after approval"
        );
        id
    }

    pub async fn post(&self, id: i64) -> store::posts::Post {
        let mut c = self.db.conn().await.unwrap();
        store::posts::get(&mut c, 1, id).await.unwrap().unwrap()
    }

    pub async fn pubs(&self, post_id: i64) -> Vec<Publication> {
        let mut c = self.db.conn().await.unwrap();
        store::publications::for_post(&mut c, post_id)
            .await
            .unwrap()
    }

    pub async fn publication(&self, post_id: i64, p: Platform) -> Publication {
        let account = self.account(p);
        self.pubs(post_id)
            .await
            .into_iter()
            .find(|x| x.account_id == account)
            .unwrap()
    }

    pub async fn counts(&self) -> Vec<(String, i64)> {
        let mut c = self.db.conn().await.unwrap();
        store::publications::counts(&mut c).await.unwrap()
    }

    pub async fn notifications(&self, role: Role) -> Vec<store::collab::Notification> {
        let a = self.actor(role).await;
        let mut c = self.db.conn().await.unwrap();
        store::collab::notifications(&mut c, a.user_id, 100)
            .await
            .unwrap()
    }

    /// How many posts on `p` carry `text` (deleted ones included).
    pub async fn copies(&self, p: Platform, text: &str) -> usize {
        self.sim
            .state()
            .await
            .posts
            .iter()
            .filter(|x| x.platform == p && x.text.contains(text))
            .count()
    }
}

pub fn status_of(pubs: &[Publication]) -> Vec<&str> {
    pubs.iter().map(|p| p.status.as_str()).collect()
}
