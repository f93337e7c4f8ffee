//! How a call to a platform can fail, sorted by what the publisher may do next.
//!
//! The split that matters for exactly-once delivery: every variant except `Unknown`
//! means the platform did **not** create the post, so trying again cannot duplicate it.
//! `Unknown` means it may have; the publisher must reconcile with `lookup` and never
//! re-send blindly.

use std::time::Duration;

use jiff::Timestamp;

/// Why a platform turned a post down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectKind {
    /// Refused before any request: over the platform's limit, missing media, bad alt text.
    Local,
    /// The platform's own validation (too long, bad parameter, unsupported media).
    Invalid,
    /// The platform says the same content was already posted. After an unknown outcome
    /// this is a strong hint that the first attempt landed; reconcile before giving up.
    Duplicate,
    /// Content or account policy (spam, blocked, restricted).
    Policy,
    /// The post or account no longer exists.
    NotFound,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublishError {
    /// The platform provably did not receive or act on the request (connection refused,
    /// DNS, connect timeout, 503, 429 with Retry-After, or a step before the create call
    /// failed). Safe to send again, after `retry_after` if given.
    #[error("not received by the platform ({detail})")]
    NotReceived {
        retry_after: Option<Duration>,
        detail: String,
    },
    /// The platform (or the local pre-check) refused the content. Sending the same
    /// content again will fail again when `permanent`.
    #[error("rejected: {reason}")]
    Rejected {
        reason: String,
        permanent: bool,
        kind: RejectKind,
    },
    /// The access token expired: refresh it and try again. Nothing was created.
    #[error("access token expired ({detail})")]
    AuthExpired { detail: String },
    /// The user or platform withdrew our access, or a refresh is impossible: the account
    /// has to be reconnected. Nothing was created.
    #[error("access revoked ({detail})")]
    Revoked { detail: String },
    /// The account or app hit a platform quota. Nothing was created; try after `until`.
    #[error("rate limited ({detail})")]
    RateLimited {
        until: Option<Timestamp>,
        detail: String,
    },
    /// The API version or endpoint we call is no longer served. Nothing was created;
    /// the connector needs updating.
    #[error("API version no longer supported ({detail})")]
    VersionSunset { detail: String },
    /// The request may have been acted on: a timeout or reset after the body was sent, a
    /// 500/502/504, or a success we could not read. Reconcile with `lookup`.
    #[error("outcome unknown ({detail})")]
    Unknown { detail: String },
    /// The platform has no such operation (e.g. token refresh on Facebook Pages).
    #[error("not supported: {what}")]
    NotSupported { what: &'static str },
}

impl PublishError {
    /// True when the platform certainly did not create the post, so a later attempt
    /// cannot produce a duplicate.
    pub fn provably_not_created(&self) -> bool {
        !matches!(self, PublishError::Unknown { .. })
    }

    /// True for the errors where sending the same post again later may succeed without
    /// anyone changing anything (as opposed to reconnecting, editing, or upgrading).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            PublishError::NotReceived { .. } | PublishError::RateLimited { .. }
        )
    }

    pub(crate) fn local(reason: impl Into<String>) -> Self {
        PublishError::Rejected {
            reason: reason.into(),
            permanent: true,
            kind: RejectKind::Local,
        }
    }

    pub(crate) fn unknown(detail: impl Into<String>) -> Self {
        PublishError::Unknown {
            detail: detail.into(),
        }
    }

    /// For failures in a step that runs before the call that creates the post (a media
    /// upload, an Instagram container, a YouTube upload session): whatever happened, the
    /// post itself was not created, so an unknown outcome there is "not received".
    pub(crate) fn before_create(self) -> Self {
        match self {
            PublishError::Unknown { detail } => PublishError::NotReceived {
                retry_after: None,
                detail: format!("preparatory step: {detail}"),
            },
            other => other,
        }
    }
}
