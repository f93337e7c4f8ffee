//! Connecting social accounts to their platforms (credentials sealed at rest), their
//! health as the publisher last saw it, and the publishing actions people take on a post:
//! retry the failed targets, settle a target the engine could not decide about, take a
//! post down everywhere.

use domain::audit::Summary;
use domain::DAY_MS;
use domain::{FieldError, Permission};
use serde::{Deserialize, Serialize};
use store::audit::{self, Event};
use store::{credentials, publications, Db};
use vault::Sealer;

use crate::{Actor, Result, ServiceError};

/// What Bedside needs to act as an account on its platform. Sealed as JSON; never logged
/// (its `Debug` hides the secrets).
#[derive(Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct Credentials {
    pub remote_account_id: String,
    pub access_token: String,
    #[serde(default)]
    pub refresh_token: Option<String>,
    /// Epoch milliseconds.
    #[serde(default)]
    pub expires_at: Option<i64>,
    /// Mastodon instance or Bluesky PDS.
    #[serde(default)]
    pub server: Option<String>,
    #[serde(default)]
    pub app_password: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("remote_account_id", &self.remote_account_id)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl Credentials {
    /// Field errors for what a person typed into the connect form.
    pub fn validate(&self) -> std::result::Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let id = self.remote_account_id.trim();
        if id.is_empty() || id.len() > 200 || id.contains(char::is_whitespace) {
            errors.push(FieldError::new(
                "remote_account_id",
                "is required: the platform's id of the page or profile, without spaces",
            ));
        }
        let token = self.access_token.trim();
        if token.is_empty() || token.len() > 4096 || token.contains(char::is_whitespace) {
            errors.push(FieldError::new(
                "access_token",
                "is required: paste the token the platform issued, without spaces",
            ));
        }
        if let Some(s) = &self.server {
            if !(s.starts_with("https://") || s.starts_with("http://")) {
                errors.push(FieldError::new(
                    "server",
                    "must be the server's address, starting with https://",
                ));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Open an account's credentials; `None` when it was never connected.
pub async fn load(db: &Db, sealer: &Sealer, account_id: i64) -> Result<Option<Credentials>> {
    let mut c = db.conn().await?;
    let Some((sealed, _)) = credentials::load(&mut c, account_id).await? else {
        return Ok(None);
    };
    let json = sealer.open(&sealed).map_err(|e| {
        tracing::error!(account_id, error = %e, "stored credentials cannot be opened");
        ServiceError::Refused("the stored credentials cannot be opened with this key".into())
    })?;
    let creds = serde_json::from_str(&json)
        .map_err(|_| ServiceError::Refused("the stored credentials are not readable".into()))?;
    Ok(Some(creds))
}

/// Seal and store credentials inside a transaction (the publisher's token refresh).
pub async fn save_in(
    tx: &mut store::Tx,
    sealer: &Sealer,
    account_id: i64,
    creds: &Credentials,
    now_ms: i64,
) -> Result<()> {
    let json = serde_json::to_string(creds).expect("credentials serialise");
    credentials::save(
        tx,
        account_id,
        &sealer.seal(&json),
        creds.expires_at,
        now_ms,
    )
    .await?;
    Ok(())
}

/// A person connects (or reconnects) an account of their organisation.
pub async fn connect(
    db: &Db,
    sealer: &Sealer,
    actor: &Actor,
    account_id: i64,
    creds: &Credentials,
    now_ms: i64,
) -> Result<()> {
    actor.require(Permission::ManageLocations)?;
    creds.validate().map_err(ServiceError::Invalid)?;
    let mut tx = db.begin().await?;
    if store::accounts::get(&mut tx, actor.org_id, account_id)
        .await?
        .is_none()
    {
        return Err(ServiceError::NotFound);
    }
    let trimmed = Credentials {
        remote_account_id: creds.remote_account_id.trim().to_string(),
        access_token: creds.access_token.trim().to_string(),
        ..creds.clone()
    };
    save_in(&mut tx, sealer, account_id, &trimmed, now_ms).await?;
    credentials::set_health(&mut tx, account_id, "connected", "", None, now_ms).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(
            Some(actor.org_id),
            "account.connect",
            "social_account",
            account_id,
        )
        .with(Summary::new().fields(&["access_token", "refresh_token"])),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One account as the health page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct AccountHealth {
    pub account_id: i64,
    pub platform: String,
    pub name: String,
    pub handle: String,
    pub connected: bool,
    /// connected, expiring, expired, revoked, rate_limited, sunset, unreachable,
    /// not_connected
    pub state: String,
    /// A sentence for people.
    pub summary: String,
    pub token_expires_at: Option<i64>,
    pub rate_limited_until: Option<i64>,
    pub checked_at: Option<i64>,
    /// Publications of this account that failed or wait for a person.
    pub failing: i64,
}

/// Every account of the actor's organisation with its state.
pub async fn health(db: &Db, actor: &Actor, now_ms: i64) -> Result<Vec<AccountHealth>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    let rows = credentials::health_for_org(&mut c, actor.org_id).await?;
    Ok(rows
        .into_iter()
        .map(|h| {
            let state = if !h.connected {
                "not_connected".to_string()
            } else if h.state == "connected"
                && h.token_expires_at.is_some_and(|t| t < now_ms + 7 * DAY_MS)
            {
                "expiring".to_string()
            } else {
                h.state.clone()
            };
            let summary = summary(&state, &h, now_ms);
            AccountHealth {
                account_id: h.account_id,
                platform: h.platform,
                name: h.name,
                handle: h.handle,
                connected: h.connected,
                state,
                summary,
                token_expires_at: h.token_expires_at,
                rate_limited_until: h.rate_limited_until,
                checked_at: h.checked_at,
                failing: h.failing,
            }
        })
        .collect())
}

fn summary(state: &str, h: &credentials::Health, now_ms: i64) -> String {
    match state {
        "connected" => "Connected".into(),
        "expiring" => match h.token_expires_at {
            Some(t) if t > now_ms => {
                let days = (t - now_ms) / DAY_MS;
                format!(
                    "Token expires in {days} day{}",
                    if days == 1 { "" } else { "s" }
                )
            }
            _ => "Token expires soon".into(),
        },
        "expired" => "Token expired: reconnect the account".into(),
        "revoked" => "Access revoked: reconnect the account".into(),
        "rate_limited" => match h.rate_limited_until {
            Some(t) => match jiff::Timestamp::from_millisecond(t) {
                Ok(ts) => format!("Rate-limited until {} UTC", ts.strftime("%Y-%m-%d %H:%M")),
                Err(_) => "Rate-limited".into(),
            },
            None => "Rate-limited".into(),
        },
        "sunset" => "The platform retired the API version Bedside uses: update Bedside".into(),
        "unreachable" => "The platform did not answer at the last check".into(),
        "not_connected" => "Not connected".into(),
        other => other.to_string(),
    }
}

fn post_summary(post_id: i64) -> Summary {
    Summary::new().id("post_id", post_id)
}

async fn require_post(tx: &mut store::Tx, actor: &Actor, post_id: i64) -> Result<()> {
    match store::posts::get(tx, actor.org_id, post_id).await? {
        Some(_) => Ok(()),
        None => Err(ServiceError::NotFound),
    }
}

/// Send the failed targets of a post again (only those: the delivered ones stay).
pub async fn retry_failed(db: &Db, actor: &Actor, post_id: i64, now_ms: i64) -> Result<u64> {
    actor.require(Permission::ApprovePosts)?;
    let mut tx = db.begin().await?;
    require_post(&mut tx, actor, post_id).await?;
    let n = publications::retry_failed(&mut tx, post_id, now_ms).await?;
    if n == 0 {
        return Err(ServiceError::Refused(
            "no target of this post has failed".into(),
        ));
    }
    publications::notify_on_commit(&mut tx).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "post.retry", "post", post_id)
            .with(post_summary(post_id).id("targets", n as i64)),
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}

/// How a person settles a publication in review.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// It is on the platform (optionally with its id there).
    Published { remote_id: Option<String> },
    /// It is not there: send it.
    Resend,
    /// It is not there and should not be sent.
    Abandon,
}

pub async fn resolve(
    db: &Db,
    actor: &Actor,
    publication_id: i64,
    resolution: &Resolution,
    now_ms: i64,
) -> Result<()> {
    actor.require(Permission::ApprovePosts)?;
    let mut tx = db.begin().await?;
    let Some(p) = publications::get(&mut tx, publication_id).await? else {
        return Err(ServiceError::NotFound);
    };
    if p.org_id != actor.org_id {
        return Err(ServiceError::NotFound);
    }
    let (to, remote) = match resolution {
        Resolution::Published { remote_id } => (
            "sent",
            remote_id
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty()),
        ),
        Resolution::Resend => ("scheduled", None),
        Resolution::Abandon => ("failed", None),
    };
    if !publications::resolve_review(&mut tx, p.id, to, remote, now_ms).await? {
        return Err(ServiceError::Refused(
            "this target is not waiting for a decision".into(),
        ));
    }
    if to == "scheduled" {
        publications::notify_on_commit(&mut tx).await?;
    }
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(
            Some(actor.org_id),
            "publication.resolve",
            "publication",
            p.id,
        )
        .with(post_summary(p.post_id).value("to", to)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Ask for a post to be deleted from every platform it went to (PUBLISH-4). The publisher
/// does the deleting; unsent targets stop now.
pub async fn request_takedown(
    db: &Db,
    actor: &Actor,
    post_id: i64,
    reason: &str,
    now_ms: i64,
) -> Result<i64> {
    actor.require(Permission::ApprovePosts)?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(FieldError::new("reason", "is required (at most 500 characters)").into());
    }
    let mut tx = db.begin().await?;
    require_post(&mut tx, actor, post_id).await?;
    let open = store::consents::open_takedowns(&mut tx, actor.org_id).await?;
    if let Some(existing) = open.iter().find(|t| t.post_id == post_id) {
        return Ok(existing.id);
    }
    let id =
        store::consents::request_takedown(&mut tx, actor.org_id, post_id, None, reason, now_ms)
            .await?;
    publications::cancel_unsent(&mut tx, post_id, now_ms).await?;
    publications::notify_on_commit(&mut tx).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "post.takedown_request", "post", post_id)
            .with(post_summary(post_id).fields(&["reason"])),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The publications of a post, for its page.
pub async fn of_post(
    db: &Db,
    actor: &Actor,
    post_id: i64,
) -> Result<Vec<publications::Publication>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    if store::posts::get(&mut c, actor.org_id, post_id)
        .await?
        .is_none()
    {
        return Err(ServiceError::NotFound);
    }
    Ok(publications::for_post(&mut c, post_id).await?)
}

