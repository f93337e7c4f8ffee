//! The calendar's query: targets in a time range with their post and account, filtered.
//! The joins are written as CROSS JOIN so that SQLite walks the time index of the targets
//! first (without statistics it would otherwise scan every post of the organisation);
//! PostgreSQL plans them like inner joins.

use crate::{Result, Source};

/// One target on the calendar.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Item {
    pub post_id: i64,
    pub target_id: i64,
    pub scheduled_at: i64,
    pub status: String,
    pub pillar: String,
    pub excerpt: String,
    pub platform: String,
    pub account_name: String,
    pub version: i64,
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub location_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub pillar: Option<String>,
    pub platform: Option<String>,
    pub status: Option<String>,
}

pub async fn items(
    src: &mut impl Source,
    org_id: i64,
    from_ms: i64,
    until_ms: i64,
    f: &Filter,
) -> Result<Vec<Item>> {
    Ok(fetch!(
        src,
        fetch_all,
        Item,
        "SELECT p.id AS post_id, t.id AS target_id, t.scheduled_at, p.status, p.pillar,
                SUBSTR(COALESCE(t.variant_text, p.base_text), 1, 80) AS excerpt,
                a.platform, a.name AS account_name, p.version
         FROM post_targets t CROSS JOIN posts p CROSS JOIN social_accounts a
         WHERE p.id = t.post_id AND a.id = t.account_id
           AND p.org_id = $1 AND t.scheduled_at >= $2 AND t.scheduled_at < $3
           AND ($4 IS NULL OR p.location_id = $4)
           AND ($5 IS NULL OR p.campaign_id = $5)
           AND ($6 IS NULL OR p.pillar = $6)
           AND ($7 IS NULL OR a.platform = $7)
           AND ($8 IS NULL OR p.status = $8)
         ORDER BY t.scheduled_at, t.id",
        org_id,
        from_ms,
        until_ms,
        f.location_id,
        f.campaign_id,
        f.pillar.as_deref(),
        f.platform.as_deref(),
        f.status.as_deref()
    )?)
}

/// A draft with no scheduled time on any target.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Unscheduled {
    pub post_id: i64,
    pub status: String,
    pub pillar: String,
    pub excerpt: String,
    pub updated_at: i64,
}

pub async fn unscheduled(
    src: &mut impl Source,
    org_id: i64,
    limit: i64,
) -> Result<Vec<Unscheduled>> {
    Ok(fetch!(
        src,
        fetch_all,
        Unscheduled,
        "SELECT p.id AS post_id, p.status, p.pillar, SUBSTR(p.base_text, 1, 80) AS excerpt, p.updated_at
         FROM posts p
         WHERE p.org_id = $1 AND p.timed = FALSE
           AND p.status IN ('draft', 'in_review', 'approved', 'rejected', 'withdrawn')
         ORDER BY p.updated_at DESC, p.id DESC
         LIMIT $2",
        org_id,
        limit
    )?)
}
