//! The images and videos attached to a post, read from the data directory for the
//! connectors (COMPOSE-3 → PUBLISH-1). A post whose files cannot be read is not published
//! without them: the target fails with `media:unreadable` for a person to look at.

use platforms::Media;

use crate::{Engine, EngineError};

impl Engine {
    /// `Ok(Err(why))` when the post has media that cannot be sent.
    pub(crate) async fn attachments(
        &self,
        post_id: i64,
    ) -> Result<Result<Vec<Media>, String>, EngineError> {
        let items = {
            let mut c = self.db.conn().await?;
            store::media::of_post(&mut c, post_id).await?
        };
        if items.is_empty() {
            return Ok(Ok(Vec::new()));
        }
        let Some(dir) = self.cfg.data_dir.as_deref() else {
            return Ok(Err("no data directory is configured for media".into()));
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let path = service::media::file_path(dir, &item.sha256, &item.kind);
            match tokio::fs::read(&path).await {
                Ok(bytes) => out.push(Media {
                    bytes: bytes.into(),
                    mime: item.mime,
                    alt_text: item.alt_text,
                    public_url: None,
                }),
                Err(e) => {
                    tracing::error!(post_id, media_id = item.id, error = %e, "attached media cannot be read");
                    return Ok(Err(format!("media item {} cannot be read", item.id)));
                }
            }
        }
        Ok(Ok(out))
    }
}
