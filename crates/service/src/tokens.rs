//! Per-user API tokens: shown once, stored hashed, revocable.

use domain::audit::Summary;
use domain::{DisplayName, Permission, Role};
use store::audit::{self, Event};
use store::tokens::{self, TokenSummary};
use store::{hash_secret, random_secret, Db};

use crate::auth::rename;
use crate::{Actor, Result, ServiceError};

pub const TOKEN_PREFIX: &str = "bst_";

pub struct NewToken {
    pub id: i64,
    /// The only time the secret is available.
    pub secret: String,
}

pub async fn create(db: &Db, actor: &Actor, name: &str, now_ms: i64) -> Result<NewToken> {
    actor.require(Permission::UseApp)?;
    let name = DisplayName::parse(name).map_err(|e| rename(e, "name"))?;
    let secret = format!("{TOKEN_PREFIX}{}", random_secret(20));
    let prefix = &secret[..TOKEN_PREFIX.len() + 6];
    let mut tx = db.begin().await?;
    let id = tokens::create(
        &mut tx,
        actor.user_id,
        actor.org_id,
        name.as_str(),
        prefix,
        &hash_secret(&secret),
        now_ms,
    )
    .await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "api_token.create", "api_token", id)
            .with(Summary::new().fields(&["name"])),
    )
    .await?;
    tx.commit().await?;
    Ok(NewToken { id, secret })
}

pub async fn list(db: &Db, actor: &Actor) -> Result<Vec<TokenSummary>> {
    let mut c = db.conn().await?;
    Ok(tokens::list_for_user(&mut c, actor.user_id).await?)
}

pub async fn revoke(db: &Db, actor: &Actor, token_id: i64, now_ms: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    if tokens::revoke(&mut tx, actor.user_id, token_id, now_ms).await? == 0 {
        return Err(ServiceError::NotFound);
    }
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(
            Some(actor.org_id),
            "api_token.revoke",
            "api_token",
            token_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The actor behind a bearer token, if it is valid. Records when it was last used.
pub async fn authenticate(db: &Db, secret: &str, now_ms: i64) -> Result<Option<Actor>> {
    if !secret.starts_with(TOKEN_PREFIX) {
        return Ok(None);
    }
    let owner = {
        let mut c = db.conn().await?;
        tokens::lookup(&mut c, &hash_secret(secret)).await?
    };
    let Some(o) = owner else { return Ok(None) };
    let Some(role) = Role::parse(&o.role) else {
        return Ok(None);
    };
    // Record use at most once a minute, so API traffic does not become write traffic.
    if o.last_used_at.is_none_or(|t| now_ms - t > 60_000) {
        let mut tx = db.begin().await?;
        tokens::touch(&mut tx, o.token_id, now_ms).await?;
        tx.commit().await?;
    }
    Ok(Some(Actor {
        user_id: o.user_id,
        email: o.email,
        display_name: o.display_name,
        org_id: o.org_id,
        role,
    }))
}
