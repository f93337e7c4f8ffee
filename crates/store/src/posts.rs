//! Posts and their targets (one per social account). Every write that changes a post bumps
//! its `version`; writers pass the version they read, so a concurrent edit is detected
//! instead of silently overwritten.

use crate::{Result, Source, StoreError, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Post {
    pub id: i64,
    pub org_id: i64,
    pub author_id: i64,
    pub location_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub series_id: Option<i64>,
    pub pillar: String,
    pub base_text: String,
    pub status: String,
    pub verdict: String,
    pub accepted_verdict: String,
    /// The latest compliance check, as JSON (findings with offsets, per target).
    pub check_json: String,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Target {
    pub id: i64,
    pub post_id: i64,
    pub account_id: i64,
    pub variant_text: Option<String>,
    pub scheduled_at: Option<i64>,
}

/// Everything about a post that an editor sets.
#[derive(Debug, Clone)]
pub struct PostFields<'a> {
    pub location_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub series_id: Option<i64>,
    pub pillar: &'a str,
    pub base_text: &'a str,
}

/// Workflow state written together.
#[derive(Debug, Clone)]
pub struct PostState<'a> {
    pub status: &'a str,
    pub verdict: &'a str,
    pub accepted_verdict: &'a str,
    pub check_json: &'a str,
}

#[derive(Debug, Clone)]
pub struct NewTarget {
    pub account_id: i64,
    pub variant_text: Option<String>,
    pub scheduled_at: Option<i64>,
}

const COLS: &str =
    "SELECT id, org_id, author_id, location_id, campaign_id, series_id, pillar, base_text, status,
     verdict, accepted_verdict, check_json, version, created_at, updated_at FROM posts";

pub async fn insert(
    tx: &mut Tx,
    org_id: i64,
    author_id: i64,
    f: &PostFields<'_>,
    s: &PostState<'_>,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO posts (org_id, author_id, location_id, campaign_id, series_id, pillar, base_text, status,
             verdict, accepted_verdict, check_json, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12) RETURNING id",
        org_id,
        author_id,
        f.location_id,
        f.campaign_id,
        f.series_id,
        f.pillar,
        f.base_text,
        s.status,
        s.verdict,
        s.accepted_verdict,
        s.check_json,
        now_ms
    )?)
}

pub async fn get(src: &mut impl Source, org_id: i64, id: i64) -> Result<Option<Post>> {
    let sql = format!("{COLS} WHERE org_id = $1 AND id = $2");
    Ok(fetch!(src, fetch_optional, Post, &sql, org_id, id)?)
}

/// Fails with `Conflict` when someone else changed the post since `version` was read.
fn expect_one(n: u64) -> Result<()> {
    if n == 1 {
        Ok(())
    } else {
        Err(StoreError::Conflict(
            "post changed since it was loaded".into(),
        ))
    }
}

pub async fn update_fields(
    tx: &mut Tx,
    id: i64,
    version: i64,
    f: &PostFields<'_>,
    now_ms: i64,
) -> Result<()> {
    let n = execute!(
        tx,
        "UPDATE posts SET location_id = $1, campaign_id = $2, series_id = $3, pillar = $4, base_text = $5,
             version = version + 1, updated_at = $6
         WHERE id = $7 AND version = $8",
        f.location_id,
        f.campaign_id,
        f.series_id,
        f.pillar,
        f.base_text,
        now_ms,
        id,
        version
    )?;
    expect_one(n)
}

pub async fn set_state(
    tx: &mut Tx,
    id: i64,
    version: i64,
    s: &PostState<'_>,
    now_ms: i64,
) -> Result<()> {
    let n = execute!(
        tx,
        "UPDATE posts SET status = $1, verdict = $2, accepted_verdict = $3, check_json = $4,
             version = version + 1, updated_at = $5
         WHERE id = $6 AND version = $7",
        s.status,
        s.verdict,
        s.accepted_verdict,
        s.check_json,
        now_ms,
        id,
        version
    )?;
    expect_one(n)
}

pub async fn targets(src: &mut impl Source, post_id: i64) -> Result<Vec<Target>> {
    Ok(fetch!(
        src,
        fetch_all,
        Target,
        "SELECT id, post_id, account_id, variant_text, scheduled_at FROM post_targets WHERE post_id = $1 ORDER BY id",
        post_id
    )?)
}

