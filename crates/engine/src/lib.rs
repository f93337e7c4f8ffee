//! The background work of Bedside: the publisher, take-downs, token refresh, account health
//! and periodic jobs. Everything is driven by [`Engine::tick`] with an explicit `now`, so
//! tests step it deterministically; [`runner`] calls it in a loop in `bedside serve`.
//!
//! Delivery semantics: at most one create request per target, except where the platform
//! deduplicates re-sends (Mastodon's Idempotency-Key, Bluesky's derived record key). A
//! worker commits a fenced "sending" record before each call and never holds a database
//! lock across it; an outcome nobody recorded becomes "unknown" and is reconciled by looking
//! the post up on the platform, never by sending it again blindly.

mod attachments;
pub mod creds;
mod deliver;
mod error;
mod job;
pub mod jobs;
mod links;
pub mod news;
mod notify;
mod reconcile;
pub mod runner;
mod takedown;

use std::sync::Arc;

use platforms::Connectors;
use service::checker::Checker;
use service::clock::Clock;
use store::Db;
use vault::Sealer;

pub use error::EngineError;

#[derive(Debug, Clone)]
pub struct EngineConfig {
    /// How long a claim or a send is ours before another instance may take over.
    pub lease_ms: i64,
    /// Publications claimed per tick.
    pub batch: i64,
    /// Sends in flight at once per instance.
    pub concurrency: usize,
    /// Attempts before a publication that keeps failing "not received" is marked failed.
    pub max_attempts: i64,
    /// First retry delay; doubles per attempt.
    pub retry_base_ms: i64,
    /// Wait between lookups of an unknown outcome (platforms can be eventually consistent).
    pub reconcile_delay_ms: i64,
    /// Lookups that find nothing before a person has to decide.
    pub reconcile_tries: i64,
    /// Bedside's public address: links in published posts become short links under it
    /// (`<base>/l/<code>`). `None` publishes links as written.
    pub link_base: Option<String>,
    /// How news feeds are read.
    pub news: news::NewsConfig,
    /// Where uploaded media live (`<data_dir>/media/…`); a post with media cannot be
    /// published without it.
    pub data_dir: Option<std::path::PathBuf>,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            lease_ms: 120_000,
            batch: 64,
            concurrency: 32,
            max_attempts: 8,
            retry_base_ms: 15_000,
            reconcile_delay_ms: 30_000,
            reconcile_tries: 3,
            link_base: None,
            news: news::NewsConfig::default(),
            data_dir: None,
        }
    }
}

/// What one tick did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TickReport {
    pub claimed: usize,
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
    pub unknown: usize,
    pub cancelled: usize,
    pub reconciled: usize,
    pub to_review: usize,
    pub requeued: u64,
    pub taken_down: usize,
}

impl TickReport {
    fn add(&mut self, o: deliver::Outcome) {
        use deliver::Outcome::*;
        match o {
            Sent => self.sent += 1,
            Retry => self.retried += 1,
            Failed => self.failed += 1,
            Unknown => self.unknown += 1,
            Cancelled => self.cancelled += 1,
            Lost => {}
            Reconciled => self.reconciled += 1,
            Review => self.to_review += 1,
        }
    }
}

pub struct Engine {
    pub(crate) db: Db,
    pub(crate) sealer: Arc<Sealer>,
    pub(crate) checker: Arc<Checker>,
    pub(crate) connectors: Connectors,
    pub(crate) clock: Arc<dyn Clock>,
    /// This instance's name in claims and leases.
    pub(crate) worker: String,
    pub(crate) cfg: EngineConfig,
    /// When each periodic job last ran in this process.
    pub(crate) last_runs: std::sync::Mutex<std::collections::HashMap<&'static str, i64>>,
}

impl Engine {
    pub fn new(
        db: Db,
        sealer: Arc<Sealer>,
        checker: Arc<Checker>,
        connectors: Connectors,
        clock: Arc<dyn Clock>,
        worker: impl Into<String>,
        cfg: EngineConfig,
    ) -> Engine {
        Engine {
            db,
            sealer,
            checker,
            connectors,
            clock,
            worker: worker.into(),
            cfg,
            last_runs: Default::default(),
        }
    }

    /// One step of delivery: return expired claims, send what is due, reconcile unknown
    /// outcomes and process take-downs.
    pub async fn tick(&self, now_ms: i64) -> Result<TickReport, EngineError> {
        let mut report = TickReport::default();
        let mut tx = self.db.begin().await?;
        let (requeued, unknown) = store::publications::expire_leases(&mut tx, now_ms).await?;
        tx.commit().await?;
        report.requeued = requeued;
        report.unknown += unknown as usize;
        self.deliver_due(now_ms, &mut report).await?;
        self.reconcile(now_ms, &mut report).await?;
        report.taken_down += self.process_takedowns(now_ms).await?;
        Ok(report)
    }
}
