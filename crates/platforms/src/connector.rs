//! The trait the publisher calls, and a registry that builds one client per platform.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use domain::platform::Platform;

use crate::config::{Endpoint, Settings};
use crate::error::PublishError;
use crate::health::AccountHealth;
use crate::http::BuildError;
use crate::types::{AccountAuth, Deleted, Lookup, NewTokens, Outgoing, Probe, Published};

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// How a connector finds a post after an unknown outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookupMethod {
    /// Exact: the record key is derived from the idempotency key (Bluesky).
    RecordKey,
    /// List the account's recent posts and match the marker, or else the normalised text,
    /// created after the probe's `not_before`. Can be `Ambiguous`.
    RecentPosts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    pub lookup: LookupMethod,
    /// The platform has a refresh grant (or exchange) for access tokens.
    pub refresh: bool,
    /// How long the platform deduplicates a re-sent request carrying the same
    /// idempotency key (Mastodon: one hour). Within it, re-sending is safe even after an
    /// unknown outcome.
    pub idempotent_resend: Option<Duration>,
}

/// One platform's API. Every method is safe to call concurrently.
///
/// `publish` checks the post against the platform's rules first and returns
/// `Rejected { kind: Local }` without any request when it breaks them.
pub trait Connector: Send + Sync {
    fn platform(&self) -> Platform;

    fn capabilities(&self) -> Capabilities;

    fn publish<'a>(
        &'a self,
        account: &'a AccountAuth,
        post: &'a Outgoing,
    ) -> BoxFuture<'a, Result<Published, PublishError>>;

    /// Read-only: never creates anything.
    fn lookup<'a>(
        &'a self,
        account: &'a AccountAuth,
        probe: &'a Probe,
    ) -> BoxFuture<'a, Result<Lookup, PublishError>>;

    /// Idempotent: a post that is already gone is `Ok(Deleted::AlreadyGone)`.
    fn delete<'a>(
        &'a self,
        account: &'a AccountAuth,
        remote_id: &'a str,
    ) -> BoxFuture<'a, Result<Deleted, PublishError>>;

    fn refresh<'a>(
        &'a self,
        account: &'a AccountAuth,
    ) -> BoxFuture<'a, Result<NewTokens, PublishError>>;

    /// One cheap authenticated read, interpreted for the account health page.
    fn health<'a>(&'a self, account: &'a AccountAuth) -> BoxFuture<'a, AccountHealth>;
}

/// Implement [`Connector`] for a client with inherent async methods `publish`, `lookup`,
/// `delete`, `refresh` and `probe`.
macro_rules! impl_connector {
    ($ty:ty, $platform:expr, $caps:expr) => {
        impl $crate::connector::Connector for $ty {
            fn platform(&self) -> domain::platform::Platform {
                $platform
            }
            fn capabilities(&self) -> $crate::connector::Capabilities {
                $caps
            }
            fn publish<'a>(
                &'a self,
                account: &'a $crate::types::AccountAuth,
                post: &'a $crate::types::Outgoing,
            ) -> $crate::connector::BoxFuture<
                'a,
                Result<$crate::types::Published, $crate::error::PublishError>,
            > {
                Box::pin(async move {
                    $crate::validate::check($platform, post)?;
                    <$ty>::publish(self, account, post).await
                })
            }
            fn lookup<'a>(
                &'a self,
                account: &'a $crate::types::AccountAuth,
                probe: &'a $crate::types::Probe,
            ) -> $crate::connector::BoxFuture<
                'a,
                Result<$crate::types::Lookup, $crate::error::PublishError>,
            > {
                Box::pin(<$ty>::lookup(self, account, probe))
            }
            fn delete<'a>(
                &'a self,
                account: &'a $crate::types::AccountAuth,
                remote_id: &'a str,
            ) -> $crate::connector::BoxFuture<
                'a,
                Result<$crate::types::Deleted, $crate::error::PublishError>,
            > {
                Box::pin(<$ty>::delete(self, account, remote_id))
            }
            fn refresh<'a>(
                &'a self,
                account: &'a $crate::types::AccountAuth,
            ) -> $crate::connector::BoxFuture<
                'a,
                Result<$crate::types::NewTokens, $crate::error::PublishError>,
            > {
                Box::pin(<$ty>::refresh(self, account))
            }
            fn health<'a>(
                &'a self,
                account: &'a $crate::types::AccountAuth,
            ) -> $crate::connector::BoxFuture<'a, $crate::health::AccountHealth> {
                Box::pin(async move {
                    let probe = <$ty>::probe(self, account).await;
                    $crate::health::AccountHealth::from_probe(
                        probe,
                        account.expires_at,
                        jiff::Timestamp::now(),
                    )
                })
            }
        }
    };
}
pub(crate) use impl_connector;

/// Build the client for one platform.
pub fn build(
    platform: Platform,
    endpoint: Endpoint,
    settings: &Settings,
) -> Result<Arc<dyn Connector>, BuildError> {
    use crate::clients::*;
    Ok(match platform {
        Platform::Facebook => Arc::new(Facebook::new(endpoint, settings)?),
        Platform::Instagram => Arc::new(Instagram::new(endpoint, settings)?),
        Platform::X => Arc::new(X::new(endpoint, settings)?),
        Platform::Linkedin => Arc::new(Linkedin::new(endpoint, settings)?),
        Platform::Youtube => Arc::new(Youtube::new(endpoint, settings)?),
        Platform::GoogleBusiness => Arc::new(GoogleBusiness::new(endpoint, settings)?),
        Platform::Mastodon => Arc::new(Mastodon::new(endpoint, settings)?),
        Platform::Bluesky => Arc::new(Bluesky::new(endpoint, settings)?),
    })
}

/// One connector per platform.
#[derive(Clone)]
pub struct Connectors {
    by_platform: BTreeMap<&'static str, Arc<dyn Connector>>,
}

impl Connectors {
    /// `endpoint_for` gives each platform's addresses, e.g. `Endpoint::production` or a
    /// closure over the simulator's base URLs.
    pub fn new(
        settings: &Settings,
        mut endpoint_for: impl FnMut(Platform) -> Endpoint,
    ) -> Result<Self, BuildError> {
        let mut by_platform = BTreeMap::new();
        for p in Platform::ALL {
            by_platform.insert(p.as_str(), build(p, endpoint_for(p), settings)?);
        }
        Ok(Connectors { by_platform })
    }

    pub fn get(&self, platform: Platform) -> &dyn Connector {
        // Built for every platform in `new`, so the entry always exists.
        match self.by_platform.get(platform.as_str()) {
            Some(c) => c.as_ref(),
            None => unreachable!("Connectors::new builds every platform"),
        }
    }

    pub fn shared(&self, platform: Platform) -> Arc<dyn Connector> {
        match self.by_platform.get(platform.as_str()) {
            Some(c) => c.clone(),
            None => unreachable!("Connectors::new builds every platform"),
        }
    }
}
