//! The organisation's social accounts (a page or profile on one platform).

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct SocialAccount {
    pub id: i64,
    pub org_id: i64,
    pub location_id: Option<i64>,
    pub platform: String,
    pub name: String,
    pub handle: String,
    pub created_at: i64,
}

const COLS: &str =
    "SELECT id, org_id, location_id, platform, name, handle, created_at FROM social_accounts";

pub async fn create(
    tx: &mut Tx,
    org_id: i64,
    location_id: Option<i64>,
    platform: &str,
    name: &str,
    handle: &str,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO social_accounts (org_id, location_id, platform, name, handle, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        org_id,
        location_id,
        platform,
        name,
        handle,
        now_ms
    )?)
}

pub async fn list(src: &mut impl Source, org_id: i64) -> Result<Vec<SocialAccount>> {
    let sql = format!("{COLS} WHERE org_id = $1 ORDER BY platform, name, id");
    Ok(fetch!(src, fetch_all, SocialAccount, &sql, org_id)?)
}

pub async fn get(src: &mut impl Source, org_id: i64, id: i64) -> Result<Option<SocialAccount>> {
    let sql = format!("{COLS} WHERE org_id = $1 AND id = $2");
    Ok(fetch!(
        src,
        fetch_optional,
        SocialAccount,
        &sql,
        org_id,
        id
    )?)
}
