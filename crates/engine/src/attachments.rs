//! The images and videos attached to a post, read from the data directory for the
//! connectors (COMPOSE-3 → PUBLISH-1), only when a send is about to happen (lookups never
//! need them). A post whose files cannot be read is not published without them: the
//! target fails with `media:unreadable` for a person to look at.

use crate::job::Job;
use crate::{Engine, EngineError};

impl Engine {
    /// The job with its media loaded, or `Err(why)` when they cannot be read.
    pub(crate) async fn with_attachments(
        &self,
        mut job: Job,
    ) -> Result<Result<Job, String>, EngineError> {
        let items = {
            let mut c = self.db.conn().await?;
            store::media::of_post(&mut c, job.p.post_id).await?
        };
        if items.is_empty() {
            return Ok(Ok(job));
        }
        let Some(dir) = self.cfg.data_dir.as_deref() else {
            return Ok(Err("no data directory is configured for media".into()));
        };
        for item in items {
            let path = service::media::file_path(dir, &item.sha256, &item.kind);
            match tokio::fs::read(&path).await {
                Ok(bytes) => job.outgoing.media.push(platforms::Media {
                    bytes: bytes.into(),
                    mime: item.mime,
                    alt_text: item.alt_text,
                    public_url: None,
                }),
                Err(e) => {
                    tracing::error!(post_id = job.p.post_id, media_id = item.id, error = %e, "attached media cannot be read");
                    return Ok(Err(format!("media item {} cannot be read", item.id)));
                }
            }
        }
        Ok(Ok(job))
    }
}
