//! Per-user API tokens. The secret is shown once; only its SHA-256 is stored.

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct TokenSummary {
    pub id: i64,
    pub name: String,
    pub prefix: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// A valid token joined with its user's membership.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenOwner {
    pub token_id: i64,
    pub user_id: i64,
    pub org_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub last_used_at: Option<i64>,
}

#[allow(clippy::too_many_arguments)]
pub async fn create(
    tx: &mut Tx,
    user_id: i64,
    org_id: i64,
    name: &str,
    prefix: &str,
    token_hash: &str,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO api_tokens (user_id, org_id, name, prefix, token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        user_id,
        org_id,
        name,
        prefix,
        token_hash,
        now_ms
    )?)
}

pub async fn list_for_user(src: &mut impl Source, user_id: i64) -> Result<Vec<TokenSummary>> {
    Ok(fetch!(
        src,
        fetch_all,
        TokenSummary,
        "SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens
         WHERE user_id = $1 ORDER BY id DESC",
        user_id
    )?)
}

pub async fn lookup(src: &mut impl Source, token_hash: &str) -> Result<Option<TokenOwner>> {
    Ok(fetch!(
        src,
        fetch_optional,
        TokenOwner,
        "SELECT t.id AS token_id, t.user_id, t.org_id, u.email, u.display_name, m.role, t.last_used_at
         FROM api_tokens t
         JOIN users u ON u.id = t.user_id
         JOIN memberships m ON m.user_id = t.user_id AND m.org_id = t.org_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active = TRUE",
        token_hash
    )?)
}

pub async fn touch(tx: &mut Tx, token_id: i64, now_ms: i64) -> Result<()> {
    execute!(
        tx,
        "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2",
        now_ms,
        token_id
    )?;
    Ok(())
}

/// Revoke one of the user's own tokens; 0 rows when it is not theirs or already revoked.
pub async fn revoke(tx: &mut Tx, user_id: i64, token_id: i64, now_ms: i64) -> Result<u64> {
    Ok(execute!(
        tx,
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
        now_ms,
        token_id,
        user_id
    )?)
}
