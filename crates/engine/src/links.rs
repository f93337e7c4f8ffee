//! Short links in what is published (COMPOSE-5): each link of a target becomes
//! `<link_base>/l/<code>` with campaign parameters on its destination. The same link is
//! used on every attempt, so a retried or reconciled publication sends identical text.

use domain::platform::Platform;
use store::posts::Post;
use store::publications::Publication;

use crate::{Engine, EngineError};

impl Engine {
    pub(crate) async fn short_links(
        &self,
        p: &Publication,
        post: &Post,
        platform: Platform,
        text: &str,
    ) -> Result<String, EngineError> {
        let Some(base) = self.cfg.link_base.as_deref() else {
            return Ok(text.to_string());
        };
        if domain::links::find_urls(text).is_empty() {
            return Ok(text.to_string());
        }
        let campaign = match post.campaign_id {
            Some(id) => {
                let mut c = self.db.conn().await?;
                let found = store::plans::campaign(&mut c, p.org_id, id).await?;
                drop(c);
                match found {
                    Some(campaign) => {
                        let engine = self
                            .checker
                            .engine(&self.db, &self.sealer, p.org_id)
                            .await?;
                        Some(service::links::safe_campaign(&engine, id, &campaign.name))
                    }
                    None => None,
                }
            }
            None => None,
        };
        let target = service::links::ShortenTarget {
            org_id: p.org_id,
            post_id: p.post_id,
            target_id: p.target_id,
            account_id: p.account_id,
            platform: platform.as_str(),
            campaign: campaign.as_deref(),
            base_url: base,
        };
        Ok(service::links::shorten(&self.db, &target, text, self.clock.now_ms()).await?)
    }
}
