//! A publication with what it needs from the rest of the database: the post, the account's
//! platform, the text as approved and as sent (with short links).

use domain::platform::Platform;
use domain::workflow::Verdict;
use platforms::Outgoing;
use store::publications::Publication;

use crate::{Engine, EngineError};

/// What a publication needs from the rest of the database.
pub(crate) struct Job {
    pub p: Publication,
    pub platform: Platform,
    pub outgoing: Outgoing,
    /// The text as written and approved, which is what the check reads; `outgoing.text`
    /// has its links replaced by Bedside's short links.
    pub checked_text: String,
    pub post_status: String,
    pub accepted: Verdict,
    pub author_id: i64,
}

impl Engine {
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
            // Read from disk only when a send is about to happen (`with_attachments`).
            media: Vec::new(),
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
            post_status: post.status,
            accepted: Verdict::parse(&post.accepted_verdict).unwrap_or(Verdict::Allow),
            author_id: post.author_id,
            p,
        }))
    }
}
