//! Take-down (PUBLISH-4): delete every platform copy of a post. Requests come from a
//! revoked or expired consent, or from a person on the post's page.

use domain::audit::Summary;
use domain::platform::Platform;
use platforms::Deleted;
use store::audit::{self, Actor, Event};
use store::publications;

use crate::{creds, Engine, EngineError};

impl Engine {
    /// Work through open take-down requests; returns how many posts were fully removed.
    pub(crate) async fn process_takedowns(&self, now_ms: i64) -> Result<usize, EngineError> {
        let open = {
            let mut c = self.db.conn().await?;
            publications::open_takedowns(&mut c).await?
        };
        let mut done = 0;
        for (request_id, org_id, post_id) in open {
            if self.take_down(request_id, org_id, post_id, now_ms).await? {
                done += 1;
            }
        }
        Ok(done)
    }

    async fn take_down(
        &self,
        request_id: i64,
        org_id: i64,
        post_id: i64,
        now_ms: i64,
    ) -> Result<bool, EngineError> {
        let pubs = {
            let mut c = self.db.conn().await?;
            publications::for_post(&mut c, post_id).await?
        };
        let mut remaining = 0;
        for p in pubs.iter().filter(|p| p.status == "sent") {
            let (Some(remote_id), Some(creds)) = (
                p.remote_id.as_deref(),
                creds::load(&self.db, &self.sealer, p.account_id).await?,
            ) else {
                remaining += 1;
                continue;
            };
            let platform = {
                let mut c = self.db.conn().await?;
                store::accounts::get(&mut c, org_id, p.account_id)
                    .await?
                    .and_then(|a| Platform::parse(&a.platform))
            };
            let Some(platform) = platform else {
                remaining += 1;
                continue;
            };
            let mut tx = self.db.begin().await?;
            match self
                .connectors
                .get(platform)
                .delete(&creds::auth(&creds), remote_id)
                .await
            {
                Ok(Deleted::Removed) | Ok(Deleted::AlreadyGone) => {
                    publications::mark_deleted(&mut tx, p.id, now_ms).await?;
                    audit::append(
                        &mut tx,
                        now_ms,
                        &Actor::system(),
                        &Event::new(Some(org_id), "publication.delete", "publication", p.id)
                            .with(Summary::new().id("post_id", post_id)),
                    )
                    .await?;
                }
                Err(e) => {
                    remaining += 1;
                    publications::note_error(
                        &mut tx,
                        p.id,
                        &format!("delete:{}", crate::notify::class(&e)),
                        now_ms,
                    )
                    .await?;
                }
            }
            tx.commit().await?;
        }
        // Publications still on their way are stopped; in-flight ones finish and are
        // deleted on a later pass.
        let in_flight = pubs.iter().any(|p| {
            matches!(
                p.status.as_str(),
                "claimed" | "sending" | "unknown" | "reconciling"
            )
        });
        let mut tx = self.db.begin().await?;
        store::posts::lock(&mut tx, post_id).await?;
        publications::cancel_unsent(&mut tx, post_id, now_ms).await?;
        let finished = remaining == 0 && !in_flight;
        if finished {
            store::posts::mark_taken_down(&mut tx, post_id, now_ms).await?;
            publications::close_takedown(&mut tx, request_id, now_ms).await?;
            audit::append(
                &mut tx,
                now_ms,
                &Actor::system(),
                &Event::new(Some(org_id), "post.take_down", "post", post_id)
                    .with(Summary::new().id("request_id", request_id)),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(finished)
    }
}
