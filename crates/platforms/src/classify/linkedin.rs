//! LinkedIn REST errors: `{"status", "serviceErrorCode", "code", "message"}`, and the
//! OAuth endpoint's `{"error", "error_description"}`.

use jiff::Timestamp;
use serde_json::Value;

use super::{by_status, rejected, retry_after, Reply};
use crate::error::{PublishError, RejectKind};

pub(super) fn classify(reply: &Reply, now: Timestamp) -> Option<PublishError> {
    if reply.status == 426 {
        // 426 NONEXISTENT_VERSION: the LinkedIn-Version we send is no longer active.
        return Some(PublishError::VersionSunset {
            detail: "LinkedIn 426".into(),
        });
    }
    if reply.status == 429 {
        return Some(match retry_after(reply, now) {
            Some(wait) => PublishError::NotReceived {
                retry_after: Some(wait),
                detail: "LinkedIn 429".into(),
            },
            // Application and member daily limits reset at midnight UTC.
            None => PublishError::RateLimited {
                until: next_utc_midnight(now),
                detail: "LinkedIn 429".into(),
            },
        });
    }
    let body = reply.json()?;
    if let Some(oauth) = body.get("error").and_then(Value::as_str) {
        let detail = format!("OAuth {oauth}");
        return Some(match oauth {
            "invalid_grant" | "invalid_client" | "unauthorized_client" => {
                PublishError::Revoked { detail }
            }
            _ => rejected(detail, RejectKind::Invalid),
        });
    }
    let code = body.get("code").and_then(Value::as_str).unwrap_or("");
    let message = body
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_ascii_lowercase();
    let detail = format!("LinkedIn {} {code}", reply.status);
    let out = match code {
        "EXPIRED_ACCESS_TOKEN" | "INVALID_ACCESS_TOKEN" => PublishError::AuthExpired { detail },
        "REVOKED_ACCESS_TOKEN" | "ACCESS_DENIED" => PublishError::Revoked { detail },
        "NONEXISTENT_VERSION" | "VERSION_MISSING" => PublishError::VersionSunset { detail },
        _ if message.contains("duplicate") => rejected(detail, RejectKind::Duplicate),
        _ => by_status(reply, now, None),
    };
    Some(out)
}

fn next_utc_midnight(now: Timestamp) -> Option<Timestamp> {
    let secs = now.as_second();
    Timestamp::from_second((secs.div_euclid(86_400) + 1) * 86_400).ok()
}
