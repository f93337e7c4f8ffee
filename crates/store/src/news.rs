//! Followed news feeds and their items.

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Feed {
    pub id: i64,
    pub org_id: i64,
    pub url: String,
    pub title: String,
    pub site_url: Option<String>,
    pub status: String,
    pub last_error: String,
    pub warnings: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub fetched_at: Option<i64>,
    pub next_fetch_at: i64,
    pub failures: i64,
    pub created_at: i64,
}

const FEED_COLS: &str = "id, org_id, url, title, site_url, status, last_error, warnings, etag,
     last_modified, fetched_at, next_fetch_at, failures, created_at";

pub async fn add(tx: &mut Tx, org_id: i64, url: &str, user_id: i64, now_ms: i64) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO news_feeds (org_id, url, title, status, last_error, warnings, next_fetch_at,
                                 failures, added_by, created_at)
         VALUES ($1, $2, $2, 'new', '', '', $3, 0, $4, $3) RETURNING id",
        org_id,
        url,
        now_ms,
        user_id
    )?)
}

pub async fn remove(tx: &mut Tx, org_id: i64, id: i64) -> Result<bool> {
    execute!(
        tx,
        "DELETE FROM news_items WHERE feed_id IN (SELECT id FROM news_feeds WHERE org_id = $1 AND id = $2)",
        org_id,
        id
    )?;
    let n = execute!(
        tx,
        "DELETE FROM news_feeds WHERE org_id = $1 AND id = $2",
        org_id,
        id
    )?;
    Ok(n == 1)
}

pub async fn list(src: &mut impl Source, org_id: i64) -> Result<Vec<Feed>> {
    let sql = format!("SELECT {FEED_COLS} FROM news_feeds WHERE org_id = $1 ORDER BY title, id");
    Ok(fetch!(src, fetch_all, Feed, &sql, org_id)?)
}

/// Feeds of every organisation whose next fetch is due, oldest first.
pub async fn due(src: &mut impl Source, now_ms: i64, limit: i64) -> Result<Vec<Feed>> {
    let sql = format!(
        "SELECT {FEED_COLS} FROM news_feeds WHERE next_fetch_at <= $1 ORDER BY next_fetch_at, id LIMIT $2"
    );
    Ok(fetch!(src, fetch_all, Feed, &sql, now_ms, limit)?)
}

/// Fetch this feed at the next run.
pub async fn fetch_soon(tx: &mut Tx, org_id: i64, id: i64, now_ms: i64) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE news_feeds SET next_fetch_at = $1 WHERE org_id = $2 AND id = $3",
        now_ms,
        org_id,
        id
    )?;
    Ok(n == 1)
}

/// What a successful fetch learnt.
pub struct Fetched<'a> {
    pub title: &'a str,
    pub site_url: Option<&'a str>,
    pub warnings: &'a str,
    pub etag: Option<&'a str>,
    pub last_modified: Option<&'a str>,
}

pub async fn mark_ok(
    tx: &mut Tx,
    id: i64,
    f: &Fetched<'_>,
    now_ms: i64,
    next_ms: i64,
) -> Result<()> {
    execute!(
        tx,
        "UPDATE news_feeds SET title = $1, site_url = $2, status = 'ok', last_error = '', warnings = $3,
                etag = $4, last_modified = $5, fetched_at = $6, next_fetch_at = $7, failures = 0
          WHERE id = $8",
        f.title,
        f.site_url,
        f.warnings,
        f.etag,
        f.last_modified,
        now_ms,
        next_ms,
        id
    )?;
    Ok(())
}

/// Nothing changed since the last fetch (HTTP 304).
pub async fn mark_unchanged(tx: &mut Tx, id: i64, now_ms: i64, next_ms: i64) -> Result<()> {
    execute!(
        tx,
        "UPDATE news_feeds SET status = 'ok', last_error = '', fetched_at = $1, next_fetch_at = $2, failures = 0
          WHERE id = $3",
        now_ms,
        next_ms,
        id
    )?;
    Ok(())
}

pub async fn mark_error(
    tx: &mut Tx,
    id: i64,
    error: &str,
    now_ms: i64,
    next_ms: i64,
) -> Result<()> {
    execute!(
        tx,
        "UPDATE news_feeds SET status = 'error', last_error = $1, fetched_at = $2, next_fetch_at = $3,
                failures = failures + 1
          WHERE id = $4",
        error,
        now_ms,
        next_ms,
        id
    )?;
    Ok(())
}

pub struct NewItem<'a> {
    pub guid: &'a str,
    pub title: &'a str,
    pub link: Option<&'a str>,
    pub published_at: Option<i64>,
    pub summary: &'a str,
    pub author: Option<&'a str>,
}

/// Add an item unless the feed already has it. Returns whether it was new.
pub async fn add_item(tx: &mut Tx, feed_id: i64, i: &NewItem<'_>, now_ms: i64) -> Result<bool> {
    let n = execute!(
        tx,
        "INSERT INTO news_items (feed_id, guid, title, link, published_at, summary, author, seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (feed_id, guid) DO NOTHING",
        feed_id,
        i.guid,
        i.title,
        i.link,
        i.published_at,
        i.summary,
        i.author,
        now_ms
    )?;
    Ok(n == 1)
}

/// Keep the newest `keep` items of a feed (by when they were first seen).
pub async fn prune(tx: &mut Tx, feed_id: i64, keep: i64) -> Result<u64> {
    Ok(execute!(
        tx,
        "DELETE FROM news_items WHERE feed_id = $1 AND id NOT IN
           (SELECT id FROM news_items WHERE feed_id = $1 ORDER BY seen_at DESC, id DESC LIMIT $2)",
        feed_id,
        keep
    )?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Item {
    pub id: i64,
    pub feed_id: i64,
    pub feed_title: String,
    pub title: String,
    pub link: Option<String>,
    pub published_at: Option<i64>,
    pub summary: String,
    pub author: Option<String>,
    pub seen_at: i64,
}

/// The organisation's newest items (by publication date where the feed gave one), from
/// one feed or all.
pub async fn items(
    src: &mut impl Source,
    org_id: i64,
    feed_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Item>> {
    Ok(fetch!(
        src,
        fetch_all,
        Item,
        "SELECT i.id, i.feed_id, f.title AS feed_title, i.title, i.link, i.published_at, i.summary,
                i.author, i.seen_at
           FROM news_items i JOIN news_feeds f ON f.id = i.feed_id
          WHERE f.org_id = $1 AND ($2 IS NULL OR f.id = $2)
          ORDER BY COALESCE(i.published_at, i.seen_at) DESC, i.id DESC LIMIT $3",
        org_id,
        feed_id,
        limit
    )?)
}
