//! Platform credentials as the connectors need them. Stored sealed by
//! `service::connections`; never logged.

use jiff::Timestamp;
use platforms::{AccountAuth, NewTokens, Secret};
use service::connections::Credentials;
use store::Db;
use vault::Sealer;

use crate::EngineError;

pub fn auth(c: &Credentials) -> AccountAuth {
    let mut a = AccountAuth::new(c.remote_account_id.clone(), c.access_token.clone());
    a.refresh_token = c.refresh_token.clone().map(Secret::new);
    a.expires_at = c
        .expires_at
        .and_then(|ms| Timestamp::from_millisecond(ms).ok());
    a.server = c.server.clone();
    a.app_password = c.app_password.clone().map(Secret::new);
    a
}

/// The credentials after a token refresh (platforms that rotate refresh tokens send a new
/// one; the others keep the old).
pub fn refreshed(c: &Credentials, t: &NewTokens) -> Credentials {
    let mut c = c.clone();
    c.access_token = t.access_token.expose().to_string();
    if let Some(r) = &t.refresh_token {
        c.refresh_token = Some(r.expose().to_string());
    }
    c.expires_at = t.expires_at.map(|ts| ts.as_millisecond());
    c
}

pub async fn load(
    db: &Db,
    sealer: &Sealer,
    account_id: i64,
) -> Result<Option<Credentials>, EngineError> {
    Ok(service::connections::load(db, sealer, account_id).await?)
}

pub async fn save(
    db: &Db,
    sealer: &Sealer,
    account_id: i64,
    creds: &Credentials,
    now_ms: i64,
) -> Result<(), EngineError> {
    let mut tx = db.begin().await?;
    service::connections::save_in(&mut tx, sealer, account_id, creds, now_ms).await?;
    tx.commit().await?;
    Ok(())
}
