//! Browser sessions. Only the SHA-256 of a session id is stored, so a database dump does
//! not let anyone sign in.

use crate::{Result, Source, Tx};

/// A live session joined with the user and membership it belongs to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionInfo {
    pub user_id: i64,
    pub org_id: i64,
    pub csrf_token: String,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub expires_at: i64,
    pub last_seen_at: i64,
}

#[allow(clippy::too_many_arguments)]
pub async fn create(
    tx: &mut Tx,
    id_hash: &str,
    user_id: i64,
    org_id: i64,
    csrf_token: &str,
    now_ms: i64,
    expires_at: i64,
) -> Result<()> {
    execute!(
        tx,
        "INSERT INTO sessions (id_hash, user_id, org_id, csrf_token, created_at, expires_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $5)",
        id_hash,
        user_id,
        org_id,
        csrf_token,
        now_ms,
        expires_at
    )?;
    Ok(())
}

/// The session, if it exists, has not expired and its user is still active.
pub async fn lookup(
    src: &mut impl Source,
    id_hash: &str,
    now_ms: i64,
) -> Result<Option<SessionInfo>> {
    Ok(fetch!(
        src,
        fetch_optional,
        SessionInfo,
        "SELECT s.user_id, s.org_id, s.csrf_token, u.email, u.display_name, m.role, s.expires_at, s.last_seen_at
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         JOIN memberships m ON m.user_id = s.user_id AND m.org_id = s.org_id
         WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.active = TRUE",
        id_hash,
        now_ms
    )?)
}

/// Sliding expiry: extend a session that is in use.
pub async fn extend(tx: &mut Tx, id_hash: &str, now_ms: i64, expires_at: i64) -> Result<()> {
    execute!(
        tx,
        "UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3",
        now_ms,
        expires_at,
        id_hash
    )?;
    Ok(())
}

pub async fn delete(tx: &mut Tx, id_hash: &str) -> Result<u64> {
    Ok(execute!(
        tx,
        "DELETE FROM sessions WHERE id_hash = $1",
        id_hash
    )?)
}

/// End every session of a user except, optionally, the one in use.
pub async fn delete_for_user(tx: &mut Tx, user_id: i64, keep_hash: Option<&str>) -> Result<u64> {
    Ok(execute!(
        tx,
        "DELETE FROM sessions WHERE user_id = $1 AND ($2 IS NULL OR id_hash <> $2)",
        user_id,
        keep_hash
    )?)
}

pub async fn delete_expired(tx: &mut Tx, now_ms: i64) -> Result<u64> {
    Ok(execute!(
        tx,
        "DELETE FROM sessions WHERE expires_at <= $1",
        now_ms
    )?)
}
