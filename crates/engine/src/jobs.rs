//! Periodic jobs that must run on one instance at a time: each takes a lease row first
//! (`store::leases`). Token refresh, account health, consent expiry, news feeds.

use domain::platform::Platform;
use platforms::health::HealthState;

use crate::{creds, notify, Engine, EngineError};

/// Refresh tokens that expire within this window.
pub const REFRESH_AHEAD_MS: i64 = 24 * 60 * 60 * 1000;

impl Engine {
    /// Run `job` if this instance holds (or takes) the lease `name`.
    pub async fn with_lease<F, Fut>(
        &self,
        name: &str,
        now_ms: i64,
        ttl_ms: i64,
        job: F,
    ) -> Result<bool, EngineError>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<(), EngineError>>,
    {
        let mut tx = self.db.begin().await?;
        let held = store::leases::acquire(&mut tx, name, &self.worker, now_ms, ttl_ms).await?;
        tx.commit().await?;
        if held.is_none() {
            return Ok(false);
        }
        job().await?;
        Ok(true)
    }

    /// Refresh tokens close to expiry; a refresh that fails marks the account.
    pub async fn refresh_tokens(&self, now_ms: i64) -> Result<usize, EngineError> {
        let due = {
            let mut c = self.db.conn().await?;
            store::credentials::expiring(&mut c, now_ms + REFRESH_AHEAD_MS).await?
        };
        let mut n = 0;
        for (account_id, org_id, platform) in due {
            let Some(platform) = Platform::parse(&platform) else {
                continue;
            };
            let connector = self.connectors.get(platform);
            if !connector.capabilities().refresh {
                continue;
            }
            let Some(c) = creds::load(&self.db, &self.sealer, account_id).await? else {
                continue;
            };
            match connector.refresh(&creds::auth(&c)).await {
                Ok(tokens) => {
                    creds::save(
                        &self.db,
                        &self.sealer,
                        account_id,
                        &creds::refreshed(&c, &tokens),
                        now_ms,
                    )
                    .await?;
                    let mut tx = self.db.begin().await?;
                    notify::account_state(
                        &mut tx,
                        org_id,
                        account_id,
                        "connected",
                        "",
                        None,
                        now_ms,
                    )
                    .await?;
                    tx.commit().await?;
                    n += 1;
                }
                Err(e) => {
                    let mut tx = self.db.begin().await?;
                    let state = if matches!(e, platforms::PublishError::Revoked { .. }) {
                        "revoked"
                    } else {
                        "expiring"
                    };
                    notify::account_state(
                        &mut tx,
                        org_id,
                        account_id,
                        state,
                        notify::class(&e),
                        None,
                        now_ms,
                    )
                    .await?;
                    tx.commit().await?;
                }
            }
        }
        Ok(n)
    }

    /// Ask each connected account's platform how it is.
    pub async fn check_health(&self, now_ms: i64) -> Result<(), EngineError> {
        let accounts = {
            let mut c = self.db.conn().await?;
            store::credentials::connected(&mut c).await?
        };
        for (account_id, org_id, platform) in accounts {
            let Some(platform) = Platform::parse(&platform) else {
                continue;
            };
            let Some(c) = creds::load(&self.db, &self.sealer, account_id).await? else {
                continue;
            };
            let h = self.connectors.get(platform).health(&creds::auth(&c)).await;
            let (state, detail, until) = match &h.state {
                HealthState::Connected => ("connected", String::new(), None),
                HealthState::Expiring { at } => ("expiring", format!("expires {at}"), None),
                HealthState::Expired => ("expired", String::new(), None),
                HealthState::Revoked { .. } => ("revoked", String::new(), None),
                HealthState::RateLimited { until } => (
                    "rate_limited",
                    String::new(),
                    until.map(|t| t.as_millisecond()),
                ),
                HealthState::VersionSunset { .. } => ("sunset", String::new(), None),
                HealthState::Unreachable { .. } => ("unreachable", String::new(), None),
            };
            let mut tx = self.db.begin().await?;
            notify::account_state(&mut tx, org_id, account_id, state, &detail, until, now_ms)
                .await?;
            tx.commit().await?;
        }
        Ok(())
    }

    /// Whether `name` last ran in this process at least `every_ms` ago (and note that it
    /// runs now). The lease decides which instance; this decides how often.
    fn due(&self, name: &'static str, every_ms: i64, now_ms: i64) -> bool {
        let mut runs = self.last_runs.lock().unwrap_or_else(|e| e.into_inner());
        match runs.get(name) {
            Some(last) if now_ms - last < every_ms => false,
            _ => {
                runs.insert(name, now_ms);
                true
            }
        }
    }

    /// All periodic jobs, each under its own lease, each at its own pace.
    pub async fn periodic(&self, now_ms: i64) -> Result<(), EngineError> {
        if self.due("token_refresh", 10 * 60_000, now_ms) {
            self.with_lease("token_refresh", now_ms, 15 * 60_000, || async {
                self.refresh_tokens(now_ms).await.map(|_| ())
            })
            .await?;
        }
        if self.due("consent_expiry", 60_000, now_ms) {
            self.with_lease("consent_expiry", now_ms, 5 * 60_000, || async {
                service::consents::expire_due(&self.db, now_ms)
                    .await
                    .map(|_| ())
                    .map_err(Into::into)
            })
            .await?;
        }
        if self.due("news_feeds", 5 * 60_000, now_ms) {
            self.with_lease("news_feeds", now_ms, 10 * 60_000, || async {
                self.fetch_news(now_ms).await.map(|_| ())
            })
            .await?;
        }
        if self.due("account_health", 30 * 60_000, now_ms) {
            self.with_lease("account_health", now_ms, 45 * 60_000, || async {
                self.check_health(now_ms).await
            })
            .await?;
        }
        Ok(())
    }
}