/// Re-seal every secret under `to` (key rotation). Values already under `to` are left;
/// values `from` cannot open are an error and nothing changes.
pub async fn reseal_all(db: &Db, from: &Sealer, to: &Sealer) -> Result<usize> {
    let mut tx = db.begin().await?;
    let mut n = 0;
    let rekey = |sealed: &str| -> Result<Option<String>> {
        if Sealer::key_id_of(sealed) == Some(to.key_id()) {
            return Ok(None);
        }
        let plain = from
            .open(sealed)
            .map_err(|e| ServiceError::Refused(format!("a stored secret cannot be opened: {e}")))?;
        Ok(Some(to.seal(&plain)))
    };
    for (account_id, sealed) in credentials::all(&mut tx).await? {
        if let Some(new) = rekey(&sealed)? {
            credentials::reseal(&mut tx, account_id, &new).await?;
            n += 1;
        }
    }
    for (id, name, guardian) in store::consents::sealed_values(&mut tx).await? {
        let new_name = rekey(&name)?;
        let new_guardian = match &guardian {
            Some(g) => rekey(g)?,
            None => None,
        };
        if new_name.is_some() || new_guardian.is_some() {
            let name = new_name.unwrap_or(name);
            let guardian = new_guardian.or(guardian);
            store::consents::reseal(&mut tx, id, &name, guardian.as_deref()).await?;
            n += 1;
        }
    }
    tx.commit().await?;
    Ok(n)
}
