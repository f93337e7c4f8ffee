//! Sending due publications.
//!
//! claim (short transaction) → publish-time compliance check → fenced "sending" commit →
//! the platform call (no transaction open) → fenced result. A worker that lost its claim
//! (lease expired, row re-claimed, post withdrawn) finds its fenced writes refused and
//! stops.

use futures_util::stream::{self, StreamExt};
use platforms::PublishError;
use store::publications::{self, Publication};

use crate::creds;
use crate::job::Job;
use crate::notify;
use crate::{Engine, EngineError, TickReport};
use service::connections::Credentials;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Sent,
    Retry,
    Failed,
    Unknown,
    Cancelled,
    /// Our claim was taken over; nothing recorded.
    Lost,
    Reconciled,
    Review,
}

impl Engine {
    pub(crate) async fn deliver_due(
        &self,
        now_ms: i64,
        report: &mut TickReport,
    ) -> Result<(), EngineError> {
        let claimed = publications::claim_due(
            &self.db,
            &self.worker,
            now_ms,
            now_ms + self.cfg.lease_ms,
            self.cfg.batch,
        )
        .await?;
        report.claimed += claimed.len();
        let outcomes: Vec<Result<Outcome, EngineError>> = stream::iter(claimed)
            .map(|p| self.deliver_one(p, now_ms))
            .buffer_unordered(self.cfg.concurrency.max(1))
            .collect()
            .await;
        for o in outcomes {
            match o {
                Ok(o) => report.add(o),
                Err(e) => {
                    tracing::error!(error = %e, "delivery step failed; the lease will return the publication")
                }
            }
        }
        Ok(())
    }

    async fn finish(
        &self,
        p: &Publication,
        from: &str,
        to: &str,
        retry_at: Option<i64>,
        error: &str,
        now_ms: i64,
    ) -> Result<bool, EngineError> {
        let mut tx = self.db.begin().await?;
        let ok =
            publications::mark_outcome(&mut tx, p.id, p.fence, from, to, retry_at, error, now_ms)
                .await?;
        tx.commit().await?;
        Ok(ok)
    }

    async fn deliver_one(&self, p: Publication, now_ms: i64) -> Result<Outcome, EngineError> {
        let Some(job) = self.job(p.clone()).await? else {
            return Ok(
                if self
                    .finish(&p, "claimed", "cancelled", None, "post:gone", now_ms)
                    .await?
                {
                    Outcome::Cancelled
                } else {
                    Outcome::Lost
                },
            );
        };
        if job.post_status != "scheduled" {
            return Ok(
                if self
                    .finish(
                        &p,
                        "claimed",
                        "cancelled",
                        None,
                        "post:not_scheduled",
                        now_ms,
                    )
                    .await?
                {
                    Outcome::Cancelled
                } else {
                    Outcome::Lost
                },
            );
        }
        // Nothing leaves without a check: again at publish time, with today's consents.
        let check = self.publish_time_check(&job, now_ms).await?;
        if check.verdict > job.accepted {
            let mut tx = self.db.begin().await?;
            if !publications::mark_outcome(
                &mut tx,
                p.id,
                p.fence,
                "claimed",
                "cancelled",
                None,
                "compliance:verdict_worse",
                now_ms,
            )
            .await?
            {
                return Ok(Outcome::Lost);
            }
            if store::posts::return_to_review(
                &mut tx,
                p.post_id,
                check.verdict.as_str(),
                &check.to_json(),
                now_ms,
            )
            .await?
            {
                store::publications::cancel_unsent(&mut tx, p.post_id, now_ms).await?;
                notify::post_event(
                    &mut tx,
                    p.org_id,
                    p.post_id,
                    job.author_id,
                    "publish_blocked",
                    &format!(
                        "Post #{} was not published: the check at publish time found new problems",
                        p.post_id
                    ),
                    now_ms,
                )
                .await?;
            }
            tx.commit().await?;
            return Ok(Outcome::Cancelled);
        }
        let Ok(job) = self.with_attachments(job).await? else {
            return Ok(
                if self
                    .finish(&p, "claimed", "failed", None, "media:unreadable", now_ms)
                    .await?
                {
                    Outcome::Failed
                } else {
                    Outcome::Lost
                },
            );
        };
        let Some(creds) = creds::load(&self.db, &self.sealer, p.account_id).await? else {
            let mut tx = self.db.begin().await?;
            if !publications::mark_outcome(
                &mut tx,
                p.id,
                p.fence,
                "claimed",
                "failed",
                None,
                "account:not_connected",
                now_ms,
            )
            .await?
            {
                return Ok(Outcome::Lost);
            }
            notify::account_state(
                &mut tx,
                p.org_id,
                p.account_id,
                "not_connected",
                "no credentials stored",
                None,
                now_ms,
            )
            .await?;
            notify::post_event(
                &mut tx,
                p.org_id,
                p.post_id,
                job.author_id,
                "publish_failed",
                &format!("Post #{}: an account is not connected", p.post_id),
                now_ms,
            )
            .await?;
            tx.commit().await?;
            return Ok(Outcome::Failed);
        };
        // The committed "sending" record: from here an unrecorded outcome is unknown.
        let mut tx = self.db.begin().await?;
        let lease = now_ms + self.cfg.lease_ms;
        if !publications::transition(
            &mut tx,
            p.id,
            p.fence,
            "claimed",
            "sending",
            Some(lease),
            now_ms,
        )
        .await?
        {
            return Ok(Outcome::Lost);
        }
        tx.commit().await?;
        let result = self.send_with_refresh(&job, &creds, now_ms).await;
        self.record(&job, "sending", result, now_ms).await
    }

