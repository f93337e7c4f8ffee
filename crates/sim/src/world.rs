//! The simulator's in-memory state: accounts and their tokens, posts, media, upload
//! sessions, and counters of what arrived. One mutex guards it all; no handler holds it
//! across an await.

use std::collections::HashMap;

use domain::platform::Platform;
use jiff::Timestamp;
use serde::Serialize;

use crate::faults::FaultRule;

/// An account the simulator accepts tokens for.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Account {
    pub platform: Platform,
    /// The platform's id for it (page id, `urn:li:organization:…`, DID…).
    pub id: String,
    pub handle: String,
    pub access_token: String,
    pub refresh_token: String,
    /// Bluesky app password for `createSession`.
    pub password: String,
    /// The access token has expired: 401 in the platform's words until refreshed.
    pub expired: bool,
    /// Access withdrawn: every call and every refresh fails until faults are cleared.
    pub revoked: bool,
    /// How many times the tokens were refreshed.
    pub refreshes: u32,
}

impl Account {
    pub fn new(platform: Platform, id: &str) -> Self {
        let slug: String = id
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        Account {
            platform,
            id: id.to_string(),
            handle: format!("{slug}.{}", platform.as_str()),
            access_token: format!("sim-{}-{slug}-access-0", platform.as_str()),
            refresh_token: format!("sim-{}-{slug}-refresh-0", platform.as_str()),
            password: format!("sim-{}-{slug}-password", platform.as_str()),
            expired: false,
            revoked: false,
            refreshes: 0,
        }
    }

    /// New tokens, as a refresh issues them; the old access token stops working.
    pub fn rotate(&mut self, rotate_refresh: bool) {
        self.refreshes += 1;
        let n = self.refreshes;
        let base = self
            .access_token
            .rsplit_once("-access-")
            .map_or(self.access_token.clone(), |(b, _)| b.to_string());
        self.access_token = format!("{base}-access-{n}");
        if rotate_refresh {
            self.refresh_token = format!("{base}-refresh-{n}");
        }
        self.expired = false;
    }
}

/// A post (status, tweet, video, local post, record…) as the simulator stored it.
#[derive(Debug, Clone, Serialize)]
pub struct Post {
    pub platform: Platform,
    pub account: String,
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    pub media: Vec<String>,
    /// The Idempotency-Key (Mastodon) or record key (Bluesky) it was created with.
    pub key: Option<String>,
    /// How many create requests carried this post's key (1 unless retried).
    pub key_hits: u32,
    pub created_at: Timestamp,
    pub deleted: bool,
    /// Platform-specific fields the simulator echoes back (LinkedIn content, the raw
    /// Bluesky record…).
    pub extra: serde_json::Value,
}

#[derive(Debug, Clone, Serialize)]
pub struct MediaItem {
    pub platform: Platform,
    pub account: String,
    pub id: String,
    pub mime: String,
    pub size: usize,
    pub alt_text: String,
    /// Polls left before a Mastodon attachment stops answering 206 "processing".
    pub processing_polls: u32,
}

/// An Instagram media container.
#[derive(Debug, Clone, Serialize)]
pub struct Container {
    pub id: String,
    pub account: String,
    pub caption: String,
    pub children: Vec<String>,
    pub media_url: String,
    /// Status polls that still answer IN_PROGRESS.
    pub in_progress_polls: u32,
    pub published_as: Option<String>,
}

/// A YouTube resumable session or a LinkedIn upload URL.
#[derive(Debug, Clone, Serialize)]
pub struct Upload {
    pub id: String,
    pub account: String,
    pub expected: usize,
    pub received: usize,
    pub metadata: serde_json::Value,
    /// The video once the upload completed.
    pub video_id: Option<String>,
}

