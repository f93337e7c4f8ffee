//! Facebook and Instagram (Graph API) errors:
//! `{"error": {"message", "type", "code", "error_subcode", "is_transient", "fbtrace_id"}}`.
//!
//! The code, not the HTTP status, says what happened: Graph returns 400 for an expired
//! token (190/463) as well as for a bad parameter (100).

use jiff::Timestamp;
use serde_json::Value;

use super::{by_status, rejected, Reply};
use crate::error::{PublishError, RejectKind};

pub(super) fn classify(reply: &Reply, now: Timestamp) -> Option<PublishError> {
    let body = reply.json()?;
    let err = body.get("error")?;
    let code = err.get("code").and_then(Value::as_i64)?;
    let sub = err
        .get("error_subcode")
        .and_then(Value::as_i64)
        .unwrap_or(0);
    let detail = format!("Graph error {code}/{sub}");
    let out = match (code, sub) {
        // 463: the token expired. Every other 190 means the user logged out, changed
        // password, removed the app or the session is invalid: reconnect.
        (190, 463) | (102, _) => PublishError::AuthExpired { detail },
        (190, _) => PublishError::Revoked { detail },
        (10, _) | (200..=299, _) => PublishError::Revoked { detail },
        // App, user, page and business-use-case throttling; Instagram's 9/2207042 is the
        // 24-hour publishing limit.
        (4 | 17 | 32 | 613 | 9, _) | (80001..=80014, _) => PublishError::RateLimited {
            until: regain_access(reply, now),
            detail,
        },
        (506, _) => rejected(detail, RejectKind::Duplicate),
        // Temporarily blocked for policy reasons: not our content's fault forever.
        (368, _) => PublishError::Rejected {
            reason: detail,
            permanent: false,
            kind: RejectKind::Policy,
        },
        // 12: "deprecated for versions vX and higher"; 2635: "deprecated version".
        (12 | 2635, _) => PublishError::VersionSunset { detail },
        (100, 33) => rejected(detail, RejectKind::NotFound),
        // Instagram: the container is not ready to publish. Nothing was published.
        (9007, _) => PublishError::NotReceived {
            retry_after: None,
            detail,
        },
        (100 | 9004 | 36000..=36010 | 352 | 2207026 | 24, _) => {
            rejected(detail, RejectKind::Invalid)
        }
        // Code 1/2 and anything else: let the status decide (a 500 stays Unknown).
        _ => by_status(reply, now, None),
    };
    Some(out)
}

/// `X-Business-Use-Case-Usage` / `X-App-Usage` may carry
/// `estimated_time_to_regain_access` in minutes.
fn regain_access(reply: &Reply, now: Timestamp) -> Option<Timestamp> {
    let raw = reply.header("x-business-use-case-usage")?;
    let v: Value = serde_json::from_str(raw).ok()?;
    let minutes = v
        .as_object()?
        .values()
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(|e| e.get("estimated_time_to_regain_access")?.as_i64())
        .max()?;
    now.checked_add(jiff::SignedDuration::from_mins(minutes))
        .ok()
}
