//! X API v2 with an OAuth 2.0 user token: `POST /2/tweets`; images through
//! `POST /2/media/upload`, video through initialize / append / finalize; alt text through
//! `POST /2/media/metadata`; refresh at `POST /2/oauth2/token`.

use domain::platform::Platform;
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

use super::oauth::{refresh_grant, ClientAuth};
use super::{deletion, pause};
use crate::config::{Endpoint, Settings};
use crate::connector::{impl_connector, Capabilities, LookupMethod};
use crate::error::{PublishError, RejectKind};
use crate::http::{parse, BuildError, Http};
use crate::matching::{decide, parse_time, Candidate, MAX_LOOKUP_PAGES};
use crate::types::{AccountAuth, Deleted, Lookup, Media, NewTokens, Outgoing, Probe, Published};

/// Video is sent in parts of this size.
const CHUNK: usize = 4 * 1024 * 1024;

pub struct X {
    http: Http,
    ep: Endpoint,
    settings: Settings,
}

impl X {
    pub fn new(ep: Endpoint, settings: &Settings) -> Result<Self, BuildError> {
        Ok(X {
            http: Http::new(Platform::X, settings)?,
            ep,
            settings: settings.clone(),
        })
    }

    fn api(&self, path: &str) -> String {
        format!("{}{path}", self.ep.api_base)
    }

    fn upload(&self, path: &str) -> String {
        format!("{}{path}", self.ep.upload_base)
    }

    async fn publish(&self, a: &AccountAuth, post: &Outgoing) -> Result<Published, PublishError> {
        let mut media_ids = Vec::new();
        for m in &post.media {
            let id = self
                .upload_media(a, m)
                .await
                .map_err(PublishError::before_create)?;
            media_ids.push(id);
        }
        let mut body = json!({ "text": post.text });
        if !media_ids.is_empty() {
            body["media"] = json!({ "media_ids": media_ids });
        }
        let req = self
            .http
            .client
            .post(self.api("/2/tweets"))
            .bearer_auth(a.access_token.expose())
            .json(&body);
        let reply = self.http.call(req, "create post").await?;
        let v: Value = parse(&reply, "create post")?;
        let id = super::field(&v, "/data/id", "create post")?;
        Ok(Published {
            url: Some(format!("https://x.com/i/web/status/{id}")),
            remote_id: id,
        })
    }

    async fn upload_media(&self, a: &AccountAuth, m: &Media) -> Result<String, PublishError> {
        let id = if m.is_video() {
            self.upload_chunked(a, m).await?
        } else {
            let part = Part::bytes(m.bytes.to_vec())
                .file_name("media")
                .mime_str(&m.mime)
                .map_err(|_| PublishError::local("invalid media MIME type"))?;
            let form = Form::new()
                .text("media_category", "tweet_image")
                .text("media_type", m.mime.clone())
                .part("media", part);
            let req = self
                .http
                .client
                .post(self.upload("/2/media/upload"))
                .bearer_auth(a.access_token.expose())
                .multipart(form);
            let reply = self.http.call(req, "media upload").await?;
            let v: Value = parse(&reply, "media upload")?;
            super::field(&v, "/data/id", "media upload")?
        };
        if !m.alt_text.trim().is_empty() {
            let body = json!({ "id": id, "metadata": { "alt_text": { "text": m.alt_text } } });
            let req = self
                .http
                .client
                .post(self.upload("/2/media/metadata"))
                .bearer_auth(a.access_token.expose())
                .json(&body);
            self.http.call(req, "media metadata").await?;
        }
        Ok(id)
    }