#[derive(Debug, Default)]
pub struct World {
    next_id: u64,
    pub accounts: Vec<Account>,
    pub posts: Vec<Post>,
    pub media: Vec<MediaItem>,
    pub containers: HashMap<String, Container>,
    pub uploads: HashMap<String, Upload>,
    pub faults: Vec<FaultRule>,
    pub sunset: Vec<Platform>,
    /// Every request per platform, including refused ones.
    pub requests: HashMap<Platform, u64>,
    /// Requests to each platform's create call, including refused ones.
    pub create_requests: HashMap<Platform, u64>,
    /// Positions in `posts`, so that benchmarks with many thousands of posts do not
    /// scan the whole list on every create.
    by_id: HashMap<(Platform, String), usize>,
    by_key: HashMap<(Platform, String, String), usize>,
}

impl World {
    pub fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        1000 + self.next_id
    }

    pub fn account(&self, platform: Platform, id: &str) -> Option<&Account> {
        self.accounts
            .iter()
            .find(|a| a.platform == platform && a.id == id)
    }

    pub fn account_mut(&mut self, platform: Platform, id: &str) -> Option<&mut Account> {
        self.accounts
            .iter_mut()
            .find(|a| a.platform == platform && a.id == id)
    }

    pub fn by_access_token(&self, platform: Platform, token: &str) -> Option<&Account> {
        self.accounts
            .iter()
            .find(|a| a.platform == platform && a.access_token == token)
    }

    pub fn by_refresh_token(&mut self, platform: Platform, token: &str) -> Option<&mut Account> {
        self.accounts
            .iter_mut()
            .find(|a| a.platform == platform && a.refresh_token == token)
    }

    pub fn add_account(&mut self, account: Account) -> Account {
        self.accounts
            .retain(|a| !(a.platform == account.platform && a.id == account.id));
        self.accounts.push(account.clone());
        account
    }

    pub fn live_posts<'a>(
        &'a self,
        platform: Platform,
        account: &'a str,
    ) -> impl Iterator<Item = &'a Post> + 'a {
        self.posts
            .iter()
            .filter(move |p| p.platform == platform && p.account == account && !p.deleted)
    }

    pub fn post_mut(&mut self, platform: Platform, id: &str) -> Option<&mut Post> {
        let i = *self.by_id.get(&(platform, id.to_string()))?;
        self.posts.get_mut(i)
    }

    pub fn post_by_key(
        &mut self,
        platform: Platform,
        account: &str,
        key: &str,
    ) -> Option<&mut Post> {
        let i = *self
            .by_key
            .get(&(platform, account.to_string(), key.to_string()))?;
        self.posts.get_mut(i)
    }

    /// The account's most recent post that still exists.
    pub fn latest_post(&self, platform: Platform, account: &str) -> Option<&Post> {
        self.posts
            .iter()
            .rev()
            .find(|p| p.platform == platform && p.account == account && !p.deleted)
    }

    /// Store a post and return a copy.
    pub fn create_post(&mut self, post: Post) -> Post {
        let i = self.posts.len();
        self.by_id.insert((post.platform, post.id.clone()), i);
        if let Some(k) = &post.key {
            self.by_key
                .insert((post.platform, post.account.clone(), k.clone()), i);
        }
        self.posts.push(post.clone());
        post
    }

    pub fn count_request(&mut self, platform: Platform, create: bool) {
        *self.requests.entry(platform).or_default() += 1;
        if create {
            *self.create_requests.entry(platform).or_default() += 1;
        }
    }

    /// Forget posts, media and counters; keep accounts and faults.
    pub fn reset_content(&mut self) {
        self.posts.clear();
        self.by_id.clear();
        self.by_key.clear();
        self.media.clear();
        self.containers.clear();
        self.uploads.clear();
        self.requests.clear();
        self.create_requests.clear();
    }
}

/// A new post with the fields every platform fills the same way.
pub fn new_post(platform: Platform, account: &str, id: String, text: &str) -> Post {
    Post {
        platform,
        account: account.to_string(),
        id,
        text: text.to_string(),
        title: None,
        media: vec![],
        key: None,
        key_hits: 1,
        created_at: Timestamp::now(),
        deleted: false,
        extra: serde_json::Value::Null,
    }
}
