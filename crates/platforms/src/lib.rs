//! Platform connectors (PUBLISH-1): a real HTTP client for each platform Bedside publishes
//! to, behind one [`Connector`] trait, with the error classification that exactly-once
//! publishing depends on.
//!
//! The contract with the publisher:
//! - `publish` returns `Ok` only after the platform confirmed the post.
//! - Every error except [`PublishError::Unknown`] means the post was not created
//!   ([`PublishError::provably_not_created`]), so the target may be retried.
//! - After `Unknown`, call [`Connector::lookup`] with the same target's [`Probe`] and
//!   never re-send blindly.
//! - Post text and tokens are never logged; only platform names, call names and statuses.
//!
//! See `docs/platforms.md` for each platform's endpoints and error mapping.

pub mod classify;
pub mod clients;
pub mod config;
pub mod connector;
pub mod error;
pub mod health;
mod http;
mod matching;
pub mod types;
pub mod validate;

pub use classify::{classify, classify_transport, Phase, Reply};
pub use config::{Endpoint, OAuthApp, Settings};
pub use connector::{build, BoxFuture, Capabilities, Connector, Connectors, LookupMethod};
pub use domain::platform::Platform;
pub use error::{PublishError, RejectKind};
pub use health::{AccountHealth, HealthState};
pub use http::BuildError;
pub use types::{
    AccountAuth, Deleted, Lookup, Media, NewTokens, Outgoing, Probe, Published, Secret,
};
