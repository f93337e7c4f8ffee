//! Platform credentials (sealed) and account health.

use crate::{Result, Source, Tx};

pub async fn save(
    tx: &mut Tx,
    account_id: i64,
    sealed: &str,
    token_expires_at: Option<i64>,
    now_ms: i64,
) -> Result<()> {
    execute!(
        tx,
        "INSERT INTO account_credentials (account_id, sealed, token_expires_at, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id) DO UPDATE SET sealed = $2, token_expires_at = $3, updated_at = $4",
        account_id,
        sealed,
        token_expires_at,
        now_ms
    )?;
    Ok(())
}

/// (sealed credentials, token expiry)
pub async fn load(src: &mut impl Source, account_id: i64) -> Result<Option<(String, Option<i64>)>> {
    Ok(fetch!(
        src,
        fetch_optional,
        (String, Option<i64>),
        "SELECT sealed, token_expires_at FROM account_credentials WHERE account_id = $1",
        account_id
    )?)
}

/// Every stored credential (for key rotation): (account id, sealed).
pub async fn all(src: &mut impl Source) -> Result<Vec<(i64, String)>> {
    Ok(fetch!(
        src,
        fetch_all,
        (i64, String),
        "SELECT account_id, sealed FROM account_credentials ORDER BY account_id"
    )?)
}

pub async fn reseal(tx: &mut Tx, account_id: i64, sealed: &str) -> Result<()> {
    execute!(
        tx,
        "UPDATE account_credentials SET sealed = $1 WHERE account_id = $2",
        sealed,
        account_id
    )?;
    Ok(())
}

/// Accounts whose token expires before `before_ms`: (account id, org id, platform).
pub async fn expiring(src: &mut impl Source, before_ms: i64) -> Result<Vec<(i64, i64, String)>> {
    Ok(fetch!(
        src,
        fetch_all,
        (i64, i64, String),
        "SELECT a.id, a.org_id, a.platform FROM account_credentials c JOIN social_accounts a ON a.id = c.account_id
         WHERE c.token_expires_at IS NOT NULL AND c.token_expires_at < $1 ORDER BY a.id",
        before_ms
    )?)
}

/// Connected accounts: (account id, org id, platform).
pub async fn connected(src: &mut impl Source) -> Result<Vec<(i64, i64, String)>> {
    Ok(fetch!(
        src,
        fetch_all,
        (i64, i64, String),
        "SELECT a.id, a.org_id, a.platform FROM account_credentials c JOIN social_accounts a ON a.id = c.account_id ORDER BY a.id"
    )?)
}

/// An account of an organisation with its connection and last known health.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Health {
    pub account_id: i64,
    pub platform: String,
    pub name: String,
    pub handle: String,
    pub connected: bool,
    pub state: String,
    pub detail: String,
    pub token_expires_at: Option<i64>,
    pub rate_limited_until: Option<i64>,
    pub checked_at: Option<i64>,
    /// Publications of the account that failed or wait for a person.
    pub failing: i64,
}

/// Record an account's state; returns the previous state (to notify only on changes).
pub async fn set_health(
    tx: &mut Tx,
    account_id: i64,
    state: &str,
    detail: &str,
    rate_limited_until: Option<i64>,
    now_ms: i64,
) -> Result<Option<String>> {
    let previous = scalar!(
        tx,
        fetch_optional,
        String,
        "SELECT state FROM account_health WHERE account_id = $1",
        account_id
    )?;
    execute!(
        tx,
        "INSERT INTO account_health (account_id, state, detail, rate_limited_until, checked_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (account_id) DO UPDATE SET state = $2, detail = $3, rate_limited_until = $4, checked_at = $5",
        account_id,
        state,
        detail,
        rate_limited_until,
        now_ms
    )?;
    Ok(previous)
}

pub async fn health_for_org(src: &mut impl Source, org_id: i64) -> Result<Vec<Health>> {
    Ok(fetch!(
        src,
        fetch_all,
        Health,
        "SELECT a.id AS account_id, a.platform, a.name, a.handle, (c.account_id IS NOT NULL) AS connected,
                COALESCE(h.state, 'not_connected') AS state, COALESCE(h.detail, '') AS detail,
                c.token_expires_at, h.rate_limited_until, h.checked_at,
                (SELECT COUNT(*) FROM publications p WHERE p.account_id = a.id AND p.status IN ('failed', 'review')) AS failing
         FROM social_accounts a
         LEFT JOIN account_credentials c ON c.account_id = a.id
         LEFT JOIN account_health h ON h.account_id = a.id
         WHERE a.org_id = $1 ORDER BY a.platform, a.name, a.id",
        org_id
    )?)
}
