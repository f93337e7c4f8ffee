//! Error classification: a pure function from what came back (or did not) to a
//! [`PublishError`]. It decides whether a failed publish may be retried, so it errs
//! towards `Unknown` whenever the platform may have acted.
//!
//! Shared rules, applied after the platform's own error codes:
//! - nothing was sent (connect failed, DNS, connect timeout) → `NotReceived`
//! - anything after the request went out (timeout, reset, unreadable body) → `Unknown`
//! - 503, 408, 429 with `Retry-After` → `NotReceived`
//! - 429 without it → `RateLimited` (until the platform's reset header, if any)
//! - 401 → `AuthExpired` (refresh; if the refresh fails the account is `Revoked`)
//! - 403 → `Revoked`
//! - 426, 410, 501 → `VersionSunset`
//! - other 4xx → `Rejected` (permanent)
//! - 500, 502, 504 and other 5xx, 1xx and 3xx → `Unknown`, whatever the body says

mod bluesky;
mod google;
mod graph;
mod linkedin;
mod mastodon;
mod x;

use std::time::Duration;

use bytes::Bytes;
use domain::platform::Platform;
use jiff::Timestamp;

use crate::error::{PublishError, RejectKind};

/// An HTTP response as the classifier sees it. Header names are compared
/// case-insensitively.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
}

impl Reply {
    pub fn new(status: u16, headers: Vec<(String, String)>, body: impl Into<Bytes>) -> Self {
        Reply {
            status,
            headers,
            body: body.into(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    pub(crate) fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// Where a transport failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Before any byte of the request could have reached the platform: building the
    /// request, DNS, TCP connect, connect timeout.
    BeforeSend,
    /// After the request (or part of it) was written: the platform may have acted.
    AfterSend,
}

/// A failure with no HTTP response.
pub fn classify_transport(phase: Phase, detail: &str) -> PublishError {
    match phase {
        Phase::BeforeSend => PublishError::NotReceived {
            retry_after: None,
            detail: format!("connection failed: {detail}"),
        },
        Phase::AfterSend => PublishError::unknown(format!("no response: {detail}")),
    }
}

/// Classify a response that is not the success the caller expected.
pub fn classify(platform: Platform, reply: &Reply, now: Timestamp) -> PublishError {
    // A server error may have come after the platform acted, whatever error code the body
    // carries; only 503 (refused before processing) and 501 say otherwise.
    if (500..600).contains(&reply.status) && !matches!(reply.status, 501 | 503) {
        return by_status(reply, now, None);
    }
    let specific = match platform {
        Platform::Facebook | Platform::Instagram => graph::classify(reply, now),
        Platform::Youtube | Platform::GoogleBusiness => google::classify(reply, now),
        Platform::X => x::classify(reply, now),
        Platform::Linkedin => linkedin::classify(reply, now),
        Platform::Mastodon => mastodon::classify(reply, now),
        Platform::Bluesky => bluesky::classify(reply, now),
    };
    specific.unwrap_or_else(|| by_status(reply, now, None))
}

/// The shared status-code rules. `reset` is the platform's own rate-limit reset, if its
/// headers carry one.
pub(crate) fn by_status(reply: &Reply, now: Timestamp, reset: Option<Timestamp>) -> PublishError {
    let status = reply.status;
    let detail = format!("HTTP {status}");
    match status {
        401 => PublishError::AuthExpired { detail },
        403 => PublishError::Revoked { detail },
        404 => rejected(detail, RejectKind::NotFound),
        408 => PublishError::NotReceived {
            retry_after: retry_after(reply, now),
            detail,
        },
        410 | 426 | 501 => PublishError::VersionSunset { detail },
        429 => match retry_after(reply, now) {
            Some(wait) => PublishError::NotReceived {
                retry_after: Some(wait),
                detail,
            },
            None => PublishError::RateLimited {
                until: reset,
                detail,
            },
        },
        503 => PublishError::NotReceived {
            retry_after: retry_after(reply, now),
            detail,
        },
        400..=499 => rejected(detail, RejectKind::Invalid),
        _ => PublishError::unknown(detail),
    }
}

pub(crate) fn rejected(reason: impl Into<String>, kind: RejectKind) -> PublishError {
    PublishError::Rejected {
        reason: reason.into(),
        permanent: true,
        kind,
    }
}

/// `Retry-After` as seconds or an HTTP date, relative to `now`.
pub(crate) fn retry_after(reply: &Reply, now: Timestamp) -> Option<Duration> {
    let raw = reply.header("retry-after")?.trim();
    if let Ok(secs) = raw.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = jiff::fmt::rfc2822::parse(raw).ok()?.timestamp();
    let secs = at.as_second().saturating_sub(now.as_second()).max(0);
    Some(Duration::from_secs(secs.unsigned_abs()))
}

/// A reset header as epoch seconds (X, Bluesky) or an RFC 3339 instant (Mastodon).
pub(crate) fn reset_header(reply: &Reply, name: &str) -> Option<Timestamp> {
    let raw = reply.header(name)?.trim();
    if let Ok(secs) = raw.parse::<i64>() {
        return Timestamp::from_second(secs).ok();
    }
    raw.parse::<Timestamp>().ok()
}

#[cfg(test)]
mod tests;
