//! YouTube Data API v3 `videos.insert` as a resumable upload: `POST
//! /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status` with the metadata
//! opens a session (its URL comes back in `Location`); `PUT` of the bytes to that URL
//! creates the video. Refresh through Google's token endpoint.
//!
//! The session gives an in-line answer to an unknown outcome: if the PUT breaks off, a
//! `PUT` with `Content-Range: bytes */N` says whether the upload completed (200/201 and
//! the video) or how far it got (308 and `Range`), and the upload resumes from there. A
//! session creates at most one video, so this cannot duplicate.

use bytes::Bytes;
use domain::platform::Platform;
use serde_json::{json, Value};

use super::deletion;
use super::oauth::{refresh_grant, ClientAuth};
use crate::classify::Reply;
use crate::config::{Endpoint, Settings};
use crate::connector::{impl_connector, Capabilities, LookupMethod};
use crate::error::PublishError;
use crate::http::{parse, BuildError, Http};
use crate::matching::{parse_time, pick, Candidate};
use crate::types::{AccountAuth, Deleted, Lookup, NewTokens, Outgoing, Probe, Published};
use crate::validate::youtube_title;

pub struct Youtube {
    http: Http,
    ep: Endpoint,
}

impl Youtube {
    pub fn new(ep: Endpoint, settings: &Settings) -> Result<Self, BuildError> {
        Ok(Youtube {
            http: Http::new(Platform::Youtube, settings)?,
            ep,
        })
    }

    fn api(&self, path: &str) -> String {
        format!("{}/youtube/v3{path}", self.ep.api_base)
    }

    async fn publish(&self, a: &AccountAuth, post: &Outgoing) -> Result<Published, PublishError> {
        let Some(video) = post.media.iter().find(|m| m.is_video()) else {
            return Err(PublishError::local("YouTube needs exactly one video"));
        };
        let session = self
            .open_session(a, post, video.bytes.len(), &video.mime)
            .await
            .map_err(PublishError::before_create)?;
        let token = a.access_token.expose();
        let req = self
            .http
            .client
            .put(&session)
            .bearer_auth(token)
            .header("Content-Type", &video.mime)
            .body(video.bytes.clone());
        let reply = match self.http.call(req, "upload").await {
            Err(PublishError::Unknown { detail }) => {
                tracing::info!(platform = "youtube", "upload broke off; asking the session");
                return self
                    .resume(a, &session, &video.bytes, &video.mime, detail)
                    .await;
            }
            other => other?,
        };
        video_published(&reply)
    }

    async fn open_session(
        &self,
        a: &AccountAuth,
        post: &Outgoing,
        len: usize,
        mime: &str,
    ) -> Result<String, PublishError> {
        let mut snippet = json!({
            "title": youtube_title(post),
            "description": post.text,
            "categoryId": "22",
        });
        if let Some(lang) = &post.language {
            snippet["defaultLanguage"] = json!(lang);
        }
        let body = json!({
            "snippet": snippet,
            "status": { "privacyStatus": "public", "selfDeclaredMadeForKids": false },
        });
        let url = format!(
            "{}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status",
            self.ep.upload_base
        );
        let req = self
            .http
            .client
            .post(url)
            .bearer_auth(a.access_token.expose())
            .header("X-Upload-Content-Length", len.to_string())
            .header("X-Upload-Content-Type", mime)
            .json(&body);
        let reply = self.http.call(req, "open upload session").await?;
        reply
            .header("location")
            .map(String::from)
            .ok_or_else(|| PublishError::unknown("upload session without Location"))
    }

