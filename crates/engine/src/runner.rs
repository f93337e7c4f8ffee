//! The loop `bedside serve` runs: tick, then sleep until the next poll (with jitter, so
//! several instances do not poll in lockstep) or until PostgreSQL notifies that work was
//! enqueued.

use std::sync::Arc;
use std::time::Duration;

use rand::Rng;
use sqlx::postgres::PgListener;
use store::Db;

use crate::Engine;

pub struct RunnerConfig {
    pub poll: Duration,
    pub periodic_every: Duration,
}

impl Default for RunnerConfig {
    fn default() -> Self {
        RunnerConfig {
            poll: Duration::from_millis(500),
            periodic_every: Duration::from_secs(60),
        }
    }
}

pub async fn run(
    engine: Arc<Engine>,
    cfg: RunnerConfig,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let mut listener = match &engine.db {
        Db::Postgres(pool) => match PgListener::connect_with(pool).await {
            Ok(mut l) => match l.listen(store::publications::WAKE_CHANNEL).await {
                Ok(()) => Some(l),
                Err(e) => {
                    tracing::warn!(error = %e, "LISTEN failed; polling only");
                    None
                }
            },
            Err(e) => {
                tracing::warn!(error = %e, "no listener connection; polling only");
                None
            }
        },
        Db::Sqlite(_) => None,
    };
    let mut last_periodic = std::time::Instant::now() - cfg.periodic_every;
    loop {
        if *stop.borrow() {
            break;
        }
        let now = engine.clock.now_ms();
        let busy = match engine.tick(now).await {
            Ok(r) => {
                if r.claimed > 0 || r.reconciled > 0 {
                    tracing::debug!(claimed = r.claimed, sent = r.sent, "tick");
                }
                r.claimed > 0
            }
            Err(e) => {
                tracing::error!(error = %e, "publisher tick failed");
                false
            }
        };
        if last_periodic.elapsed() >= cfg.periodic_every {
            last_periodic = std::time::Instant::now();
            if let Err(e) = engine.periodic(now).await {
                tracing::error!(error = %e, "periodic jobs failed");
            }
        }
        // Busy: go again at once (more may be due). Idle: sleep with jitter or until notified.
        if busy {
            tokio::task::yield_now().await;
            continue;
        }
        let jitter = rand::thread_rng().gen_range(0..=cfg.poll.as_millis() as u64 / 2);
        let nap = cfg.poll + Duration::from_millis(jitter);
        let woken = async {
            match listener.as_mut() {
                Some(l) => {
                    let _ = l.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = tokio::time::sleep(nap) => {}
            _ = woken => {}
            _ = stop.changed() => {}
        }
    }
}
