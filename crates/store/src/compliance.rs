//! The organisation's compliance settings and the generation counter that tells every
//! instance to rebuild its cached compliance engine.

use crate::{Result, Source, Tx};

pub async fn settings(src: &mut impl Source, org_id: i64) -> Result<Option<String>> {
    Ok(scalar!(
        src,
        fetch_optional,
        String,
        "SELECT settings_json FROM org_compliance WHERE org_id = $1",
        org_id
    )?)
}

pub async fn save_settings(tx: &mut Tx, org_id: i64, json: &str, now_ms: i64) -> Result<()> {
    execute!(
        tx,
        "INSERT INTO org_compliance (org_id, settings_json, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (org_id) DO UPDATE SET settings_json = $2, updated_at = $3",
        org_id,
        json,
        now_ms
    )?;
    bump_generation(tx, org_id).await
}

pub async fn bump_generation(tx: &mut Tx, org_id: i64) -> Result<()> {
    execute!(
        tx,
        "UPDATE organisations SET policy_generation = policy_generation + 1 WHERE id = $1",
        org_id
    )?;
    Ok(())
}

pub async fn generation(src: &mut impl Source, org_id: i64) -> Result<i64> {
    Ok(scalar!(
        src,
        fetch_one,
        i64,
        "SELECT policy_generation FROM organisations WHERE id = $1",
        org_id
    )?)
}
