//! Industry news (PLAN-8): the feeds an organisation follows and what they said. Fetching
//! is the engine's periodic job (`engine::news`); this is what people do with feeds, and
//! what a fetch writes.

use domain::news::{next_fetch, FeedUrl, MAX_FEEDS};
use domain::Permission;
use store::audit::Event;
use store::news::{Feed, Fetched, Item, NewItem};
use store::Db;

use crate::{Actor, Result, ServiceError};

/// Items kept per feed; older ones are dropped as new ones arrive.
pub const KEEP_ITEMS: i64 = 200;

pub async fn feeds(db: &Db, actor: &Actor) -> Result<Vec<Feed>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    Ok(store::news::list(&mut c, actor.org_id).await?)
}

pub async fn items(db: &Db, actor: &Actor, feed_id: Option<i64>, limit: i64) -> Result<Vec<Item>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    Ok(store::news::items(&mut c, actor.org_id, feed_id, limit.clamp(1, 500)).await?)
}

/// Follow a feed; it is read at the next run of the news job.
pub async fn follow(db: &Db, actor: &Actor, url: &str, now_ms: i64) -> Result<i64> {
    actor.require(Permission::ApprovePosts)?;
    let url = FeedUrl::parse(url)?;
    let mut tx = db.begin().await?;
    if store::news::list(&mut tx, actor.org_id).await?.len() >= MAX_FEEDS {
        return Err(ServiceError::Refused(format!(
            "Your organisation follows {MAX_FEEDS} feeds, the most it may; remove one first."
        )));
    }
    let id = store::news::add(&mut tx, actor.org_id, url.as_str(), actor.user_id, now_ms)
        .await
        .map_err(|e| match e {
            store::StoreError::Conflict(_) => {
                ServiceError::Conflict("Your organisation already follows this feed.".into())
            }
            e => e.into(),
        })?;
    let event = Event::new(Some(actor.org_id), "feed.follow", "feed", id);
    actor.commit_audited(tx, now_ms, event).await?;
    Ok(id)
}

pub async fn unfollow(db: &Db, actor: &Actor, id: i64, now_ms: i64) -> Result<()> {
    actor.require(Permission::ApprovePosts)?;
    let mut tx = db.begin().await?;
    if !store::news::remove(&mut tx, actor.org_id, id).await? {
        return Err(ServiceError::NotFound);
    }
    let event = Event::new(Some(actor.org_id), "feed.unfollow", "feed", id);
    actor.commit_audited(tx, now_ms, event).await
}

/// Read this feed at the next run instead of waiting.
pub async fn refresh(db: &Db, actor: &Actor, id: i64, now_ms: i64) -> Result<()> {
    actor.require(Permission::ViewCalendar)?;
    let mut tx = db.begin().await?;
    if !store::news::fetch_soon(&mut tx, actor.org_id, id, now_ms).await? {
        return Err(ServiceError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// What one fetch of a feed came to.
pub enum FetchOutcome {
    /// A parsed feed, and the caching headers to send next time.
    Parsed {
        feed: feeds::Feed,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    /// 304 Not Modified.
    Unchanged,
    /// Why it could not be read, in words for the feeds page.
    Failed(String),
}

/// Record a fetch of `feed`: new items (in one transaction with the feed's state), or the
/// error. Returns how many items were new.
pub async fn record_fetch(
    db: &Db,
    feed: &Feed,
    outcome: FetchOutcome,
    now_ms: i64,
) -> Result<usize> {
    let mut tx = db.begin().await?;
    let mut added = 0;
    match outcome {
        FetchOutcome::Parsed {
            feed: parsed,
            etag,
            last_modified,
        } => {
            for item in &parsed.items {
                let new = NewItem {
                    guid: &item.guid,
                    title: &item.title,
                    link: item.link.as_deref(),
                    published_at: item.published_ms,
                    summary: &item.summary,
                    author: item.author.as_deref(),
                };
                if store::news::add_item(&mut tx, feed.id, &new, now_ms).await? {
                    added += 1;
                }
            }
            store::news::prune(&mut tx, feed.id, KEEP_ITEMS).await?;
            let warnings = parsed.warnings.join("\n");
            let fetched = Fetched {
                title: &parsed.title,
                site_url: parsed.site_url.as_deref(),
                warnings: &warnings,
                etag: etag.as_deref(),
                last_modified: last_modified.as_deref(),
            };
            store::news::mark_ok(&mut tx, feed.id, &fetched, now_ms, next_fetch(now_ms, 0)).await?;
        }
        FetchOutcome::Unchanged => {
            store::news::mark_unchanged(&mut tx, feed.id, now_ms, next_fetch(now_ms, 0)).await?;
        }
        FetchOutcome::Failed(why) => {
            let next = next_fetch(now_ms, feed.failures + 1);
            store::news::mark_error(&mut tx, feed.id, &why, now_ms, next).await?;
        }
    }
    tx.commit().await?;
    Ok(added)
}
