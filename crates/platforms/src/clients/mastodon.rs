//! Mastodon: `POST /api/v1/statuses` with an `Idempotency-Key` header (the server returns
//! the same status for a repeated key for about an hour instead of posting twice);
//! attachments through `POST /api/v2/media`, which may answer 202 while it processes.
//! The account's instance comes from `AccountAuth::server`.

use std::time::Duration;

use domain::platform::Platform;
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

use super::oauth::{refresh_grant, ClientAuth};
use super::{deletion, pause};
use crate::config::{Endpoint, Settings};
use crate::connector::{impl_connector, Capabilities, LookupMethod};
use crate::error::PublishError;
use crate::http::{parse, BuildError, Http};
use crate::matching::{decide, parse_time, reached_back, Candidate, MAX_LOOKUP_PAGES};
use crate::types::{AccountAuth, Deleted, Lookup, Media, NewTokens, Outgoing, Probe, Published};

pub struct Mastodon {
    http: Http,
    ep: Endpoint,
    settings: Settings,
}

impl Mastodon {
    pub fn new(ep: Endpoint, settings: &Settings) -> Result<Self, BuildError> {
        Ok(Mastodon {
            http: Http::new(Platform::Mastodon, settings)?,
            ep,
            settings: settings.clone(),
        })
    }

    fn url(&self, a: &AccountAuth, path: &str) -> String {
        let base = a.server.as_deref().unwrap_or(&self.ep.api_base);
        format!("{}{path}", base.trim_end_matches('/'))
    }

    async fn publish(&self, a: &AccountAuth, post: &Outgoing) -> Result<Published, PublishError> {
        let mut media_ids = Vec::new();
        for m in &post.media {
            media_ids.push(
                self.upload(a, m)
                    .await
                    .map_err(PublishError::before_create)?,
            );
        }
        let mut body =
            json!({ "status": post.text, "visibility": "public", "media_ids": media_ids });
        if let Some(lang) = &post.language {
            body["language"] = json!(lang);
        }
        let req = self
            .http
            .client
            .post(self.url(a, "/api/v1/statuses"))
            .bearer_auth(a.access_token.expose())
            .header("Idempotency-Key", &post.idempotency_key)
            .json(&body);
        let reply = self.http.call(req, "create status").await?;
        let v: Value = parse(&reply, "create status")?;
        Ok(Published {
            remote_id: super::field(&v, "/id", "create status")?,
            url: v.get("url").and_then(Value::as_str).map(String::from),
        })
    }

    async fn upload(&self, a: &AccountAuth, m: &Media) -> Result<String, PublishError> {
        let part = Part::bytes(m.bytes.to_vec())
            .file_name("media")
            .mime_str(&m.mime)
            .map_err(|_| PublishError::local("invalid media MIME type"))?;
        let form = Form::new()
            .text("description", m.alt_text.clone())
            .part("file", part);
        let req = self
            .http
            .client
            .post(self.url(a, "/api/v2/media"))
            .bearer_auth(a.access_token.expose())
            .multipart(form);
        let reply = self.http.call(req, "media upload").await?;
        let v: Value = parse(&reply, "media upload")?;
        let id = super::field(&v, "/id", "media upload")?;
        // 202: still processing; a status referring to it would be refused until done.
        let mut ready = reply.status == 200;
        let mut polls = 0;
        while !ready {
            if polls >= self.settings.max_polls {
                return Err(PublishError::NotReceived {
                    retry_after: Some(self.settings.poll_interval),
                    detail: "attachment still processing".into(),
                });
            }
            pause(self.settings.poll_interval).await;
            polls += 1;
            let req = self
                .http
                .client
                .get(self.url(a, &format!("/api/v1/media/{id}")))
                .bearer_auth(a.access_token.expose());
            ready = self.http.call(req, "media status").await?.status == 200;
        }
        Ok(id)
    }

    /// The account's statuses, newest first, paged with `max_id` until a page reaches back
    /// before `probe.not_before` (or [`MAX_LOOKUP_PAGES`] pages of 40).
    async fn lookup(&self, a: &AccountAuth, probe: &Probe) -> Result<Lookup, PublishError> {
        let path = format!("/api/v1/accounts/{}/statuses", a.remote_account_id);
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut max_id: Option<String> = None;
        let mut covered = false;
        for _ in 0..MAX_LOOKUP_PAGES {
            let mut query = vec![
                ("limit", "40".to_string()),
                ("exclude_reblogs", "true".to_string()),
                ("exclude_replies", "true".to_string()),
            ];
            if let Some(m) = &max_id {
                query.push(("max_id", m.clone()));
            }
            let req = self
                .http
                .client
                .get(self.url(a, &path))
                .query(&query)
                .bearer_auth(a.access_token.expose());
            let v: Value = parse(
                &self.http.call(req, "list statuses").await?,
                "list statuses",
            )?;
            let statuses = v.as_array().cloned().unwrap_or_default();
            let page: Vec<Candidate> = statuses.iter().filter_map(status_candidate).collect();
            let full = statuses.len() >= 40;
            let back = reached_back(probe, &page);
            max_id = page.last().map(|c| c.remote_id.clone());
            candidates.extend(page);
            if back || !full || max_id.is_none() {
                covered = true;
                break;
            }
        }
        Ok(decide(probe, &probe.text, candidates, covered))
    }

    async fn delete(&self, a: &AccountAuth, id: &str) -> Result<Deleted, PublishError> {
        let req = self
            .http
            .client
            .delete(self.url(a, &format!("/api/v1/statuses/{id}")))
            .bearer_auth(a.access_token.expose());
        let reply = self.http.exchange(req, "delete").await?;
        deletion(Platform::Mastodon, &reply)
    }

    /// Mastodon tokens normally do not expire; instances issuing refresh tokens accept
    /// the standard grant at `/oauth/token`.
    async fn refresh(&self, a: &AccountAuth) -> Result<NewTokens, PublishError> {
        if a.refresh_token.is_none() {
            return Err(PublishError::NotSupported {
                what: "refresh on a Mastodon token issued without a refresh token",
            });
        }
        let url = self.url(a, "/oauth/token");
        refresh_grant(
            &self.http,
            &url,
            self.ep.app.as_ref(),
            a,
            ClientAuth::InBody,
        )
        .await
    }

    async fn probe(&self, a: &AccountAuth) -> Result<(), PublishError> {
        let req = self
            .http
            .client
            .get(self.url(a, "/api/v1/accounts/verify_credentials"))
            .bearer_auth(a.access_token.expose());
        self.http.call(req, "probe").await.map(|_| ())
    }
}

impl_connector!(
    Mastodon,
    Platform::Mastodon,
    Capabilities {
        lookup: LookupMethod::RecentPosts,
        refresh: true,
        idempotent_resend: Some(Duration::from_secs(3600)),
    }
);

fn status_candidate(s: &Value) -> Option<Candidate> {
    Some(Candidate {
        remote_id: s.get("id")?.as_str()?.to_string(),
        url: s.get("url").and_then(Value::as_str).map(String::from),
        // `content` is HTML; matching strips it.
        text: s
            .get("content")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        links: vec![],
        created_at: s
            .get("created_at")
            .and_then(Value::as_str)
            .and_then(parse_time),
    })
}