    /// Ask the session how far the upload got; finish it if it stopped part-way.
    async fn resume(
        &self,
        a: &AccountAuth,
        session: &str,
        bytes: &Bytes,
        mime: &str,
        first_failure: String,
    ) -> Result<Published, PublishError> {
        let total = bytes.len();
        let token = a.access_token.expose();
        let status_req = self
            .http
            .client
            .put(session)
            .bearer_auth(token)
            .header("Content-Range", format!("bytes */{total}"));
        let unknown = || PublishError::unknown(format!("upload: {first_failure}"));
        let Ok(status) = self.http.exchange(status_req, "upload status").await else {
            return Err(unknown());
        };
        if status.is_success() {
            return video_published(&status);
        }
        if status.status != 308 {
            return Err(unknown());
        }
        // `Range: bytes=0-N` is what the server holds; no header means nothing yet.
        let next = status
            .header("range")
            .and_then(|r| r.rsplit('-').next())
            .and_then(|n| n.trim().parse::<usize>().ok())
            .map_or(0, |last| last + 1);
        if next > total {
            return Err(unknown());
        }
        let end = total.saturating_sub(1);
        let req = self
            .http
            .client
            .put(session)
            .bearer_auth(token)
            .header("Content-Type", mime)
            .header("Content-Range", format!("bytes {next}-{end}/{total}"))
            .body(bytes.slice(next..));
        let reply = self.http.call(req, "upload resume").await?;
        video_published(&reply)
    }

    async fn lookup(&self, a: &AccountAuth, probe: &Probe) -> Result<Lookup, PublishError> {
        let token = a.access_token.expose();
        let req = self
            .http
            .client
            .get(self.api("/channels"))
            .query(&[("part", "contentDetails"), ("mine", "true")])
            .bearer_auth(token);
        let v: Value = parse(&self.http.call(req, "channel").await?, "channel")?;
        let uploads = super::field(
            &v,
            "/items/0/contentDetails/relatedPlaylists/uploads",
            "channel",
        )?;
        let req = self
            .http
            .client
            .get(self.api("/playlistItems"))
            .query(&[
                ("part", "snippet"),
                ("playlistId", uploads.as_str()),
                ("maxResults", "50"),
            ])
            .bearer_auth(token);
        let v: Value = parse(&self.http.call(req, "uploads").await?, "uploads")?;
        let items = v
            .get("items")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let candidates = items.iter().filter_map(candidate).collect();
        let wanted = format!("{}\n{}", probe_title(probe), probe.text);
        Ok(pick(probe, &wanted, candidates))
    }

    async fn delete(&self, a: &AccountAuth, id: &str) -> Result<Deleted, PublishError> {
        let req = self
            .http
            .client
            .delete(self.api("/videos"))
            .query(&[("id", id)])
            .bearer_auth(a.access_token.expose());
        let reply = self.http.exchange(req, "delete").await?;
        deletion(Platform::Youtube, &reply)
    }

    async fn refresh(&self, a: &AccountAuth) -> Result<NewTokens, PublishError> {
        let url = format!("{}/token", self.ep.auth_base);
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
            .get(self.api("/channels"))
            .query(&[("part", "id"), ("mine", "true")])
            .bearer_auth(a.access_token.expose());
        self.http.call(req, "probe").await.map(|_| ())
    }
}

fn probe_title(p: &Probe) -> String {
    let as_post = Outgoing {
        text: p.text.clone(),
        title: p.title.clone(),
        media: vec![],
        idempotency_key: String::new(),
        marker: None,
        language: None,
        created_at: p.created_at,
    };
    youtube_title(&as_post)
}

fn video_published(reply: &Reply) -> Result<Published, PublishError> {
    let v: Value = parse(reply, "upload")?;
    let id = super::field(&v, "/id", "upload")?;
    Ok(Published {
        url: Some(format!("https://www.youtube.com/watch?v={id}")),
        remote_id: id,
    })
}

fn candidate(item: &Value) -> Option<Candidate> {
    let s = item.get("snippet")?;
    let id = s.pointer("/resourceId/videoId")?.as_str()?.to_string();
    let title = s.get("title").and_then(Value::as_str).unwrap_or("");
    let description = s.get("description").and_then(Value::as_str).unwrap_or("");
    Some(Candidate {
        url: Some(format!("https://www.youtube.com/watch?v={id}")),
        remote_id: id,
        text: format!("{title}\n{description}"),
        links: vec![],
        created_at: s
            .get("publishedAt")
            .and_then(Value::as_str)
            .and_then(parse_time),
    })
}

impl_connector!(
    Youtube,
    Platform::Youtube,
    Capabilities {
        lookup: LookupMethod::RecentPosts,
        refresh: true,
        idempotent_resend: None,
    }
);
