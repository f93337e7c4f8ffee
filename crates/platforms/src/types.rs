//! What the publisher hands a connector and what it gets back.

use bytes::Bytes;
use jiff::Timestamp;

/// A token or password. Its `Debug` never shows the value, so a stray `{:?}` in a log
/// line cannot leak a credential.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value, for putting in a request header or body. Never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret::new(s)
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret::new(s)
    }
}

/// One connected account, as the connector needs it for a call.
#[derive(Debug, Clone)]
pub struct AccountAuth {
    /// The platform's id for the thing we post as: Facebook page id, Instagram user id,
    /// X user id, LinkedIn organisation URN (`urn:li:organization:123`), YouTube channel
    /// id, Google Business Profile location name (`accounts/1/locations/2`), Mastodon
    /// account id, Bluesky DID.
    pub remote_account_id: String,
    pub access_token: Secret,
    pub refresh_token: Option<Secret>,
    /// When the access token stops working, if the platform said.
    pub expires_at: Option<Timestamp>,
    /// The account's own server where the platform is federated (a Mastodon instance,
    /// a Bluesky PDS). `None` uses the connector's base URL.
    pub server: Option<String>,
    /// Bluesky only: the app password, used to open a new session when the refresh token
    /// itself has expired.
    pub app_password: Option<Secret>,
}

impl AccountAuth {
    pub fn new(remote_account_id: impl Into<String>, access_token: impl Into<Secret>) -> Self {
        AccountAuth {
            remote_account_id: remote_account_id.into(),
            access_token: access_token.into(),
            refresh_token: None,
            expires_at: None,
            server: None,
            app_password: None,
        }
    }

    pub fn with_refresh_token(mut self, token: impl Into<Secret>) -> Self {
        self.refresh_token = Some(token.into());
        self
    }

    /// The same account with tokens from a successful refresh.
    pub fn refreshed(&self, tokens: &NewTokens) -> Self {
        let mut next = self.clone();
        next.access_token = tokens.access_token.clone();
        if let Some(r) = &tokens.refresh_token {
            next.refresh_token = Some(r.clone());
        }
        next.expires_at = tokens.expires_at;
        next
    }
}

/// An image or video to attach.
#[derive(Debug, Clone)]
pub struct Media {
    pub bytes: Bytes,
    /// `image/jpeg`, `video/mp4`…
    pub mime: String,
    /// Required for images (COMPOSE-3); sent wherever the platform accepts it.
    pub alt_text: String,
    /// A public HTTPS address the platform can fetch the file from. Instagram and Google
    /// Business Profile only accept media by URL, never as uploaded bytes.
    pub public_url: Option<String>,
}

impl Media {
    pub fn is_video(&self) -> bool {
        self.mime.starts_with("video/")
    }

    pub fn is_image(&self) -> bool {
        self.mime.starts_with("image/")
    }
}

/// One post for one target.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub text: String,
    /// YouTube needs a title (100 characters); others ignore it. Without one, the first
    /// line of the text is used.
    pub title: Option<String>,
    pub media: Vec<Media>,
    /// Stable per publication target: every attempt for the same target carries the same
    /// key. Sent as Mastodon's `Idempotency-Key`; seeds Bluesky's record key.
    pub idempotency_key: String,
    /// A string the text contains that is unique to this target, typically the post's
    /// first-party short link (COMPOSE-5). When present, lookups look for it instead of
    /// comparing the whole text. `None` when the text has no such string.
    pub marker: Option<String>,
    /// BCP 47 language of the text (`en`, `hi`), where the platform records one.
    pub language: Option<String>,
    /// Stable per publication target (e.g. the scheduled time). Bluesky stores it as the
    /// record's `createdAt` and in its record key, so a retry writes the same record.
    pub created_at: Timestamp,
}

/// Enough of an [`Outgoing`] to find the post again after an unknown outcome.
#[derive(Debug, Clone)]
pub struct Probe {
    pub text: String,
    pub title: Option<String>,
    pub idempotency_key: String,
    pub marker: Option<String>,
    pub created_at: Timestamp,
    /// Only posts created at or after this instant are candidates: the time the
    /// publisher committed its "sending" record, minus a margin for clock skew.
    pub not_before: Option<Timestamp>,
}

impl From<&Outgoing> for Probe {
    fn from(o: &Outgoing) -> Self {
        Probe {
            text: o.text.clone(),
            title: o.title.clone(),
            idempotency_key: o.idempotency_key.clone(),
            marker: o.marker.clone(),
            created_at: o.created_at,
            not_before: None,
        }
    }
}

/// A post the platform confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// What `delete` takes: the post id, URN or `at://` URI.
    pub remote_id: String,
    /// A link people can open, where the platform returns or implies one.
    pub url: Option<String>,
}

/// The answer to "did our post land?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found(Published),
    NotFound,
    /// Several recent posts match; a human has to decide which (if any) is ours.
    Ambiguous {
        remote_ids: Vec<String>,
    },
}

/// What `delete` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deleted {
    Removed,
    /// The platform no longer has it (deleted by hand, or an earlier take-down landed).
    AlreadyGone,
}

/// Tokens from a refresh. Store them (encrypted) before the next call: some platforms
/// rotate the refresh token and the old one stops working at once.
#[derive(Debug, Clone)]
pub struct NewTokens {
    pub access_token: Secret,
    /// `None` when the platform kept the old refresh token valid.
    pub refresh_token: Option<Secret>,
    pub expires_at: Option<Timestamp>,
}
