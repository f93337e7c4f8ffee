//! Organisations and their locations.

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub time_zone: String,
    pub jurisdiction: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Location {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub created_at: i64,
}

pub async fn create(
    tx: &mut Tx,
    name: &str,
    time_zone: &str,
    jurisdiction: &str,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO organisations (name, time_zone, jurisdiction, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        name,
        time_zone,
        jurisdiction,
        now_ms
    )?)
}

pub async fn get(src: &mut impl Source, id: i64) -> Result<Organisation> {
    Ok(fetch!(
        src,
        fetch_one,
        Organisation,
        "SELECT id, name, time_zone, jurisdiction, created_at FROM organisations WHERE id = $1",
        id
    )?)
}

pub async fn count(src: &mut impl Source) -> Result<i64> {
    Ok(scalar!(
        src,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM organisations"
    )?)
}

/// Returns the names of the fields that changed.
pub async fn update(
    tx: &mut Tx,
    id: i64,
    name: &str,
    time_zone: &str,
    jurisdiction: &str,
) -> Result<Vec<&'static str>> {
    let old = get(tx, id).await?;
    let mut changed = Vec::new();
    if old.name != name {
        changed.push("name");
    }
    if old.time_zone != time_zone {
        changed.push("time_zone");
    }
    if old.jurisdiction != jurisdiction {
        changed.push("jurisdiction");
    }
    execute!(
        tx,
        "UPDATE organisations SET name = $1, time_zone = $2, jurisdiction = $3 WHERE id = $4",
        name,
        time_zone,
        jurisdiction,
        id
    )?;
    Ok(changed)
}

pub async fn locations(src: &mut impl Source, org_id: i64) -> Result<Vec<Location>> {
    Ok(fetch!(
        src,
        fetch_all,
        Location,
        "SELECT id, org_id, name, created_at FROM locations WHERE org_id = $1 ORDER BY name_key",
        org_id
    )?)
}

/// Names are unique per organisation regardless of case: a duplicate is a `Conflict`.
pub async fn create_location(tx: &mut Tx, org_id: i64, name: &str, now_ms: i64) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO locations (org_id, name, name_key, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        org_id,
        name,
        name.to_lowercase(),
        now_ms
    )?)
}

pub async fn rename_location(tx: &mut Tx, org_id: i64, id: i64, name: &str) -> Result<u64> {
    Ok(execute!(
        tx,
        "UPDATE locations SET name = $1, name_key = $2 WHERE id = $3 AND org_id = $4",
        name,
        name.to_lowercase(),
        id,
        org_id
    )?)
}

/// The oldest organisation, for single-organisation installs.
pub async fn first_id(src: &mut impl Source) -> Result<Option<i64>> {
    Ok(scalar!(
        src,
        fetch_optional,
        i64,
        "SELECT id FROM organisations ORDER BY id LIMIT 1"
    )?)
}

/// Every organisation's id.
pub async fn list_ids(src: &mut impl Source) -> Result<Vec<i64>> {
    Ok(scalar!(
        src,
        fetch_all,
        i64,
        "SELECT id FROM organisations ORDER BY id"
    )?)
}
