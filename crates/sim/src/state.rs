//! A copy of the simulator's state for tests and `GET /_sim/state`. Tokens are left
//! out; `SimHandle::account` and `GET /_sim/accounts` give them to whoever wires
//! accounts up.

use std::collections::BTreeMap;

use domain::platform::Platform;
use serde::Serialize;

use crate::faults::FaultRule;
use crate::world::{MediaItem, Post, World};

#[derive(Debug, Clone, Serialize)]
pub struct AccountView {
    pub platform: Platform,
    pub id: String,
    pub handle: String,
    pub expired: bool,
    pub revoked: bool,
    pub refreshes: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Snapshot {
    pub accounts: Vec<AccountView>,
    /// Every post ever created, deleted ones included (`deleted: true`).
    pub posts: Vec<Post>,
    pub media: Vec<MediaItem>,
    /// Requests received per platform, refused ones included.
    pub requests: BTreeMap<String, u64>,
    /// Requests to each platform's create call, refused ones included.
    pub create_requests: BTreeMap<String, u64>,
    pub faults: Vec<FaultRule>,
    pub sunset: Vec<Platform>,
    pub refused: Vec<Platform>,
}

impl Snapshot {
    pub(crate) fn of(w: &World, refused: Vec<Platform>) -> Self {
        let count = |m: &std::collections::HashMap<Platform, u64>| {
            m.iter()
                .map(|(p, n)| (p.as_str().to_string(), *n))
                .collect()
        };
        Snapshot {
            accounts: w
                .accounts
                .iter()
                .map(|a| AccountView {
                    platform: a.platform,
                    id: a.id.clone(),
                    handle: a.handle.clone(),
                    expired: a.expired,
                    revoked: a.revoked,
                    refreshes: a.refreshes,
                })
                .collect(),
            posts: w.posts.clone(),
            media: w.media.clone(),
            requests: count(&w.requests),
            create_requests: count(&w.create_requests),
            faults: w.faults.clone(),
            sunset: w.sunset.clone(),
            refused,
        }
    }

    /// Posts on a platform that have not been deleted.
    pub fn live_posts(&self, platform: Platform) -> Vec<&Post> {
        self.posts
            .iter()
            .filter(|p| p.platform == platform && !p.deleted)
            .collect()
    }

    /// How many posts (deleted or not) carry exactly this text.
    pub fn posts_with_text(&self, platform: Platform, text: &str) -> usize {
        self.posts
            .iter()
            .filter(|p| p.platform == platform && p.text == text)
            .count()
    }

    /// Live posts whose text contains `needle` (a marker such as a short link).
    pub fn posts_containing(&self, platform: Platform, needle: &str) -> usize {
        self.live_posts(platform)
            .iter()
            .filter(|p| p.text.contains(needle))
            .count()
    }

    /// Texts that went out more than once to the same account: the duplicates an
    /// exactly-once test must not find. Deleted posts count too.
    pub fn duplicate_texts(&self) -> Vec<(Platform, String, String, usize)> {
        let mut seen: BTreeMap<(&str, &str, &str), usize> = BTreeMap::new();
        for p in &self.posts {
            *seen
                .entry((p.platform.as_str(), p.account.as_str(), p.text.as_str()))
                .or_default() += 1;
        }
        seen.into_iter()
            .filter(|(_, n)| *n > 1)
            .filter_map(|((platform, account, text), n)| {
                Some((
                    Platform::parse(platform)?,
                    account.to_string(),
                    text.to_string(),
                    n,
                ))
            })
            .collect()
    }

    pub fn requests_to(&self, platform: Platform) -> u64 {
        self.requests.get(platform.as_str()).copied().unwrap_or(0)
    }

    pub fn create_requests_to(&self, platform: Platform) -> u64 {
        self.create_requests
            .get(platform.as_str())
            .copied()
            .unwrap_or(0)
    }
}