    async fn publish_time_check(
        &self,
        job: &Job,
        now_ms: i64,
    ) -> Result<service::post_check::PostCheck, EngineError> {
        let deps = service::posts::Deps {
            db: &self.db,
            sealer: &self.sealer,
            checker: &self.checker,
        };
        let target = service::post_check::TargetText {
            account_id: job.p.account_id,
            platform: job.platform,
            text: &job.checked_text,
        };
        let check = service::check_run::check_for_publication(
            deps,
            job.p.org_id,
            job.p.post_id,
            target,
            now_ms,
        )
        .await?;
        Ok(check)
    }

    /// Publish; on an expired token refresh once (nothing was created) and try again.
    pub(crate) async fn send_with_refresh(
        &self,
        job: &Job,
        creds: &Credentials,
        now_ms: i64,
    ) -> Result<platforms::Published, PublishError> {
        let connector = self.connectors.get(job.platform);
        let renew = self.renew_while(job.p.id, job.p.fence);
        let auth = creds::auth(creds);
        let first = tokio::select! {
            r = connector.publish(&auth, &job.outgoing) => r,
            _ = renew => unreachable!("the renewer never finishes"),
        };
        match first {
            Err(PublishError::AuthExpired { .. }) if connector.capabilities().refresh => {
                let tokens = connector.refresh(&creds::auth(creds)).await?;
                let fresh = creds::refreshed(creds, &tokens);
                if let Err(e) =
                    creds::save(&self.db, &self.sealer, job.p.account_id, &fresh, now_ms).await
                {
                    tracing::error!(account_id = job.p.account_id, error = %e, "refreshed tokens could not be stored");
                }
                connector.publish(&creds::auth(&fresh), &job.outgoing).await
            }
            other => other,
        }
    }

    /// Keep the lease of a send alive while the platform call runs (long uploads).
    async fn renew_while(&self, id: i64, fence: i64) {
        let every = std::time::Duration::from_millis((self.cfg.lease_ms / 3).max(1000) as u64);
        loop {
            tokio::time::sleep(every).await;
            let until = self.clock.now_ms() + self.cfg.lease_ms;
            let renewed = async {
                let mut tx = self.db.begin().await?;
                let ok = publications::renew_lease(&mut tx, id, fence, until).await?;
                tx.commit().await?;
                Ok::<bool, store::StoreError>(ok)
            }
            .await;
            if !matches!(renewed, Ok(true)) {
                tracing::warn!(
                    publication_id = id,
                    "lease renewal failed; another worker may take over"
                );
            }
        }
    }

