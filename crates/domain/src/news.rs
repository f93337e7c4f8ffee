//! Industry news (PLAN-8): which feed addresses may be followed, how often they are read,
//! and which network addresses a fetch may reach. Pure.

use std::net::IpAddr;

use crate::FieldError;

/// A feed is read once an hour while it works.
pub const FETCH_EVERY_MS: i64 = 60 * 60_000;
/// After failures it is read less often, but at least once a day.
pub const MAX_BACKOFF_MS: i64 = 24 * 60 * 60_000;
pub const MAX_URL: usize = 2_000;
/// Feeds one organisation may follow.
pub const MAX_FEEDS: usize = 100;

/// The address of a feed: http or https, a host, no user name or password in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedUrl(String);

impl FeedUrl {
    pub fn parse(raw: &str) -> Result<FeedUrl, FieldError> {
        let url = raw.trim();
        let bad = |m: &str| FieldError::new("url", m.to_string());
        if url.is_empty() {
            return Err(bad("is required"));
        }
        if url.chars().count() > MAX_URL {
            return Err(bad("must be at most 2000 characters"));
        }
        let lower = url.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .ok_or_else(|| bad("must start with https:// or http://"))?;
        if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad("must not contain spaces"));
        }
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        if authority.contains('@') {
            return Err(bad("must not contain a user name or password"));
        }
        let host = host_of(authority);
        if host.is_empty() {
            return Err(bad(
                "needs a host name, such as https://www.who.int/rss-feeds/news-english.xml",
            ));
        }
        Ok(FeedUrl(url.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host name or address (without port or brackets).
    pub fn host(&self) -> String {
        let lower = self.0.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .unwrap_or(&lower);
        host_of(rest.split(['/', '?', '#']).next().unwrap_or("")).to_string()
    }
}

fn host_of(authority: &str) -> &str {
    if let Some(v6) = authority.strip_prefix('[') {
        return v6.split(']').next().unwrap_or("");
    }
    authority.split(':').next().unwrap_or("")
}

/// When to read a feed next, after `failures` failures in a row (0 after a success).
pub fn next_fetch(now_ms: i64, failures: i64) -> i64 {
    let shift = u32::try_from(failures.clamp(0, 10)).unwrap_or(10);
    now_ms + (FETCH_EVERY_MS << shift).min(MAX_BACKOFF_MS)
}

/// Whether a fetch may connect to `ip`: not loopback, private, link-local (cloud metadata
/// lives at 169.254.169.254), shared, documentation or unspecified addresses, so a feed
/// address cannot be used to reach the server's own network.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_multicast()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1]))
                || (o[0] == 192 && o[1] == 0 && o[2] == 0)
                || (o[0] == 198 && (18..20).contains(&o[1]))
                || o[0] >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let s = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80
                || s[0] == 0x2001 && s[1] == 0x0db8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn feed_urls() {
        let u = FeedUrl::parse(" https://www.WHO.int/rss-feeds/news-english.xml ").unwrap();
        assert_eq!(u.host(), "www.who.int");
        assert_eq!(
            FeedUrl::parse("http://[::1]:8080/feed").unwrap().host(),
            "::1"
        );
        assert_eq!(
            FeedUrl::parse("http://127.0.0.1:9/x").unwrap().host(),
            "127.0.0.1"
        );
        for (raw, msg) in [
            ("", "is required"),
            (
                "ftp://x.example/feed",
                "must start with https:// or http://",
            ),
            (
                "https://user:pw@x.example/feed",
                "must not contain a user name or password",
            ),
            ("https:///feed", "needs a host name"),
            ("https://x.example/a feed", "must not contain spaces"),
        ] {
            let e = FeedUrl::parse(raw).unwrap_err();
            assert!(e.message.starts_with(msg), "{raw}: {}", e.message);
        }
    }

    #[test]
    fn backoff_doubles_up_to_a_day() {
        assert_eq!(next_fetch(0, 0), FETCH_EVERY_MS);
        assert_eq!(next_fetch(0, 1), 2 * FETCH_EVERY_MS);
        assert_eq!(next_fetch(0, 9), MAX_BACKOFF_MS);
        assert_eq!(next_fetch(0, i64::MAX), MAX_BACKOFF_MS);
    }

    #[test]
    fn private_addresses_are_not_fetched() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["8.8.8.8", "203.0.114.1", "2606:4700::1111"] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    proptest! {
        #[test]
        fn parse_never_panics(raw in ".{0,80}") {
            if let Ok(u) = FeedUrl::parse(&raw) {
                prop_assert!(!u.host().is_empty());
            }
        }
    }
}
