//! Unknown outcomes: look the post up on the platform. Found → sent. Not found → wait and
//! look again (platforms can be eventually consistent); where the platform deduplicates
//! re-sends (Mastodon's idempotency key, Bluesky's derived record key) a re-send is safe;
//! otherwise after a few empty lookups a person decides. Never a blind re-send.

use platforms::{Lookup, Probe};
use store::publications;

use crate::deliver::Outcome;
use crate::{creds, Engine, EngineError, TickReport};

/// Posts created this long before the due time cannot be ours (clock skew margin).
const NOT_BEFORE_MARGIN_MS: i64 = 5 * 60 * 1000;

impl Engine {
    pub(crate) async fn reconcile(
        &self,
        now_ms: i64,
        report: &mut TickReport,
    ) -> Result<(), EngineError> {
        let mut tx = self.db.begin().await?;
        let claimed = publications::claim_unknown(
            &mut tx,
            &self.worker,
            now_ms,
            now_ms + self.cfg.lease_ms,
            self.cfg.batch,
        )
        .await?;
        tx.commit().await?;
        for p in claimed {
            match self.reconcile_one(p, now_ms).await {
                Ok(o) => report.add(o),
                Err(e) => {
                    tracing::error!(error = %e, "reconciliation step failed; it will be retried")
                }
            }
        }
        Ok(())
    }

    async fn reconcile_one(
        &self,
        p: publications::Publication,
        now_ms: i64,
    ) -> Result<Outcome, EngineError> {
        let Some(job) = self.job(p.clone()).await? else {
            return self.back(&p, "review", None, "post:gone", now_ms).await;
        };
        let Some(creds) = creds::load(&self.db, &self.sealer, p.account_id).await? else {
            return self
                .back(&p, "review", None, "account:not_connected", now_ms)
                .await;
        };
        let connector = self.connectors.get(job.platform);
        let mut probe = Probe::from(&job.outgoing);
        probe.not_before = jiff::Timestamp::from_millisecond(p.due_at - NOT_BEFORE_MARGIN_MS).ok();
        match connector.lookup(&creds::auth(&creds), &probe).await {
            Ok(Lookup::Found(published)) => {
                self.record(&job, "reconciling", Ok(published), now_ms)
                    .await
            }
            Ok(Lookup::Ambiguous { .. }) => {
                self.back(&p, "review", None, "lookup:ambiguous", now_ms)
                    .await
            }
            Ok(Lookup::NotFound) => {
                let caps = connector.capabilities();
                let exact = caps.lookup == platforms::LookupMethod::RecordKey;
                let dedup_window = caps.idempotent_resend.map(|d| d.as_millis() as i64);
                let within = dedup_window.is_some_and(|w| now_ms - p.due_at < w);
                if exact || within {
                    // The platform itself makes a second create with the same key a no-op.
                    let Ok(job) = self.with_attachments(job).await? else {
                        return self
                            .back(&p, "review", None, "media:unreadable", now_ms)
                            .await;
                    };
                    let result = self.send_with_refresh(&job, &creds, now_ms).await;
                    return self.record(&job, "reconciling", result, now_ms).await;
                }
                if p.attempts + 1 >= self.cfg.reconcile_tries {
                    self.back(&p, "review", None, "lookup:not_found", now_ms)
                        .await
                } else {
                    self.back(
                        &p,
                        "unknown",
                        Some(now_ms + self.cfg.reconcile_delay_ms),
                        "lookup:not_found_yet",
                        now_ms,
                    )
                    .await
                }
            }
            Err(e) => {
                let code = format!("lookup:{}", crate::notify::class(&e));
                self.back(
                    &p,
                    "unknown",
                    Some(now_ms + self.cfg.reconcile_delay_ms),
                    &code,
                    now_ms,
                )
                .await
            }
        }
    }

    async fn back(
        &self,
        p: &publications::Publication,
        to: &str,
        retry_at: Option<i64>,
        code: &str,
        now_ms: i64,
    ) -> Result<Outcome, EngineError> {
        let mut tx = self.db.begin().await?;
        if !publications::mark_outcome(
            &mut tx,
            p.id,
            p.fence,
            "reconciling",
            to,
            retry_at,
            code,
            now_ms,
        )
        .await?
        {
            return Ok(Outcome::Lost);
        }
        if to == "review" {
            let author = store::posts::get(&mut tx, p.org_id, p.post_id)
                .await?
                .map(|x| x.author_id)
                .unwrap_or(0);
            crate::notify::post_event(
                &mut tx,
                p.org_id,
                p.post_id,
                author,
                "publish_review",
                &format!(
                    "Post #{}: Bedside cannot tell whether one account received it; please check",
                    p.post_id
                ),
                now_ms,
            )
            .await?;
            store::audit::append(
                &mut tx,
                now_ms,
                &store::audit::Actor::system(),
                &store::audit::Event::new(
                    Some(p.org_id),
                    "publication.review",
                    "publication",
                    p.id,
                )
                .with(
                    domain::audit::Summary::new()
                        .id("post_id", p.post_id)
                        .value("reason", code),
                ),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(if to == "review" {
            Outcome::Review
        } else {
            Outcome::Unknown
        })
    }
}