    /// Record a platform result, fenced, from state `from`.
    pub(crate) async fn record(
        &self,
        job: &Job,
        from: &str,
        result: Result<platforms::Published, PublishError>,
        now_ms: i64,
    ) -> Result<Outcome, EngineError> {
        let p = &job.p;
        let mut tx = self.db.begin().await?;
        let outcome = match result {
            Ok(published) => {
                if !publications::mark_sent(
                    &mut tx,
                    p.id,
                    p.fence,
                    from,
                    &published.remote_id,
                    published.url.as_deref(),
                    now_ms,
                )
                .await?
                {
                    return Ok(Outcome::Lost);
                }
                notify::account_state(
                    &mut tx,
                    p.org_id,
                    p.account_id,
                    "connected",
                    "",
                    None,
                    now_ms,
                )
                .await?;
                self.complete_post(&mut tx, p, job.author_id, now_ms)
                    .await?;
                if from == "sending" {
                    Outcome::Sent
                } else {
                    Outcome::Reconciled
                }
            }
            Err(e) => {
                let (to, retry_at, code) = self.classify(p, &e, now_ms);
                if !publications::mark_outcome(
                    &mut tx, p.id, p.fence, from, to, retry_at, &code, now_ms,
                )
                .await?
                {
                    return Ok(Outcome::Lost);
                }
                notify::after_error(&mut tx, p, job.author_id, &e, to, now_ms).await?;
                match to {
                    "scheduled" => Outcome::Retry,
                    "unknown" => Outcome::Unknown,
                    "review" => Outcome::Review,
                    _ => Outcome::Failed,
                }
            }
        };
        tx.commit().await?;
        Ok(outcome)
    }

    /// Where a publication goes after an error, when to retry, and the code recorded.
    fn classify(
        &self,
        p: &Publication,
        e: &PublishError,
        now_ms: i64,
    ) -> (&'static str, Option<i64>, String) {
        let backoff = self
            .cfg
            .retry_base_ms
            .saturating_mul(1i64 << p.attempts.clamp(0, 16));
        let give_up = p.attempts + 1 >= self.cfg.max_attempts;
        match e {
            PublishError::NotReceived { retry_after, .. } if !give_up => {
                let wait = retry_after
                    .map(|d| d.as_millis() as i64)
                    .unwrap_or(0)
                    .max(backoff);
                ("scheduled", Some(now_ms + wait), "not_received".into())
            }
            PublishError::RateLimited { until, .. } if !give_up => {
                let at = until
                    .map(|t| t.as_millisecond())
                    .unwrap_or(now_ms + backoff)
                    .max(now_ms + 1000);
                ("scheduled", Some(at), "rate_limited".into())
            }
            PublishError::Rejected {
                permanent: false, ..
            } if !give_up => (
                "scheduled",
                Some(now_ms + backoff),
                "rejected_transient".into(),
            ),
            PublishError::Unknown { .. } => (
                "unknown",
                Some(now_ms + self.cfg.reconcile_delay_ms),
                "unknown".into(),
            ),
            PublishError::NotReceived { .. } | PublishError::RateLimited { .. } => {
                ("failed", None, "gave_up_after_retries".into())
            }
            PublishError::Rejected { kind, .. } => {
                ("failed", None, format!("rejected:{kind:?}").to_lowercase())
            }
            PublishError::AuthExpired { .. } => ("failed", None, "auth_expired".into()),
            PublishError::Revoked { .. } => ("failed", None, "revoked".into()),
            PublishError::VersionSunset { .. } => ("failed", None, "version_sunset".into()),
            PublishError::NotSupported { what } => {
                ("failed", None, format!("not_supported:{what}"))
            }
        }
    }

    /// When every target of the post is delivered, the post is published.
    async fn complete_post(
        &self,
        tx: &mut store::Tx,
        p: &Publication,
        author_id: i64,
        now_ms: i64,
    ) -> Result<(), EngineError> {
        store::posts::lock(tx, p.post_id).await?;
        let pubs = publications::for_post(tx, p.post_id).await?;
        let live: Vec<_> = pubs.iter().filter(|x| x.status != "cancelled").collect();
        if !live.is_empty()
            && live.iter().all(|x| x.status == "sent")
            && store::posts::mark_published(tx, p.post_id, now_ms).await?
        {
            store::audit::append(
                tx,
                now_ms,
                &store::audit::Actor::system(),
                &store::audit::Event::new(Some(p.org_id), "post.publish", "post", p.post_id)
                    .with(domain::audit::Summary::new().id("targets", live.len() as i64)),
            )
            .await?;
            notify::post_event(
                tx,
                p.org_id,
                p.post_id,
                author_id,
                "published",
                &format!("Post #{} is published", p.post_id),
                now_ms,
            )
            .await?;
        }
        Ok(())
    }
}
