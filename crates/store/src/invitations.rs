//! One-time links: invitations to join an organisation, and the first-run setup link.
//! Only hashes of the link secrets are stored.

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Invitation {
    pub id: i64,
    pub org_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
}

#[allow(clippy::too_many_arguments)]
pub async fn create(
    tx: &mut Tx,
    org_id: i64,
    email: &str,
    display_name: &str,
    role: &str,
    token_hash: &str,
    created_by: i64,
    now_ms: i64,
    expires_at: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO invitations (org_id, email, display_name, role, token_hash, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        org_id,
        email,
        display_name,
        role,
        token_hash,
        created_by,
        now_ms,
        expires_at
    )?)
}

const COLS: &str =
    "SELECT id, org_id, email, display_name, role, created_at, expires_at, accepted_at FROM invitations";

pub async fn find_open(
    src: &mut impl Source,
    token_hash: &str,
    now_ms: i64,
) -> Result<Option<Invitation>> {
    let sql = format!("{COLS} WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2");
    Ok(fetch!(
        src,
        fetch_optional,
        Invitation,
        &sql,
        token_hash,
        now_ms
    )?)
}

pub async fn pending(src: &mut impl Source, org_id: i64, now_ms: i64) -> Result<Vec<Invitation>> {
    let sql =
        format!("{COLS} WHERE org_id = $1 AND accepted_at IS NULL AND expires_at > $2 ORDER BY id");
    Ok(fetch!(src, fetch_all, Invitation, &sql, org_id, now_ms)?)
}

/// Mark accepted; 0 rows if someone else accepted it first.
pub async fn accept(tx: &mut Tx, id: i64, now_ms: i64) -> Result<u64> {
    Ok(execute!(
        tx,
        "UPDATE invitations SET accepted_at = $1 WHERE id = $2 AND accepted_at IS NULL",
        now_ms,
        id
    )?)
}

pub async fn create_setup_token(
    tx: &mut Tx,
    token_hash: &str,
    now_ms: i64,
    expires_at: i64,
) -> Result<()> {
    execute!(
        tx,
        "INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES ($1, $2, $3)",
        token_hash,
        now_ms,
        expires_at
    )?;
    Ok(())
}

pub async fn setup_token_valid(
    src: &mut impl Source,
    token_hash: &str,
    now_ms: i64,
) -> Result<bool> {
    let n = scalar!(
        src,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM setup_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        token_hash,
        now_ms
    )?;
    Ok(n > 0)
}

/// Consume the setup token; 0 rows when it was already used or has expired.
pub async fn use_setup_token(tx: &mut Tx, token_hash: &str, now_ms: i64) -> Result<u64> {
    Ok(execute!(
        tx,
        "UPDATE setup_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
        now_ms,
        token_hash
    )?)
}
