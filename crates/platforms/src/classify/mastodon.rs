//! Mastodon errors: `{"error": "...", "error_description"?}`. The token errors come from
//! Doorkeeper and are told apart only by their wording.

use jiff::Timestamp;
use serde_json::Value;

use super::{by_status, reset_header, Reply};
use crate::error::PublishError;

pub(super) fn classify(reply: &Reply, now: Timestamp) -> Option<PublishError> {
    let reset = reset_header(reply, "x-ratelimit-reset");
    if reply.status == 429 {
        return Some(by_status(reply, now, reset));
    }
    let body = reply.json();
    let message = body
        .as_ref()
        .and_then(|b| b.get("error"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_ascii_lowercase();
    let detail = format!("Mastodon {}", reply.status);
    let out = match reply.status {
        // "was revoked", "is invalid": Mastodon tokens do not expire on their own, so an
        // unknown token will not come back by refreshing.
        401 if message.contains("revoked") || message.contains("invalid") => {
            PublishError::Revoked { detail }
        }
        // "The access token expired", or a 401 without a readable reason.
        401 => PublishError::AuthExpired { detail },
        // 410: the account was deleted on the instance.
        410 => PublishError::Revoked { detail },
        // OAuth refresh: invalid_grant means the refresh token is dead.
        400 if message == "invalid_grant" => PublishError::Revoked { detail },
        _ => by_status(reply, now, reset),
    };
    Some(out)
}
