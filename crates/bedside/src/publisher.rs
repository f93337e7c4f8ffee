//! Wiring the publisher into `bedside serve`: the platform connectors (the real platforms,
//! or the simulator), demo accounts connected to the simulator, and the engine's loop.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use domain::platform::Platform;
use platforms::{Connectors, Endpoint, Settings};
use service::checker::Checker;
use service::clock::Clock;
use service::connections::Credentials;
use store::Db;
use vault::Sealer;

use crate::config::Config;

/// Where the connectors point.
pub enum Platforms {
    Production,
    /// Base URL per platform and the simulator's accounts (with tokens).
    Simulator {
        bases: Vec<(Platform, String)>,
        accounts: Vec<sim::Account>,
        _handle: Option<sim::SimHandle>,
    },
}

impl Platforms {
    /// `platform_sim` set: an external `bedside sim`. Else with `--demo`: a simulator in
    /// this process, so a new user sees posts really go out. Else the real platforms.
    pub async fn choose(cfg: &Config, demo: bool) -> anyhow::Result<Platforms> {
        if let Some(control) = &cfg.platform_sim {
            let control = control.trim_end_matches('/');
            let bases = fetch_json::<std::collections::BTreeMap<String, String>>(&format!(
                "{control}/_sim/bases"
            ))
            .await?;
            let bases = bases
                .into_iter()
                .filter_map(|(p, b)| Platform::parse(&p).map(|p| (p, b)))
                .collect();
            let accounts =
                fetch_json::<Vec<sim::Account>>(&format!("{control}/_sim/accounts")).await?;
            return Ok(Platforms::Simulator {
                bases,
                accounts,
                _handle: None,
            });
        }
        if demo {
            let handle = sim::spawn(sim::SimConfig::default())
                .await
                .context("cannot start the platform simulator")?;
            let bases = handle.base_urls();
            let accounts = sim::demo_accounts()
                .into_iter()
                .filter_map(|a| handle.account_by_id(a.platform, &a.id))
                .collect();
            println!(
                "Demo posts go to the built-in platform simulator: {}/_sim/state",
                handle.control_url()
            );
            return Ok(Platforms::Simulator {
                bases,
                accounts,
                _handle: Some(handle),
            });
        }
        Ok(Platforms::Production)
    }

    pub fn connectors(&self) -> anyhow::Result<Connectors> {
        let settings = Settings::default();
        let conns = match self {
            Platforms::Production => Connectors::new(&settings, |p| {
                let e = Endpoint::production(p);
                match oauth_app(p) {
                    Some((id, secret)) => e.with_app(&id, secret.as_deref()),
                    None => e,
                }
            }),
            Platforms::Simulator { bases, .. } => Connectors::new(&settings, |p| {
                let base = bases
                    .iter()
                    .find(|(q, _)| *q == p)
                    .map(|(_, b)| b.as_str())
                    .unwrap_or("http://127.0.0.1:9");
                Endpoint::at(p, base).with_app("bedside-demo", Some("bedside-demo-secret"))
            }),
        };
        conns.context("cannot build the platform clients")
    }

    /// Connect every not-yet-connected account of the database to the simulator's account
    /// on the same platform (demo and benchmark setups).
    pub async fn connect_demo_accounts(
        &self,
        db: &Db,
        sealer: &Sealer,
        now_ms: i64,
    ) -> anyhow::Result<usize> {
        let Platforms::Simulator {
            bases, accounts, ..
        } = self
        else {
            return Ok(0);
        };
        let mut c = db.conn().await?;
        let orgs = store::orgs::list_ids(&mut c).await?;
        let mut n = 0;
        for org in orgs {
            for a in store::accounts::list(&mut c, org).await? {
                let Some(platform) = Platform::parse(&a.platform) else {
                    continue;
                };
                let Some(remote) = accounts.iter().find(|x| x.platform == platform) else {
                    continue;
                };
                if store::credentials::load(&mut c, a.id).await?.is_some() {
                    continue;
                }
                let base = bases
                    .iter()
                    .find(|(q, _)| *q == platform)
                    .map(|(_, b)| b.clone());
                let creds = Credentials {
                    remote_account_id: remote.id.clone(),
                    access_token: remote.access_token.clone(),
                    refresh_token: Some(remote.refresh_token.clone()),
                    expires_at: None,
                    server: base
                        .filter(|_| matches!(platform, Platform::Mastodon | Platform::Bluesky)),
                    app_password: (platform == Platform::Bluesky).then(|| remote.password.clone()),
                };
                let mut tx = db.begin().await?;
                service::connections::save_in(&mut tx, sealer, a.id, &creds, now_ms).await?;
                store::credentials::set_health(&mut tx, a.id, "connected", "", None, now_ms)
                    .await?;
                tx.commit().await?;
                n += 1;
            }
        }
        Ok(n)
    }
}

/// OAuth app credentials for token refresh: `BEDSIDE_OAUTH_<PLATFORM>_CLIENT_ID` and
/// `_CLIENT_SECRET` (e.g. `BEDSIDE_OAUTH_X_CLIENT_ID`).
fn oauth_app(p: Platform) -> Option<(String, Option<String>)> {
    let name = p.as_str().to_uppercase();
    let id = std::env::var(format!("BEDSIDE_OAUTH_{name}_CLIENT_ID"))
        .ok()
        .filter(|s| !s.is_empty())?;
    let secret = std::env::var(format!("BEDSIDE_OAUTH_{name}_CLIENT_SECRET"))
        .ok()
        .filter(|s| !s.is_empty());
    Some((id, secret))
}

async fn fetch_json<T: serde::de::DeserializeOwned>(url: &str) -> anyhow::Result<T> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    let res = client
        .get(url)
        .send()
        .await
        .with_context(|| format!("cannot reach the platform simulator at {url}"))?;
    let res = res
        .error_for_status()
        .with_context(|| format!("the platform simulator at {url} answered with an error"))?;
    res.json()
        .await
        .with_context(|| format!("the platform simulator at {url} sent something unreadable"))
}

/// Start the publisher loop; it stops when `stop` turns true.
pub fn spawn(
    db: Db,
    sealer: Arc<Sealer>,
    connectors: Connectors,
    clock: Arc<dyn Clock>,
    cfg: &Config,
    stop: tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    let worker = format!("{}-{}", hostname(), std::process::id());
    let engine_cfg = engine::EngineConfig {
        concurrency: cfg.publisher_concurrency,
        lease_ms: cfg.publisher_lease_ms,
        data_dir: Some(cfg.data_dir.clone()),
        link_base: cfg
            .short_links
            .then(|| cfg.public_url.trim_end_matches('/').to_string()),
        ..Default::default()
    };
    let engine = Arc::new(engine::Engine::new(
        db,
        sealer,
        Arc::new(Checker::default()),
        connectors,
        clock,
        worker,
        engine_cfg,
    ));
    let runner = engine::runner::RunnerConfig {
        poll: Duration::from_millis(cfg.publisher_poll_ms),
        ..Default::default()
    };
    tokio::spawn(engine::runner::run(engine, runner, stop))
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "bedside".into())
}
