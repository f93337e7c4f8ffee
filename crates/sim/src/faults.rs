//! Fault injection: what can go wrong, for which platform and account, how many times.

use domain::platform::Platform;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AfterAccept {
    /// Break the connection once the post is stored: the client sees a reset.
    #[default]
    Drop,
    /// Never answer: the client times out.
    Hang,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// Delay the answer.
    Latency { ms: u64 },
    /// Fail before doing anything (nothing stored), with the platform's error body.
    ServerError { status: u16 },
    /// Store the post, then answer with this status (a 500 after acting).
    ErrorAfterAccept { status: u16 },
    /// 429 (or the platform's own throttling error). `retry_after_secs` adds a
    /// `Retry-After` header; the platform's reset headers are always sent.
    RateLimit { retry_after_secs: Option<u64> },
    /// Store the post, then drop the connection or hang: the unknown-outcome case.
    TimeoutAfterAccept {
        #[serde(default)]
        mode: AfterAccept,
    },
    /// Stop listening: connection refused until the fault is cleared.
    Refuse,
    /// The account's access token expires: the platform's expired-token error until the
    /// client refreshes through the platform's refresh endpoint.
    TokenExpired,
    /// The account's access is withdrawn; refreshes fail too. Until cleared.
    Revoked,
    /// The API version (or endpoint) is retired: 426 or the platform's equivalent.
    VersionSunset,
    /// Instagram containers created while this is active answer IN_PROGRESS for `polls`
    /// status polls before FINISHED.
    ContainerInProgress { polls: u32 },
}

impl Fault {
    /// Faults that change state once when injected instead of acting per request.
    pub fn is_state(&self) -> bool {
        matches!(
            self,
            Fault::Refuse | Fault::TokenExpired | Fault::Revoked | Fault::VersionSunset
        )
    }
}

/// Which requests a per-request fault hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Only the call that creates the post (feed, tweets, statuses, media_publish, the
    /// YouTube upload, createRecord…). Preparatory calls go through.
    #[default]
    Create,
    /// Every request to the platform, including media uploads, lookups and refreshes.
    Any,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultRule {
    /// `None`: every platform.
    #[serde(default)]
    pub platform: Option<Platform>,
    /// The platform's account id; `None`: every account.
    #[serde(default)]
    pub account: Option<String>,
    pub fault: Fault,
    /// How many requests it hits; `None`: until cleared.
    #[serde(default)]
    pub times: Option<u32>,
    #[serde(default)]
    pub scope: Scope,
}

impl FaultRule {
    pub fn new(fault: Fault) -> Self {
        FaultRule {
            platform: None,
            account: None,
            fault,
            times: None,
            scope: Scope::Create,
        }
    }

    pub fn on(mut self, platform: Platform) -> Self {
        self.platform = Some(platform);
        self
    }

    pub fn for_account(mut self, account: &str) -> Self {
        self.account = Some(account.to_string());
        self
    }

    pub fn times(mut self, n: u32) -> Self {
        self.times = Some(n);
        self
    }

    pub fn once(self) -> Self {
        self.times(1)
    }

    pub fn scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    pub(crate) fn matches(&self, platform: Platform, account: Option<&str>, create: bool) -> bool {
        self.platform.is_none_or(|p| p == platform)
            && match (&self.account, account) {
                (None, _) => true,
                (Some(want), Some(got)) => want == got,
                (Some(_), None) => false,
            }
            && (create || self.scope == Scope::Any)
    }
}

/// Take the per-request faults that apply to this request, using up one of each rule's
/// `times`. Container faults are left for the container handler.
pub(crate) fn take(
    rules: &mut Vec<FaultRule>,
    platform: Platform,
    account: Option<&str>,
    create: bool,
) -> Vec<Fault> {
    let mut out = Vec::new();
    for rule in rules.iter_mut() {
        if matches!(rule.fault, Fault::ContainerInProgress { .. })
            || !rule.matches(platform, account, create)
            || rule.times == Some(0)
        {
            continue;
        }
        if let Some(n) = rule.times.as_mut() {
            *n -= 1;
        }
        out.push(rule.fault.clone());
    }
    rules.retain(|r| r.times != Some(0));
    out
}

/// The IN_PROGRESS poll count for a new Instagram container, if a rule asks for one.
pub(crate) fn take_container_delay(rules: &mut Vec<FaultRule>, account: &str) -> u32 {
    let mut polls = 0;
    for rule in rules.iter_mut() {
        if let Fault::ContainerInProgress { polls: n } = rule.fault {
            if rule.matches(Platform::Instagram, Some(account), true) && rule.times != Some(0) {
                if let Some(t) = rule.times.as_mut() {
                    *t -= 1;
                }
                polls = polls.max(n);
            }
        }
    }
    rules.retain(|r| r.times != Some(0));
    polls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_match_and_wear_out() {
        let mut rules = vec![
            FaultRule::new(Fault::ServerError { status: 503 })
                .on(Platform::X)
                .once(),
            FaultRule::new(Fault::Latency { ms: 5 }).scope(Scope::Any),
        ];
        assert_eq!(
            take(&mut rules, Platform::Mastodon, None, false),
            vec![Fault::Latency { ms: 5 }]
        );
        assert_eq!(take(&mut rules, Platform::X, Some("1"), true).len(), 2);
        assert_eq!(
            take(&mut rules, Platform::X, Some("1"), true).len(),
            1,
            "the 503 was used up"
        );
        assert_eq!(rules.len(), 1);
    }

    #[test]
    fn rules_parse_from_json() {
        let r: FaultRule = serde_json::from_str(
            r#"{"platform":"mastodon","fault":{"kind":"timeout_after_accept"},"times":1}"#,
        )
        .unwrap();
        assert_eq!(
            r.fault,
            Fault::TimeoutAfterAccept {
                mode: AfterAccept::Drop
            }
        );
        assert_eq!(r.scope, Scope::Create);
    }
}