    async fn upload_chunked(&self, a: &AccountAuth, m: &Media) -> Result<String, PublishError> {
        let token = a.access_token.expose();
        let init = json!({
            "media_type": m.mime,
            "total_bytes": m.bytes.len(),
            "media_category": "tweet_video",
        });
        let req = self
            .http
            .client
            .post(self.upload("/2/media/upload/initialize"))
            .bearer_auth(token)
            .json(&init);
        let reply = self.http.call(req, "media initialize").await?;
        let id = super::field(
            &parse::<Value>(&reply, "media initialize")?,
            "/data/id",
            "media initialize",
        )?;
        for (i, chunk) in m.bytes.chunks(CHUNK).enumerate() {
            let form = Form::new()
                .text("segment_index", i.to_string())
                .part("media", Part::bytes(chunk.to_vec()).file_name("chunk"));
            let url = self.upload(&format!("/2/media/upload/{id}/append"));
            let req = self
                .http
                .client
                .post(url)
                .bearer_auth(token)
                .multipart(form);
            self.http.call(req, "media append").await?;
        }
        let url = self.upload(&format!("/2/media/upload/{id}/finalize"));
        let reply = self
            .http
            .call(
                self.http.client.post(url).bearer_auth(token),
                "media finalize",
            )
            .await?;
        let mut state = processing_state(&parse::<Value>(&reply, "media finalize")?);
        let mut polls = 0;
        while matches!(state.as_deref(), Some("pending" | "in_progress")) {
            if polls >= self.settings.max_polls {
                return Err(PublishError::NotReceived {
                    retry_after: Some(self.settings.poll_interval),
                    detail: "video still processing".into(),
                });
            }
            pause(self.settings.poll_interval).await;
            polls += 1;
            let req = self
                .http
                .client
                .get(self.upload("/2/media/upload"))
                .query(&[("command", "STATUS"), ("media_id", id.as_str())])
                .bearer_auth(token);
            let reply = self.http.call(req, "media status").await?;
            state = processing_state(&parse::<Value>(&reply, "media status")?);
        }
        if state.as_deref() == Some("failed") {
            return Err(PublishError::Rejected {
                reason: "X could not process the video".into(),
                permanent: true,
                kind: RejectKind::Invalid,
            });
        }
        Ok(id)
    }

    /// The account's posts since `not_before`, page by page (`pagination_token`), up to
    /// [`MAX_LOOKUP_PAGES`] pages of 100.
    async fn lookup(&self, a: &AccountAuth, probe: &Probe) -> Result<Lookup, PublishError> {
        let url = self.api(&format!("/2/users/{}/tweets", a.remote_account_id));
        let mut candidates = Vec::new();
        let mut token: Option<String> = None;
        let mut covered = false;
        for _ in 0..MAX_LOOKUP_PAGES {
            let mut query = vec![
                ("max_results", "100".to_string()),
                ("tweet.fields", "created_at,entities".to_string()),
            ];
            if let Some(nb) = probe.not_before {
                query.push(("start_time", nb.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()));
            }
            if let Some(t) = &token {
                query.push(("pagination_token", t.clone()));
            }
            let req = self
                .http
                .client
                .get(&url)
                .query(&query)
                .bearer_auth(a.access_token.expose());
            let reply = self.http.call(req, "list posts").await?;
            let v: Value = parse(&reply, "list posts")?;
            let page: Vec<Candidate> = v
                .get("data")
                .and_then(Value::as_array)
                .map(|posts| posts.iter().filter_map(candidate).collect())
                .unwrap_or_default();
            candidates.extend(page);
            token = v
                .pointer("/meta/next_token")
                .and_then(Value::as_str)
                .map(String::from);
            // `start_time` bounds the listing: no next page means the window is covered.
            // Without it, the newest page is all a lookup can go by.
            if token.is_none() || probe.not_before.is_none() {
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
            .delete(self.api(&format!("/2/tweets/{id}")))
            .bearer_auth(a.access_token.expose());
        let reply = self.http.exchange(req, "delete").await?;
        deletion(Platform::X, &reply)
    }

    async fn refresh(&self, a: &AccountAuth) -> Result<NewTokens, PublishError> {
        let url = format!("{}/2/oauth2/token", self.ep.auth_base);
        refresh_grant(
            &self.http,
            &url,
            self.ep.app.as_ref(),
            a,
            ClientAuth::BasicOrPublic,
        )
        .await
    }

    async fn probe(&self, a: &AccountAuth) -> Result<(), PublishError> {
        let req = self
            .http
            .client
            .get(self.api("/2/users/me"))
            .bearer_auth(a.access_token.expose());
        self.http.call(req, "probe").await.map(|_| ())
    }
}

fn processing_state(v: &Value) -> Option<String> {
    v.pointer("/data/processing_info/state")?
        .as_str()
        .map(String::from)
}

fn candidate(p: &Value) -> Option<Candidate> {
    let id = p.get("id")?.as_str()?.to_string();
    let links = p
        .pointer("/entities/urls")
        .and_then(Value::as_array)
        .map(|urls| {
            urls.iter()
                .filter_map(|u| u.get("expanded_url")?.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    Some(Candidate {
        url: Some(format!("https://x.com/i/web/status/{id}")),
        remote_id: id,
        text: p.get("text")?.as_str()?.to_string(),
        links,
        created_at: p
            .get("created_at")
            .and_then(Value::as_str)
            .and_then(parse_time),
    })
}

impl_connector!(
    X,
    Platform::X,
    Capabilities {
        lookup: LookupMethod::RecentPosts,
        refresh: true,
        idempotent_resend: None,
    }
);
