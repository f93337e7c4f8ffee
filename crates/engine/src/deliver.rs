//! Sending due publications.
//!
//! claim (short transaction) → publish-time compliance check → fenced "sending" commit →
//! the platform call (no transaction open) → fenced result. A worker that lost its claim
//! (lease expired, row re-claimed, post withdrawn) finds its fenced writes refused and
//! stops.

use domain::platform::Platform;
use domain::workflow::Verdict;
use futures_util::stream::{self, StreamExt};
use platforms::{Outgoing, PublishError};
use store::publications::{self, Publication};

use crate::creds;
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

/// What a publication needs from the rest of the database.
pub(crate) struct Job {
    pub p: Publication,
    pub platform: Platform,
    pub outgoing: Outgoing,
    /// The text as written and approved, which is what the check reads; `outgoing.text`
    /// has its links replaced by Bedside's short links.
    pub checked_text: String,
    /// Why the attached media cannot be sent, if they cannot.
    pub media_problem: Option<String>,
    pub post_status: String,
    pub accepted: Verdict,
    pub author_id: i64,
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

    pub(crate) async fn job(&self, p: Publication) -> Result<Option<Job>, EngineError> {
        let mut c = self.db.conn().await?;
        let Some(post) = store::posts::get(&mut c, p.org_id, p.post_id).await? else {
            return Ok(None);
        };
        let Some(account) = store::accounts::get(&mut c, p.org_id, p.account_id).await? else {
            return Ok(None);
        };
        let targets = store::posts::targets(&mut c, p.post_id).await?;
        let variant = targets
            .iter()
            .find(|t| t.id == p.target_id)
            .and_then(|t| t.variant_text.clone());
        let platform = Platform::parse(&account.platform).unwrap_or(Platform::Facebook);
        let checked_text = variant.unwrap_or_else(|| post.base_text.clone());
        drop(c);
        let text = self.short_links(&p, &post, platform, &checked_text).await?;
        let (media, media_problem) = match self.attachments(p.post_id).await? {
            Ok(m) => (m, None),
            Err(why) => (Vec::new(), Some(why)),
        };
        // A short link is unique to its target: lookups after an unknown outcome find the
        // post by it instead of comparing whole texts.
        let marker = self.cfg.link_base.as_deref().and_then(|base| {
            domain::links::find_urls(&text)
                .into_iter()
                .map(|u| u.url)
                .find(|u| u.starts_with(base))
        });
        let outgoing = Outgoing {
            text,
            title: None,
            media,
            idempotency_key: p.idempotency_key.clone(),
            marker,
            language: None,
            created_at: jiff::Timestamp::from_millisecond(p.due_at)
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH),
        };
        Ok(Some(Job {
            platform,
            outgoing,
            checked_text,
            media_problem,
            post_status: post.status,
            accepted: Verdict::parse(&post.accepted_verdict).unwrap_or(Verdict::Allow),
            author_id: post.author_id,
            p,
        }))
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
        if job.media_problem.is_some() {
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
        }
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
        let consents = {
            let mut c = self.db.conn().await?;
            store::consents::for_post(&mut c, job.p.post_id).await?
        };
        let engine = self
            .checker
            .engine(&self.db, &self.sealer, job.p.org_id)
            .await?;
        let target = service::post_check::TargetText {
            account_id: job.p.account_id,
            platform: job.platform,
            text: &job.checked_text,
        };
        let classes = service::posts::url_classes(&self.db, job.p.org_id).await?;
        let media = service::posts::attached_media(&self.db, Some(job.p.post_id)).await?;
        let attached = service::post_check::Attached {
            consents: &consents,
            classes: &classes,
            media: &media,
        };
        Ok(service::post_check::check_post(
            &engine,
            &job.checked_text,
            &[target],
            &attached,
            now_ms,
        ))
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
