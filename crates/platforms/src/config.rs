//! Where each platform lives and how patient the clients are.

use std::time::Duration;

use domain::platform::Platform;

use crate::types::Secret;

/// Our OAuth application's credentials on a platform, needed for token refresh.
#[derive(Debug, Clone)]
pub struct OAuthApp {
    pub client_id: String,
    pub client_secret: Option<Secret>,
}

/// The addresses of one platform's API. Point every base at the simulator to test.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// The REST API (`https://graph.facebook.com`, `https://api.x.com`…), no trailing `/`.
    pub api_base: String,
    /// Where token refresh happens (LinkedIn and Google use another host than the API).
    pub auth_base: String,
    /// Where large uploads go (Facebook video: `graph-video.facebook.com`; YouTube:
    /// `www.googleapis.com/upload`). Usually the same as `api_base`.
    pub upload_base: String,
    /// Graph API version (`v23.0`) or LinkedIn-Version (`202506`); ignored elsewhere.
    pub version: String,
    pub app: Option<OAuthApp>,
}

impl Endpoint {
    /// The real platform.
    pub fn production(platform: Platform) -> Self {
        let (api, auth, upload) = match platform {
            Platform::Facebook => (
                "https://graph.facebook.com",
                "https://graph.facebook.com",
                "https://graph-video.facebook.com",
            ),
            Platform::Instagram => (
                "https://graph.facebook.com",
                "https://graph.facebook.com",
                "https://graph.facebook.com",
            ),
            Platform::X => (
                "https://api.x.com",
                "https://api.x.com",
                "https://api.x.com",
            ),
            Platform::Linkedin => (
                "https://api.linkedin.com",
                "https://www.linkedin.com",
                "https://api.linkedin.com",
            ),
            Platform::Youtube => (
                "https://www.googleapis.com",
                "https://oauth2.googleapis.com",
                "https://www.googleapis.com",
            ),
            Platform::GoogleBusiness => (
                "https://mybusiness.googleapis.com",
                "https://oauth2.googleapis.com",
                "https://mybusiness.googleapis.com",
            ),
            // Federated: each account names its own server; this is only the fallback.
            Platform::Mastodon => (
                "https://mastodon.social",
                "https://mastodon.social",
                "https://mastodon.social",
            ),
            Platform::Bluesky => (
                "https://bsky.social",
                "https://bsky.social",
                "https://bsky.social",
            ),
        };
        Endpoint {
            api_base: api.into(),
            auth_base: auth.into(),
            upload_base: upload.into(),
            version: default_version(platform).into(),
            app: None,
        }
    }

    /// Every base at one address, as the simulator serves them.
    pub fn at(platform: Platform, base: &str) -> Self {
        let base = base.trim_end_matches('/').to_string();
        Endpoint {
            api_base: base.clone(),
            auth_base: base.clone(),
            upload_base: base,
            version: default_version(platform).into(),
            app: None,
        }
    }

    pub fn with_app(mut self, client_id: &str, client_secret: Option<&str>) -> Self {
        self.app = Some(OAuthApp {
            client_id: client_id.into(),
            client_secret: client_secret.map(Secret::new),
        });
        self
    }

    pub fn with_version(mut self, version: &str) -> Self {
        self.version = version.into();
        self
    }
}

/// The API versions this crate is written against.
pub fn default_version(platform: Platform) -> &'static str {
    match platform {
        Platform::Facebook | Platform::Instagram => "v23.0",
        Platform::Linkedin => "202506",
        _ => "",
    }
}

/// Timeouts and polling, shared by all clients.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The whole request, including upload. A timeout after sending is `Unknown`.
    pub request_timeout: Duration,
    /// TCP connect. A timeout here is `NotReceived`.
    pub connect_timeout: Duration,
    /// Between status polls (Instagram containers, media processing).
    pub poll_interval: Duration,
    /// Polls before giving up with `NotReceived` (the container stays unpublished).
    pub max_polls: u32,
    /// Keep idle connections for reuse. Tests that stop a simulated platform turn this
    /// off so a stale pooled connection cannot blur "refused" into "reset".
    pub pool_idle: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            request_timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            poll_interval: Duration::from_secs(3),
            max_polls: 20,
            pool_idle: true,
        }
    }
}
