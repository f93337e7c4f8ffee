//! YouTube Data API and Google Business Profile errors:
//! `{"error": {"code", "message", "status", "errors": [{"reason", "domain"}]}}`, and the
//! OAuth token endpoint's `{"error": "invalid_grant", "error_description"}`.

use jiff::Timestamp;
use serde_json::Value;

use super::{by_status, rejected, retry_after, Reply};
use crate::error::{PublishError, RejectKind};

pub(super) fn classify(reply: &Reply, now: Timestamp) -> Option<PublishError> {
    // 410 Gone is how Google retired YouTube Data API v2; 426 for good measure.
    if matches!(reply.status, 410 | 426) {
        return Some(PublishError::VersionSunset {
            detail: format!("Google {}", reply.status),
        });
    }
    let body = reply.json()?;
    let err = body.get("error")?;
    if let Some(oauth) = err.as_str() {
        return Some(oauth_error(oauth));
    }
    let reason = err
        .get("errors")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
        .and_then(|e| e.get("reason"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let status = err.get("status").and_then(Value::as_str).unwrap_or("");
    let detail = format!("Google error {} {reason} {status}", reply.status);
    let out = match (reason, status) {
        // Daily quotas reset at midnight Pacific time.
        ("quotaExceeded" | "dailyLimitExceeded" | "uploadLimitExceeded", _) => {
            PublishError::RateLimited {
                until: next_pacific_midnight(now),
                detail,
            }
        }
        ("rateLimitExceeded" | "userRateLimitExceeded", _) | (_, "RESOURCE_EXHAUSTED") => {
            match retry_after(reply, now) {
                Some(wait) => PublishError::NotReceived {
                    retry_after: Some(wait),
                    detail,
                },
                None => PublishError::RateLimited {
                    until: None,
                    detail,
                },
            }
        }
        ("authError" | "expired", _) | (_, "UNAUTHENTICATED") => {
            PublishError::AuthExpired { detail }
        }
        (
            "insufficientPermissions"
            | "forbidden"
            | "youtubeSignupRequired"
            | "channelClosed"
            | "channelSuspended"
            | "accountDisabled",
            _,
        )
        | (_, "PERMISSION_DENIED") => PublishError::Revoked { detail },
        ("videoNotFound" | "notFound", _) | (_, "NOT_FOUND") => {
            rejected(detail, RejectKind::NotFound)
        }
        ("duplicate", _) | (_, "ALREADY_EXISTS") => rejected(detail, RejectKind::Duplicate),
        (
            "invalidTitle"
            | "invalidDescription"
            | "invalidTags"
            | "invalidCategoryId"
            | "mediaBodyRequired"
            | "badRequest"
            | "invalidVideoMetadata",
            _,
        )
        | (_, "INVALID_ARGUMENT" | "FAILED_PRECONDITION") => rejected(detail, RejectKind::Invalid),
        _ => by_status(reply, now, None),
    };
    Some(out)
}

/// The token endpoint: `invalid_grant` means the refresh token expired or was revoked;
/// the user has to connect again.
fn oauth_error(code: &str) -> PublishError {
    let detail = format!("OAuth {code}");
    match code {
        "invalid_grant" | "invalid_client" | "unauthorized_client" | "access_denied" => {
            PublishError::Revoked { detail }
        }
        "temporarily_unavailable" => PublishError::NotReceived {
            retry_after: None,
            detail,
        },
        _ => rejected(detail, RejectKind::Invalid),
    }
}

fn next_pacific_midnight(now: Timestamp) -> Option<Timestamp> {
    let tz = jiff::tz::TimeZone::get("America/Los_Angeles").ok()?;
    let local = now.to_zoned(tz);
    let tomorrow = local.date().tomorrow().ok()?;
    let midnight = tomorrow.to_zoned(local.time_zone().clone()).ok()?;
    Some(midnight.timestamp())
}
