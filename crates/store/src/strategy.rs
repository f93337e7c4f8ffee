//! Observances hidden or added per organisation, the intended content mix, goals, and the
//! post counts per pillar that the mix view and goal progress are computed from.

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct OwnObservance {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    /// YYYY-MM-DD
    pub observed_on: String,
    pub yearly: bool,
    pub note: String,
    pub created_at: i64,
}

pub async fn hidden_keys(src: &mut impl Source, org_id: i64) -> Result<Vec<String>> {
    Ok(scalar!(
        src,
        fetch_all,
        String,
        "SELECT observance_key FROM observances_hidden WHERE org_id = $1 ORDER BY observance_key",
        org_id
    )?)
}

/// Hide (or show again) a shipped observance. Returns whether anything changed.
pub async fn set_hidden(
    tx: &mut Tx,
    org_id: i64,
    key: &str,
    hidden: bool,
    user_id: i64,
    now_ms: i64,
) -> Result<bool> {
    let n = if hidden {
        execute!(
            tx,
            "INSERT INTO observances_hidden (org_id, observance_key, hidden_by, hidden_at)
             VALUES ($1, $2, $3, $4) ON CONFLICT (org_id, observance_key) DO NOTHING",
            org_id,
            key,
            user_id,
            now_ms
        )?
    } else {
        execute!(
            tx,
            "DELETE FROM observances_hidden WHERE org_id = $1 AND observance_key = $2",
            org_id,
            key
        )?
    };
    Ok(n > 0)
}

pub struct NewObservance<'a> {
    pub name: &'a str,
    pub observed_on: &'a str,
    pub yearly: bool,
    pub note: &'a str,
}

pub async fn add_observance(
    tx: &mut Tx,
    org_id: i64,
    o: &NewObservance<'_>,
    user_id: i64,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO org_observances (org_id, name, observed_on, yearly, note, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        org_id,
        o.name,
        o.observed_on,
        o.yearly,
        o.note,
        user_id,
        now_ms
    )?)
}

pub async fn own_observances(src: &mut impl Source, org_id: i64) -> Result<Vec<OwnObservance>> {
    Ok(fetch!(
        src,
        fetch_all,
        OwnObservance,
        "SELECT id, org_id, name, observed_on, yearly, note, created_at FROM org_observances
         WHERE org_id = $1 ORDER BY observed_on, id",
        org_id
    )?)
}

/// Returns whether a row of this organisation was deleted.
pub async fn delete_observance(tx: &mut Tx, org_id: i64, id: i64) -> Result<bool> {
    let n = execute!(
        tx,
        "DELETE FROM org_observances WHERE org_id = $1 AND id = $2",
        org_id,
        id
    )?;
    Ok(n == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct Share {
    pillar: String,
    percent: i64,
}

/// The intended mix as (pillar, percent); empty when none was set.
pub async fn content_mix(src: &mut impl Source, org_id: i64) -> Result<Vec<(String, i64)>> {
    let rows = fetch!(
        src,
        fetch_all,
        Share,
        "SELECT pillar, percent FROM content_mix WHERE org_id = $1 ORDER BY pillar",
        org_id
    )?;
    Ok(rows.into_iter().map(|s| (s.pillar, s.percent)).collect())
}

/// Replace the organisation's mix with `shares` (the caller validated the total).
pub async fn set_content_mix(tx: &mut Tx, org_id: i64, shares: &[(&str, i64)]) -> Result<()> {
    execute!(tx, "DELETE FROM content_mix WHERE org_id = $1", org_id)?;
    for (pillar, percent) in shares {
        execute!(
            tx,
            "INSERT INTO content_mix (org_id, pillar, percent) VALUES ($1, $2, $3)",
            org_id,
            *pillar,
            *percent
        )?;
    }
    Ok(())
}

/// Posts of one pillar and status that have a target due in a period.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PillarCount {
    pub pillar: String,
    pub status: String,
    pub posts: i64,
}

/// Approved, scheduled and published posts with at least one target due in
/// `[from_ms, until_ms)`, counted per pillar and status. A post whose targets fall in two
/// periods counts in both; a published post counts at its scheduled time.
pub async fn pillar_counts(
    src: &mut impl Source,
    org_id: i64,
    from_ms: i64,
    until_ms: i64,
) -> Result<Vec<PillarCount>> {
    Ok(fetch!(
        src,
        fetch_all,
        PillarCount,
        "SELECT p.pillar, p.status, COUNT(DISTINCT p.id) AS posts
         FROM post_targets t CROSS JOIN posts p
         WHERE p.id = t.post_id AND p.org_id = $1
           AND t.scheduled_at >= $2 AND t.scheduled_at < $3
           AND p.status IN ('approved', 'scheduled', 'published')
         GROUP BY p.pillar, p.status
         ORDER BY p.pillar, p.status",
        org_id,
        from_ms,
        until_ms
    )?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Goal {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub metric: String,
    pub pillar: Option<String>,
    pub target: i64,
    pub starts_on: String,
    pub ends_on: String,
    pub created_at: i64,
}

pub struct NewGoal<'a> {
    pub name: &'a str,
    pub metric: &'a str,
    pub pillar: Option<&'a str>,
    pub target: i64,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
}

pub async fn create_goal(
    tx: &mut Tx,
    org_id: i64,
    g: &NewGoal<'_>,
    user_id: i64,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO goals (org_id, name, metric, pillar, target, starts_on, ends_on, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        org_id,
        g.name,
        g.metric,
        g.pillar,
        g.target,
        g.starts_on,
        g.ends_on,
        user_id,
        now_ms
    )?)
}

pub async fn goals(src: &mut impl Source, org_id: i64) -> Result<Vec<Goal>> {
    Ok(fetch!(
        src,
        fetch_all,
        Goal,
        "SELECT id, org_id, name, metric, pillar, target, starts_on, ends_on, created_at FROM goals
         WHERE org_id = $1 ORDER BY ends_on DESC, id DESC",
        org_id
    )?)
}

/// Returns whether a goal of this organisation was deleted.
pub async fn delete_goal(tx: &mut Tx, org_id: i64, id: i64) -> Result<bool> {
    let n = execute!(
        tx,
        "DELETE FROM goals WHERE org_id = $1 AND id = $2",
        org_id,
        id
    )?;
    Ok(n == 1)
}
