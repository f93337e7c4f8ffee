//! Campaigns and series (recurring programmes).

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Campaign {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub goal: String,
    pub hashtags: String,
    pub starts_on: String,
    pub ends_on: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Series {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub pillar: String,
    /// The recurrence rule, as `domain::recurrence::Rule` serialises it.
    pub rule: String,
    pub created_at: i64,
}

pub struct NewCampaign<'a> {
    pub name: &'a str,
    pub goal: &'a str,
    pub hashtags: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
}

pub async fn create_campaign(
    tx: &mut Tx,
    org_id: i64,
    c: &NewCampaign<'_>,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO campaigns (org_id, name, goal, hashtags, starts_on, ends_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        org_id,
        c.name,
        c.goal,
        c.hashtags,
        c.starts_on,
        c.ends_on,
        now_ms
    )?)
}

pub async fn campaigns(src: &mut impl Source, org_id: i64) -> Result<Vec<Campaign>> {
    Ok(fetch!(
        src,
        fetch_all,
        Campaign,
        "SELECT id, org_id, name, goal, hashtags, starts_on, ends_on, created_at FROM campaigns
         WHERE org_id = $1 ORDER BY starts_on DESC, id DESC",
        org_id
    )?)
}

pub async fn campaign(src: &mut impl Source, org_id: i64, id: i64) -> Result<Option<Campaign>> {
    Ok(fetch!(
        src,
        fetch_optional,
        Campaign,
        "SELECT id, org_id, name, goal, hashtags, starts_on, ends_on, created_at FROM campaigns
         WHERE org_id = $1 AND id = $2",
        org_id,
        id
    )?)
}

pub async fn create_series(
    tx: &mut Tx,
    org_id: i64,
    name: &str,
    pillar: &str,
    rule: &str,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO series (org_id, name, pillar, rule, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        org_id,
        name,
        pillar,
        rule,
        now_ms
    )?)
}

pub async fn series_list(src: &mut impl Source, org_id: i64) -> Result<Vec<Series>> {
    Ok(fetch!(
        src,
        fetch_all,
        Series,
        "SELECT id, org_id, name, pillar, rule, created_at FROM series WHERE org_id = $1 ORDER BY name, id",
        org_id
    )?)
}

pub async fn series(src: &mut impl Source, org_id: i64, id: i64) -> Result<Option<Series>> {
    Ok(fetch!(
        src,
        fetch_optional,
        Series,
        "SELECT id, org_id, name, pillar, rule, created_at FROM series WHERE org_id = $1 AND id = $2",
        org_id,
        id
    )?)
}
