//! One HTTP client per platform, and the small pieces they share.

mod bluesky;
mod facebook;
mod google_business;
mod graph;
mod instagram;
mod linkedin;
mod mastodon;
mod oauth;
mod x;
mod youtube;

pub use bluesky::{is_tid, record_key, Bluesky, Session};
pub use facebook::Facebook;
pub use google_business::GoogleBusiness;
pub use instagram::Instagram;
pub use linkedin::{escape_little_text, Linkedin};
pub use mastodon::Mastodon;
pub use x::X;
pub use youtube::Youtube;

use domain::platform::Platform;

use crate::classify::{classify, Reply};
use crate::error::{PublishError, RejectKind};
use crate::types::Deleted;

/// A delete's reply: a post that is already gone counts as deleted, so take-downs can be
/// repeated safely.
pub(crate) fn deletion(platform: Platform, reply: &Reply) -> Result<Deleted, PublishError> {
    if reply.is_success() {
        return Ok(Deleted::Removed);
    }
    if matches!(reply.status, 404 | 410) {
        return Ok(Deleted::AlreadyGone);
    }
    match classify(platform, reply, jiff::Timestamp::now()) {
        PublishError::Rejected {
            kind: RejectKind::NotFound,
            ..
        } => Ok(Deleted::AlreadyGone),
        e => Err(e),
    }
}

/// Wait between status polls. Zero in tests.
pub(crate) async fn pause(d: std::time::Duration) {
    if !d.is_zero() {
        tokio::time::sleep(d).await;
    }
}

/// A string field of a JSON value, or `Unknown` naming what was missing: the platform
/// answered with success, so it may have acted even though we cannot read the result.
pub(crate) fn field(
    v: &serde_json::Value,
    pointer: &str,
    what: &str,
) -> Result<String, PublishError> {
    match v.pointer(pointer) {
        Some(serde_json::Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        Some(serde_json::Value::Number(n)) => Ok(n.to_string()),
        _ => Err(PublishError::unknown(format!(
            "{what}: response without {pointer}"
        ))),
    }
}
