//! Bluesky (XRPC) errors: `{"error": "Name", "message"}`. The PDS answers 400 for an
//! expired token, so the name decides, not the status.

use jiff::Timestamp;
use serde_json::Value;

use super::{by_status, rejected, reset_header, Reply};
use crate::error::{PublishError, RejectKind};

pub(super) fn classify(reply: &Reply, now: Timestamp) -> Option<PublishError> {
    let reset = reset_header(reply, "ratelimit-reset");
    let body = reply.json();
    let name = body
        .as_ref()
        .and_then(|b| b.get("error"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let detail = format!("XRPC {} {name}", reply.status);
    let out = match name {
        // InvalidToken also covers a token rotated away by another refresh: a refresh
        // (or a new session from the app password) fixes both.
        "ExpiredToken" | "InvalidToken" => PublishError::AuthExpired { detail },
        "AuthenticationRequired"
        | "AccountTakedown"
        | "AccountDeactivated"
        | "AuthFactorTokenRequired" => PublishError::Revoked { detail },
        "RateLimitExceeded" => PublishError::RateLimited {
            until: reset,
            detail,
        },
        "RecordNotFound" | "RepoNotFound" => rejected(detail, RejectKind::NotFound),
        "MethodNotImplemented" => PublishError::VersionSunset { detail },
        "InvalidRequest" | "InvalidSwap" | "BlobTooLarge" => rejected(detail, RejectKind::Invalid),
        _ => by_status(reply, now, reset),
    };
    Some(out)
}
