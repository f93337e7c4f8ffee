//! The one place requests are sent: turns reqwest's outcomes into a [`Reply`] or a
//! classified [`PublishError`], and logs the call without content or tokens.

use domain::platform::Platform;
use reqwest::RequestBuilder;
use serde::de::DeserializeOwned;

use crate::classify::{classify, classify_transport, Phase, Reply};
use crate::config::Settings;
use crate::error::PublishError;

#[derive(Debug, thiserror::Error)]
#[error("could not build the HTTP client: {0}")]
pub struct BuildError(#[from] reqwest::Error);

#[derive(Debug, Clone)]
pub(crate) struct Http {
    pub client: reqwest::Client,
    pub platform: Platform,
}

impl Http {
    pub fn new(platform: Platform, settings: &Settings) -> Result<Self, BuildError> {
        let mut builder = reqwest::Client::builder()
            .timeout(settings.request_timeout)
            .connect_timeout(settings.connect_timeout)
            // A redirected POST becomes a GET; we would rather see the 3xx (Unknown).
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Bedside/", env!("CARGO_PKG_VERSION")));
        if !settings.pool_idle {
            builder = builder.pool_max_idle_per_host(0);
        }
        Ok(Http {
            client: builder.build()?,
            platform,
        })
    }

    /// Send and return whatever status came back. Only transport failures are errors.
    pub async fn exchange(&self, req: RequestBuilder, what: &str) -> Result<Reply, PublishError> {
        let resp = match req.send().await {
            Ok(r) => r,
            Err(e) => {
                let phase = phase_of(&e);
                tracing::warn!(
                    platform = self.platform.as_str(),
                    call = what,
                    ?phase,
                    "request failed"
                );
                if e.is_builder() {
                    return Err(PublishError::local(format!(
                        "{what}: request could not be built"
                    )));
                }
                return Err(classify_transport(phase, &short(&e)));
            }
        };
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
            .collect();
        // The status arrived, so the request was processed at least that far; a body
        // that breaks off now leaves the outcome unknown.
        let body = resp
            .bytes()
            .await
            .map_err(|e| classify_transport(Phase::AfterSend, &short(&e)))?;
        tracing::debug!(
            platform = self.platform.as_str(),
            call = what,
            status,
            "platform replied"
        );
        Ok(Reply::new(status, headers, body))
    }

    /// Send and require a 2xx; anything else is classified.
    pub async fn call(&self, req: RequestBuilder, what: &str) -> Result<Reply, PublishError> {
        let reply = self.exchange(req, what).await?;
        if reply.is_success() {
            Ok(reply)
        } else {
            let err = classify(self.platform, &reply, jiff::Timestamp::now());
            tracing::info!(platform = self.platform.as_str(), call = what, status = reply.status, error = %err, "platform refused");
            Err(err)
        }
    }
}

/// Read a success body. The platform acted but we cannot tell what it made, so a body we
/// cannot read is `Unknown` (callers of preparatory steps turn that into NotReceived).
pub(crate) fn parse<T: DeserializeOwned>(reply: &Reply, what: &str) -> Result<T, PublishError> {
    serde_json::from_slice(&reply.body)
        .map_err(|_| PublishError::unknown(format!("{what}: unreadable success response")))
}

fn phase_of(e: &reqwest::Error) -> Phase {
    if e.is_connect() || e.is_builder() {
        Phase::BeforeSend
    } else {
        Phase::AfterSend
    }
}

/// The error's kind without the URL (which may carry a token in a query string).
fn short(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else if e.is_body() || e.is_decode() {
        "body"
    } else {
        "request"
    };
    let mut source = std::error::Error::source(e);
    let mut last = String::new();
    while let Some(s) = source {
        last = s.to_string();
        source = s.source();
    }
    if last.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}: {last}")
    }
}