pub async fn replace_targets(tx: &mut Tx, post_id: i64, targets: &[NewTarget]) -> Result<()> {
    execute!(tx, "DELETE FROM post_targets WHERE post_id = $1", post_id)?;
    let timed = targets.iter().any(|t| t.scheduled_at.is_some());
    execute!(
        tx,
        "UPDATE posts SET timed = $1 WHERE id = $2",
        timed,
        post_id
    )?;
    for t in targets {
        execute!(
            tx,
            "INSERT INTO post_targets (post_id, account_id, variant_text, scheduled_at) VALUES ($1, $2, $3, $4)",
            post_id,
            t.account_id,
            t.variant_text.as_deref(),
            t.scheduled_at
        )?;
    }
    Ok(())
}

/// Move one target (calendar drag and drop); bumps the post's version.
pub async fn reschedule_target(
    tx: &mut Tx,
    post_id: i64,
    version: i64,
    target_id: i64,
    at: i64,
    now_ms: i64,
) -> Result<()> {
    let n = execute!(
        tx,
        "UPDATE post_targets SET scheduled_at = $1 WHERE id = $2 AND post_id = $3",
        at,
        target_id,
        post_id
    )?;
    if n != 1 {
        return Err(StoreError::NotFound);
    }
    let n = execute!(
        tx,
        "UPDATE posts SET version = version + 1, updated_at = $1, timed = TRUE WHERE id = $2 AND version = $3",
        now_ms,
        post_id,
        version
    )?;
    expect_one(n)
}

/// Ids of posts in a status, newest first (for lists such as the review queue).
pub async fn ids_with_status(
    src: &mut impl Source,
    org_id: i64,
    status: &str,
    limit: i64,
) -> Result<Vec<i64>> {
    Ok(scalar!(
        src,
        fetch_all,
        i64,
        "SELECT id FROM posts WHERE org_id = $1 AND status = $2 ORDER BY updated_at DESC, id DESC LIMIT $3",
        org_id,
        status,
        limit
    )?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Review {
    pub id: i64,
    pub post_id: i64,
    pub user_id: Option<i64>,
    pub user_name: Option<String>,
    pub action: String,
    pub verdict: String,
    pub reason: Option<String>,
    pub created_at: i64,
}

#[allow(clippy::too_many_arguments)]
pub async fn add_review(
    tx: &mut Tx,
    post_id: i64,
    user_id: Option<i64>,
    action: &str,
    verdict: &str,
    reason: Option<&str>,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO post_reviews (post_id, user_id, action, verdict, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        post_id,
        user_id,
        action,
        verdict,
        reason,
        now_ms
    )?)
}

pub async fn reviews(src: &mut impl Source, post_id: i64) -> Result<Vec<Review>> {
    Ok(fetch!(
        src,
        fetch_all,
        Review,
        "SELECT r.id, r.post_id, r.user_id, u.display_name AS user_name, r.action, r.verdict, r.reason, r.created_at
         FROM post_reviews r LEFT JOIN users u ON u.id = r.user_id WHERE r.post_id = $1 ORDER BY r.id",
        post_id
    )?)
}

/// The publisher confirmed every target: scheduled → published (no editor is involved,
/// so no version check; the version still moves so open editors see the change).
pub async fn mark_published(tx: &mut Tx, id: i64, now_ms: i64) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE posts SET status = 'published', version = version + 1, updated_at = $1 WHERE id = $2 AND status = 'scheduled'",
        now_ms,
        id
    )?;
    Ok(n == 1)
}

/// Every platform copy was removed: published (or partly published) → taken down.
pub async fn mark_taken_down(tx: &mut Tx, id: i64, now_ms: i64) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE posts SET status = 'taken_down', version = version + 1, updated_at = $1 WHERE id = $2 AND status IN ('published', 'scheduled')",
        now_ms,
        id
    )?;
    Ok(n == 1)
}

/// The publish-time check came out worse than what was approved: back to review.
pub async fn return_to_review(
    tx: &mut Tx,
    id: i64,
    verdict: &str,
    check_json: &str,
    now_ms: i64,
) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE posts SET status = 'in_review', verdict = $1, accepted_verdict = 'allow', check_json = $2,
             version = version + 1, updated_at = $3
         WHERE id = $4 AND status = 'scheduled'",
        verdict,
        check_json,
        now_ms,
        id
    )?;
    Ok(n == 1)
}

/// Hold the post's row until the transaction ends, so concurrent deliveries of its targets
/// decide "all delivered" one after another (PostgreSQL; SQLite transactions already
/// serialise writers).
pub async fn lock(tx: &mut Tx, id: i64) -> Result<()> {
    if let Tx::Postgres(t) = tx {
        sqlx::query("SELECT id FROM posts WHERE id = $1 FOR UPDATE")
            .bind(id)
            .execute(&mut **t)
            .await?;
    }
    Ok(())
}
