//! URL classes, short links and their click counts.

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct UrlClassRow {
    pub id: i64,
    pub prefix: String,
    pub kind: String,
    pub trackers: String,
    pub created_at: i64,
}

pub async fn url_classes(src: &mut impl Source, org_id: i64) -> Result<Vec<UrlClassRow>> {
    Ok(fetch!(
        src,
        fetch_all,
        UrlClassRow,
        "SELECT id, prefix, kind, trackers, created_at FROM url_classes WHERE org_id = $1 ORDER BY prefix",
        org_id
    )?)
}

/// Add or replace the class of `prefix`. Returns its id.
pub async fn save_url_class(
    tx: &mut Tx,
    org_id: i64,
    prefix: &str,
    kind: &str,
    trackers: &str,
    user_id: i64,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO url_classes (org_id, prefix, kind, trackers, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (org_id, prefix) DO UPDATE SET kind = excluded.kind, trackers = excluded.trackers
         RETURNING id",
        org_id,
        prefix,
        kind,
        trackers,
        user_id,
        now_ms
    )?)
}

pub async fn delete_url_class(tx: &mut Tx, org_id: i64, id: i64) -> Result<bool> {
    let n = execute!(
        tx,
        "DELETE FROM url_classes WHERE org_id = $1 AND id = $2",
        org_id,
        id
    )?;
    Ok(n == 1)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ShortLink {
    pub id: i64,
    pub org_id: i64,
    pub code: String,
    pub post_id: i64,
    pub target_id: i64,
    pub account_id: i64,
    pub original: String,
    pub destination: String,
    pub created_at: i64,
}

const LINK_COLS: &str =
    "id, org_id, code, post_id, target_id, account_id, original, destination, created_at";

pub struct NewLink<'a> {
    pub code: &'a str,
    pub post_id: i64,
    pub target_id: i64,
    pub account_id: i64,
    pub original: &'a str,
    pub destination: &'a str,
}

/// The short link of `original` in `target_id`, creating it with `l.code` if there is none.
/// Idempotent: a second call (a retried publication) returns the first link.
pub async fn get_or_create(
    tx: &mut Tx,
    org_id: i64,
    l: &NewLink<'_>,
    now_ms: i64,
) -> Result<ShortLink> {
    execute!(
        tx,
        "INSERT INTO short_links (org_id, code, post_id, target_id, account_id, original, destination, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (target_id, original) DO NOTHING",
        org_id,
        l.code,
        l.post_id,
        l.target_id,
        l.account_id,
        l.original,
        l.destination,
        now_ms
    )?;
    let sql = format!("SELECT {LINK_COLS} FROM short_links WHERE target_id = $1 AND original = $2");
    Ok(fetch!(
        tx,
        fetch_one,
        ShortLink,
        &sql,
        l.target_id,
        l.original
    )?)
}

pub async fn by_code(src: &mut impl Source, code: &str) -> Result<Option<ShortLink>> {
    let sql = format!("SELECT {LINK_COLS} FROM short_links WHERE code = $1");
    Ok(fetch!(src, fetch_optional, ShortLink, &sql, code)?)
}

/// Count one click (per link, day and device class; nothing else is kept).
pub async fn count_click(tx: &mut Tx, link_id: i64, day: i64, device: &str) -> Result<()> {
    execute!(
        tx,
        "INSERT INTO link_clicks (link_id, day, device, clicks) VALUES ($1, $2, $3, 1)
         ON CONFLICT (link_id, day, device) DO UPDATE SET clicks = link_clicks.clicks + 1",
        link_id,
        day,
        device
    )?;
    Ok(())
}

/// A post's links with their clicks per device class.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct LinkClicks {
    pub id: i64,
    pub code: String,
    pub target_id: i64,
    pub account_id: i64,
    pub original: String,
    pub destination: String,
    pub device: Option<String>,
    pub clicks: Option<i64>,
}

pub async fn clicks_for_post(
    src: &mut impl Source,
    org_id: i64,
    post_id: i64,
) -> Result<Vec<LinkClicks>> {
    // SUM over BIGINT is NUMERIC on PostgreSQL; cast it back.
    Ok(fetch!(
        src,
        fetch_all,
        LinkClicks,
        "SELECT l.id, l.code, l.target_id, l.account_id, l.original, l.destination, c.device,
                CAST(SUM(c.clicks) AS BIGINT) AS clicks
           FROM short_links l LEFT JOIN link_clicks c ON c.link_id = l.id
          WHERE l.org_id = $1 AND l.post_id = $2
          GROUP BY l.id, l.code, l.target_id, l.account_id, l.original, l.destination, c.device
          ORDER BY l.id, c.device",
        org_id,
        post_id
    )?)
}
