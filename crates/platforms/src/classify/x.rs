//! X API v2 errors: RFC 7807 problems `{"title", "detail", "type", "status"}`, older
//! `{"errors": [{"code", "message"}]}` bodies, and the OAuth2 token endpoint's
//! `{"error", "error_description"}`.

use jiff::Timestamp;
use serde_json::Value;

use super::{by_status, rejected, reset_header, Reply};
use crate::error::{PublishError, RejectKind};

pub(super) fn classify(reply: &Reply, now: Timestamp) -> Option<PublishError> {
    if reply.status == 429 {
        return Some(rate_limited(reply, now));
    }
    let body = reply.json()?;
    if let Some(oauth) = body.get("error").and_then(Value::as_str) {
        let detail = format!("OAuth {oauth}");
        return Some(match oauth {
            "invalid_request" | "invalid_grant" | "invalid_client" | "unauthorized_client" => {
                PublishError::Revoked { detail }
            }
            _ => by_status(reply, now, None),
        });
    }
    let kind = body.get("type").and_then(Value::as_str).unwrap_or("");
    let text = body
        .get("detail")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_ascii_lowercase();
    let legacy = body
        .get("errors")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
        .and_then(|e| e.get("code"))
        .and_then(Value::as_i64);
    let detail = format!("X {} {kind}", reply.status);
    let out = if text.contains("duplicate content") || legacy == Some(187) {
        rejected(detail, RejectKind::Duplicate)
    } else if kind.ends_with("/client-forbidden")
        || kind.ends_with("/unsupported-authentication")
        || matches!(legacy, Some(64 | 326))
    {
        PublishError::Revoked { detail }
    } else if kind.ends_with("/usage-capped") {
        PublishError::RateLimited {
            until: reset_header(reply, "x-rate-limit-reset"),
            detail,
        }
    } else if legacy == Some(89) {
        PublishError::AuthExpired { detail }
    } else if reply.status == 403 {
        // X answers 403 "not permitted" for content it refuses (too long for the account's
        // tier, restricted text), which is not the account losing access; token problems
        // come as 401.
        rejected(detail, RejectKind::Policy)
    } else if kind.ends_with("/invalid-request") || legacy == Some(186) {
        rejected(detail, RejectKind::Invalid)
    } else {
        by_status(reply, now, None)
    };
    Some(out)
}

/// X sends the 15-minute window's reset and, when the daily posting cap is the reason,
/// the 24-hour reset.
fn rate_limited(reply: &Reply, now: Timestamp) -> PublishError {
    let daily_exhausted = reply.header("x-user-limit-24hour-remaining") == Some("0");
    let until = if daily_exhausted {
        reset_header(reply, "x-user-limit-24hour-reset")
    } else {
        reset_header(reply, "x-rate-limit-reset")
    };
    match (until, super::retry_after(reply, now)) {
        (None, Some(wait)) => PublishError::NotReceived {
            retry_after: Some(wait),
            detail: "X 429".into(),
        },
        (until, _) => PublishError::RateLimited {
            until,
            detail: "X 429".into(),
        },
    }
}
