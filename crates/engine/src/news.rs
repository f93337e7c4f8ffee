//! Reading followed news feeds (PLAN-8): a periodic job, under a lease so one instance at a
//! time fetches. Every fetch is bounded — a time limit for the whole exchange, a byte limit
//! on the body, at most three redirects, http(s) only, and no connection to loopback,
//! private or link-local addresses (a feed address must not reach the server's own
//! network) — and whatever comes back goes through the `feeds` parser, which turns it
//! into plain text or a precise error. A broken or hostile feed is reported on the feeds
//! page and retried later with backoff; it never stops the job.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use service::news::FetchOutcome;
use store::news::Feed;

use crate::{Engine, EngineError};

#[derive(Debug, Clone)]
pub struct NewsConfig {
    /// For the whole request, body included.
    pub timeout: Duration,
    pub limits: feeds::Limits,
    /// Allow loopback and private addresses (tests and intranet feeds only).
    pub allow_private: bool,
    /// Feeds read per run; the rest wait for the next run.
    pub per_run: i64,
}

impl Default for NewsConfig {
    fn default() -> Self {
        NewsConfig {
            timeout: Duration::from_secs(10),
            limits: feeds::Limits::default(),
            allow_private: false,
            per_run: 25,
        }
    }
}

/// Resolves names to public addresses only (checked at connect time, so a name that
/// resolves differently later cannot slip through).
struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let host = name.as_str().to_string();
            let all: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let public: Vec<SocketAddr> = all
                .into_iter()
                .filter(|a| domain::news::is_public(a.ip()))
                .collect();
            if public.is_empty() {
                return Err(format!(
                    "{host} is a private or local address, which feeds may not use"
                )
                .into());
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

fn literal_ip(host: &str) -> Option<IpAddr> {
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

fn client(cfg: &NewsConfig) -> Result<reqwest::Client, reqwest::Error> {
    let allow_private = cfg.allow_private;
    let redirects = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= 3 {
            return attempt.error("the feed redirected more than 3 times");
        }
        let url = attempt.url();
        if !matches!(url.scheme(), "http" | "https") {
            return attempt.error("the feed redirected to an address that is not http or https");
        }
        let private = url
            .host_str()
            .and_then(literal_ip)
            .is_some_and(|ip| !domain::news::is_public(ip));
        if private && !allow_private {
            return attempt.error("the feed redirected to a private or local address");
        }
        attempt.follow()
    });
    let mut b = reqwest::Client::builder()
        .timeout(cfg.timeout)
        .connect_timeout(cfg.timeout.min(Duration::from_secs(5)))
        .redirect(redirects)
        .user_agent("Bedside feed reader (self-hosted)");
    if !cfg.allow_private {
        b = b.dns_resolver(Arc::new(PublicOnly));
    }
    b.build()
}

/// The innermost cause of a request error, in words.
fn describe(e: &reqwest::Error, timeout: Duration) -> String {
    if e.is_timeout() {
        return format!("the feed did not answer within {} s", timeout.as_secs());
    }
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    let inner = cause.to_string();
    if e.is_redirect() || inner.contains("private or local") {
        return inner;
    }
    if e.is_connect() {
        return format!("could not connect: {inner}");
    }
    format!("the request failed: {inner}")
}

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1_000_000.0)
}

async fn fetch(client: &reqwest::Client, feed: &Feed, cfg: &NewsConfig) -> FetchOutcome {
    let Ok(url) = domain::news::FeedUrl::parse(&feed.url) else {
        return FetchOutcome::Failed("the address is not a valid feed address".into());
    };
    if let Some(ip) = literal_ip(&url.host()) {
        if !cfg.allow_private && !domain::news::is_public(ip) {
            return FetchOutcome::Failed(format!(
                "{ip} is a private or local address, which feeds may not use"
            ));
        }
    }
    let mut req = client.get(url.as_str());
    if let Some(etag) = &feed.etag {
        req = req.header(IF_NONE_MATCH, etag);
    }
    if let Some(lm) = &feed.last_modified {
        req = req.header(IF_MODIFIED_SINCE, lm);
    }
    let mut resp = match req.send().await {
        Ok(r) => r,
        Err(e) => return FetchOutcome::Failed(describe(&e, cfg.timeout)),
    };
    let status = resp.status();
    if status == reqwest::StatusCode::NOT_MODIFIED {
        return FetchOutcome::Unchanged;
    }
    if !status.is_success() {
        return FetchOutcome::Failed(format!("the server answered {status}"));
    }
    let max = cfg.limits.max_bytes;
    if let Some(len) = resp.content_length() {
        if len > max as u64 {
            let len = usize::try_from(len).unwrap_or(usize::MAX);
            return FetchOutcome::Failed(format!(
                "the feed is {}; the limit is {}",
                mb(len),
                mb(max)
            ));
        }
    }
    let header = |name| {
        resp.headers()
            .get(name)
            .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
            .filter(|v| v.len() <= 200)
            .map(String::from)
    };
    let (etag, last_modified) = (header(ETAG), header(LAST_MODIFIED));
    let mut body = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > max {
                    return FetchOutcome::Failed(format!(
                        "the feed is larger than the limit of {}",
                        mb(max)
                    ));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(e) => return FetchOutcome::Failed(describe(&e, cfg.timeout)),
        }
    }
    match feeds::parse(&body, &cfg.limits) {
        Ok(feed) => FetchOutcome::Parsed {
            feed,
            etag,
            last_modified,
        },
        Err(e) => FetchOutcome::Failed(e.to_string()),
    }
}

/// What one run of the news job did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewsReport {
    pub fetched: usize,
    pub failed: usize,
    pub new_items: usize,
}

impl Engine {
    /// Read the feeds that are due. Call it under the `news_feeds` lease (`periodic` does).
    pub async fn fetch_news(&self, now_ms: i64) -> Result<NewsReport, EngineError> {
        let cfg = &self.cfg.news;
        let due = {
            let mut c = self.db.conn().await?;
            store::news::due(&mut c, now_ms, cfg.per_run).await?
        };
        if due.is_empty() {
            return Ok(NewsReport::default());
        }
        let client = client(cfg).map_err(|e| EngineError::Setup(e.to_string()))?;
        let outcomes: Vec<(Feed, FetchOutcome)> = futures_util::stream::iter(due)
            .map(|feed| {
                let client = &client;
                async move {
                    let outcome = fetch(client, &feed, cfg).await;
                    (feed, outcome)
                }
            })
            .buffer_unordered(4)
            .collect()
            .await;
        let mut report = NewsReport::default();
        for (feed, outcome) in outcomes {
            if let FetchOutcome::Failed(why) = &outcome {
                // The reason is ours (status, limit, parse position), never feed content.
                tracing::warn!(feed_id = feed.id, org_id = feed.org_id, reason = %why, "news feed not read");
                report.failed += 1;
            } else {
                report.fetched += 1;
            }
            report.new_items +=
                service::news::record_fetch(&self.db, &feed, outcome, now_ms).await?;
        }
        Ok(report)
    }
}
