//! Making failures visible: on the post (notification to its author, audit entry) and on
//! the account (health state, notification to the people who manage accounts).

use domain::audit::Summary;
use domain::{Permission, Role};
use platforms::PublishError;
use store::audit::{self, Actor, Event};
use store::publications::Publication;
use store::{collab, Tx};

use crate::EngineError;

pub(crate) async fn post_event(
    tx: &mut Tx,
    org_id: i64,
    post_id: i64,
    user_id: i64,
    kind: &str,
    message: &str,
    now_ms: i64,
) -> Result<(), EngineError> {
    collab::notify(tx, org_id, user_id, kind, Some(post_id), message, now_ms).await?;
    Ok(())
}

/// Record an account's state; when it changes to a problem, tell everyone who manages
/// accounts. `detail` is a platform error class, never content.
pub(crate) async fn account_state(
    tx: &mut Tx,
    org_id: i64,
    account_id: i64,
    state: &str,
    detail: &str,
    until: Option<i64>,
    now_ms: i64,
) -> Result<(), EngineError> {
    let previous =
        store::credentials::set_health(tx, account_id, state, detail, until, now_ms).await?;
    if previous.as_deref() == Some(state) || state == "connected" {
        return Ok(());
    }
    let name = store::accounts::get(tx, org_id, account_id)
        .await?
        .map(|a| a.name)
        .unwrap_or_default();
    let message = match state {
        "expiring" => format!("{name}: the access token expires soon; reconnect or refresh it"),
        "expired" => format!("{name}: the access token expired; reconnect the account"),
        "revoked" => format!("{name}: access was revoked; reconnect the account"),
        "rate_limited" => format!("{name}: the platform is rate-limiting us; posts will wait"),
        "sunset" => {
            format!("{name}: the platform retired the API version Bedside uses; update Bedside")
        }
        "not_connected" => {
            format!("{name}: not connected; add its credentials under Settings → Social accounts")
        }
        _ => format!("{name}: {state}"),
    };
    for m in store::users::members(tx, org_id).await? {
        let manages = Role::parse(&m.role).is_some_and(|r| r.can(Permission::ManageLocations));
        if m.active && manages {
            collab::notify(
                tx,
                org_id,
                m.user_id,
                "account_health",
                None,
                &message,
                now_ms,
            )
            .await?;
        }
    }
    audit::append(
        tx,
        now_ms,
        &Actor::system(),
        &Event::new(Some(org_id), "account.health", "social_account", account_id)
            .with(Summary::new().value("state", state)),
    )
    .await?;
    Ok(())
}

/// After a failed delivery attempt: account health, the post's author, the audit log.
pub(crate) async fn after_error(
    tx: &mut Tx,
    p: &Publication,
    author_id: i64,
    e: &PublishError,
    to: &str,
    now_ms: i64,
) -> Result<(), EngineError> {
    match e {
        PublishError::AuthExpired { .. } => {
            account_state(
                tx,
                p.org_id,
                p.account_id,
                "expired",
                "auth_expired",
                None,
                now_ms,
            )
            .await?
        }
        PublishError::Revoked { .. } => {
            account_state(
                tx,
                p.org_id,
                p.account_id,
                "revoked",
                "revoked",
                None,
                now_ms,
            )
            .await?
        }
        PublishError::VersionSunset { .. } => {
            account_state(
                tx,
                p.org_id,
                p.account_id,
                "sunset",
                "version_sunset",
                None,
                now_ms,
            )
            .await?
        }
        PublishError::RateLimited { until, .. } => {
            account_state(
                tx,
                p.org_id,
                p.account_id,
                "rate_limited",
                "rate_limited",
                until.map(|t| t.as_millisecond()),
                now_ms,
            )
            .await?
        }
        _ => {}
    }
    let (kind, message) = match to {
        "failed" => (
            "publish_failed",
            format!(
                "Post #{}: one account could not be published to ({})",
                p.post_id,
                class(e)
            ),
        ),
        "review" => (
            "publish_review",
            format!(
                "Post #{}: Bedside cannot tell whether one account received it; please check",
                p.post_id
            ),
        ),
        _ => return Ok(()),
    };
    post_event(tx, p.org_id, p.post_id, author_id, kind, &message, now_ms).await?;
    audit::append(
        tx,
        now_ms,
        &Actor::system(),
        &Event::new(
            Some(p.org_id),
            if to == "failed" {
                "publication.failed"
            } else {
                "publication.review"
            },
            "publication",
            p.id,
        )
        .with(
            Summary::new()
                .id("post_id", p.post_id)
                .value("error", class(e)),
        ),
    )
    .await?;
    Ok(())
}

pub(crate) fn class(e: &PublishError) -> &'static str {
    match e {
        PublishError::NotReceived { .. } => "not_received",
        PublishError::Rejected { .. } => "rejected",
        PublishError::AuthExpired { .. } => "auth_expired",
        PublishError::Revoked { .. } => "revoked",
        PublishError::RateLimited { .. } => "rate_limited",
        PublishError::VersionSunset { .. } => "version_sunset",
        PublishError::Unknown { .. } => "unknown",
        PublishError::NotSupported { .. } => "not_supported",
    }
}
